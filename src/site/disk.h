/// The few file-system operations that publishing needs, behind one small
/// interface (as ninja's DiskInterface): the real disk in a build, a map in
/// memory in tests that want to inject a failure or stop a commit at any step.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "site/manifest.h"

namespace pepgen {

class Disk {
public:
    enum class Kind { missing, file, directory, symlink, other };
    struct Info {
        Kind kind = Kind::missing;
        unsigned mode = 0;  ///< permission bits
        FileStamp stamp;    ///< for files
        int error = 0;      ///< errno when the path could not be examined (other than missing)
    };
    /// A file being written. close() returns "" or the reason it failed.
    class Sink {
    public:
        virtual ~Sink() = default;
        virtual void write(std::string_view bytes) = 0;
        /// Puts `size` bytes of `file` from `offset` next (never through a symlink): "" or the reason.
        /// The real disk copies them inside the system, so a large file's unchanged runs never pass
        /// through the process.
        virtual std::string append_from(const std::filesystem::path& file, std::uint64_t offset, std::uint64_t size) = 0;
        /// Asks the system to start writing what was written so far to the device, without
        /// waiting for it (a no-op where there is no device).
        virtual void write_out() {}
        virtual std::string close() = 0;
    };
    /// Held for as long as the lock should last.
    class Lock {
    public:
        virtual ~Lock() = default;
    };

    virtual ~Disk() = default;
    /// What is at path, without following a final symlink.
    virtual Info lstat(const std::filesystem::path& path) = 0;
    /// lstat of each of `rels` (relative paths, as a manifest lists them) below `dir`, in order. A
    /// national site's survey asks for thousands: the real disk makes no path object for each.
    virtual std::vector<Info> lstat_below(const std::filesystem::path& dir, const std::vector<std::string_view>& rels);
    virtual std::optional<std::string> read(const std::filesystem::path& path, std::string& error) = 0;
    /// Exactly `size` bytes from `offset` of a file (never through a symlink), or nullopt with the reason.
    virtual std::optional<std::string> read_range(const std::filesystem::path& path, std::uint64_t offset,
                                                  std::size_t size, std::string& error) = 0;
    /// Creates or truncates a file; never follows a symlink at path.
    virtual std::unique_ptr<Sink> create(const std::filesystem::path& path) = 0;
    /// The folder and any missing parents; "" or the reason.
    virtual std::string make_dirs(const std::filesystem::path& path) = 0;
    /// Renames a file (replacing a file at `to`) or a folder (to a free name), within one file system; "" or the reason.
    virtual std::string rename(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
    /// Swaps two files in one step, each name then naming the other's file; "" or the reason
    /// (not every file system can: the caller then renames instead).
    virtual std::string exchange(const std::filesystem::path& a, const std::filesystem::path& b) = 0;
    virtual bool remove_file(const std::filesystem::path& path) = 0;
    /// Removes a folder only if it is empty.
    virtual bool remove_empty_dir(const std::filesystem::path& path) = 0;
    virtual void remove_tree(const std::filesystem::path& path) = 0;
    /// Names in a folder, sorted; "" in error or the reason.
    virtual std::vector<std::string> list(const std::filesystem::path& dir, std::string& error) = 0;
    /// Where a symlink points, absolute and normalised; nullopt if it does not.
    virtual std::optional<std::filesystem::path> resolve(const std::filesystem::path& path) = 0;
    /// Exclusive: one holder. Shared: any number of holders, while nobody holds it exclusively.
    enum class LockKind { exclusive, shared };
    /// A lock on a folder that the system drops if the process dies; never waits.
    /// nullptr with `busy` set when it is held in a way that excludes this one, or with the reason.
    virtual std::unique_ptr<Lock> lock(const std::filesystem::path& dir, LockKind kind, bool& busy,
                                       std::string& error) = 0;

    /// Writes a whole file (and starts writing it out to the device, if asked): "" or the reason.
    std::string write(const std::filesystem::path& path, std::string_view bytes, bool write_out = false);
};

/// The process's real file system.
Disk& real_disk();

/// Every regular file below dir, as paths relative to it ("lsp/a/index.html"), sorted
/// within each folder; never through a symlink. `enter` (when given) is asked for every
/// entry's relative path first: false leaves it out, and a folder unvisited.
std::vector<std::string> files_below(Disk& disk, const std::filesystem::path& dir,
                                     const std::function<bool(const std::string& rel)>& enter = {});

}  // namespace pepgen
