/// Indented JSON output for published data files: diff-friendly, readable,
/// deterministic (keys in insertion order) and inert when sniffed as HTML.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

namespace pepgen {

/// Published files escape < > & (see above); files people edit by hand
/// (data/penilaian/*.json written by `import`) keep them as they are.
/// `indent` starts the output at that depth (for pieces of a larger file).
std::string pretty_json(const boost::json::value& v, bool escape_html = true, int indent = 0);
/// The same for an object or array, without first copying it into a value.
std::string pretty_json(const boost::json::object& v, bool escape_html = true, int indent = 0);
std::string pretty_json(const boost::json::array& v, bool escape_html = true, int indent = 0);

/// Writes the same layout as pretty_json while the caller walks its own data,
/// so large exports need no JSON tree. The caller says whether each object or
/// array is flat (every member a scalar: kept on one line), as pretty_json decides.
class JsonStream {
public:
    JsonStream(std::string& out, bool escape_html = true, int indent = 0)
        : out_(out), escape_html_(escape_html), indent_(indent) {}

    void begin_object(bool flat) { begin('{', '}', flat); }
    void begin_array(bool flat) { begin('[', ']', flat); }
    void end();
    /// The next member's key (inside an object).
    JsonStream& key(std::string_view k);
    void string(std::string_view s);
    void number(std::int64_t n);
    void boolean(bool b);
    void null();
    void number_or_null(const std::optional<int>& n) { n ? number(*n) : null(); }
    /// A ready-made value (a small header, say), at the current depth.
    void value(const boost::json::value& v);
    /// Members written elsewhere (a part of a file kept from an earlier build) stand in the current
    /// object or array: the next member is written after a separator.
    void members_skipped() {
        if (!frames_.empty()) frames_.back().any = true;
    }

private:
    struct Frame {
        char close;
        bool flat;
        bool any = false;
        int indent;
    };
    void begin(char open, char close, bool flat);
    /// Separator and indentation before a member (nothing right after a key).
    void member();
    int child_indent() const { return frames_.empty() ? indent_ : frames_.back().indent + 2; }

    std::string& out_;
    bool escape_html_;
    int indent_;
    bool after_key_ = false;
    std::vector<Frame> frames_;
};

}  // namespace pepgen
