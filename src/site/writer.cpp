#include "site/writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "site/output_folder.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

bool is_safe_relative_path(const std::string& p) {
    if (p.empty() || p[0] == '/' || p.find('\\') != std::string::npos || p.find('\0') != std::string::npos)
        return false;
    std::stringstream ss(p);
    std::string part;
    while (std::getline(ss, part, '/'))
        if (part.empty() || part == "." || part == "..") return false;
    return true;
}

namespace {

constexpr const char* kStagingName = ".pepgen-staging";
/// Written into the staging folder once every file of a build is staged: from
/// then on the commit is decided, and a build killed during it is finished by
/// the next one. It lists the previous build's files that are to go.
constexpr const char* kCommitMarker = ".pepgen-commit";

std::string reason(int err) { return std::error_code(err, std::generic_category()).message(); }

/// Writes a file with plain system calls, so a failure carries the system's reason.
class FileOut {
public:
    explicit FileOut(const fs::path& path) {
        fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd_ < 0) errno_ = errno;
    }
    ~FileOut() {
        if (fd_ >= 0) ::close(fd_);
    }
    void write(std::string_view bytes) {
        while (fd_ >= 0 && !errno_ && !bytes.empty()) {
            const auto n = ::write(fd_, bytes.data(), bytes.size());
            if (n < 0) {
                if (errno != EINTR) errno_ = errno;
                continue;
            }
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    /// Empty when everything was written, else the reason.
    std::string close() {
        if (fd_ >= 0 && ::close(fd_) != 0 && !errno_) errno_ = errno;
        fd_ = -1;
        return errno_ ? "berkas tidak dapat ditulis: " + reason(errno_) : std::string();
    }

private:
    int fd_ = -1;
    int errno_ = 0;
};

std::string make_parent_dirs(const fs::path& path) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    return ec ? "folder tidak dapat dibuat: " + ec.message() : std::string();
}

std::string write_file(const fs::path& path, std::string_view bytes) {
    if (auto error = make_parent_dirs(path); !error.empty()) return error;
    FileOut out(path);
    out.write(bytes);
    return out.close();
}

/// For the commit's own records: a build killed while writing one leaves the
/// previous version or the new one, never half.
std::string replace_file(const fs::path& path, std::string_view bytes) {
    const auto temp = fs::path(path.string() + ".tmp");
    auto error = write_file(temp, bytes);
    if (error.empty() && ::rename(temp.c_str(), path.c_str()) != 0) error = reason(errno);
    return error;
}

/// Manifest keys are "<input key>" or "<input key>|<content key>".
std::string_view input_part(std::string_view key) { return key.substr(0, key.find('|')); }
std::string_view content_part(std::string_view key) {
    const auto bar = key.find('|');
    return bar == std::string_view::npos ? std::string_view() : key.substr(bar + 1);
}

/// Every folder from the output down to rel's parent is a real folder, not a
/// symlink: what pepgen removes or replaces there is inside the output.
class RealDirs {
public:
    explicit RealDirs(fs::path output) : output_(std::move(output)) {}
    bool parents_real(const std::string& rel) {
        const auto slash = rel.rfind('/');
        return slash == std::string::npos || dir_real(rel.substr(0, slash));
    }
    bool dir_real(const std::string& dir) {
        if (auto it = known_.find(dir); it != known_.end()) return it->second;
        bool real = parents_real(dir);
        struct stat st{};
        if (real) real = ::lstat((output_ / dir).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
        return known_[dir] = real;
    }

private:
    fs::path output_;
    std::map<std::string, bool> known_;
};

/// Carries out a commit as its marker describes it: "+<TAB>staged<TAB>path"
/// moves a staged file into place, "-<TAB>path" removes a previous build's
/// file; then the folders those removals left empty go, and last the
/// manifest. Run by a commit and, for a commit a killed build left
/// unfinished, by the next build: what is already done is skipped, so it can
/// run any number of times. Staged files lie flat in the staging folder: a
/// second tree of folders would cost as much again to make and remove.
std::string roll_forward(const fs::path& output, const fs::path& staging,
                         const std::function<void()>& before_manifest = {}) {
    std::error_code ec;
    std::ifstream marker(staging / kCommitMarker);
    std::vector<std::string> stale;
    for (std::string line; std::getline(marker, line);) {
        if (line.rfind("-\t", 0) == 0) {
            stale.push_back(line.substr(2));
            continue;
        }
        const auto tab = line.find('\t', 2);
        if (line.rfind("+\t", 0) != 0 || tab == std::string::npos) continue;
        const auto staged = staging / line.substr(2, tab - 2);
        const auto rel = line.substr(tab + 1);
        if (!is_safe_relative_path(rel) || !fs::exists(staged, ec)) continue;  // moved already
        const auto target = output / rel;
        if (auto error = make_parent_dirs(target); !error.empty()) return rel + ": " + error;
        if (::rename(staged.c_str(), target.c_str()) != 0)
            return rel + ": berkas tidak dapat dipasang: " + reason(errno);
    }
    RealDirs real(output);
    std::set<std::string, std::greater<>> emptied;  // deepest first
    for (const auto& rel : stale) {
        if (!is_safe_relative_path(rel) || !real.parents_real(rel)) continue;
        struct stat st{};
        const auto path = output / rel;
        if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;  // gone, or not a file of ours now
        ::unlink(path.c_str());
        for (auto slash = rel.rfind('/'); slash != std::string::npos; slash = rel.rfind('/', slash - 1)) {
            emptied.insert(rel.substr(0, slash));
            if (slash == 0) break;
        }
    }
    // Only folders that held the removed pages, and only once empty: a folder
    // of the user's, even an empty one, is never among them.
    for (const auto& dir : emptied) ::rmdir((output / dir).c_str());
    if (before_manifest) before_manifest();
    if (fs::exists(staging / kManifestName, ec) &&
        ::rename((staging / kManifestName).c_str(), (output / kManifestName).c_str()) != 0)
        return std::string(kManifestName) + ": tidak dapat dipasang: " + reason(errno);
    fs::remove_all(staging, ec);
    return {};
}

std::mutex g_active_mutex;
std::set<SiteWriter*> g_active;

}  // namespace

struct SiteWriter::Guard {
    std::mutex commit;
    bool abandoned = false;
};

std::unique_ptr<SiteWriter> SiteWriter::begin(const fs::path& output, Diagnostics& diags, bool verify_all) {
    auto w = std::unique_ptr<SiteWriter>(new SiteWriter());
    w->shown_ = output.string();
    w->verify_all_ = verify_all;
    w->guard_ = std::make_unique<Guard>();
    {
        // Known to the interrupt handler before anything is made in the output.
        std::lock_guard<std::mutex> lock(g_active_mutex);
        g_active.insert(w.get());
    }
    std::lock_guard<std::mutex> commit(w->guard_->commit);
    w->folder_ = OutputFolder::open(output, w->shown_, diags);
    if (!w->folder_) return nullptr;
    w->output_ = w->folder_->path();
    w->staging_ = w->output_ / kStagingName;
    std::error_code ec;
    // A commit that a killed build left half done is finished; the staging of
    // a build killed earlier is dropped. The lock says no build is running.
    if (fs::exists(w->staging_ / kCommitMarker, ec)) {
        if (auto error = roll_forward(w->output_, w->staging_); !error.empty()) {
            diags.error(w->shown_, "build sebelumnya terhenti saat memasang berkas dan tidak dapat diselesaikan: " +
                                       error);
            return nullptr;
        }
    }
    fs::remove_all(w->staging_, ec);
    if (fs::exists(w->output_ / kManifestName, ec)) {
        auto read = read_text_file(w->output_ / kManifestName);
        if (!read.text) {
            diags.error(w->shown_ + "/" + kManifestName, read.error);
            return nullptr;
        }
        w->previous_ = parse_manifest(*read.text);
    }
    if (::mkdir(w->staging_.c_str(), 0777) != 0) {
        diags.error(w->shown_, "folder sementara tidak dapat dibuat di folder keluaran: " + reason(errno));
        return nullptr;
    }
    return w;
}

SiteWriter::~SiteWriter() {
    {
        std::lock_guard<std::mutex> lock(g_active_mutex);
        g_active.erase(this);
    }
    if (!committed_ && !staging_.empty()) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

void SiteWriter::abandon() {
    std::lock_guard<std::mutex> lock(guard_->commit);  // a commit under way is finished first
    guard_->abandoned = true;
    if (committed_) return;
    std::error_code ec;
    if (!staging_.empty()) fs::remove_all(staging_, ec);
    folder_.reset();  // unlocks, and removes the folders made for this build
}

void abandon_active_writers() {
    std::lock_guard<std::mutex> lock(g_active_mutex);
    for (auto* w : g_active) w->abandon();
}

bool SiteWriter::up_to_date(const fs::path& output, const std::string& inputs) {
    const auto dir = resolve_output_path(output);
    std::error_code ec;
    if (fs::exists(dir / kStagingName, ec)) return false;
    auto read = read_text_file(dir / kManifestName);
    if (!read.text) return false;
    const auto manifest = parse_manifest(*read.text);
    if (manifest.inputs != inputs || manifest.files.empty()) return false;
    for (const auto& [path, e] : manifest.files) {
        const auto stamp = stamp_of((dir / path).c_str());
        if (!e.stamp || !stamp || *stamp != *e.stamp) return false;
    }
    return true;
}

std::optional<SiteWriter::OnDisk> SiteWriter::on_disk(const std::string& path) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = on_disk_.find(path); it != on_disk_.end()) return it->second;
    }
    std::optional<OnDisk> found;
    auto prev = previous_.files.find(path);
    if (prev != previous_.files.end()) {
        const auto file = output_ / path;
        if (auto stamp = stamp_of(file.c_str())) {
            if (!verify_all_ && prev->second.stamp && *prev->second.stamp == *stamp) {
                found = OnDisk{prev->second.hash, *stamp};
            } else if (auto read = read_text_file(file); read.text) {
                // Changed behind pepgen's back, or a manifest without stamps: the bytes decide.
                found = OnDisk{fingerprint(*read.text), *stamp};
                found->stamp.size = read.text->size();
            }
        }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    on_disk_.emplace(path, found);
    return found;
}

void SiteWriter::fail(const std::string& path, const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    errors_.emplace_back(path, message);
}

bool SiteWriter::record(const std::string& path, ManifestEntry entry) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (entries_.emplace(path, std::move(entry)).second) return true;
    errors_.emplace_back(path, "dua halaman memakai jalur yang sama");
    return false;
}

bool SiteWriter::refuse_unsafe(const std::string& path) {
    // pepgen's own bookkeeping and what a host keeps (.git, CNAME, ...) are never written.
    const auto first = path.substr(0, path.find('/'));
    const auto& kept = host_kept_names();
    if (is_safe_relative_path(path) && !first.starts_with(".pepgen") &&
        std::find(kept.begin(), kept.end(), first) == kept.end())
        return false;
    fail(path, "jalur keluaran tidak aman ditolak");
    return true;
}

bool SiteWriter::keep(const std::string& path, ManifestEntry entry) {
    if (!record(path, std::move(entry))) return false;
    std::lock_guard<std::mutex> lock(mutex_);
    ++unchanged_;
    return true;
}

bool SiteWriter::reuse(const std::string& path, const std::string& key) {
    if (key.empty()) return false;
    auto it = previous_.files.find(path);
    if (it == previous_.files.end() || input_part(it->second.key) != key) return false;
    const auto disk = on_disk(path);
    if (!disk || disk->hash != it->second.hash) return false;
    return keep(path, ManifestEntry{it->second.hash, it->second.key, disk->stamp});
}

bool SiteWriter::reuse_content(const std::string& path, const std::string& key, const std::string& content_key) {
    if (content_key.empty()) return false;
    auto it = previous_.files.find(path);
    if (it == previous_.files.end() || content_part(it->second.key) != content_key) return false;
    const auto disk = on_disk(path);
    if (!disk || disk->hash != it->second.hash) return false;
    return keep(path, ManifestEntry{it->second.hash, key + "|" + content_key, disk->stamp});
}

bool SiteWriter::write(const std::string& path, const std::string& bytes, const std::string& key) {
    if (refuse_unsafe(path)) return false;
    const auto hash = fingerprint(bytes);
    if (!record(path, ManifestEntry{hash, key, std::nullopt})) return false;
    if (const auto disk = on_disk(path); disk && disk->hash == hash && disk->stamp.size == bytes.size()) {
        std::lock_guard<std::mutex> lock(mutex_);
        entries_[path].stamp = disk->stamp;
        ++unchanged_;
        return true;
    }
    const auto staged = std::to_string(next_staged_++);
    if (auto error = write_file(staging_ / staged, bytes); !error.empty()) {
        fail(path, error);
        return false;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    staged_.emplace(path, staged);
    ++written_;
    return true;
}

bool SiteWriter::write_parts(const std::string& path, const std::vector<std::function<std::string()>>& parts,
                             const std::string& key) {
    if (refuse_unsafe(path)) return false;
    // Claimed before writing, so a second file on the same path cannot overwrite
    // this one; the hash is filled in once the bytes exist.
    if (!record(path, ManifestEntry{0, key, std::nullopt})) return false;
    const auto staged = std::to_string(next_staged_++);
    const auto target = staging_ / staged;
    Fingerprinter fp;
    std::uintmax_t size = 0;
    FileOut out(target);
    for (const auto& make : parts) {
        const auto part = make();
        fp.add(part);
        size += part.size();
        out.write(part);
    }
    const auto hash = fp.value();
    if (auto error = out.close(); !error.empty()) {
        fail(path, error);
        return false;
    }
    // The bytes could not be compared before they existed: drop the staged
    // copy if the file on disk already has them.
    const auto disk = on_disk(path);
    const bool same = disk && disk->hash == hash && disk->stamp.size == size;
    std::error_code ec;
    if (same) fs::remove(target, ec);
    std::lock_guard<std::mutex> lock(mutex_);
    auto& entry = entries_[path];
    entry.hash = hash;
    if (same) {
        entry.stamp = disk->stamp;
        ++unchanged_;
    } else {
        staged_.emplace(path, staged);
        ++written_;
    }
    return true;
}

bool SiteWriter::check_in_the_way(Diagnostics& diags) {
    // A path the previous build did not write must be free, and every folder
    // on the way to a file a real folder: never replace the user's file, nor
    // write through a symlink to somewhere else.
    std::vector<std::string> in_the_way;
    RealDirs real(output_);
    for (const auto& [path, e] : entries_) {
        const auto target = output_ / path;
        struct stat st{};
        const bool exists = ::lstat(target.c_str(), &st) == 0;
        const bool ours = previous_.files.count(path) != 0;
        bool blocked = exists && (!ours || S_ISDIR(st.st_mode));
        for (auto slash = path.find('/'); !blocked && slash != std::string::npos; slash = path.find('/', slash + 1)) {
            const auto dir = path.substr(0, slash);
            struct stat ds{};
            if (::lstat((output_ / dir).c_str(), &ds) == 0 && !real.dir_real(dir)) blocked = true;
        }
        if (blocked) in_the_way.push_back(path);
    }
    if (in_the_way.empty()) return true;
    diags.error(shown_, std::to_string(in_the_way.size()) +
                            " berkas di folder keluaran bukan buatan pepgen tetapi akan tertimpa (misalnya " +
                            in_the_way.front() + "). Pindahkan berkas itu, atau bila folder ini memang dibuat pepgen "
                            "tetapi " + kManifestName + " terhapus, hapus folder keluaran lalu bangun ulang.");
    return false;
}

bool SiteWriter::commit(const std::string& inputs, Diagnostics& diags) {
    // The same failure on many files (a full disk) is one message with its reason.
    std::map<std::string, std::pair<std::size_t, std::string>> by_message;
    for (const auto& [path, message] : errors_) {
        auto& [count, first] = by_message[message];
        if (count++ == 0) first = path;
    }
    for (const auto& [message, seen] : by_message) {
        if (seen.first == 1) diags.error(shown_ + "/" + seen.second, message);
        else diags.error(shown_, message + " (" + std::to_string(seen.first) + " berkas, yang pertama " +
                                     seen.second + ")");
    }
    if (!errors_.empty() || !check_in_the_way(diags)) return false;

    Manifest next{inputs, entries_};
    std::string plan;
    for (const auto& [path, staged] : staged_) plan += "+\t" + staged + "\t" + path + "\n";
    for (const auto& [path, e] : previous_.files)
        if (!entries_.count(path)) plan += "-\t" + path + "\n";
    std::lock_guard<std::mutex> lock(guard_->commit);
    if (guard_->abandoned) return false;
    auto error = replace_file(staging_ / kManifestName, format_manifest(next));
    if (error.empty()) error = replace_file(staging_ / kCommitMarker, plan);
    if (!error.empty()) {
        diags.error(shown_, error);
        return false;
    }
    // Decided: from here a killed build is finished by the next one.
    error = roll_forward(output_, staging_, [&] {
        for (const auto& [path, staged] : staged_) next.files[path].stamp = stamp_of((output_ / path).c_str());
        replace_file(staging_ / kManifestName, format_manifest(next));
    });
    if (!error.empty()) {
        diags.error(shown_, "berkas baru tidak dapat dipasang seluruhnya (" + error +
                                "); bangun ulang untuk menyelesaikannya");
        return false;
    }
    committed_ = true;
    folder_->keep();
    return true;
}

bool check_output_location(const fs::path& root, const fs::path& output, Diagnostics& diags) {
    std::error_code ec;
    const auto out = fs::weakly_canonical(fs::absolute(output), ec);
    const auto r = fs::weakly_canonical(fs::absolute(root), ec);
    auto contains = [](const fs::path& outer, const fs::path& inner) {
        auto o = outer.lexically_normal(), i = inner.lexically_normal();
        auto mismatch = std::mismatch(o.begin(), o.end(), i.begin(), i.end());
        return mismatch.first == o.end();
    };
    const std::string shown = output.string();
    if (out == out.root_path()) {
        diags.error(shown, "direktori keluaran tidak boleh direktori akar '/'");
        return false;
    }
    for (const auto& protect : {r, r / "content", r / "data", r / "themes"}) {
        if (contains(out, protect) || (protect != r && contains(protect, out))) {
            diags.error(shown, "direktori keluaran tidak boleh " + display_path(r, protect) +
                                   " atau direktori yang memuatnya: isinya akan terhapus; pilih misalnya site/");
            return false;
        }
    }
    return true;
}

}  // namespace pepgen
