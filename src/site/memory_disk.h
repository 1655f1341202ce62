/// A file system in memory for tests of publishing: every state can be
/// inspected, a failure injected, and a commit stopped at any step as if the
/// process had been killed there. Safe to use from several threads at once, as
/// the real disk is: a build's render threads write their pages in parallel.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>

#include "site/disk.h"

namespace pepgen {

class MemoryDisk final : public Disk {
public:
    struct Node {
        Kind kind = Kind::file;
        std::string bytes;     ///< a file's content
        std::string target;    ///< a symlink's target (absolute)
        unsigned mode = 0644;
        FileStamp stamp;
    };
    /// Thrown by the operation at which stop_after() says the process dies.
    struct Stopped {};

    MemoryDisk();

    Info lstat(const std::filesystem::path& path) override;
    std::optional<std::string> read(const std::filesystem::path& path, std::string& error) override;
    std::optional<std::string> read_range(const std::filesystem::path& path, std::uint64_t offset, std::size_t size,
                                          std::string& error) override;
    std::unique_ptr<Sink> create(const std::filesystem::path& path) override;
    std::string make_dirs(const std::filesystem::path& path) override;
    std::string rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
    std::string exchange(const std::filesystem::path& a, const std::filesystem::path& b) override;
    bool remove_file(const std::filesystem::path& path) override;
    bool remove_empty_dir(const std::filesystem::path& path) override;
    void remove_tree(const std::filesystem::path& path) override;
    std::vector<std::string> list(const std::filesystem::path& dir, std::string& error) override;
    std::optional<std::filesystem::path> resolve(const std::filesystem::path& path) override;
    std::unique_ptr<Lock> lock(const std::filesystem::path& dir, LockKind kind, bool& busy, std::string& error) override;

    void add_file(const std::filesystem::path& path, std::string bytes, unsigned mode = 0644);
    void add_dir(const std::filesystem::path& path, unsigned mode = 0755);
    void add_symlink(const std::filesystem::path& path, const std::filesystem::path& target);
    /// Every write fails from now on with this reason (ENOSPC: a full disk); 0 to stop.
    void fail_writes(int error) { fail_writes_ = error; }
    /// exchange() fails with this reason (EINVAL: a file system that cannot swap); 0 to stop.
    void fail_exchange(int error) { fail_exchange_ = error; }
    /// The n-th change from now (create, write, rename, exchange, remove, mkdir) throws Stopped; -1 never.
    void stop_after(long n) { stop_after_ = n; }
    /// After Stopped: the disk as the dead process left it (what its
    /// destructors did afterwards never happened), its locks released; releasing one of its
    /// lock handles later changes nothing.
    void revive();
    /// Changes made since construction.
    long changes() const { return changes_; }
    /// Every file below dir, as "path (size)\nbytes\n", sorted; `skip` names top-level entries to leave out.
    std::string snapshot(const std::filesystem::path& dir, const std::set<std::string>& skip = {}) const;
    const std::map<std::string, Node>& nodes() const { return nodes_; }
    /// Files whose writer asked for them to be written out to the device (Sink::write_out).
    const std::set<std::string>& written_out() const { return written_out_; }

private:
    friend class MemorySink;
    friend class MemoryLock;
    /// The path with every symlink before its last part followed.
    std::string real(const std::filesystem::path& path) const;
    void change();
    FileStamp next_stamp(std::size_t size);
    /// One operation at a time; a copy of the disk gets a lock of its own.
    struct Guard {
        mutable std::recursive_mutex mutex;
        Guard() = default;
        Guard(const Guard&) {}
        Guard& operator=(const Guard&) { return *this; }
    };
    std::unique_lock<std::recursive_mutex> hold() const { return std::unique_lock(guard_.mutex); }
    Guard guard_;
    std::map<std::string, Node> nodes_;
    std::map<std::string, Node> at_stop_;
    bool stopped_ = false;
    std::set<std::string> locked_;           ///< held exclusively
    std::map<std::string, int> shared_;      ///< holders of a shared lock, by folder
    std::uint64_t lives_ = 0;                ///< revive() calls so far: a lock from an earlier life releases nothing
    std::set<std::string> written_out_;
    int fail_writes_ = 0;
    int fail_exchange_ = 0;
    long stop_after_ = -1;
    long changes_ = 0;
    std::uint64_t clock_ = 1;
};

}  // namespace pepgen
