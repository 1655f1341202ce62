#include "site/output_folder.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>
#include <system_error>

#include "site/manifest.h"
#include "site/writer.h"

#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {


/// Up to five names, then how many more, for messages.
std::string some_of(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < 5; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > 5) out += " dan " + std::to_string(names.size() - 5) + " lainnya";
    return out;
}

}  // namespace

const std::vector<std::string>& host_kept_names() {
    static const std::vector<std::string> names = {".git", "CNAME", ".nojekyll", ".domains", ".well-known"};
    return names;
}

bool is_pepgen_entry(const std::string& name) {
    return name == kManifestName || name == kStagingName || name == ".pepgen-staging-dropped";
}

std::optional<std::string> whole_move_name(std::string_view line) {
    if (!line.starts_with("W\t")) return std::nullopt;
    std::string name(line.substr(2));
    const auto& kept = host_kept_names();
    if (name.find('/') != std::string::npos || !is_safe_relative_path(name) || name.starts_with(".pepgen") ||
        std::find(kept.begin(), kept.end(), name) != kept.end())
        return std::nullopt;
    return name;
}

std::vector<std::string> foreign_entries(std::vector<std::string> names) {
    const auto& kept = host_kept_names();
    std::erase_if(names, [&](const std::string& n) {
        return is_pepgen_entry(n) || std::find(kept.begin(), kept.end(), n) != kept.end();
    });
    std::sort(names.begin(), names.end());
    return names;
}

fs::path resolve_output_path(Disk& disk, const fs::path& output) {
    auto path = fs::absolute(output).lexically_normal();
    // "site/" (as shells complete it) names the folder itself.
    if (!path.has_filename() && path.has_relative_path()) path = path.parent_path();
    // Publishing through a link (site -> /var/www/pepgen) writes into the
    // folder it names and leaves the link as it is.
    if (disk.lstat(path).kind == Disk::Kind::symlink)
        if (auto target = disk.resolve(path)) return *target;
    return path;
}

std::unique_ptr<OutputFolder> OutputFolder::open(Disk& disk, const fs::path& output, const std::string& shown,
                                                 Diagnostics& diags) {
    auto folder = std::unique_ptr<OutputFolder>(new OutputFolder(disk));
    const auto given = fs::absolute(output).lexically_normal();
    if (disk.lstat(given).kind == Disk::Kind::symlink && !disk.resolve(given)) {
        diags.error(shown, "folder keluaran adalah tautan simbolik ke folder yang tidak ada; buat folder "
                           "tujuannya atau hapus tautannya");
        return nullptr;
    }
    folder->path_ = resolve_output_path(disk, output);
    const auto& path = folder->path_;
    auto info = disk.lstat(path);
    if (info.error) {
        diags.error(shown, "folder keluaran tidak dapat dibaca: " + system_reason(info.error));
        return nullptr;
    }
    if (info.kind == Disk::Kind::missing) {
        // Made now, outermost first, and removed again if nothing is published.
        std::vector<fs::path> missing;
        for (auto p = path; disk.lstat(p).kind == Disk::Kind::missing && p != p.parent_path(); p = p.parent_path())
            missing.insert(missing.begin(), p);
        for (const auto& p : missing) {
            if (auto error = disk.make_dirs(p); !error.empty()) {
                diags.error(shown, "folder keluaran tidak dapat dibuat (" + p.string() + "): " + error);
                return nullptr;
            }
            folder->created_.push_back(p);
        }
        info = disk.lstat(path);
    }
    if (info.kind != Disk::Kind::directory) {
        diags.error(shown, "keluaran sudah ada tetapi bukan folder; pilih --output lain");
        return nullptr;
    }
    // Root may write anywhere: a folder whose owner took away its own write
    // permission says "do not touch", and pepgen respects that for everyone.
    if (!(info.mode & 0200)) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%03o", info.mode & 0777);
        diags.error(shown, std::string("folder keluaran ditandai hanya-baca (izin ") + mode +
                               "); pepgen tidak menulis ke dalamnya. Beri izin tulis (chmod u+w) bila situs memang "
                               "diterbitkan ke sana, atau pilih --output lain");
        return nullptr;
    }
    bool busy = false;
    std::string error;
    folder->lock_ = disk.lock(path, Disk::LockKind::exclusive, busy, error);
    if (!folder->lock_) {
        diags.error(shown, busy ? "build lain sedang menulis ke folder keluaran ini; tunggu sampai selesai, lalu ulangi"
                                : "folder keluaran tidak dapat dikunci: " + error);
        return nullptr;
    }
    if (disk.lstat(path / kManifestName).kind != Disk::Kind::file) {
        auto names = disk.list(path, error);
        if (!error.empty()) {
            diags.error(shown, "isi folder keluaran tidak dapat dibaca: " + error);
            return nullptr;
        }
        auto foreign = foreign_entries(std::move(names));
        // A first build killed while moving its top-level entries into place leaves them without a
        // manifest, beside its decided commit, which names each ("W<TAB>name"): those are pepgen's, and
        // SiteWriter::begin finishes the commit. Anything the marker does not name is someone's.
        std::string marker_error;
        const auto marker = disk.lstat(path / kStagingName / kCommitMarker).kind == Disk::Kind::file
                                ? disk.read(path / kStagingName / kCommitMarker, marker_error)
                                : std::nullopt;
        std::set<std::string> moved;
        std::istringstream lines(marker.value_or(""));
        for (std::string line; std::getline(lines, line);)
            if (auto name = whole_move_name(line)) moved.insert(std::move(*name));
        std::erase_if(foreign, [&](const std::string& name) { return moved.count(name) != 0; });
        if (!foreign.empty()) {
            diags.error(shown, "folder keluaran berisi " + std::to_string(foreign.size()) +
                                   " entri yang bukan buatan pepgen (" + some_of(foreign) +
                                   "). pepgen hanya membangun ke folder yang kosong, yang dibangunnya sendiri (ada " +
                                   kManifestName + "), atau yang hanya berisi .git, CNAME, .nojekyll, .domains dan "
                                   ".well-known. Pilih folder lain dengan --output, atau pindahkan isinya dulu.");
            return nullptr;
        }
    }
    return folder;
}

OutputFolder::~OutputFolder() {
    lock_.reset();
    // Only folders this build made, innermost first, and only while empty.
    for (auto it = created_.rbegin(); it != created_.rend(); ++it) disk_.remove_empty_dir(*it);
}

}  // namespace pepgen
