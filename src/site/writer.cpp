#include "site/writer.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "data/round_cache.h"
#include "site/discard_bin.h"
#include "site/output_folder.h"
#include "site/output_survey.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

bool is_safe_relative_path(const std::string& p) {
    if (p.empty() || p[0] == '/' || p.find('\\') != std::string::npos || p.find('\0') != std::string::npos)
        return false;
    // Asked of every path of every build (the manifest's thousands too): no stream, no copies.
    // Every part names something: none empty (so no trailing slash), none "." or "..".
    const std::string_view all(p);
    for (std::size_t start = 0;;) {
        const auto slash = all.find('/', start);
        const auto part = all.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (part.empty() || part == "." || part == "..") return false;
        if (slash == std::string_view::npos) return true;
        start = slash + 1;
    }
}

struct ListedPart {
    std::string key;
    PartPrint print;
};

namespace {

/// Where an abandoned staging folder is moved before it is removed: render
/// threads still writing cannot add files to it once it has a new name.
constexpr const char* kDroppedName = ".pepgen-staging-dropped";

/// In a build into a folder without a previous build, the staging folder's folder that holds
/// the new site as its own tree ("s/lsp/a/index.html"); see SiteWriter::stage.
constexpr const char* kWholeTree = "s";

std::string make_parent_dirs(Disk& disk, const fs::path& path) { return disk.make_dirs(path.parent_path()); }

/// For the commit's own records: a build killed while writing one leaves the
/// previous version or the new one, never half.
std::string replace_file(Disk& disk, const fs::path& path, std::string_view bytes) {
    const auto temp = fs::path(path.string() + ".tmp");
    auto error = disk.write(temp, bytes);
    if (error.empty()) error = disk.rename(temp, path);
    return error;
}

/// Manifest keys are "<input key>" or "<input key>|<content key>".
std::string_view input_part(std::string_view key) { return key.substr(0, key.find('|')); }
std::string_view content_part(std::string_view key) {
    const auto bar = key.find('|');
    return bar == std::string_view::npos ? std::string_view() : key.substr(bar + 1);
}

/// A file made in parts records its parts in its manifest key (ListedPart), in file order:
/// "<key>:<length>:<fingerprint>,..." (the fingerprint in hex). Its recorded hash is
/// fingerprint_of_parts() of them, so a part copied from the previous file is not read again.
std::string format_part_list(const std::vector<ListedPart>& parts) {
    std::string out;
    for (const auto& p : parts)
        out += p.key + ":" + std::to_string(p.print.length) + ":" + fingerprint_hex(p.print.print) + ",";
    return out;
}

/// Empty for anything but a well-formed list (an older pepgen's too): the parts are then all made again.
std::vector<ListedPart> parse_part_list(std::string_view list) {
    std::vector<ListedPart> parts;
    auto number = [](std::string_view digits, std::uint64_t& value, int base) {
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
        return !digits.empty() && ec == std::errc() && end == digits.data() + digits.size();
    };
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (comma == std::string_view::npos) return {};
        const auto item = list.substr(0, comma);
        const auto second = item.rfind(':');
        const auto first = second == std::string_view::npos || second == 0 ? std::string_view::npos
                                                                             : item.rfind(':', second - 1);
        if (first == std::string_view::npos) return {};
        ListedPart part;
        part.key = std::string(item.substr(0, first));
        if (part.key.find(':') != std::string::npos ||
            !number(item.substr(first + 1, second - first - 1), part.print.length, 10) ||
            item.size() - second - 1 != 16 || !number(item.substr(second + 1), part.print.print, 16))
            return {};
        parts.push_back(std::move(part));
        list.remove_prefix(comma + 1);
    }
    return parts;
}

/// The prints of a listed file's parts, in order.
std::vector<PartPrint> prints_of(const std::vector<ListedPart>& parts) {
    std::vector<PartPrint> prints;
    prints.reserve(parts.size());
    for (const auto& p : parts) prints.push_back(p.print);
    return prints;
}

/// The print of `bytes` cut where `parts` end, each piece printed and the prints combined as
/// write_streamed combines its own; nothing when the parts do not fill the bytes exactly.
std::optional<std::uint64_t> print_cut_as(std::string_view bytes, const std::vector<ListedPart>& parts) {
    std::vector<PartPrint> prints;
    prints.reserve(parts.size());
    std::uint64_t at = 0;
    for (const auto& p : parts) {
        if (p.print.length > bytes.size() - at) return std::nullopt;
        prints.push_back(PartPrint{fingerprint(bytes.substr(at, p.print.length)), p.print.length});
        at += p.print.length;
    }
    if (at != bytes.size()) return std::nullopt;
    return fingerprint_of_parts(prints);
}

/// Every folder from the output down to rel's parent is a real folder, not a
/// symlink: what pepgen removes or replaces there is inside the output.
class RealDirs {
public:
    RealDirs(Disk& disk, fs::path output) : disk_(disk), output_(std::move(output)) {}
    bool parents_real(const std::string& rel) {
        const auto slash = rel.rfind('/');
        return slash == std::string::npos || dir_real(rel.substr(0, slash));
    }
    bool dir_real(const std::string& dir) {
        if (auto it = known_.find(dir); it != known_.end()) return it->second;
        const bool real = parents_real(dir) && disk_.lstat(output_ / dir).kind == Disk::Kind::directory;
        return known_[dir] = real;
    }

private:
    Disk& disk_;
    fs::path output_;
    std::map<std::string, bool> known_;
};

/// Staged files are spread over this many folders of the staging folder: two render threads
/// creating files in one folder wait for each other on its lock (a full build creates thousands).
constexpr std::size_t kStagingShards = 16;

/// A staged name pepgen gives (SiteWriter::next_staged_name): "<shard>/<number>", or a bare number
/// (an older pepgen). Anything else in a marker (say "../../elsewhere") would move a file from
/// outside the staging folder into the site.
bool is_staged_name(const std::string& name) {
    const auto slash = name.find('/');
    auto number = [](std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; };
    if (slash == std::string::npos) return number(name);
    return number(std::string_view(name).substr(0, slash)) && number(std::string_view(name).substr(slash + 1));
}

/// Carries out a commit as its marker describes it: "=<TAB>staged<TAB>inode<TAB>path"
/// moves a staged file (that inode) into place, "-<TAB>path" removes a previous
/// build's file; then the folders those removals left empty go, and last the
/// manifest. Run by a commit and, for a commit a killed build left
/// unfinished, by the next build: what is already done is skipped, so it can
/// run any number of times. Staged files lie in a few folders of the staging folder, not
/// in a second tree of the site's folders, which would cost as much again to make and remove.
/// ("+<TAB>staged<TAB>path", without the inode, is how an older pepgen wrote a move.)
/// "W<TAB>name" moves the top-level entry `name` of the staged tree (kWholeTree) whole to a free name
/// in the output: a build into a folder without a previous build makes thousands of files and
/// folders, and renaming each of them again at the commit would cost as much as making them.
/// What is left of the staging folder (the replaced files' old versions) goes to `bin` when it can.
/// `ours` says which paths the manifest in the output lists: only those are replaced or removed, so a
/// marker that is not pepgen's (planted, or in a folder of someone's files) cannot take a user's file.
std::string roll_forward(Disk& disk, const fs::path& output, const fs::path& staging, DiscardBin* bin,
                         const std::function<bool(const std::string&)>& ours,
                         const std::function<void()>& before_manifest = {}) {
    std::string error;
    const auto marker = disk.read(staging / kCommitMarker, error);
    if (!marker) return std::string(kCommitMarker) + ": " + error;
    std::vector<std::string> stale;
    std::istringstream lines(*marker);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("-\t", 0) == 0) {
            stale.push_back(line.substr(2));
            continue;
        }
        if (line.rfind("W\t", 0) == 0) {
            // Nothing outside the staged tree moves, nothing is replaced.
            const auto whole = whole_move_name(line);
            if (!whole) continue;
            const auto& name = *whole;
            const auto staged = staging / kWholeTree / name;
            const auto kind = disk.lstat(staged).kind;
            if (kind != Disk::Kind::file && kind != Disk::Kind::directory) continue;  // moved already
            if (disk.lstat(output / name).kind != Disk::Kind::missing)
                return name + ": sudah ada di folder keluaran (dibuat saat build berjalan?); pindahkan lalu bangun ulang";
            if (error = disk.rename(staged, output / name); !error.empty())
                return name + ": tidak dapat dipasang: " + error;
            continue;
        }
        const bool with_inode = line.rfind("=\t", 0) == 0;
        const auto tab = line.find('\t', 2);
        const auto tab2 = with_inode && tab != std::string::npos ? line.find('\t', tab + 1) : tab;
        if ((!with_inode && line.rfind("+\t", 0) != 0) || tab2 == std::string::npos) continue;
        const auto name = line.substr(2, tab - 2);
        if (!is_staged_name(name)) continue;
        const auto staged = staging / name;
        const auto rel = line.substr(tab2 + 1);
        const auto at = disk.lstat(staged);
        if (!is_safe_relative_path(rel) || at.kind != Disk::Kind::file) continue;  // moved already
        if (with_inode && std::to_string(at.stamp.inode) != line.substr(tab + 1, tab2 - tab - 1)) {
            // The previous version, swapped out by a commit killed before it could remove it.
            disk.remove_file(staged);
            continue;
        }
        const auto target = output / rel;
        if (disk.lstat(target).kind != Disk::Kind::missing && !ours(rel))
            return rel + ": sudah ada di folder keluaran tetapi bukan buatan pepgen; tidak ditimpa. Pindahkan berkas itu "
                         "lalu bangun ulang";
        if (error = make_parent_dirs(disk, target); !error.empty()) return rel + ": " + error;
        // Swapped rather than renamed over: renaming over a file makes ext4 write the new one out and
        // drop the old one's pages there and then, one file after another, waiting on the disk. A file
        // that replaces a published one was asked to be written out when it was staged, on the render
        // threads, so a power cut cannot leave it empty. The old version, now under the staged name,
        // goes with the staging folder.
        if (with_inode && disk.lstat(target).kind == Disk::Kind::file && disk.exchange(staged, target).empty()) continue;
        if (error = disk.rename(staged, target); !error.empty()) return rel + ": berkas tidak dapat dipasang: " + error;
    }
    RealDirs real(disk, output);
    std::set<std::string, std::greater<>> emptied;  // deepest first
    for (const auto& rel : stale) {
        if (!is_safe_relative_path(rel) || !ours(rel) || !real.parents_real(rel)) continue;
        // Gone already (a commit finished again), or no longer a file of ours: left alone.
        if (disk.lstat(output / rel).kind == Disk::Kind::file) disk.remove_file(output / rel);
        for (auto slash = rel.rfind('/'); slash != std::string::npos; slash = rel.rfind('/', slash - 1)) {
            emptied.insert(rel.substr(0, slash));
            if (slash == 0) break;
        }
    }
    // Only folders that held the removed pages, and only once empty: a folder
    // of the user's, even an empty one, is never among them.
    for (const auto& dir : emptied) disk.remove_empty_dir(output / dir);
    if (before_manifest) before_manifest();
    if (disk.lstat(staging / kManifestName).kind == Disk::Kind::file)
        if (error = disk.rename(staging / kManifestName, output / kManifestName); !error.empty())
            return std::string(kManifestName) + ": tidak dapat dipasang: " + error;
    // Out of the output folder either way: an upload must not publish superseded figures.
    if (!bin || !bin->take(staging)) disk.remove_tree(staging);
    return {};
}

std::mutex g_active_mutex;
std::set<SiteWriter*> g_active;

}  // namespace

struct SiteWriter::Guard {
    std::mutex commit;
    bool abandoned = false;
};

SiteWriter::SiteWriter(Disk& disk) : disk_(disk) {}

std::unique_ptr<SiteWriter> SiteWriter::begin(const fs::path& output, Diagnostics& diags, bool verify_all,
                                              Disk& disk, DiscardBin* bin, OutputSurvey* survey) {
    auto w = std::unique_ptr<SiteWriter>(new SiteWriter(disk));
    w->bin_ = bin;
    w->shown_ = output.string();
    w->verify_all_ = verify_all;
    w->guard_ = std::make_unique<Guard>();
    {
        // Known to the interrupt handler before anything is made in the output.
        std::lock_guard<std::mutex> lock(g_active_mutex);
        g_active.insert(w.get());
    }
    std::lock_guard<std::mutex> commit(w->guard_->commit);
    w->folder_ = OutputFolder::open(disk, output, w->shown_, diags);
    if (!w->folder_) return nullptr;
    w->output_ = w->folder_->path();
    w->staging_ = w->output_ / kStagingName;
    // A commit that a killed build left half done is finished; the staging of
    // a build killed earlier is dropped. The lock says no build is running.
    if (disk.lstat(w->staging_ / kCommitMarker).kind == Disk::Kind::file) {
        // The manifest still in place is the one the unfinished commit replaces: its files are ours.
        std::string read_error;
        const auto text = disk.lstat(w->output_ / kManifestName).kind == Disk::Kind::file
                              ? disk.read(w->output_ / kManifestName, read_error)
                              : std::nullopt;
        const auto listed = parse_manifest(text.value_or(""));
        auto ours = [&](const std::string& rel) { return listed.files.count(rel) != 0; };
        if (auto error = roll_forward(disk, w->output_, w->staging_, bin, ours); !error.empty()) {
            diags.error(w->shown_, "build sebelumnya terhenti saat memasang berkas dan tidak dapat diselesaikan: " +
                                       error);
            return nullptr;
        }
    }
    disk.remove_tree(w->staging_);
    disk.remove_tree(w->output_ / kDroppedName);
    if (const auto manifest = disk.lstat(w->output_ / kManifestName); manifest.kind == Disk::Kind::file) {
        // The survey's look holds only for the manifest it read: after a roll-forward, another
        // build's commit or a hand edit, this one is read again and every file looked at anew.
        auto* found = survey ? &survey->wait() : nullptr;
        std::vector<bool> as_left;
        if (found && found->folder == w->output_ && found->manifest_stamp == manifest.stamp) {
            w->previous_ = std::move(found->manifest);
            as_left = std::move(found->as_left);
        } else {
            std::string error;
            auto text = disk.read(w->output_ / kManifestName, error);
            if (!text) {
                diags.error(w->shown_ + "/" + kManifestName, "tidak dapat dibaca: " + error);
                return nullptr;
            }
            w->previous_ = read_manifest(std::move(*text));
        }
        as_left.resize(w->previous_.files.size());
        w->previous_by_path_.reserve(w->previous_.files.size());
        std::size_t i = 0;
        for (const auto& [path, entry] : w->previous_.files) w->previous_by_path_.emplace(path, Previous{&entry, as_left[i++]});
    } else {
        // No build of ours here (OutputFolder allows only a host's files then): nothing to replace or keep.
        w->whole_ = true;
        if (auto error = disk.make_dirs(w->staging_ / kWholeTree); !error.empty()) {
            diags.error(w->shown_, "folder sementara tidak dapat dibuat di folder keluaran: " + error);
            return nullptr;
        }
        return w;
    }
    for (std::size_t shard = 0; shard < kStagingShards; ++shard) {
        if (auto error = disk.make_dirs(w->staging_ / std::to_string(shard)); !error.empty()) {
            diags.error(w->shown_, "folder sementara tidak dapat dibuat di folder keluaran: " + error);
            return nullptr;
        }
    }
    return w;
}

SiteWriter::~SiteWriter() {
    {
        std::lock_guard<std::mutex> lock(g_active_mutex);
        g_active.erase(this);
    }
    // A decided commit that failed half way stays for the next build to finish.
    if (!committed_ && !decided_ && !staging_.empty()) disk_.remove_tree(staging_);
}

void SiteWriter::abandon() {
    std::lock_guard<std::mutex> lock(guard_->commit);  // a commit under way is finished first
    guard_->abandoned = true;
    if (committed_ || decided_ || staging_.empty()) return;
    const auto dropped = output_ / kDroppedName;
    disk_.remove_tree(dropped);
    if (disk_.rename(staging_, dropped).empty()) disk_.remove_tree(dropped);
    else disk_.remove_tree(staging_);
    folder_.reset();  // unlocks, and removes the folders made for this build
}

void abandon_active_writers() {
    std::lock_guard<std::mutex> lock(g_active_mutex);
    for (auto* w : g_active) w->abandon();
}

bool SiteWriter::up_to_date(const fs::path& output, const std::string& inputs, Disk& disk) {
    const auto dir = resolve_output_path(disk, output);
    if (disk.lstat(dir / kStagingName).kind != Disk::Kind::missing) return false;
    std::string error;
    const auto text = disk.read(dir / kManifestName, error);
    if (!text || manifest_inputs(*text) != inputs) return false;  // the usual answer: no need to read on
    const auto manifest = parse_manifest(*text);
    if (manifest.inputs != inputs || manifest.files.empty()) return false;
    for (const auto& [path, e] : manifest.files) {
        const auto info = disk.lstat(dir / path);
        if (!e.stamp || info.kind != Disk::Kind::file || info.stamp != *e.stamp) return false;
    }
    return true;
}

std::string SiteWriter::next_staged_name() {
    const auto n = next_staged_++;
    return std::to_string(n % kStagingShards) + "/" + std::to_string(n);
}

std::optional<std::string> SiteWriter::stage(const std::string& path) {
    if (!whole_) return next_staged_name();
    const auto staged = std::string(kWholeTree) + "/" + path;
    const auto dir = staged.substr(0, staged.rfind('/'));
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (staged_dirs_.count(dir)) return staged;
    }
    // Two threads may make the same folder at once: making one that exists is no error.
    if (auto error = disk_.make_dirs(staging_ / dir); !error.empty()) {
        fail(path, error);
        return std::nullopt;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    staged_dirs_.insert(dir);
    return staged;
}

std::set<std::string> SiteWriter::staged_tops() const {
    std::set<std::string> tops;
    for (const auto& [path, staged] : staged_) tops.insert(path.substr(0, path.find('/')));
    return tops;
}

const SiteWriter::Previous* SiteWriter::previous_record(const std::string& path) const {
    auto it = previous_by_path_.find(path);
    return it == previous_by_path_.end() ? nullptr : &it->second;
}

const ManifestEntry* SiteWriter::previous(const std::string& path) const {
    const auto* record = previous_record(path);
    return record ? record->entry : nullptr;
}

std::optional<SiteWriter::OnDisk> SiteWriter::on_disk(const std::string& path) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = on_disk_.find(path); it != on_disk_.end()) return it->second;
    }
    // Looked at now, not taken from the survey: a file asked about here is about to be compared with
    // new bytes or copied from in parts, and must be what the manifest says at this moment.
    std::optional<OnDisk> found;
    if (const auto* prev = previous(path)) {
        const auto file = output_ / path;
        if (const auto info = disk_.lstat(file); info.kind == Disk::Kind::file) {
            std::string error;
            if (!verify_all_ && prev->stamp && *prev->stamp == info.stamp) {
                found = OnDisk{prev->hash, info.stamp};
            } else if (auto bytes = disk_.read(file, error)) {
                // Changed behind pepgen's back, or a manifest without stamps: the bytes decide.
                found = OnDisk{fingerprint_of_file(*bytes, *prev), info.stamp};
                found->stamp.size = bytes->size();
            }
        }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    on_disk_.emplace(path, found);
    return found;
}

std::uint64_t SiteWriter::fingerprint_of_file(std::string_view bytes, const ManifestEntry& recorded) {
    // A file made in parts was recorded by its parts' prints: its bytes are cut where the
    // previous build's parts ended. Bytes that do not fill the recorded parts exactly match no
    // record, as they must not.
    const auto listed = parse_part_list(content_part(recorded.key));
    if (listed.empty()) return fingerprint(bytes);
    return print_cut_as(bytes, listed).value_or(fingerprint(bytes));
}

bool SiteWriter::same_bytes_cut_otherwise(const std::string& path, const std::vector<ListedPart>& parts,
                                          std::uint64_t print) {
    // The prints differ. Where the previous build cut its file where this one cut it, so do the
    // bytes. A build from scratch keys no rows and cuts a file in other places than a later
    // build does: only then is the file on disk read, and printed as this build cut its own.
    const auto* prev = previous(path);
    if (!prev) return false;
    const auto listed = parse_part_list(content_part(prev->key));
    if (!listed.empty() && listed.size() == parts.size() &&
        std::equal(listed.begin(), listed.end(), parts.begin(),
                   [](const ListedPart& a, const ListedPart& b) { return a.print.length == b.print.length; }))
        return false;
    std::string error;
    const auto bytes = disk_.read(output_ / path, error);
    return bytes && print_cut_as(*bytes, parts) == print;
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
    std::lock_guard<std::mutex> lock(mutex_);
    if (!entries_.emplace(path, std::move(entry)).second) {
        errors_.emplace_back(path, "dua halaman memakai jalur yang sama");
        return false;
    }
    ++unchanged_;
    return true;
}

bool SiteWriter::reuse(const std::string& path, const std::string& key) {
    if (key.empty()) return false;
    const auto* record = previous_record(path);
    if (!record || input_part(record->entry->key) != key) return false;
    const auto* prev = record->entry;
    // The planner asks this once for each of a national site's thousands of files: a file as the
    // previous build left it is kept at once, without going through the look-ups on_disk() keeps
    // for files asked about again (a page made after all, compared with what is on disk).
    if (!verify_all_ && prev->stamp) {
        if (record->as_left) return keep(path, ManifestEntry{prev->hash, prev->key, *prev->stamp});
        const auto info = disk_.lstat(output_ / path);
        if (info.kind == Disk::Kind::file && info.stamp == *prev->stamp)
            return keep(path, ManifestEntry{prev->hash, prev->key, info.stamp});
    }
    const auto disk = on_disk(path);
    if (!disk || disk->hash != prev->hash) return false;
    return keep(path, ManifestEntry{prev->hash, prev->key, disk->stamp});
}

bool SiteWriter::reuse_content(const std::string& path, const std::string& key, const std::string& content_key) {
    if (content_key.empty()) return false;
    const auto* prev = previous(path);
    if (!prev || content_part(prev->key) != content_key) return false;
    const auto disk = on_disk(path);
    if (!disk || disk->hash != prev->hash) return false;
    return keep(path, ManifestEntry{prev->hash, key + "|" + content_key, disk->stamp});
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
    const auto staged = stage(path);
    if (!staged) return false;
    if (auto error = disk_.write(staging_ / *staged, bytes, previous(path) != nullptr); !error.empty()) {
        fail(path, error);
        return false;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    staged_.emplace(path, *staged);
    ++written_;
    return true;
}

SiteWriter::KeptParts SiteWriter::kept_parts(const std::string& path) {
    // Where each keyed part sits in the previous build's file, if that file is still exactly what it wrote
    // (on_disk answers once per build, so every caller gets the same parts).
    KeptParts kept;
    if (const auto* prev = previous(path)) {
        const auto disk = on_disk(path);
        const auto listed = parse_part_list(content_part(prev->key));
        std::uint64_t offset = 0;
        for (const auto& p : listed) {
            if (!p.key.empty())
                kept.emplace(p.key, KeptPart{offset, static_cast<std::size_t>(p.print.length), p.print.print});
            offset += p.print.length;
        }
        // Only a file as the previous build recorded it, its parts and all.
        if (!disk || disk->hash != prev->hash || offset != disk->stamp.size ||
            fingerprint_of_parts(prints_of(listed)) != prev->hash)
            kept.clear();
    }
    return kept;
}

namespace {

/// The new file as write_streamed makes it: kept parts that follow one another in the previous
/// file too are copied at once (a page or download made in runs of rows keeps most of its runs,
/// hundreds in a row), by the disk (Sink::append_from): a correction's rebuild of data/semua.json
/// copies tens of megabytes without reading them, and hashes only the parts it makes.
class StreamInto final : public PartStream {
public:
    StreamInto(std::filesystem::path previous, const SiteWriter::KeptParts& kept, Disk::Sink& out)
        : previous_(std::move(previous)), kept_(kept), out_(out) {}

    bool keep(const std::string& key) override {
        const auto it = key.empty() ? kept_.end() : kept_.find(key);
        if (it == kept_.end()) return false;
        const auto& part = it->second;
        if (pending_ > 0 && from_ + pending_ != part.offset) copy_pending();
        if (pending_ == 0) from_ = part.offset;
        pending_ += part.length;
        parts.push_back(ListedPart{key, PartPrint{part.print, part.length}});
        return true;
    }
    void add(const std::string& key, std::string_view bytes) override {
        copy_pending();
        out_.write(bytes);
        size += bytes.size();
        parts.push_back(ListedPart{key, PartPrint{fingerprint(bytes), bytes.size()}});
    }
    /// Copies what is still to be copied, in one run however long; throws when the previous file
    /// cannot be read (the part is promised, and nothing can make it now).
    void copy_pending() {
        if (pending_ == 0) return;
        if (const auto error = out_.append_from(previous_, from_, pending_); !error.empty())
            throw std::runtime_error("bagian berkas dari build sebelumnya tidak terbaca (" + error +
                                     "); jalankan pepgen build --penuh");
        size += pending_;
        pending_ = 0;
    }

    std::vector<ListedPart> parts;
    std::uintmax_t size = 0;

private:
    std::filesystem::path previous_;
    const SiteWriter::KeptParts& kept_;
    Disk::Sink& out_;
    std::uint64_t from_ = 0, pending_ = 0;
};

}  // namespace

bool SiteWriter::write_streamed(const std::string& path, const std::function<void(PartStream&)>& produce,
                                const std::string& key) {
    if (refuse_unsafe(path)) return false;
    // Claimed before writing, so a second file on the same path cannot overwrite
    // this one; the hash is filled in once the bytes exist.
    if (!record(path, ManifestEntry{0, key, std::nullopt})) return false;
    const auto kept = kept_parts(path);
    const auto staged_name = stage(path);
    if (!staged_name) return false;
    const auto& staged = *staged_name;
    const auto target = staging_ / staged;
    auto out = disk_.create(target);
    StreamInto stream(output_ / path, kept, *out);
    try {
        produce(stream);
        stream.copy_pending();
    } catch (...) {
        out->close();
        disk_.remove_file(target);
        throw;
    }
    const auto hash = fingerprint_of_parts(prints_of(stream.parts));
    const auto size = stream.size;
    const auto& written_parts = stream.parts;
    if (previous(path)) out->write_out();
    if (auto error = out->close(); !error.empty()) {
        fail(path, error);
        return false;
    }
    // The bytes could not be compared before they existed: drop the staged
    // copy if the file on disk already has them.
    const auto disk = on_disk(path);
    const bool same = disk && disk->stamp.size == size && (disk->hash == hash || same_bytes_cut_otherwise(path, written_parts, hash));
    if (same) disk_.remove_file(target);
    std::lock_guard<std::mutex> lock(mutex_);
    auto& entry = entries_[path];
    entry.hash = hash;
    entry.key = key + "|" + format_part_list(written_parts);
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
    // write through a symlink to somewhere else. Only files about to be put in
    // place are looked at: one kept as it was (found on disk, as the last build
    // left it) is not written, and a correction keeps thousands.
    std::vector<std::string> in_the_way;
    if (whole_) {
        // Each top-level entry moves whole, to a free name only (roll_forward).
        for (const auto& top : staged_tops())
            if (disk_.lstat(output_ / top).kind != Disk::Kind::missing) in_the_way.push_back(top);
    }
    RealDirs real(disk_, output_);
    std::unordered_map<std::string, bool> dir_blocked;  // thousands of files share a few hundred folders
    const std::map<std::string, std::string> none;
    for (const auto& [path, staged] : whole_ ? none : staged_) {  // whole_: checked above
        const bool ours = previous(path) != nullptr;
        // A file of ours that this build found on disk as a regular file (on_disk) needs no second look.
        const auto seen = on_disk_.find(path);
        bool blocked = false;
        if (!ours || seen == on_disk_.end() || !seen->second) {
            const auto info = disk_.lstat(output_ / path);
            blocked = info.kind != Disk::Kind::missing && (!ours || info.kind == Disk::Kind::directory);
        }
        for (auto slash = path.find('/'); !blocked && slash != std::string::npos; slash = path.find('/', slash + 1)) {
            const auto dir = path.substr(0, slash);
            auto it = dir_blocked.find(dir);
            // A real folder (the usual case, one lstat, remembered) or nothing there yet.
            if (it == dir_blocked.end())
                it = dir_blocked
                         .emplace(dir, !real.dir_real(dir) && disk_.lstat(output_ / dir).kind != Disk::Kind::missing)
                         .first;
            blocked = it->second;
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

    // Nothing reads this build's entries after the commit: they move into the manifest.
    Manifest next{inputs, std::move(entries_)};
    std::string plan;
    if (whole_)
        for (const auto& top : staged_tops()) plan += "W\t" + top + "\n";
    const std::map<std::string, std::string> none;
    for (const auto& [path, staged] : whole_ ? none : staged_) {  // whole_: moved by top-level entry
        // The staged file's inode tells a replayed commit the new file from the old one swapped out for it.
        const auto at = disk_.lstat(staging_ / staged);
        if (at.kind != Disk::Kind::file) {
            diags.error(shown_ + "/" + path, "berkas baru hilang dari folder sementara sebelum dipasang");
            return false;
        }
        plan += "=\t" + staged + "\t" + std::to_string(at.stamp.inode) + "\t" + path + "\n";
    }
    // Both lists are sorted by path: one walk finds the previous build's files this one does not make.
    auto made = next.files.begin();
    for (const auto& [path, e] : previous_.files) {
        while (made != next.files.end() && made->first < path) ++made;
        if (made == next.files.end() || made->first != path) plan += "-\t" + path + "\n";
    }
    std::lock_guard<std::mutex> lock(guard_->commit);
    if (guard_->abandoned) return false;
    auto error = replace_file(disk_, staging_ / kManifestName, format_manifest(next, &previous_));
    if (error.empty()) error = replace_file(disk_, staging_ / kCommitMarker, plan);
    if (!error.empty()) {
        diags.error(shown_, error);
        return false;
    }
    // Decided: from here a killed build is finished by the next one.
    decided_ = true;
    error = roll_forward(disk_, output_, staging_, bin_, [&](const std::string& rel) { return previous(rel) != nullptr; }, [&] {
        for (const auto& [path, staged] : staged_) {
            const auto info = disk_.lstat(output_ / path);
            if (info.kind == Disk::Kind::file) next.files[path].stamp = info.stamp;
        }
        replace_file(disk_, staging_ / kManifestName, format_manifest(next, &previous_));
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
        diags.error(shown, "folder keluaran tidak boleh folder akar '/'");
        return false;
    }
    // The inputs: a site built around them would stand in for them, one built inside them
    // would be read back as input. The cache: pepgen itself deletes what lies there.
    const fs::path cache = r / kRoundCacheDir;
    for (const auto& protect : {r, r / "content", r / "data", r / "themes", cache}) {
        const auto name = display_path(r, protect);
        if (protect != cache && contains(out, protect)) {
            diags.error(shown, "folder keluaran tidak boleh " + (protect == r ? "folder proyek" : name + "/") +
                                   " atau folder yang memuatnya; pilih folder lain, misalnya site/");
            return false;
        }
        if (protect != r && contains(protect, out)) {
            diags.error(shown, "folder keluaran tidak boleh berada di dalam " + name + "/ " +
                                   (protect == cache ? "(folder kerja pepgen: isinya dihapus pepgen pada build berikutnya)"
                                                     : "(masukan situs)") +
                                   "; pilih folder lain, misalnya site/");
            return false;
        }
    }
    return true;
}

}  // namespace pepgen
