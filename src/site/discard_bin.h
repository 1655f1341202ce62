/// Where a commit leaves what it no longer needs (the previous versions of the files it
/// replaced), outside the output folder, for the next build to delete beside its own work.
#pragma once

#include <filesystem>
#include <thread>

#include "site/disk.h"

namespace pepgen {

/// The bin is <project>/.pepgen-cache/buang/: never published, like the rest of .pepgen-cache/.
/// Deleting a national site's replaced files (tens of megabytes) waits on the file system;
/// a correction's rebuild would otherwise end waiting for it.
class DiscardBin {
public:
    DiscardBin(Disk& disk, std::filesystem::path dir) : disk_(disk), dir_(std::move(dir)) {}
    DiscardBin(const DiscardBin&) = delete;
    DiscardBin& operator=(const DiscardBin&) = delete;
    /// Waits for the deleting started by empty_in_background().
    ~DiscardBin();

    /// Moves `folder` into the bin under a name of its own. False when it cannot (the bin is on
    /// another file system, or it or .pepgen-cache/ is not a real folder): the caller removes it.
    bool take(const std::filesystem::path& folder);
    /// Deletes, on a thread of its own, whatever the bin holds now (what earlier builds left).
    void empty_in_background();
    /// Waits for that thread, if any.
    void wait();

    const std::filesystem::path& dir() const { return dir_; }

private:
    /// The bin and the folder holding it are real folders, not links that could lead elsewhere.
    bool is_real_folder() const;

    Disk& disk_;
    std::filesystem::path dir_;
    std::thread emptying_;
};

}  // namespace pepgen
