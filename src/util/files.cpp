#include "util/files.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/fingerprint.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace pepgen {

std::string system_reason(int err) { return std::error_code(err, std::generic_category()).message(); }

namespace {

/// What a non-regular entry is, for messages.
std::string kind_of(const fs::path& p) {
    std::error_code ec;
    const auto link = fs::symlink_status(p, ec);
    if (fs::is_symlink(link)) {
        const auto target = fs::read_symlink(p, ec);
        if (!fs::exists(fs::status(p, ec)))
            return "tautan simbolik ke '" + target.string() + "' yang tidak ada";
    }
    const auto st = fs::status(p, ec);
    if (fs::is_directory(st)) return "sebuah folder, bukan berkas";
    if (fs::is_regular_file(st)) return "sebuah berkas, bukan folder";
    if (fs::is_fifo(st)) return "sebuah FIFO (pipa), bukan berkas biasa";
    if (fs::is_socket(st)) return "sebuah soket, bukan berkas biasa";
    if (fs::is_block_file(st) || fs::is_character_file(st)) return "sebuah perangkat, bukan berkas biasa";
    return "bukan berkas biasa";
}

}  // namespace

namespace {

/// A regular file opened for reading and no larger than max_bytes by its stat: the descriptor, or
/// why not (as read_text_file reports it).
struct OpenedFile {
    int fd = -1;
    std::uintmax_t size = 0;
    std::string error;
};

OpenedFile open_regular_file(const fs::path& path, std::uintmax_t max_bytes) {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT) {
            std::error_code ec;
            if (fs::is_symlink(fs::symlink_status(path, ec))) return {-1, 0, kind_of(path)};
            return {-1, 0, "berkas tidak ditemukan"};
        }
        return {-1, 0, "berkas tidak dapat dibuka: " + system_reason(err)};
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return {-1, 0, kind_of(path)};
    }
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > max_bytes) {
        ::close(fd);
        return {-1, 0, "berkas terlalu besar (" + std::to_string(size) + " bita; batas " + std::to_string(max_bytes) + " bita)"};
    }
    return {fd, size, {}};
}

}  // namespace

ReadResult read_text_file(const fs::path& path, std::uintmax_t max_bytes) {
    const auto opened = open_regular_file(path, max_bytes);
    if (opened.fd < 0) return {std::nullopt, opened.error};
    const int fd = opened.fd;
    std::string text(opened.size, '\0');
    std::size_t got = 0;
    while (true) {
        if (got == text.size()) {
            // The file may have grown since fstat; read on, within the limit.
            if (text.size() >= max_bytes + 1) break;
            text.resize(std::min<std::uintmax_t>(max_bytes + 1, text.size() + 65536));
        }
        const auto n = ::read(fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return {std::nullopt, "berkas tidak dapat dibaca: " + system_reason(err)};
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    text.resize(got);
    if (got > max_bytes)
        return {std::nullopt, "berkas terlalu besar (lebih dari " + std::to_string(max_bytes) + " bita)"};
    return {std::move(text), {}};
}

std::optional<std::uint64_t> fingerprint_text_file(const fs::path& path, std::uintmax_t max_bytes) {
    const auto opened = open_regular_file(path, max_bytes);
    if (opened.fd < 0) return std::nullopt;
    // A block at a time through one buffer per thread: a round file is megabytes, and memory a
    // process has not touched yet is what a build on a virtual machine pays most for.
    thread_local std::string block(64 * 1024, '\0');
    Fingerprinter fp;
    std::uintmax_t got = 0;
    while (true) {
        const auto n = ::read(opened.fd, block.data(), block.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        if (n == 0) {
            ::close(opened.fd);
            return got > max_bytes ? std::nullopt : std::optional<std::uint64_t>(fp.value());
        }
        got += static_cast<std::uintmax_t>(n);
        if (got > max_bytes) break;
        fp.add(std::string_view(block.data(), static_cast<std::size_t>(n)));
    }
    ::close(opened.fd);
    return std::nullopt;
}

std::optional<fs::path> leaves_project(const fs::path& root, const fs::path& p) {
    std::error_code ec;
    const auto real_root = fs::weakly_canonical(root, ec);
    if (ec) return std::nullopt;
    auto real = fs::weakly_canonical(p, ec);
    if (ec) return std::nullopt;
    // A dangling symlink is not resolved by weakly_canonical; its target is where it leads.
    if (fs::is_symlink(fs::symlink_status(p, ec)) && !fs::exists(fs::status(p, ec))) {
        const auto target = fs::read_symlink(p, ec);
        if (!ec) real = (target.is_absolute() ? target : p.parent_path() / target).lexically_normal();
    }
    auto r = real_root.begin();
    auto q = real.begin();
    for (; r != real_root.end(); ++r, ++q)
        if (q == real.end() || *q != *r) return real;
    return std::nullopt;
}

ReadResult read_project_file(const fs::path& root, const fs::path& path, std::uintmax_t max_bytes) {
    if (auto real = leaves_project(root, path))
        return {std::nullopt, "tautan simbolik mengarah ke luar proyek ('" + real->string() +
                                  "'); salin berkasnya ke dalam proyek atau hapus tautannya"};
    return read_text_file(path, max_bytes);
}

std::optional<std::string> read_input_text(const fs::path& root, const fs::path& path, Diagnostics& diags,
                                           std::uintmax_t max_bytes) {
    auto read = read_project_file(root, path, max_bytes);
    if (!read.text) {
        diags.error(display_path(root, path), read.error);
        return std::nullopt;
    }
    return check_input_text(root, path, std::move(*read.text), diags);
}

std::optional<std::string> check_input_text(const fs::path& root, const fs::path& path, std::string text,
                                            Diagnostics& diags) {
    std::string_view view(text);
    const bool bom = view.substr(0, 3) == "\xEF\xBB\xBF";
    if (bom) view.remove_prefix(3);
    if (auto fault = find_text_fault(view)) {
        if (bom && fault->line == 1) fault->offset += 3;
        diags.error(display_path(root, path), describe_text_fault(*fault), fault->line);
        return std::nullopt;
    }
    return text;
}

bool FolderVisits::first(const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return false;
    return seen_.emplace(static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)).second;
}

bool entry_exists(const fs::path& p) {
    std::error_code ec;
    return fs::symlink_status(p, ec).type() != fs::file_type::not_found;
}

std::vector<fs::path> list_files(const fs::path& root, const fs::path& dir, const std::string& ext,
                                 Diagnostics& diags) {
    std::vector<fs::path> out;
    if (!entry_exists(dir)) return out;
    const auto shown = display_path(root, dir);
    std::error_code ec;
    if (!fs::is_directory(fs::status(dir, ec))) {
        diags.error(shown, kind_of(dir) + "; di sini harus ada folder berisi berkas *" + ext);
        return out;
    }
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (name.size() < ext.size() || name.compare(name.size() - ext.size(), ext.size(), ext) != 0 ||
            name[0] == '.')
            continue;
        std::error_code st_ec;
        if (fs::is_regular_file(fs::status(it->path(), st_ec))) out.push_back(it->path());
        else diags.error(display_path(root, it->path()), kind_of(it->path()) + "; hapus atau ganti dengan berkas biasa");
    }
    if (ec) {
        diags.error(shown, "folder tidak dapat dibaca: " + ec.message() + "; periksa izin aksesnya");
        return {};
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string display_path(const fs::path& root, const fs::path& p) {
    // Lexically first: a symlink is named as itself, not as where it leads.
    const auto lexical = p.lexically_relative(root);
    if (!lexical.empty() && lexical.native().rfind("..", 0) != 0) return lexical.generic_string();
    std::error_code ec;
    auto rel = fs::relative(p, root, ec);
    if (ec || rel.empty() || rel.native().rfind("..", 0) == 0) return p.generic_string();
    return rel.generic_string();
}

void write_cache_file(std::initializer_list<std::filesystem::path> dirs, const std::filesystem::path& target,
                      const std::string& bytes) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& dir : dirs) {
        // Entries are kept from several threads at once: another may have just made the folder.
        if (fs::symlink_status(dir, ec).type() == fs::file_type::not_found) fs::create_directory(dir, ec);
        if (fs::symlink_status(dir, ec).type() != fs::file_type::directory) return;
    }
    static std::atomic<unsigned> serial{0};
    const auto temp = fs::path(target.string() + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(serial++));
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = ::close(fd) == 0 && done == bytes.size();
    if (!ok || ::rename(temp.c_str(), target.c_str()) != 0) ::unlink(temp.c_str());
}

std::optional<std::string> read_cache_file(std::initializer_list<std::filesystem::path> dirs,
                                           const std::filesystem::path& file) {
    std::string bytes;
    if (!read_cache_file_into(dirs, file, bytes)) return std::nullopt;
    return bytes;
}

bool read_cache_file_into(std::initializer_list<std::filesystem::path> dirs, const std::filesystem::path& file,
                          std::string& buffer) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& dir : dirs)
        if (fs::symlink_status(dir, ec).type() != fs::file_type::directory) return false;
    // O_NOFOLLOW: the entry itself is never read through a link; O_NONBLOCK: nor waited on as a FIFO.
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return false;
    }
    buffer.clear();  // a larger entry then reallocates without copying the old bytes
    buffer.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < buffer.size()) {
        const auto n = ::read(fd, buffer.data() + got, buffer.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return got == buffer.size();  // one that shrank while being read is not an entry to trust
}

}  // namespace pepgen
