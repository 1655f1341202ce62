#include "data/json_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <unordered_set>

#include <boost/json/basic_parser_impl.hpp>

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
    // memmem rather than std::string::find, which stops at every '"' of the file for a quoted needle.
    if (from > text.size()) return std::string::npos;
    const void* at = ::memmem(text.data() + from, text.size() - from, needle.data(), needle.size());
    return at ? static_cast<std::size_t>(static_cast<const char*>(at) - text.data()) : std::string::npos;
}

std::size_t JsonDoc::offset_between(std::string_view needle, std::size_t from, std::size_t limit) const {
    // From one occurrence of the needle's first byte to the next: the match is usually a few
    // bytes away, where memmem would spend more on setting up than on searching.
    limit = std::min(limit, text.size());
    if (needle.empty()) return from <= limit ? from : std::string::npos;
    while (from < limit && needle.size() <= limit - from) {
        const auto* hit = static_cast<const char*>(std::memchr(text.data() + from, needle[0], limit - from));
        if (!hit) break;
        const auto at = static_cast<std::size_t>(hit - text.data());
        if (needle.size() > limit - at) break;
        if (std::memcmp(hit, needle.data(), needle.size()) == 0) return at;
        from = at + 1;
    }
    return std::string::npos;
}

std::size_t JsonDoc::last_offset_between(std::string_view needle, std::size_t from, std::size_t limit) const {
    limit = std::min(limit, text.size());
    if (from > limit || needle.size() > limit - from) return std::string::npos;
    const auto at = std::string_view(text).substr(from, limit - from).rfind(needle);
    return at == std::string_view::npos ? std::string::npos : from + at;
}

namespace {

/// Builds the value as boost::json::parser does (through a value_stack) and
/// stops at the first key an object already has: Boost.JSON itself keeps the
/// last one silently, and a repeated score or "jenis" would change results.
class UniqueKeyHandler {
public:
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    json::value_stack st;
    std::string duplicate;  ///< the repeated key, once found

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }
    bool on_object_begin(boost::system::error_code&) {
        frames_.push_back({keys_.size(), {}, nullptr});
        return true;
    }
    bool on_object_end(std::size_t n, boost::system::error_code&) {
        keys_.resize(frames_.back().first);
        frames_.pop_back();
        st.push_object(n);
        return true;
    }
    bool on_array_begin(boost::system::error_code&) { return true; }
    bool on_array_end(std::size_t n, boost::system::error_code&) {
        st.push_array(n);
        return true;
    }
    bool on_key_part(json::string_view s, std::size_t, boost::system::error_code&) {
        st.push_chars(s);
        key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(json::string_view s, std::size_t, boost::system::error_code& ec) {
        st.push_key(s);
        key_.append(s.data(), s.size());
        const bool fresh = remember_key(key_);
        if (!fresh) {
            duplicate = key_;
            ec = json::error::exception;
        }
        key_.clear();
        return fresh;
    }
    bool on_string_part(json::string_view s, std::size_t, boost::system::error_code&) {
        st.push_chars(s);
        return true;
    }
    bool on_string(json::string_view s, std::size_t, boost::system::error_code&) {
        st.push_string(s);
        return true;
    }
    bool on_number_part(json::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t i, json::string_view, boost::system::error_code&) {
        st.push_int64(i);
        return true;
    }
    bool on_uint64(std::uint64_t u, json::string_view, boost::system::error_code&) {
        st.push_uint64(u);
        return true;
    }
    bool on_double(double d, json::string_view, boost::system::error_code&) {
        st.push_double(d);
        return true;
    }
    bool on_bool(bool b, boost::system::error_code&) {
        st.push_bool(b);
        return true;
    }
    bool on_null(boost::system::error_code&) {
        st.push_null();
        return true;
    }
    bool on_comment_part(json::string_view, boost::system::error_code&) { return true; }
    bool on_comment(json::string_view, boost::system::error_code&) { return true; }

private:
    /// Small objects (a sheet's scores) are scanned; past a few dozen keys a
    /// hash set keeps a huge object from costing quadratic time.
    static constexpr std::size_t kScanLimit = 32;
    struct Frame {
        std::size_t first;  ///< where this object's keys start in keys_
        /// A bit per key hash seen in this object: a key whose bit is clear is new without a scan
        /// (a national round file has tens of thousands of score objects of 27 keys each).
        std::array<std::uint64_t, 4> seen;
        std::unique_ptr<std::unordered_set<std::string>> many;
    };

    bool remember_key(const std::string& key) {
        auto& frame = frames_.back();
        if (frame.many) return frame.many->insert(key).second;
        std::uint32_t h = 2166136261u;  // FNV-1a
        for (unsigned char c : key) h = (h ^ c) * 16777619u;
        const unsigned bit = (h ^ (h >> 16)) & 255u;
        auto& word = frame.seen[bit >> 6];
        const std::uint64_t mask = std::uint64_t{1} << (bit & 63u);
        if (word & mask)
            for (std::size_t i = frame.first; i < keys_.size(); ++i)
                if (keys_[i] == key) return false;
        word |= mask;
        keys_.push_back(key);
        if (keys_.size() - frame.first > kScanLimit) {
            frame.many = std::make_unique<std::unordered_set<std::string>>(
                std::make_move_iterator(keys_.begin() + static_cast<std::ptrdiff_t>(frame.first)),
                std::make_move_iterator(keys_.end()));
            keys_.resize(frame.first);
        }
        return true;
    }

    std::string key_;
    std::vector<std::string> keys_;  ///< keys of the open objects, innermost last
    std::vector<Frame> frames_;
};

/// The text's JSON, read into doc.value; the first fault with its line and column otherwise.
bool parse_value(JsonDoc& doc, Diagnostics& diags) {
    const auto view = json_body(doc);
    json::basic_parser<UniqueKeyHandler> p(json_parse_options());
    p.handler().st.reset();
    boost::system::error_code ec;
    const auto consumed = p.write_some(false, view.data(), view.size(), ec);
    if (!ec && consumed < view.size()) ec = json::error::extra_data;
    if (ec) {
        std::size_t offset = (view.data() - doc.text.data()) + consumed;
        // A repeated key stops the parser on its closing quote; point at its opening one.
        if (!p.handler().duplicate.empty() && offset < doc.text.size() && doc.text[offset] == '"') {
            while (offset > 0) {
                --offset;
                if (doc.text[offset] == '"' && (offset == 0 || doc.text[offset - 1] != '\\')) break;
            }
        }
        const int line = line_of_offset(doc.text, offset);
        const auto line_start = doc.text.rfind('\n', offset == 0 ? 0 : offset - 1);
        const auto col = offset - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
        std::string what = ec.message();
        if (!p.handler().duplicate.empty() || ec == json::error::exception)
            what = "kunci '" + p.handler().duplicate +
                   "' muncul lebih dari sekali dalam objek yang sama; hanya satu yang boleh ada, hapus yang lain";
        else if (ec == json::error::extra_data) what = "ada teks tambahan setelah akhir data";
        else if (ec == json::error::syntax) what = "sintaks JSON salah (periksa koma, tanda kutip dan kurung)";
        else if (ec == json::error::incomplete) what = "data terpotong: kurung atau tanda kutip belum ditutup";
        else if (ec == json::error::too_deep) what = "data bersarang terlalu dalam (lebih dari 64 tingkat)";
        diags.error(doc.file, "JSON tidak valid di kolom " + std::to_string(col) + ": " + what, line);
        return false;
    }
    doc.value = p.handler().st.release();
    return true;
}

JsonDoc doc_of(const fs::path& root, const fs::path& path, std::string text) {
    JsonDoc doc;
    doc.file = display_path(root, path);
    doc.text = std::move(text);
    // memchr, not a byte loop: the changed round is the longest task of a correction's load.
    const char* const begin = doc.text.data();
    const char* const end = begin + doc.text.size();
    doc.line_starts.reserve(static_cast<std::size_t>(std::count(begin, end, '\n')) + 1);
    doc.line_starts.push_back(0);
    for (const char* at = begin; (at = static_cast<const char*>(std::memchr(at, '\n', end - at))) != nullptr;)
        doc.line_starts.push_back(static_cast<std::size_t>(++at - begin));
    return doc;
}

}  // namespace

std::optional<JsonDoc> checked_json_doc(const fs::path& root, const fs::path& path, std::optional<std::string> text,
                                        Diagnostics& diags) {
    auto checked = text ? check_input_text(root, path, std::move(*text), diags) : read_input_text(root, path, diags);
    if (!checked) return std::nullopt;
    return doc_of(root, path, std::move(*checked));
}

bool parse_json_value(JsonDoc& doc, Diagnostics& diags) { return parse_value(doc, diags); }

std::string_view json_body(const JsonDoc& doc) {
    std::string_view view(doc.text);
    if (view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
    return view;
}

json::parse_options json_parse_options() {
    json::parse_options opts;
    opts.max_depth = 64;
    return opts;
}

std::optional<JsonDoc> read_json_file(const fs::path& root, const fs::path& path, Diagnostics& diags) {
    auto doc = checked_json_doc(root, path, std::nullopt, diags);
    if (!doc || !parse_value(*doc, diags)) return std::nullopt;
    return doc;
}

std::optional<JsonDoc> parse_json_file(const fs::path& root, const fs::path& path, std::string text,
                                       Diagnostics& diags) {
    auto doc = checked_json_doc(root, path, std::move(text), diags);
    if (!doc || !parse_value(*doc, diags)) return std::nullopt;
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

bool is_clean_text(const std::string& s) { return !find_text_fault(s); }

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
        // Escapes (\u0000, \uFFFE) get here past the file's own check; point at the key.
        error_at(line_ > 0 ? line_ : doc_.line_of("\"" + key + "\""), "kolom '" + key + "' " + problem);
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
