#include "site/output_folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "site/manifest.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

std::string reason(int err) { return std::error_code(err, std::generic_category()).message(); }

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
    return name == kManifestName || name == ".pepgen-staging";
}

std::vector<std::string> foreign_entries(std::vector<std::string> names) {
    const auto& kept = host_kept_names();
    std::erase_if(names, [&](const std::string& n) {
        return is_pepgen_entry(n) || std::find(kept.begin(), kept.end(), n) != kept.end();
    });
    std::sort(names.begin(), names.end());
    return names;
}

fs::path resolve_output_path(const fs::path& output) {
    auto path = fs::absolute(output).lexically_normal();
    // "site/" (as shells complete it) names the folder itself.
    if (!path.has_filename() && path.has_relative_path()) path = path.parent_path();
    std::error_code ec;
    if (fs::is_symlink(path, ec)) {
        // Publishing through a link (site -> /var/www/pepgen) writes into the
        // folder it names and leaves the link as it is.
        auto target = fs::canonical(path, ec);
        if (!ec) return target;
    }
    return path;
}

std::unique_ptr<OutputFolder> OutputFolder::open(const fs::path& output, const std::string& shown,
                                                 Diagnostics& diags) {
    auto folder = std::unique_ptr<OutputFolder>(new OutputFolder());
    std::error_code ec;
    if (fs::is_symlink(fs::absolute(output).lexically_normal(), ec) && !fs::exists(output, ec)) {
        diags.error(shown, "folder keluaran adalah tautan simbolik ke " + fs::read_symlink(output, ec).string() +
                               ", yang tidak ada; buat folder tujuannya atau hapus tautannya");
        return nullptr;
    }
    folder->path_ = resolve_output_path(output);
    const auto& path = folder->path_;
    struct stat st{};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno != ENOENT) {
            diags.error(shown, "folder keluaran tidak dapat dibaca: " + reason(errno));
            return nullptr;
        }
        // Missing: made now, outermost first, and removed again if nothing is published.
        std::vector<fs::path> missing;
        for (auto p = path; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
            missing.insert(missing.begin(), p);
            if (p == p.parent_path()) break;
        }
        for (const auto& p : missing) {
            if (::mkdir(p.c_str(), 0777) != 0 && errno != EEXIST) {
                diags.error(shown, "folder keluaran tidak dapat dibuat (" + p.string() + "): " + reason(errno));
                return nullptr;
            }
            folder->created_.push_back(p);
        }
        ::lstat(path.c_str(), &st);
    }
    if (!S_ISDIR(st.st_mode)) {
        diags.error(shown, "keluaran sudah ada tetapi bukan folder; pilih --output lain");
        return nullptr;
    }
    // Root may write anywhere: a folder whose owner took away its own write
    // permission says "do not touch", and pepgen respects that for everyone.
    if (!(st.st_mode & S_IWUSR)) {
        diags.error(shown, "folder keluaran ditandai hanya-baca (izin " +
                               std::to_string((st.st_mode >> 6) & 7) + std::to_string((st.st_mode >> 3) & 7) +
                               std::to_string(st.st_mode & 7) +
                               "); pepgen tidak menulis ke dalamnya. Beri izin tulis (chmod u+w) bila situs memang "
                               "diterbitkan ke sana, atau pilih --output lain");
        return nullptr;
    }
    folder->lock_fd_ = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder->lock_fd_ < 0) {
        diags.error(shown, "folder keluaran tidak dapat dibuka: " + reason(errno));
        return nullptr;
    }
    // flock: the kernel drops it when the process ends, so a killed build
    // never leaves the folder locked.
    if (::flock(folder->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        diags.error(shown, errno == EWOULDBLOCK
                               ? "build lain sedang menulis ke folder keluaran ini; tunggu sampai selesai, lalu ulangi"
                               : "folder keluaran tidak dapat dikunci: " + reason(errno));
        return nullptr;
    }
    if (!fs::is_regular_file(path / kManifestName, ec)) {
        std::vector<std::string> names;
        for (auto it = fs::directory_iterator(path, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
            names.push_back(it->path().filename().string());
        if (ec) {
            diags.error(shown, "isi folder keluaran tidak dapat dibaca: " + ec.message());
            return nullptr;
        }
        if (const auto foreign = foreign_entries(std::move(names)); !foreign.empty()) {
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
    if (lock_fd_ >= 0) ::close(lock_fd_);
    // Only folders this build made, innermost first, and only while empty.
    for (auto it = created_.rbegin(); it != created_.rend(); ++it) ::rmdir(it->c_str());
}

}  // namespace pepgen
