#include "site/memory_disk.h"

#include <cerrno>
#include <system_error>

#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {


std::string normal(const fs::path& p) {
    auto s = p.lexically_normal().generic_string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

std::string parent_of(const std::string& p) {
    const auto slash = p.rfind('/');
    return slash == 0 ? "/" : p.substr(0, slash);
}

bool is_below(const std::string& path, const std::string& dir) {
    return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
           (dir == "/" || path[dir.size()] == '/');
}

/// The first entry below dir. Entries below it all start with "dir/" and so stand
/// together from here, but not right after dir itself: a sibling such as "/s-x"
/// or "/s.tmp" sorts between "/s" and "/s/a" ('-' and '.' come before '/').
template <class Nodes>
auto first_below(Nodes& nodes, const std::string& dir) {
    return nodes.upper_bound(dir == "/" ? dir : dir + "/");
}

}  // namespace

class MemorySink final : public Disk::Sink {
public:
    MemorySink(MemoryDisk& disk, std::string path, int error) : disk_(disk), path_(std::move(path)), error_(error) {}
    void write(std::string_view bytes) override {
        const auto held = disk_.hold();
        if (error_) return;
        if (disk_.fail_writes_) {
            error_ = disk_.fail_writes_;
            return;
        }
        disk_.change();
        auto& node = disk_.nodes_[path_];
        node.bytes.append(bytes);
        node.stamp = disk_.next_stamp(node.bytes.size());
    }
    std::string append_from(const fs::path& file, std::uint64_t offset, std::uint64_t size) override {
        std::string error;
        const auto bytes = disk_.read_range(file, offset, static_cast<std::size_t>(size), error);
        if (!bytes) return error;
        write(*bytes);
        return error_ ? "berkas tidak dapat ditulis: " + system_reason(error_) : std::string();
    }
    void write_out() override {
        const auto held = disk_.hold();
        if (!error_) disk_.written_out_.insert(path_);
    }
    std::string close() override { return error_ ? "berkas tidak dapat ditulis: " + system_reason(error_) : std::string(); }

private:
    MemoryDisk& disk_;
    std::string path_;
    int error_;
};

class MemoryLock final : public Disk::Lock {
public:
    MemoryLock(MemoryDisk& disk, std::string dir, Disk::LockKind kind)
        : disk_(disk), dir_(std::move(dir)), kind_(kind), lives_(disk.lives_) {}
    ~MemoryLock() override {
        const auto held = disk_.hold();
        // A handle of a process that died before revive() holds nothing now: the folder may be another's.
        if (lives_ != disk_.lives_) return;
        if (kind_ == Disk::LockKind::exclusive) disk_.locked_.erase(dir_);
        else if (auto it = disk_.shared_.find(dir_); it != disk_.shared_.end() && --it->second <= 0) disk_.shared_.erase(it);
    }

private:
    MemoryDisk& disk_;
    std::string dir_;
    Disk::LockKind kind_;
    std::uint64_t lives_;  ///< the disk's revive() count when taken
};

MemoryDisk::MemoryDisk() { nodes_["/"] = Node{Kind::directory, {}, {}, 0755, {}}; }

void MemoryDisk::change() {
    ++changes_;
    if (stop_after_ >= 0 && stop_after_-- == 0) {
        at_stop_ = nodes_;
        stopped_ = true;
        throw Stopped{};
    }
}

void MemoryDisk::revive() {
    const auto held = hold();
    if (stopped_) nodes_ = std::move(at_stop_);
    stopped_ = false;
    locked_.clear();
    shared_.clear();
    ++lives_;
}

FileStamp MemoryDisk::next_stamp(std::size_t size) {
    ++clock_;
    return FileStamp{size, static_cast<std::int64_t>(clock_), static_cast<std::int64_t>(clock_), clock_};
}

std::string MemoryDisk::real(const fs::path& path) const {
    std::string out;
    const auto p = normal(path);
    std::size_t start = 1;
    while (start <= p.size()) {
        auto end = p.find('/', start);
        if (end == std::string::npos) end = p.size();
        out += "/" + p.substr(start, end - start);
        if (end < p.size()) {  // not the last part: follow a symlink
            for (int hops = 0; hops < 40; ++hops) {
                auto it = nodes_.find(out);
                if (it == nodes_.end() || it->second.kind != Kind::symlink) break;
                out = normal(it->second.target);
            }
        }
        start = end + 1;
    }
    return out.empty() ? "/" : out;
}

Disk::Info MemoryDisk::lstat(const fs::path& path) {
    const auto held = hold();
    Info info;
    auto it = nodes_.find(real(path));
    if (it == nodes_.end()) return info;
    info.kind = it->second.kind;
    info.mode = it->second.mode;
    info.stamp = it->second.stamp;
    return info;
}

std::optional<std::string> MemoryDisk::read(const fs::path& path, std::string& error) {
    const auto held = hold();
    auto it = nodes_.find(real(path));
    if (it == nodes_.end() || it->second.kind != Kind::file) {
        error = system_reason(it == nodes_.end() ? ENOENT : EISDIR);
        return std::nullopt;
    }
    return it->second.bytes;
}

std::optional<std::string> MemoryDisk::read_range(const fs::path& path, std::uint64_t offset, std::size_t size,
                                                  std::string& error) {
    auto bytes = read(path, error);
    if (!bytes) return std::nullopt;
    if (offset > bytes->size() || size > bytes->size() - offset) {
        error = "berkas lebih pendek dari yang tercatat";
        return std::nullopt;
    }
    return bytes->substr(static_cast<std::size_t>(offset), size);
}

std::unique_ptr<Disk::Sink> MemoryDisk::create(const fs::path& path) {
    const auto held = hold();
    const auto p = real(path);
    auto parent = nodes_.find(parent_of(p));
    int error = fail_writes_;
    if (parent == nodes_.end() || parent->second.kind != Kind::directory) error = ENOENT;
    else if (auto it = nodes_.find(p); it != nodes_.end() && it->second.kind != Kind::file)
        error = it->second.kind == Kind::directory ? EISDIR : ELOOP;
    if (!error) {
        change();
        nodes_[p] = Node{Kind::file, {}, {}, 0644, next_stamp(0)};
    }
    return std::make_unique<MemorySink>(*this, p, error);
}

std::string MemoryDisk::make_dirs(const fs::path& path) {
    const auto held = hold();
    const auto p = real(path);
    std::string at;
    std::size_t start = 1;
    while (start <= p.size()) {
        auto end = p.find('/', start);
        if (end == std::string::npos) end = p.size();
        at += "/" + p.substr(start, end - start);
        auto it = nodes_.find(at);
        if (it == nodes_.end()) {
            if (fail_writes_) return "folder tidak dapat dibuat: " + system_reason(fail_writes_);
            change();
            nodes_[at] = Node{Kind::directory, {}, {}, 0755, next_stamp(0)};
        } else if (it->second.kind == Kind::symlink) {
            at = normal(it->second.target);
        } else if (it->second.kind != Kind::directory) {
            return "folder tidak dapat dibuat: " + system_reason(EEXIST);
        }
        start = end + 1;
    }
    return {};
}

std::string MemoryDisk::rename(const fs::path& from, const fs::path& to) {
    const auto held = hold();
    const auto f = real(from), t = real(to);
    auto src = nodes_.find(f);
    if (src == nodes_.end()) return system_reason(ENOENT);
    auto parent = nodes_.find(parent_of(t));
    if (parent == nodes_.end() || parent->second.kind != Kind::directory) return system_reason(ENOENT);
    if (auto dst = nodes_.find(t); dst != nodes_.end() && dst->second.kind == Kind::directory) return system_reason(EISDIR);
    change();
    if (src->second.kind == Kind::directory) {
        if (t == f || is_below(t, f)) return system_reason(EINVAL);
        std::vector<std::pair<std::string, Node>> moved;
        for (auto it = first_below(nodes_, f); it != nodes_.end() && is_below(it->first, f);)
            moved.emplace_back(t + it->first.substr(f.size()), it->second), it = nodes_.erase(it);
        moved.emplace_back(t, src->second);
        nodes_.erase(src);
        for (auto& [path, node] : moved) nodes_[path] = std::move(node);
        return {};
    }
    auto node = src->second;
    nodes_.erase(src);
    node.stamp.ctime_ns = static_cast<std::int64_t>(++clock_);
    nodes_[t] = std::move(node);
    return {};
}

std::string MemoryDisk::exchange(const fs::path& a, const fs::path& b) {
    const auto held = hold();
    if (fail_exchange_) return system_reason(fail_exchange_);
    const auto x = real(a), y = real(b);
    auto first = nodes_.find(x), second = nodes_.find(y);
    if (first == nodes_.end() || second == nodes_.end()) return system_reason(ENOENT);
    // Files only: no caller swaps folders, and a folder's contents would have to move with it.
    if (first->second.kind != Kind::file || second->second.kind != Kind::file) return system_reason(EINVAL);
    change();
    std::swap(first->second, second->second);
    first->second.stamp.ctime_ns = static_cast<std::int64_t>(++clock_);
    second->second.stamp.ctime_ns = static_cast<std::int64_t>(++clock_);
    return {};
}

bool MemoryDisk::remove_file(const fs::path& path) {
    const auto held = hold();
    auto it = nodes_.find(real(path));
    if (it == nodes_.end() || it->second.kind == Kind::directory) return false;
    change();
    nodes_.erase(it);
    return true;
}

bool MemoryDisk::remove_empty_dir(const fs::path& path) {
    const auto held = hold();
    const auto p = real(path);
    auto it = nodes_.find(p);
    if (it == nodes_.end() || it->second.kind != Kind::directory) return false;
    auto next = first_below(nodes_, p);
    if (next != nodes_.end() && is_below(next->first, p)) return false;
    change();
    nodes_.erase(it);
    return true;
}

void MemoryDisk::remove_tree(const fs::path& path) {
    const auto held = hold();
    const auto p = real(path);
    auto it = nodes_.find(p);
    if (it == nodes_.end()) return;
    change();
    auto begin = first_below(nodes_, p), end = begin;
    while (end != nodes_.end() && is_below(end->first, p)) ++end;
    nodes_.erase(begin, end);
    nodes_.erase(it);
}

std::vector<std::string> MemoryDisk::list(const fs::path& dir, std::string& error) {
    const auto held = hold();
    const auto p = real(dir);
    std::vector<std::string> names;
    auto it = nodes_.find(p);
    if (it == nodes_.end() || it->second.kind != Kind::directory) {
        error = system_reason(ENOTDIR);
        return names;
    }
    for (it = first_below(nodes_, p); it != nodes_.end() && is_below(it->first, p); ++it) {
        const auto rest = it->first.substr(p == "/" ? 1 : p.size() + 1);
        if (rest.find('/') == std::string::npos) names.push_back(rest);
    }
    return names;
}

std::optional<fs::path> MemoryDisk::resolve(const fs::path& path) {
    const auto held = hold();
    auto p = real(path);
    for (int hops = 0; hops < 40; ++hops) {
        auto it = nodes_.find(p);
        if (it == nodes_.end()) return std::nullopt;
        if (it->second.kind != Kind::symlink) return fs::path(p);
        p = real(it->second.target);
    }
    return std::nullopt;
}

std::unique_ptr<Disk::Lock> MemoryDisk::lock(const fs::path& dir, LockKind kind, bool& busy, std::string& error) {
    const auto held = hold();
    const auto p = real(dir);
    busy = locked_.count(p) || (kind == LockKind::exclusive && shared_.count(p));
    if (busy) {
        error = system_reason(EWOULDBLOCK);
        return nullptr;
    }
    if (kind == LockKind::exclusive) locked_.insert(p);
    else ++shared_[p];
    return std::make_unique<MemoryLock>(*this, p, kind);
}

void MemoryDisk::add_file(const fs::path& path, std::string bytes, unsigned mode) {
    const auto held = hold();
    const auto p = real(path);
    make_dirs(parent_of(p));
    const auto size = bytes.size();
    nodes_[p] = Node{Kind::file, std::move(bytes), {}, mode, next_stamp(size)};
}

void MemoryDisk::add_dir(const fs::path& path, unsigned mode) {
    const auto held = hold();
    make_dirs(path);
    nodes_[real(path)].mode = mode;
}

void MemoryDisk::add_symlink(const fs::path& path, const fs::path& target) {
    const auto held = hold();
    const auto p = real(path);
    make_dirs(parent_of(p));
    nodes_[p] = Node{Kind::symlink, {}, normal(target), 0777, next_stamp(0)};
}

std::string MemoryDisk::snapshot(const fs::path& dir, const std::set<std::string>& skip) const {
    const auto held = hold();
    const auto p = real(dir);
    std::string out;
    for (auto it = first_below(nodes_, p); it != nodes_.end(); ++it) {
        if (!is_below(it->first, p)) break;
        const auto rel = it->first.substr(p == "/" ? 1 : p.size() + 1);
        if (skip.count(rel.substr(0, rel.find('/')))) continue;
        if (it->second.kind == Kind::file)
            out += "== " + rel + " (" + std::to_string(it->second.bytes.size()) + ")\n" + it->second.bytes + "\n";
        else if (it->second.kind == Kind::directory)
            out += "== " + rel + "/ " + std::to_string(it->second.mode) + "\n";
    }
    return out;
}

}  // namespace pepgen
