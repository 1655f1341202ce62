/// Parses a JSON data file and reads typed fields from its objects, naming
/// file, line and field in every diagnostic.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "util/diagnostic.h"

namespace pepgen {

/// A parsed data file: its text (for line look-ups) and its value.
struct JsonDoc {
    std::string file;   ///< display path
    std::string text;
    boost::json::value value;
    std::vector<std::size_t> line_starts;  ///< offsets where each line begins (filled on load)

    /// 1-based line of the first occurrence of needle, 0 when absent; used
    /// to point evaluators at the entry of an LSP or field.
    int line_of(const std::string& needle) const;
    /// 1-based line of a byte offset, by binary search over line starts.
    int line_at(std::size_t offset) const;
    /// Byte offset of the first occurrence of needle at or after `from`.
    std::size_t offset_of(const std::string& needle, std::size_t from = 0) const;
    /// The same, for a needle lying wholly within [from, limit): npos otherwise. For a needle
    /// expected a few bytes on (the next key of an object), with no search past `limit`.
    std::size_t offset_between(std::string_view needle, std::size_t from, std::size_t limit) const;
    /// The last such occurrence (a search backwards from `limit`).
    std::size_t last_offset_between(std::string_view needle, std::size_t from, std::size_t limit) const;
};

/// Reads and parses a file; reports unreadable, non-UTF-8 or malformed JSON,
/// forbidden characters and a key repeated within one object, with line and column.
std::optional<JsonDoc> read_json_file(const std::filesystem::path& root, const std::filesystem::path& path,
                                      Diagnostics& diags);
/// The same for that file's bytes, already read by the caller (check_input_text, then as above).
std::optional<JsonDoc> parse_json_file(const std::filesystem::path& root, const std::filesystem::path& path,
                                       std::string text, Diagnostics& diags);
/// The first half of either: the file's text (read now, or `text` as the caller read it) checked as
/// text, with its line starts, and no value yet. For a reader that tries the text another way first.
std::optional<JsonDoc> checked_json_doc(const std::filesystem::path& root, const std::filesystem::path& path,
                                        std::optional<std::string> text, Diagnostics& diags);
/// The second half: doc.text parsed into doc.value, or false with the fault reported.
bool parse_json_value(JsonDoc& doc, Diagnostics& diags);
/// What of doc.text is parsed (the text without the BOM spreadsheets and editors add), and how:
/// one answer for every reader of a data file, so that the same text is valid JSON to all of them.
std::string_view json_body(const JsonDoc& doc);
boost::json::parse_options json_parse_options();

/// Typed access to one JSON object with located, contextual diagnostics.
class JsonFields {
public:
    JsonFields(const boost::json::object& obj, const JsonDoc& doc, Diagnostics& diags, std::string context,
               int line);

    std::optional<std::string> text(const std::string& key, bool required);
    std::optional<std::int64_t> integer(const std::string& key, bool required);
    std::optional<bool> boolean(const std::string& key, bool required);
    const boost::json::array* array(const std::string& key, bool required);
    const boost::json::object* object(const std::string& key, bool required);
    std::vector<std::string> text_list(const std::string& key, bool required);

    void error(const std::string& message);
    void error_at(int line, const std::string& message);
    void warning(const std::string& message);
    int line() const { return line_; }

private:
    const boost::json::value* get(const std::string& key, bool required);
    std::string prefix() const;

    const boost::json::object& obj_;
    const JsonDoc& doc_;
    Diagnostics& diags_;
    std::string context_;
    int line_;
};

/// A readable name for a JSON value's type, in Indonesian ("teks", "bilangan").
std::string json_kind(const boost::json::value& v);

/// Text from data may carry no control character but tab, newline and CR,
/// and no Unicode noncharacter (see is_forbidden_char).
bool is_clean_text(const std::string& s);

}  // namespace pepgen
