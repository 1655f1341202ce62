#include "cli/input_watch.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <system_error>

#include "site/incremental_keys.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

constexpr std::uint32_t kEvents =
    IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF;

}  // namespace

InputWatch::InputWatch(const fs::path& root) : root_(root) {
    inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    watch_tree();
}

InputWatch::~InputWatch() {
    if (inotify_ >= 0) ::close(inotify_);
    if (wake_ >= 0) ::close(wake_);
}

void InputWatch::watch_tree() {
    if (inotify_ < 0) return;
    // Adding a folder already watched only returns its old watch, so after
    // each change the whole tree is walked again to catch new folders.
    ::inotify_add_watch(inotify_, root_.c_str(), kEvents);
    for (const char* dir : {"content", "data", "themes"}) ::inotify_add_watch(inotify_, (root_ / dir).c_str(), kEvents);
    // Every folder the build's scan lists, linked ones too (a watch on a link watches its folder).
    const auto listed = list_inputs(root_);
    for (std::size_t i = 0; i < listed.paths.size(); ++i)
        if (listed.folder[i]) ::inotify_add_watch(inotify_, listed.paths[i].c_str(), kEvents);
}

InputWatch::Woke InputWatch::wait(std::chrono::milliseconds timeout, std::stop_token stop) {
    if (stop.stop_requested()) return Woke::stop;
    std::stop_callback on_stop(stop, [this] {
        const std::uint64_t one = 1;
        if (wake_ >= 0) (void)::write(wake_, &one, sizeof one);
    });
    pollfd fds[2] = {{wake_, POLLIN, 0}, {inotify_, POLLIN, 0}};
    const int n = ::poll(fds, inotify_ >= 0 ? 2 : 1, static_cast<int>(timeout.count()));
    if (stop.stop_requested()) return Woke::stop;
    if (n <= 0 || !(fds[1].revents & POLLIN)) return Woke::timeout;
    alignas(inotify_event) char buf[8192];
    while (::read(inotify_, buf, sizeof buf) > 0) {
    }
    watch_tree();
    return Woke::change;
}

InputWatch::Woke InputWatch::wait_until_quiet(std::chrono::milliseconds quiet, std::chrono::milliseconds longest,
                                              std::stop_token stop) {
    // By the clock, not by wakes: each write of a save wakes wait() at once, so a
    // count of wakes runs out while a large file is still being written.
    const auto give_up = std::chrono::steady_clock::now() + longest;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(give_up - std::chrono::steady_clock::now());
        if (left <= std::chrono::milliseconds(0)) return Woke::timeout;
        const auto woke = wait(std::min(quiet, left), stop);
        if (woke != Woke::change) return woke;
    }
}

}  // namespace pepgen
