#include "site/writer.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

std::uint64_t fingerprint(std::string_view bytes, std::uint64_t seed) {
    // A site is hundreds of megabytes, all fingerprinted: four independent
    // lanes of eight bytes a step keep the multiplier busy, then the rest a
    // word and a byte at a time; the length is mixed in so "a" and "a\0" differ.
    constexpr std::uint64_t mul = 0xff51afd7ed558ccdull;
    auto mix = [](std::uint64_t h, std::uint64_t word) {
        h = (h ^ word) * mul;
        return h ^ (h >> 32);
    };
    auto word_at = [&bytes](std::size_t i) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + i, 8);
        return word;
    };
    std::uint64_t h = seed ^ (bytes.size() * 0x9e3779b97f4a7c15ull);
    std::size_t i = 0;
    if (bytes.size() >= 32) {
        std::uint64_t lane[4] = {h, h ^ 0x9e3779b97f4a7c15ull, h ^ 0xc2b2ae3d27d4eb4full, h ^ 0x165667b19e3779f9ull};
        for (; i + 32 <= bytes.size(); i += 32)
            for (std::size_t j = 0; j < 4; ++j) lane[j] = mix(lane[j], word_at(i + 8 * j));
        h = mix(mix(mix(lane[0], lane[1]), lane[2]), lane[3]);
    }
    for (; i + 8 <= bytes.size(); i += 8) h = mix(h, word_at(i));
    for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ull;
    return h ^ (h >> 29);
}

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

std::string hex(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

bool make_parent_dirs(const fs::path& path, std::string& error) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) error = "direktori tidak dapat dibuat: " + ec.message();
    return !ec;
}

bool write_file(const fs::path& path, const std::string& bytes, std::string& error) {
    if (!make_parent_dirs(path, error)) return false;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        error = "berkas tidak dapat ditulis";
        return false;
    }
    return true;
}

/// Staging folders left by builds that were killed: same output, dead process.
void remove_abandoned_staging(const fs::path& parent, const std::string& out_name) {
    const std::string prefix = "." + out_name + ".pepgen-baru-";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(parent, ec)) {
        const auto name = e.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const auto digits = name.substr(prefix.size(), name.find('-', prefix.size()) - prefix.size());
        if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
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

std::unique_ptr<SiteWriter> SiteWriter::begin(const fs::path& output, Diagnostics& diags) {
    std::error_code ec;
    auto w = std::unique_ptr<SiteWriter>(new SiteWriter());
    w->output_ = fs::absolute(output).lexically_normal();
    // "site/" (as shells complete it) names the folder itself: without the
    // trailing separator its parent and name are what the staging needs.
    if (!w->output_.has_filename() && w->output_.has_relative_path()) w->output_ = w->output_.parent_path();
    const auto parent = w->output_.parent_path();
    fs::create_directories(parent, ec);
    if (fs::exists(w->output_, ec) && !fs::is_directory(w->output_, ec)) {
        diags.error(output.string(), "keluaran sudah ada tetapi bukan direktori");
        return nullptr;
    }
    remove_abandoned_staging(parent, w->output_.filename().string());
    w->staging_ = parent / ("." + w->output_.filename().string() + ".pepgen-baru-" + std::to_string(::getpid()));
    fs::remove_all(w->staging_, ec);
    if (!fs::create_directory(w->staging_, ec)) {
        diags.error(output.string(), "direktori sementara tidak dapat dibuat di " + parent.string() + ": " + ec.message());
        return nullptr;
    }
    // Manifest: "# masukan <fingerprint>" then "path<TAB>hash<TAB>key" per file
    // (older manifests hold bare paths, which still mark the files as ours).
    std::ifstream in(w->output_ / kManifestName);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("# masukan ", 0) == 0) {
            w->previous_inputs_ = line.substr(10);
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        const auto t1 = line.find('\t');
        Entry e;
        std::string path = line.substr(0, t1);
        if (t1 != std::string::npos) {
            const auto t2 = line.find('\t', t1 + 1);
            e.hash = std::strtoull(line.substr(t1 + 1, t2 - t1 - 1).c_str(), nullptr, 16);
            if (t2 != std::string::npos) e.key = line.substr(t2 + 1);
        }
        w->previous_.emplace(std::move(path), std::move(e));
    }
    return w;
}

SiteWriter::~SiteWriter() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

bool SiteWriter::previous_intact() const {
    std::error_code ec;
    if (previous_.empty()) return false;
    for (const auto& [path, e] : previous_)
        if (!fs::is_regular_file(output_ / path, ec)) return false;
    return true;
}

void SiteWriter::fail(const std::string& path, const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    errors_.emplace_back(path, message);
}

bool SiteWriter::link_previous(const std::string& path) {
    std::error_code ec;
    const auto target = staging_ / path;
    fs::create_directories(target.parent_path(), ec);
    fs::create_hard_link(output_ / path, target, ec);
    return !ec;
}

namespace {

/// Manifest keys are "<input key>" or "<input key>|<content key>".
std::string_view input_part(std::string_view key) { return key.substr(0, key.find('|')); }
std::string_view content_part(std::string_view key) {
    const auto bar = key.find('|');
    return bar == std::string_view::npos ? std::string_view() : key.substr(bar + 1);
}

}  // namespace

bool SiteWriter::record(const std::string& path, Entry entry) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (entries_.emplace(path, std::move(entry)).second) return true;
    errors_.emplace_back(path, "dua halaman memakai jalur yang sama");
    return false;
}

bool SiteWriter::refuse_unsafe(const std::string& path) {
    if (is_safe_relative_path(path) && path != kManifestName) return false;
    fail(path, "jalur keluaran tidak aman ditolak");
    return true;
}

bool SiteWriter::same_as_previous(const std::string& path, std::uint64_t hash, std::uintmax_t size) const {
    auto it = previous_.find(path);
    std::error_code ec;
    return it != previous_.end() && it->second.hash == hash && fs::file_size(output_ / path, ec) == size && !ec;
}

bool SiteWriter::keep_previous(const std::string& path, Entry entry) {
    if (!link_previous(path) || !record(path, std::move(entry))) return false;
    std::lock_guard<std::mutex> lock(mutex_);
    ++linked_;
    return true;
}

bool SiteWriter::reuse(const std::string& path, const std::string& key) {
    if (key.empty()) return false;
    auto it = previous_.find(path);
    if (it == previous_.end() || input_part(it->second.key) != key || !is_safe_relative_path(path)) return false;
    return keep_previous(path, it->second);
}

bool SiteWriter::reuse_content(const std::string& path, const std::string& key, const std::string& content_key) {
    if (content_key.empty()) return false;
    auto it = previous_.find(path);
    if (it == previous_.end() || content_part(it->second.key) != content_key || !is_safe_relative_path(path))
        return false;
    return keep_previous(path, Entry{it->second.hash, key + "|" + content_key});
}

bool SiteWriter::write(const std::string& path, const std::string& bytes, const std::string& key) {
    if (refuse_unsafe(path)) return false;
    const auto hash = fingerprint(bytes);
    if (!record(path, Entry{hash, key})) return false;
    // Same bytes as last time: link the old file so its mtime stays.
    if (same_as_previous(path, hash, bytes.size()) && link_previous(path)) {
        std::lock_guard<std::mutex> lock(mutex_);
        ++linked_;
        return true;
    }
    std::string error;
    if (!write_file(staging_ / path, bytes, error)) {
        fail(path, error);
        return false;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    ++written_;
    return true;
}

bool SiteWriter::write_parts(const std::string& path, const std::vector<std::function<std::string()>>& parts,
                             const std::string& key) {
    if (refuse_unsafe(path)) return false;
    // Claimed before writing, so a second file on the same path cannot overwrite
    // this one; the hash is filled in once the bytes exist.
    if (!record(path, Entry{0, key})) return false;
    const auto target = staging_ / path;
    std::string error;
    if (!make_parent_dirs(target, error)) {
        fail(path, error);
        return false;
    }
    // The bytes cannot be compared with the previous file before they exist:
    // write them, and swap in a link to the previous file if they turn out the same.
    std::uint64_t hash = fingerprint({});
    std::uintmax_t size = 0;
    {
        std::ofstream out(target, std::ios::binary | std::ios::trunc);
        for (const auto& make : parts) {
            const auto part = make();
            hash = fingerprint(part, hash);
            size += part.size();
            out.write(part.data(), static_cast<std::streamsize>(part.size()));
        }
        out.close();
        if (!out) {
            fail(path, "berkas tidak dapat ditulis");
            return false;
        }
    }
    const bool same = same_as_previous(path, hash, size);
    std::error_code ec;
    if (same) fs::remove(target, ec);
    const bool linked = same && !ec && link_previous(path);
    if (same && !linked) {
        fail(path, "berkas lama tidak dapat ditautkan");
        return false;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    entries_[path].hash = hash;
    ++(linked ? linked_ : written_);
    return true;
}

bool SiteWriter::commit(const std::string& inputs, Diagnostics& diags) {
    for (const auto& [path, message] : errors_) diags.error(output_.string() + "/" + path, message);
    if (!errors_.empty()) return false;
    std::error_code ec;
    // The user's own files (CNAME, .git, ...) are linked into the new site.
    if (fs::is_directory(output_, ec)) {
        std::vector<std::string> in_the_way;
        for (auto it = fs::recursive_directory_iterator(output_, fs::directory_options::none, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) break;
            if (!it->is_symlink() && it->is_directory()) continue;
            // The iterator's paths are output_/<rel>: no need for fs::relative, which
            // resolves symlinks with several system calls per file.
            const auto rel = it->path().lexically_relative(output_).generic_string();
            if (rel == kManifestName || previous_.count(rel)) continue;
            if (entries_.count(rel)) {
                in_the_way.push_back(rel);
                continue;
            }
            const auto target = staging_ / rel;
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
                return false;
            }
        }
        if (!in_the_way.empty()) {
            std::sort(in_the_way.begin(), in_the_way.end());
            diags.error(output_.string(),
                        std::to_string(in_the_way.size()) + " berkas di folder keluaran bukan buatan pepgen tetapi akan "
                        "tertimpa (misalnya " + in_the_way.front() + "). Pindahkan berkas itu, atau bila folder ini "
                        "memang dibuat pepgen tetapi " + kManifestName + " terhapus, hapus folder keluaran lalu bangun ulang.");
            return false;
        }
    }
    std::string manifest = "# masukan " + inputs + "\n";
    for (const auto& [path, e] : entries_) manifest += path + "\t" + hex(e.hash) + "\t" + e.key + "\n";
    std::string error;
    if (!write_file(staging_ / kManifestName, manifest, error) || !swap_in(staging_, output_, error)) {
        diags.error(output_.string(), error);
        return false;
    }
    committed_ = true;
    fs::remove_all(staging_, ec);  // now holds the previous site
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
