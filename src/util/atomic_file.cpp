#include "util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

namespace fs = std::filesystem;

namespace pepgen {

std::string write_file_atomically(const fs::path& path, const std::string& bytes) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return "direktori " + path.parent_path().string() + " tidak dapat dibuat: " + ec.message();
    const auto tmp = path.parent_path() / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return "berkas sementara tidak dapat dibuat di " + path.parent_path().string();
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            ::close(fd);
            ::unlink(tmp.c_str());
            return "berkas " + path.string() + " tidak dapat ditulis";
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || ::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return "berkas " + path.string() + " tidak dapat disimpan";
    }
    return {};
}

}  // namespace pepgen
