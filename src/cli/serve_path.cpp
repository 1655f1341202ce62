#include "cli/serve_path.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace pepgen {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// Owns one file descriptor.
class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) {
            if (fd_ >= 0) ::close(fd_);
            fd_ = other.fd_;
            other.fd_ = -1;
        }
        return *this;
    }
    int get() const { return fd_; }
    bool ok() const { return fd_ >= 0; }

private:
    int fd_;
};

// O_NONBLOCK: opening a FIFO planted in the site must not hang a worker; it
// has no effect on the regular files that are then read.
constexpr int kOpenFlags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;

}  // namespace

std::optional<std::string> resolve_request_target(std::string_view target) {
    // The query and fragment name nothing on disk.
    target = target.substr(0, target.find_first_of("?#"));
    if (target.empty() || target.front() != '/') return std::nullopt;
    std::string decoded;
    decoded.reserve(target.size());
    for (std::size_t i = 1; i < target.size(); ++i) {
        char c = target[i];
        if (c == '%') {
            if (i + 2 >= target.size()) return std::nullopt;
            const int hi = hex_value(target[i + 1]);
            const int lo = hex_value(target[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
        }
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f || c == '\\') return std::nullopt;
        decoded += c;
    }
    // A folder ("/", "/lsp/a/") means its index page.
    if (decoded.empty() || decoded.back() == '/') decoded += "index.html";
    std::size_t start = 0;
    while (start <= decoded.size()) {
        auto end = decoded.find('/', start);
        if (end == std::string::npos) end = decoded.size();
        if (end == start || decoded[start] == '.') return std::nullopt;
        start = end + 1;
    }
    return decoded;
}

std::optional<SiteFile> read_site_file(const std::filesystem::path& site, const std::string& rel) {
    Fd current(::open(site.c_str(), kOpenFlags | O_DIRECTORY));
    if (!current.ok()) return std::nullopt;
    std::string name;
    std::size_t start = 0;
    for (;;) {
        const auto end = rel.find('/', start);
        name = rel.substr(start, end == std::string::npos ? std::string::npos : end - start);
        Fd next(::openat(current.get(), name.c_str(), kOpenFlags | (end == std::string::npos ? 0 : O_DIRECTORY)));
        if (!next.ok()) return std::nullopt;
        current = std::move(next);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    struct stat st {};
    if (::fstat(current.get(), &st) != 0) return std::nullopt;
    if (S_ISDIR(st.st_mode)) {
        name = "index.html";
        Fd index(::openat(current.get(), name.c_str(), kOpenFlags));
        if (!index.ok() || ::fstat(index.get(), &st) != 0) return std::nullopt;
        current = std::move(index);
    }
    if (!S_ISREG(st.st_mode)) return std::nullopt;
    SiteFile file{name, {}};
    file.bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[65536];
    for (;;) {
        const auto n = ::read(current.get(), buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return std::nullopt;
        }
        file.bytes.append(buffer, static_cast<std::size_t>(n));
    }
    return file;
}

}  // namespace pepgen
