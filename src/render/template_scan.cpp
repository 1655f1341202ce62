#include "render/template_scan.h"

#include <string_view>
#include <vector>

namespace pepgen {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<std::set<std::string>> names_inside_sections(const std::string& source, const std::string& list) {
    std::set<std::string> names;
    std::vector<std::pair<std::string, bool>> open;  // section names, outermost first; whether over `list`
    std::size_t inside = 0;         // how many open sections are over `list`
    std::size_t sections = 0;       // how many there are in all
    std::size_t at = 0;
    for (;;) {
        const auto start = source.find("{{", at);
        if (start == std::string::npos) break;
        const bool triple = source.compare(start, 3, "{{{") == 0;
        const auto end = source.find(triple ? "}}}" : "}}", start + (triple ? 3 : 2));
        if (end == std::string::npos) return std::nullopt;
        auto tag = std::string_view(source).substr(start + (triple ? 3 : 2), end - start - (triple ? 3 : 2));
        at = end + (triple ? 3 : 2);
        tag = trim(tag);
        if (tag.empty()) return std::nullopt;
        char kind = triple ? '&' : tag.front();
        if (!triple && (kind == '#' || kind == '^' || kind == '/' || kind == '&' || kind == '!' || kind == '=' ||
                        kind == '>' || kind == '{'))
            tag = trim(tag.substr(1));
        else
            kind = triple ? '&' : 'v';
        if (kind == '!') continue;
        // Other delimiters would hide tags from this scan; a partial left in would hide its text.
        if (kind == '=' || kind == '>') return std::nullopt;
        if (kind == '{') {  // "{{{name}}" is not a tag kainjow reads the same way
            return std::nullopt;
        }
        const std::string name(tag);
        if (kind == '/') {
            if (open.empty() || open.back().first != name) return std::nullopt;
            if (open.back().second) --inside;
            open.pop_back();
            continue;
        }
        if (inside > 0) {
            // A lookup of the list itself inside it would see only the rows being made.
            if (name == list) return std::nullopt;
            if (name != ".") names.insert(name.substr(0, name.find('.')));
        }
        if (kind == '#' || kind == '^') {
            // {{^list}} only asks whether the list is empty, and a list made in parts is empty only when it is.
            const bool over = name == list && kind == '#';
            // One section over the list: a part's key names its rows and what they read, not which
            // of two sections made it.
            if (over && ++sections > 1) return std::nullopt;
            open.emplace_back(name, over);
            if (over) ++inside;
        }
    }
    if (!open.empty()) return std::nullopt;
    return names;
}

}  // namespace pepgen
