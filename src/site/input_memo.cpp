#include "site/input_memo.h"

#include <charconv>

#include "util/files.h"
#include "util/fingerprint.h"

namespace pepgen {

namespace {

constexpr std::string_view kMagic = "pepgen-masukan 1\n";

/// The next space-separated number of `line`, or false.
template <typename T>
bool take_number(std::string_view& line, T& out) {
    const auto space = line.find(' ');
    if (space == std::string_view::npos) return false;
    const auto [end, ec] = std::from_chars(line.data(), line.data() + space, out);
    if (ec != std::errc() || end != line.data() + space) return false;
    line.remove_prefix(space + 1);
    return true;
}

}  // namespace

std::unordered_map<std::string, MemoEntry> read_input_memo(const std::filesystem::path& file) {
    std::unordered_map<std::string, MemoEntry> out;
    const auto read = read_cache_file({file.parent_path()}, file);
    if (!read || read->rfind(kMagic, 0) != 0) return out;
    std::string_view text(*read);
    // The last line is a fingerprint of all before it: a torn or damaged memo is no memo.
    const auto last = text.rfind('\n', text.size() >= 2 ? text.size() - 2 : 0);
    if (last == std::string_view::npos || text.back() != '\n') return out;
    const auto body = text.substr(0, last + 1);
    if (text.substr(last + 1, text.size() - last - 2) != fingerprint_hex(fingerprint(body))) return out;
    std::string_view rest = body.substr(kMagic.size());
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        auto line = rest.substr(0, end);
        rest.remove_prefix(end + 1);
        MemoEntry e;
        if (!take_number(line, e.stamp.size) || !take_number(line, e.stamp.mtime_ns) ||
            !take_number(line, e.stamp.ctime_ns) || !take_number(line, e.stamp.inode))
            return {};
        const auto space = line.find(' ');
        if (space == std::string_view::npos) return {};
        const auto [hend, hec] = std::from_chars(line.data(), line.data() + space, e.hash, 16);
        if (hec != std::errc() || hend != line.data() + space) return {};
        out.emplace(std::string(line.substr(space + 1)), e);
    }
    return out;
}

void write_input_memo(const std::filesystem::path& file, const std::map<std::string, MemoEntry>& entries) {
    std::string text(kMagic);
    for (const auto& [path, e] : entries) {
        if (path.find('\n') != std::string::npos) continue;  // a name no line can hold is read every time
        text += std::to_string(e.stamp.size) + " " + std::to_string(e.stamp.mtime_ns) + " " +
                std::to_string(e.stamp.ctime_ns) + " " + std::to_string(e.stamp.inode) + " " +
                fingerprint_hex(e.hash) + " " + path + "\n";
    }
    text += fingerprint_hex(fingerprint(text)) + "\n";
    write_cache_file({file.parent_path()}, file, text);
}

}  // namespace pepgen
