/// Ctrl+C, SIGTERM or SIGHUP during a command that writes: the writers in
/// progress drop their staging folders (a commit under way is finished
/// first), so a stopped build leaves the output as it was and nothing behind.
#pragma once

#include <pthread.h>
#include <signal.h>

#include <thread>

namespace pepgen {

/// Lives for the length of a command. Blocks the signals in the calling
/// thread (and so in every thread it starts later) and takes them on a
/// thread of its own.
class InterruptCleanup {
public:
    InterruptCleanup();
    ~InterruptCleanup();
    InterruptCleanup(const InterruptCleanup&) = delete;
    InterruptCleanup& operator=(const InterruptCleanup&) = delete;

private:
    sigset_t signals_{};
    sigset_t previous_{};
    std::thread thread_;
};

}  // namespace pepgen
