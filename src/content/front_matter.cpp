#include "content/front_matter.h"

#include <charconv>

#include "content/yaml_load.h"
#include "util/text.h"

namespace pepgen {

namespace {

// A delimiter line is exactly `---`, optionally followed by spaces and CR.
bool is_delimiter(std::string_view line) {
    if (line.substr(0, 3) != "---") return false;
    for (char c : line.substr(3))
        if (c != ' ' && c != '\t' && c != '\r') return false;
    return true;
}

}  // namespace

std::optional<FrontMatterDoc> split_front_matter(const std::string& text, const std::string& file,
                                                 Diagnostics& diags) {
    std::string_view all(text);
    if (all.substr(0, 3) == "\xEF\xBB\xBF") all.remove_prefix(3);
    const auto first_end = all.find('\n');
    if (first_end == std::string_view::npos || !is_delimiter(all.substr(0, first_end))) {
        diags.error(file, "front matter tidak ditemukan: berkas harus diawali baris '---', lalu YAML, lalu '---'", 1);
        return std::nullopt;
    }
    std::size_t pos = first_end + 1;
    int line = 2;
    std::optional<std::size_t> close;
    std::size_t after_close = 0;
    while (pos <= all.size()) {
        auto end = all.find('\n', pos);
        const auto stop = end == std::string_view::npos ? all.size() : end;
        if (is_delimiter(all.substr(pos, stop - pos))) {
            close = pos;
            after_close = end == std::string_view::npos ? all.size() : end + 1;
            break;
        }
        if (end == std::string_view::npos) break;
        pos = end + 1;
        ++line;
    }
    if (!close) {
        diags.error(file, "front matter tidak ditutup: baris '---' penutup tidak ditemukan", 1);
        return std::nullopt;
    }
    FrontMatterDoc doc;
    doc.meta_line = 2;
    const std::string yaml(all.substr(first_end + 1, *close - (first_end + 1)));
    auto meta = load_yaml(yaml, file, doc.meta_line, "YAML front matter", diags);
    if (!meta) return std::nullopt;
    doc.meta = std::move(*meta);
    if (!doc.meta.IsMap()) {
        diags.error(file, "front matter harus berupa pasangan 'kunci: nilai'", doc.meta_line);
        return std::nullopt;
    }
    doc.body = std::string(all.substr(after_close));
    doc.body_line = line + 1;
    return doc;
}

FieldReader::FieldReader(const YAML::Node& map, std::string file, int line_base, Diagnostics& diags,
                         std::string context)
    : map_(map), file_(std::move(file)), line_base_(line_base), diags_(diags), context_(std::move(context)) {}

FieldReader FieldReader::nested(const YAML::Node& map, std::string context) const {
    return FieldReader(map, file_, line_base_, diags_, std::move(context));
}

int FieldReader::line_of(const YAML::Node& node) const {
    const auto mark = node.Mark();
    return mark.line >= 0 ? line_base_ + mark.line : line_base_;
}

void FieldReader::error(const YAML::Node& at, const std::string& message) {
    diags_.error(file_, context_.empty() ? message : context_ + ": " + message, line_of(at));
}

std::string FieldReader::where(const std::string& key) const { return "'" + key + "'"; }

YAML::Node FieldReader::get(const std::string& key, bool required) {
    const YAML::Node& const_map = map_;  // const lookup never inserts a key
    YAML::Node node = const_map[key];
    if (!node.IsDefined() || node.IsNull()) {
        if (required) error(map_, "kolom " + where(key) + " wajib diisi");
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return node;
}

std::optional<std::string> FieldReader::text(const std::string& key, bool required) {
    auto node = get(key, required);
    if (!node.IsDefined()) return std::nullopt;
    if (!node.IsScalar()) {
        error(node, "kolom " + where(key) + " harus berupa teks");
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<int> FieldReader::integer(const std::string& key, bool required) {
    auto node = get(key, required);
    if (!node.IsDefined()) return std::nullopt;
    if (node.IsScalar()) {
        const auto& s = node.Scalar();
        int value = 0;
        const auto res = std::from_chars(s.data(), s.data() + s.size(), value);
        if (res.ec == std::errc() && res.ptr == s.data() + s.size()) return value;
    }
    error(node, "kolom " + where(key) + " harus berupa bilangan bulat");
    return std::nullopt;
}

std::optional<bool> FieldReader::boolean(const std::string& key, bool required) {
    auto node = get(key, required);
    if (!node.IsDefined()) return std::nullopt;
    if (node.IsScalar()) {
        const auto s = to_lower_ascii(node.Scalar());
        if (s == "true" || s == "ya") return true;
        if (s == "false" || s == "tidak") return false;
    }
    error(node, "kolom " + where(key) + " harus bernilai true atau false");
    return std::nullopt;
}

std::vector<std::string> FieldReader::text_list(const std::string& key, bool required) {
    std::vector<std::string> out;
    auto node = get(key, required);
    if (!node.IsDefined()) return out;
    if (!node.IsSequence()) {
        error(node, "kolom " + where(key) + " harus berupa daftar");
        return out;
    }
    for (const auto& item : node) {
        if (!item.IsScalar()) {
            error(item, "setiap butir " + where(key) + " harus berupa teks");
            continue;
        }
        out.push_back(item.Scalar());
    }
    return out;
}

YAML::Node FieldReader::map_list(const std::string& key, bool required) {
    auto node = get(key, required);
    if (!node.IsDefined()) return node;
    if (!node.IsSequence()) {
        error(node, "kolom " + where(key) + " harus berupa daftar");
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return node;
}

}  // namespace pepgen
