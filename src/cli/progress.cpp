#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace pepgen {

Progress::Progress(bool enabled, const char* what, std::size_t total)
    : enabled_(enabled && ::isatty(STDERR_FILENO)), what_(what), total_(total) {}

void Progress::step(std::size_t done) {
    if (!enabled_ || done % 50 != 0) return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (total_) std::fprintf(stderr, "\r%s %zu/%zu", what_, done, total_);
    else std::fprintf(stderr, "\r%s: %zu", what_, done);
    std::fflush(stderr);
}

Progress::~Progress() {
    if (enabled_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace pepgen
