#include "site/disk.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>


#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {


class FdSink final : public Disk::Sink {
public:
    explicit FdSink(const fs::path& path) {
        fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd_ < 0) errno_ = errno;
    }
    ~FdSink() override {
        if (fd_ >= 0) ::close(fd_);
    }
    void write(std::string_view bytes) override {
        while (fd_ >= 0 && !errno_ && !bytes.empty()) {
            const auto n = ::write(fd_, bytes.data(), bytes.size());
            if (n < 0) {
                if (errno != EINTR) errno_ = errno;
                continue;
            }
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    std::string append_from(const fs::path& file, std::uint64_t offset, std::uint64_t size) override {
        if (fd_ < 0 || errno_) return "berkas tidak dapat ditulis: " + system_reason(errno_ ? errno_ : EBADF);
        const int from = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
        if (from < 0) return system_reason(errno);
        auto at = static_cast<off_t>(offset);
        std::uint64_t left = size;
        int failed = 0;
        bool in_kernel = true;
        std::string buffer;
        while (left > 0 && !failed) {
            ssize_t n = -1;
            if (in_kernel) {
                n = ::copy_file_range(from, &at, fd_, nullptr, left, 0);
                // Not between these two files (another file system, an old kernel): through the process.
                if (n < 0 && (errno == EXDEV || errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP)) {
                    in_kernel = false;
                    continue;
                }
            } else {
                buffer.resize(static_cast<std::size_t>(std::min<std::uint64_t>(left, 1 << 20)));
                n = ::pread(from, buffer.data(), buffer.size(), at);
                if (n > 0) {
                    write(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
                    if (errno_) failed = errno_;
                    at += n;
                }
            }
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) failed = errno;
            else if (n == 0) break;
            else left -= static_cast<std::uint64_t>(n);
        }
        ::close(from);
        if (failed) return system_reason(failed);
        if (left > 0) return "berkas lebih pendek dari yang tercatat";
        return {};
    }
    void write_out() override {
        if (fd_ >= 0 && !errno_) ::sync_file_range(fd_, 0, 0, SYNC_FILE_RANGE_WRITE);
    }
    std::string close() override {
        if (fd_ >= 0 && ::close(fd_) != 0 && !errno_) errno_ = errno;
        fd_ = -1;
        return errno_ ? "berkas tidak dapat ditulis: " + system_reason(errno_) : std::string();
    }

private:
    int fd_ = -1;
    int errno_ = 0;
};

class FlockLock final : public Disk::Lock {
public:
    explicit FlockLock(int fd) : fd_(fd) {}
    ~FlockLock() override { ::close(fd_); }

private:
    int fd_;
};

class RealDisk final : public Disk {
public:
    Info lstat(const fs::path& path) override { return info_of(path.c_str()); }
    std::vector<Info> lstat_below(const fs::path& dir, const std::vector<std::string_view>& rels) override {
        std::vector<Info> infos(rels.size());
        std::string path = dir.native();
        if (path.empty() || path.back() != '/') path += '/';
        const auto base = path.size();
        for (std::size_t i = 0; i < rels.size(); ++i) {
            path.resize(base);
            path += rels[i];
            infos[i] = info_of(path.c_str());
        }
        return infos;
    }
    static Info info_of(const char* path) {
        Info info;
        struct stat st{};
        if (::lstat(path, &st) != 0) {
            if (errno != ENOENT && errno != ENOTDIR) info.error = errno;
            return info;
        }
        info.mode = st.st_mode & 07777;
        info.kind = S_ISREG(st.st_mode)   ? Kind::file
                    : S_ISDIR(st.st_mode) ? Kind::directory
                    : S_ISLNK(st.st_mode) ? Kind::symlink
                                          : Kind::other;
        if (S_ISREG(st.st_mode)) info.stamp = stamp_of(st);
        return info;
    }
    std::optional<std::string> read(const fs::path& path, std::string& error) override {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
        if (fd < 0) {
            error = system_reason(errno);
            return std::nullopt;
        }
        std::string bytes;
        char buffer[65536];
        for (;;) {
            const auto n = ::read(fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) error = system_reason(errno);
            if (n <= 0) break;
            bytes.append(buffer, static_cast<std::size_t>(n));
        }
        ::close(fd);
        if (!error.empty()) return std::nullopt;
        return bytes;
    }
    std::optional<std::string> read_range(const fs::path& path, std::uint64_t offset, std::size_t size,
                                          std::string& error) override {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
        if (fd < 0) {
            error = system_reason(errno);
            return std::nullopt;
        }
        std::string bytes(size, '\0');
        std::size_t done = 0;
        while (done < size) {
            const auto n = ::pread(fd, bytes.data() + done, size - done, static_cast<off_t>(offset + done));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) error = system_reason(errno);
            else if (n == 0) error = "berkas lebih pendek dari yang tercatat";
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        ::close(fd);
        if (!error.empty()) return std::nullopt;
        return bytes;
    }
    std::unique_ptr<Sink> create(const fs::path& path) override { return std::make_unique<FdSink>(path); }
    std::string make_dirs(const fs::path& path) override {
        // The usual case first, in one call: the parent is there (a build makes thousands of folders,
        // and create_directories looks at each one and its parent before making it).
        if (::mkdir(path.c_str(), 0777) == 0) return {};
        struct stat st{};
        if (errno == EEXIST && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return {};
        std::error_code ec;
        fs::create_directories(path, ec);
        return ec ? "folder tidak dapat dibuat: " + ec.message() : std::string();
    }
    std::string rename(const fs::path& from, const fs::path& to) override {
        return ::rename(from.c_str(), to.c_str()) == 0 ? std::string() : system_reason(errno);
    }
    std::string exchange(const fs::path& a, const fs::path& b) override {
        return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0 ? std::string()
                                                                                            : system_reason(errno);
    }
    bool remove_file(const fs::path& path) override { return ::unlink(path.c_str()) == 0; }
    bool remove_empty_dir(const fs::path& path) override { return ::rmdir(path.c_str()) == 0; }
    void remove_tree(const fs::path& path) override {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::vector<std::string> list(const fs::path& dir, std::string& error) override {
        std::vector<std::string> names;
        std::error_code ec;
        for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
            names.push_back(it->path().filename().string());
        if (ec) error = ec.message();
        std::sort(names.begin(), names.end());
        return names;
    }
    std::optional<fs::path> resolve(const fs::path& path) override {
        std::error_code ec;
        auto target = fs::canonical(path, ec);
        if (ec) return std::nullopt;
        return target;
    }
    std::unique_ptr<Lock> lock(const fs::path& dir, LockKind kind, bool& busy, std::string& error) override {
        busy = false;
        const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) {
            error = system_reason(errno);
            return nullptr;
        }
        // flock: the kernel drops it when the process ends, so a killed build
        // never leaves the folder locked.
        if (::flock(fd, (kind == LockKind::shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
            busy = errno == EWOULDBLOCK;
            error = system_reason(errno);
            ::close(fd);
            return nullptr;
        }
        return std::make_unique<FlockLock>(fd);
    }
};

}  // namespace

std::vector<Disk::Info> Disk::lstat_below(const fs::path& dir, const std::vector<std::string_view>& rels) {
    std::vector<Info> infos;
    infos.reserve(rels.size());
    for (const auto rel : rels) infos.push_back(lstat(dir / rel));
    return infos;
}

std::string Disk::write(const fs::path& path, std::string_view bytes, bool write_out) {
    auto sink = create(path);
    sink->write(bytes);
    if (write_out) sink->write_out();
    return sink->close();
}

Disk& real_disk() {
    static RealDisk disk;
    return disk;
}

std::vector<std::string> files_below(Disk& disk, const std::filesystem::path& dir,
                                     const std::function<bool(const std::string& rel)>& enter) {
    std::vector<std::string> out;
    std::vector<std::string> pending{""};
    while (!pending.empty()) {
        const auto sub = pending.back();
        pending.pop_back();
        std::string error;
        for (const auto& name : disk.list(sub.empty() ? dir : dir / sub, error)) {
            const auto rel = sub.empty() ? name : sub + "/" + name;
            if (enter && !enter(rel)) continue;
            const auto kind = disk.lstat(dir / rel).kind;
            if (kind == Disk::Kind::directory) pending.push_back(rel);
            else if (kind == Disk::Kind::file) out.push_back(rel);
        }
    }
    return out;
}

}  // namespace pepgen
