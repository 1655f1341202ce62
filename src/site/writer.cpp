#include "site/writer.h"

#include <fcntl.h>
#include <signal.h>
#include <cerrno>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

bool is_safe_relative(const std::string& p) {
    if (p.empty() || p[0] == '/' || p.find('\\') != std::string::npos || p.find('\0') != std::string::npos)
        return false;
    std::stringstream ss(p);
    std::string part;
    while (std::getline(ss, part, '/'))
        if (part.empty() || part == "." || part == "..") return false;
    return true;
}

bool write_file(const fs::path& path, const std::string& bytes, std::string& error) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
        error = "direktori tidak dapat dibuat: " + ec.message();
        return false;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        error = "berkas tidak dapat ditulis";
        return false;
    }
    return true;
}

std::set<std::string> read_manifest(const fs::path& output) {
    std::set<std::string> out;
    std::ifstream in(output / kManifestName);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) out.insert(line);
    return out;
}

/// Hard-links (or copies) every user file of the old output into staging.
bool carry_user_files(const fs::path& output, const fs::path& staging, const std::set<std::string>& ours_old,
                      const std::set<std::string>& ours_new, Diagnostics& diags) {
    std::error_code ec;
    bool ok = true;
    for (auto it = fs::recursive_directory_iterator(output, fs::directory_options::none, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const auto rel = fs::relative(it->path(), output).generic_string();
        if (rel == kManifestName) continue;
        if (it->is_symlink() || !it->is_directory()) {
            if (ours_old.count(rel)) continue;
            if (ours_new.count(rel)) {
                diags.error(display_path(fs::current_path(), it->path()),
                            "berkas ini bukan buatan pepgen tetapi akan tertimpa halaman baru; pindahkan atau hapus "
                            "berkas itu lebih dulu");
                ok = false;
                continue;
            }
            const auto target = staging / rel;
            fs::create_directories(target.parent_path(), ec);
            if (it->is_symlink()) {
                fs::copy_symlink(it->path(), target, ec);
            } else {
                fs::create_hard_link(it->path(), target, ec);
                if (ec) fs::copy_file(it->path(), target, ec);
            }
            if (ec) {
                diags.error(display_path(fs::current_path(), it->path()),
                            "berkas milik pengguna tidak dapat dipertahankan: " + ec.message());
                ok = false;
            }
        }
    }
    return ok;
}

/// Staging folders left by builds that were killed: same output, dead process.
void remove_abandoned_staging(const fs::path& parent, const std::string& out_name) {
    const std::string prefix = "." + out_name + ".pepgen-baru-";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(parent, ec)) {
        const auto name = e.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const auto digits = name.substr(prefix.size(), name.find('-', prefix.size()) - prefix.size());
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        const auto pid = static_cast<pid_t>(std::stol(digits));
        if (pid == ::getpid() || (::kill(pid, 0) != 0 && errno == ESRCH)) fs::remove_all(e.path(), ec);
    }
}

bool swap_in(const fs::path& staging, const fs::path& output, std::string& error) {
    std::error_code ec;
    if (!fs::exists(output, ec)) {
        if (::rename(staging.c_str(), output.c_str()) != 0) {
            error = "direktori keluaran tidak dapat dibuat";
            return false;
        }
        return true;
    }
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, output.c_str(), RENAME_EXCHANGE) == 0) return true;
    // Filesystems without RENAME_EXCHANGE: two renames, with a short window.
    const auto backup = fs::path(staging.string() + "-lama");
    if (::rename(output.c_str(), backup.c_str()) != 0) {
        error = "direktori keluaran lama tidak dapat dipindahkan";
        return false;
    }
    if (::rename(staging.c_str(), output.c_str()) != 0) {
        ::rename(backup.c_str(), output.c_str());
        error = "direktori keluaran baru tidak dapat dipasang";
        return false;
    }
    ::rename(backup.c_str(), staging.c_str());
    return true;
}

}  // namespace

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

bool publish_site(const fs::path& output, const std::vector<OutputEntry>& entries, Diagnostics& diags) {
    std::error_code ec;
    const auto out = fs::absolute(output).lexically_normal();
    const auto parent = out.parent_path();
    fs::create_directories(parent, ec);
    if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
        diags.error(output.string(), "keluaran sudah ada tetapi bukan direktori");
        return false;
    }
    const auto staging = parent / ("." + out.filename().string() + ".pepgen-baru-" + std::to_string(::getpid()));
    remove_abandoned_staging(parent, out.filename().string());
    if (!fs::create_directory(staging, ec)) {
        diags.error(output.string(), "direktori sementara tidak dapat dibuat di " + parent.string() + ": " + ec.message());
        return false;
    }
    auto fail = [&]() {
        std::error_code ignore;
        fs::remove_all(staging, ignore);
        return false;
    };
    std::set<std::string> ours;
    for (const auto& e : entries) {
        if (!is_safe_relative(e.path) || e.path == kManifestName) {
            diags.error(output.string(), "jalur keluaran tidak aman ditolak: " + e.path);
            return fail();
        }
        if (!ours.insert(e.path).second) {
            diags.error(output.string(), "dua halaman memakai jalur yang sama: " + e.path);
            return fail();
        }
    }
    for (const auto& e : entries) {
        const auto target = staging / e.path;
        std::string error;
        if (!e.source.empty()) {
            fs::create_directories(target.parent_path(), ec);
            fs::copy_file(e.source, target, fs::copy_options::overwrite_existing, ec);
            if (ec) error = ec.message();
        } else {
            write_file(target, e.bytes, error);
        }
        if (!error.empty()) {
            diags.error(output.string() + "/" + e.path, error);
            return fail();
        }
    }
    if (fs::is_directory(out, ec)) {
        if (!carry_user_files(out, staging, read_manifest(out), ours, diags)) return fail();
    }
    std::string manifest;
    for (const auto& p : ours) manifest += p + "\n";
    std::string error;
    if (!write_file(staging / kManifestName, manifest, error)) {
        diags.error(output.string(), error);
        return fail();
    }
    if (!swap_in(staging, out, error)) {
        diags.error(output.string(), error);
        return fail();
    }
    fs::remove_all(staging, ec);  // now holds the previous site
    return true;
}

}  // namespace pepgen
