/// A build's progress on a terminal ("Merender 120/2100", rewritten in
/// place); silent when standard error is not a terminal.
#pragma once

#include <cstddef>
#include <mutex>

namespace pepgen {

class Progress {
public:
    Progress(bool enabled, const char* what, std::size_t total);
    /// Thread-safe: only the counter is shared, and output is rare.
    void step(std::size_t done);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

private:
    bool enabled_;
    const char* what_;
    std::size_t total_;
    std::mutex mutex_;
};

}  // namespace pepgen
