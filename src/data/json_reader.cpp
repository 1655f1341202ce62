#include "data/json_reader.h"

#include <algorithm>

#include "data/field_rules.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace pepgen {

int JsonDoc::line_of(const std::string& needle) const {
    const auto pos = text.find(needle);
    return pos == std::string::npos ? 0 : line_at(pos);
}

int JsonDoc::line_at(std::size_t offset) const {
    if (line_starts.empty()) return line_of_offset(text, offset);
    return static_cast<int>(std::upper_bound(line_starts.begin(), line_starts.end(), offset) - line_starts.begin());
}

std::size_t JsonDoc::offset_of(const std::string& needle, std::size_t from) const {
    return text.find(needle, from);
}

std::optional<JsonDoc> read_json_file(const fs::path& root, const fs::path& path, Diagnostics& diags) {
    JsonDoc doc;
    doc.file = display_path(root, path);
    auto read = read_text_file(path);
    if (!read.text) {
        diags.error(doc.file, read.error);
        return std::nullopt;
    }
    doc.text = std::move(*read.text);
    std::string_view view(doc.text);
    if (view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);  // spreadsheets and editors add a BOM
    if (!is_valid_utf8(view)) {
        diags.error(doc.file, "berkas bukan teks UTF-8 yang sah (atau memuat karakter NUL); simpan ulang sebagai UTF-8");
        return std::nullopt;
    }
    json::parse_options opts;
    opts.max_depth = 64;
    json::stream_parser p(json::storage_ptr(), opts);
    boost::system::error_code ec;
    const auto consumed = p.write_some(view.data(), view.size(), ec);
    if (!ec && consumed < view.size()) ec = json::error::extra_data;
    if (!ec) p.finish(ec);
    if (ec) {
        const std::size_t offset = (view.data() - doc.text.data()) + consumed;
        const int line = line_of_offset(doc.text, offset);
        const auto line_start = doc.text.rfind('\n', offset == 0 ? 0 : offset - 1);
        const auto col = offset - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
        std::string what = ec.message();
        if (ec == json::error::extra_data) what = "ada teks tambahan setelah akhir data";
        else if (ec == json::error::syntax) what = "sintaks JSON salah (periksa koma, tanda kutip dan kurung)";
        else if (ec == json::error::incomplete) what = "data terpotong: kurung atau tanda kutip belum ditutup";
        else if (ec == json::error::too_deep) what = "data bersarang terlalu dalam";
        diags.error(doc.file, "JSON tidak valid di kolom " + std::to_string(col) + ": " + what, line);
        return std::nullopt;
    }
    doc.value = p.release();
    doc.line_starts.push_back(0);
    for (std::size_t i = 0; i < doc.text.size(); ++i)
        if (doc.text[i] == '\n') doc.line_starts.push_back(i + 1);
    return doc;
}

std::string json_kind(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null: return "null";
        case json::kind::bool_: return "true/false";
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_: return "bilangan";
        case json::kind::string: return "teks";
        case json::kind::array: return "daftar";
        case json::kind::object: return "objek";
    }
    return "?";
}

bool is_clean_text(const std::string& s) { return control_char_offset(s) == std::string::npos; }

JsonFields::JsonFields(const json::object& obj, const JsonDoc& doc, Diagnostics& diags, std::string context,
                       int line)
    : obj_(obj), doc_(doc), diags_(diags), context_(std::move(context)), line_(line) {}

std::string JsonFields::prefix() const { return context_.empty() ? std::string() : context_ + ": "; }

void JsonFields::error(const std::string& message) { diags_.error(doc_.file, prefix() + message, line_); }
void JsonFields::error_at(int line, const std::string& message) {
    diags_.error(doc_.file, prefix() + message, line > 0 ? line : line_);
}

void JsonFields::warning(const std::string& message) { diags_.warning(doc_.file, prefix() + message, line_); }

const json::value* JsonFields::get(const std::string& key, bool required) {
    const auto* v = obj_.if_contains(key);
    if (!v || v->is_null()) {
        if (required) error("kolom '" + key + "' wajib diisi");
        return nullptr;
    }
    return v;
}

std::optional<std::string> JsonFields::text(const std::string& key, bool required) {
    const auto* v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        error("kolom '" + key + "' harus berupa teks, bukan " + json_kind(*v));
        return std::nullopt;
    }
    std::string s(v->get_string());
    if (const auto problem = text_field_problem(s); !problem.empty()) {
        error("kolom '" + key + "' " + problem);
        return std::nullopt;
    }
    if (required && trim(s).empty()) {
        error("kolom '" + key + "' wajib diisi");
        return std::nullopt;
    }
    return s;
}

std::optional<std::int64_t> JsonFields::integer(const std::string& key, bool required) {
    const auto* v = get(key, required);
    if (!v) return std::nullopt;
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(v->get_uint64());
    error("kolom '" + key + "' harus berupa bilangan bulat, bukan " + json_kind(*v));
    return std::nullopt;
}

std::optional<bool> JsonFields::boolean(const std::string& key, bool required) {
    const auto* v = get(key, required);
    if (!v) return std::nullopt;
    if (v->is_bool()) return v->get_bool();
    error("kolom '" + key + "' harus bernilai true atau false, bukan " + json_kind(*v));
    return std::nullopt;
}

const json::array* JsonFields::array(const std::string& key, bool required) {
    const auto* v = get(key, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
        error("kolom '" + key + "' harus berupa daftar [...], bukan " + json_kind(*v));
        return nullptr;
    }
    return &v->get_array();
}

const json::object* JsonFields::object(const std::string& key, bool required) {
    const auto* v = get(key, required);
    if (!v) return nullptr;
    if (!v->is_object()) {
        error("kolom '" + key + "' harus berupa objek {...}, bukan " + json_kind(*v));
        return nullptr;
    }
    return &v->get_object();
}

std::vector<std::string> JsonFields::text_list(const std::string& key, bool required) {
    std::vector<std::string> out;
    const auto* arr = array(key, required);
    if (!arr) return out;
    std::size_t n = 0;
    for (const auto& item : *arr) {
        ++n;
        if (!item.is_string()) {
            error("butir ke-" + std::to_string(n) + " pada '" + key + "' harus berupa teks, bukan " + json_kind(item));
            continue;
        }
        std::string s(item.get_string());
        if (const auto problem = text_field_problem(s); !problem.empty()) {
            error("butir ke-" + std::to_string(n) + " pada '" + key + "' " + problem);
            continue;
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace pepgen
