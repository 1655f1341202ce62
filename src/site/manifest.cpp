#include "site/manifest.h"

#include <sys/stat.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "site/writer.h"

namespace pepgen {

namespace {

constexpr std::string_view kHeader = "# pepgen-manifest 2";

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    for (;;) {
        const auto tab = line.find('\t');
        out.push_back(line.substr(0, tab));
        if (tab == std::string_view::npos) return out;
        line.remove_prefix(tab + 1);
    }
}

template <typename T>
bool parse_number(std::string_view s, T& value, int base = 10) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

/// parse_manifest; with `spans`, each entry notes where its line (and newline) lies in `text`.
Manifest parse_lines(std::string_view text, bool spans) {
    Manifest m;
    const char* const start = text.data();
    while (!text.empty()) {
        const auto nl = text.find('\n');
        const auto line = text.substr(0, nl);
        const auto line_at = static_cast<std::size_t>(line.data() - start);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (line.rfind("# masukan ", 0) == 0) {
            m.inputs = std::string(line.substr(10));
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        // Version 2: path, hash, key, size, mtime, ctime, inode. Version 1: path, hash, key
        // (or a bare path): such files carry no stamp and are re-read once.
        const auto fields = split_tabs(line);
        const std::string path(fields[0]);
        if (!is_safe_relative_path(path) || path == kManifestName) continue;
        ManifestEntry e;
        if (fields.size() > 1 && !parse_number(fields[1], e.hash, 16)) continue;
        if (fields.size() > 2) e.key = std::string(fields[2]);
        if (fields.size() == 7) {
            FileStamp s;
            if (parse_number(fields[3], s.size) && parse_number(fields[4], s.mtime_ns) &&
                parse_number(fields[5], s.ctime_ns) && parse_number(fields[6], s.inode))
                e.stamp = s;
        }
        // Only a whole line, newline included, can be copied as it is.
        if (spans && nl != std::string_view::npos && line_at + line.size() + 1 <= UINT32_MAX) {
            e.line_at = static_cast<std::uint32_t>(line_at);
            e.line_size = static_cast<std::uint32_t>(line.size() + 1);
        }
        m.files.insert_or_assign(m.files.end(), path, std::move(e));  // written in order: each goes last
    }
    return m;
}

}  // namespace

Manifest parse_manifest(std::string_view text) { return parse_lines(text, false); }

Manifest read_manifest(std::string text) {
    // Lines are copied only from a manifest in this program's format.
    const bool ours = text.rfind(std::string(kHeader) + "\n", 0) == 0;
    auto m = parse_lines(text, ours);
    if (ours) m.text = std::move(text);
    return m;
}

std::string manifest_inputs(std::string_view text) {
    std::string inputs;
    while (!text.empty() && text[0] == '#') {  // the header comes before the first file's line
        const auto nl = text.find('\n');
        const auto line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (line.rfind("# masukan ", 0) == 0) inputs = std::string(line.substr(10));
    }
    return inputs;
}

std::string format_manifest(const Manifest& manifest, const Manifest* previous) {
    if (previous && previous->text.empty()) previous = nullptr;
    auto before = previous ? previous->files.begin() : std::map<std::string, ManifestEntry>::const_iterator();
    std::string out(kHeader);
    out += "\n# masukan " + manifest.inputs + "\n";
    // A line per output file, thousands of them on every build: appended in place.
    out.reserve(out.size() + manifest.files.size() * 160);
    char hash[17];
    char number[24];
    auto append_number = [&](auto value) {
        out += '\t';
        out.append(number, std::to_chars(number, number + sizeof number, value).ptr);
    };
    for (const auto& [path, e] : manifest.files) {
        if (previous) {  // both maps are sorted by path: one walk pairs the entries
            while (before != previous->files.end() && before->first < path) ++before;
            if (before != previous->files.end() && before->first == path) {
                const auto& was = before->second;
                if (was.line_size > 0 && was.hash == e.hash && was.key == e.key && was.stamp == e.stamp) {
                    out.append(previous->text, was.line_at, was.line_size);
                    continue;
                }
            }
        }
        std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(e.hash));
        out.append(path).append(1, '\t').append(hash, 16).append(1, '\t').append(e.key);
        if (e.stamp) {
            append_number(e.stamp->size);
            append_number(e.stamp->mtime_ns);
            append_number(e.stamp->ctime_ns);
            append_number(e.stamp->inode);
        }
        out += '\n';
    }
    return out;
}

std::optional<FileStamp> stamp_of(const char* path) {
    struct stat st{};
    if (::lstat(path, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return stamp_of(st);
}

FileStamp stamp_of(const struct stat& st) {
    FileStamp s;
    s.size = static_cast<std::uintmax_t>(st.st_size);
    s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    s.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    s.inode = st.st_ino;
    return s;
}

}  // namespace pepgen
