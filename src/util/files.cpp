#include "util/files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace pepgen {

ReadResult read_text_file(const fs::path& path, std::uintmax_t max_bytes) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return {std::nullopt, "berkas tidak ditemukan atau bukan berkas biasa"};
    const auto size = fs::file_size(path, ec);
    if (ec) return {std::nullopt, "ukuran berkas tidak dapat dibaca: " + ec.message()};
    if (size > max_bytes)
        return {std::nullopt, "berkas terlalu besar (" + std::to_string(size) + " bita; batas " +
                                  std::to_string(max_bytes) + " bita)"};
    std::ifstream in(path, std::ios::binary);
    if (!in) return {std::nullopt, "berkas tidak dapat dibuka"};
    std::ostringstream ss;
    ss << in.rdbuf();
    return {ss.str(), {}};
}

std::vector<fs::path> list_files(const fs::path& dir, const std::string& ext) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file(ec)) continue;
        const auto name = entry.path().filename().string();
        if (name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0 &&
            name[0] != '.')
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string display_path(const fs::path& root, const fs::path& p) {
    std::error_code ec;
    auto rel = fs::relative(p, root, ec);
    if (ec || rel.empty() || rel.native().rfind("..", 0) == 0) return p.generic_string();
    return rel.generic_string();
}

}  // namespace pepgen
