#include "cli/interrupt.h"

#include <unistd.h>

#include <cstring>

#include "site/writer.h"

namespace pepgen {

InterruptCleanup::InterruptCleanup() {
    sigemptyset(&signals_);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGUSR1}) sigaddset(&signals_, s);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
    thread_ = std::thread([this] {
        int sig = 0;
        sigwait(&signals_, &sig);
        if (sig == SIGUSR1) return;  // the command ended: nothing to clean
        abandon_active_writers();
        constexpr const char* kMessage = "\nDihentikan; folder keluaran tidak diubah.\n";
        [[maybe_unused]] auto n = ::write(STDERR_FILENO, kMessage, std::strlen(kMessage));
        ::_exit(128 + sig);
    });
}

InterruptCleanup::~InterruptCleanup() {
    pthread_kill(thread_.native_handle(), SIGUSR1);
    thread_.join();
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace pepgen
