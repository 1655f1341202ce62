/// Wakes `serve` as soon as a project input may have changed: inotify on
/// content/, data/, themes/ and the project folder (pepgen.yaml), woken early
/// by a stop request. Where inotify is unavailable it simply times out, and
/// the caller's own comparison of the inputs still decides.
#pragma once

#include <chrono>
#include <filesystem>
#include <stop_token>

namespace pepgen {

class InputWatch {
public:
    explicit InputWatch(const std::filesystem::path& root);
    ~InputWatch();
    InputWatch(const InputWatch&) = delete;
    InputWatch& operator=(const InputWatch&) = delete;

    enum class Woke { change, timeout, stop };
    /// Waits until something under the inputs changes, `timeout` passes, or
    /// `stop` is requested, and says which came first.
    Woke wait(std::chrono::milliseconds timeout, std::stop_token stop);
    /// After a change: waits until nothing has changed for `quiet` (an editor's or
    /// LibreOffice's save is a burst of writes), or `longest` has passed since the call
    /// (steady changes), or `stop` is requested; returns stop or timeout.
    Woke wait_until_quiet(std::chrono::milliseconds quiet, std::chrono::milliseconds longest, std::stop_token stop);

private:
    void watch_tree();

    std::filesystem::path root_;
    int inotify_ = -1;
    int wake_ = -1;  ///< eventfd a stop request writes to
};

}  // namespace pepgen
