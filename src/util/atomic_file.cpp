#include "util/atomic_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {


}  // namespace

std::string write_file_atomically(const fs::path& given, const std::string& bytes) {
    std::error_code ec;
    // A file kept as a symlink (data/penilaian/2027-1.json -> ../arsip/...) is
    // written where it points and stays a link.
    auto path = given;
    if (fs::is_symlink(given, ec)) {
        path = fs::weakly_canonical(given, ec);
        if (ec) return "tautan " + given.string() + " tidak dapat diikuti: " + ec.message();
    }
    fs::create_directories(path.parent_path(), ec);
    if (ec) return "direktori " + path.parent_path().string() + " tidak dapat dibuat: " + ec.message();
    // mkstemp: a fresh name nobody can guess or plant a link at (O_EXCL).
    auto pattern = (path.parent_path() / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return "berkas sementara tidak dapat dibuat di " + path.parent_path().string() + ": " + system_reason(errno);
    const fs::path tmp = pattern;
    auto fail = [&](const std::string& what, int err) {
        ::close(fd);
        ::unlink(tmp.c_str());
        return "berkas " + path.string() + " " + what + ": " + system_reason(err);
    };
    // Keep the mode of the file it replaces; a new file gets what the umask allows.
    struct stat old{};
    mode_t mode = 0666;
    if (::stat(path.c_str(), &old) == 0) mode = old.st_mode & 07777;
    else {
        const auto mask = ::umask(0);
        ::umask(mask);
        mode &= ~mask;
    }
    if (::fchmod(fd, mode) != 0) return fail("tidak dapat disiapkan", errno);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return fail("tidak dapat ditulis", n < 0 ? errno : ENOSPC);
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) return fail("tidak dapat disimpan", errno);
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return "berkas " + path.string() + " tidak dapat disimpan: " + system_reason(err);
    }
    // The rename itself reaches the disk only with its folder.
    if (const int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

}  // namespace pepgen
