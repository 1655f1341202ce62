#include "site/discard_bin.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>

namespace fs = std::filesystem;

namespace pepgen {

DiscardBin::~DiscardBin() { wait(); }

void DiscardBin::wait() {
    if (emptying_.joinable()) emptying_.join();
}

bool DiscardBin::is_real_folder() const {
    return disk_.lstat(dir_.parent_path()).kind == Disk::Kind::directory &&
           disk_.lstat(dir_).kind == Disk::Kind::directory;
}

bool DiscardBin::take(const fs::path& folder) {
    if (dir_.empty()) return false;
    // .pepgen-cache/ may not exist yet, but nothing is made through a link: only below real folders.
    const auto holder = disk_.lstat(dir_.parent_path()).kind;
    if (holder == Disk::Kind::missing ? disk_.lstat(dir_.parent_path().parent_path()).kind != Disk::Kind::directory
                                      : holder != Disk::Kind::directory)
        return false;
    if (disk_.lstat(dir_).kind == Disk::Kind::missing && !disk_.make_dirs(dir_).empty()) return false;
    if (!is_real_folder()) return false;
    // A name no other build (of this process or another) gives: the process, a count and the time.
    static std::atomic<unsigned> count{0};
    const auto now = std::chrono::system_clock::now().time_since_epoch().count();
    const auto name = std::to_string(::getpid()) + "-" + std::to_string(count++) + "-" + std::to_string(now);
    return disk_.rename(folder, dir_ / name).empty();
}

void DiscardBin::empty_in_background() {
    if (dir_.empty() || emptying_.joinable()) return;
    emptying_ = std::thread([this] {
        if (!is_real_folder()) return;
        std::string error;
        for (const auto& name : disk_.list(dir_, error)) disk_.remove_tree(dir_ / name);
    });
}

}  // namespace pepgen
