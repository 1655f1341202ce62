#include "format/json_pretty.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace pepgen {

namespace {

bool is_scalar(const boost::json::value& v) { return !v.is_object() && !v.is_array(); }

/// Writes one document; `escape_html` as in pretty_json.
class Writer {
public:
    Writer(std::string& out, bool escape_html) : out_(out), escape_html_(escape_html) {}

    void value(const boost::json::value& v, int indent) {
        if (v.is_object()) object(v.get_object(), indent);
        else if (v.is_array()) array(v.get_array(), indent);
        else scalar(v);
    }

    /// Objects and arrays whose members are all scalars stay on one line (a
    /// sheet's scores, a list of codes); the rest are indented.
    void object(const boost::json::object& obj, int indent) {
        if (obj.empty()) {
            out_ += "{}";
            return;
        }
        const bool flat = std::all_of(obj.begin(), obj.end(), [](const auto& kv) { return is_scalar(kv.value()); });
        out_ += flat ? "{" : "{\n";
        bool first = true;
        for (const auto& [key, member] : obj) {
            if (!first) out_ += flat ? ", " : ",\n";
            first = false;
            if (!flat) out_.append(static_cast<std::size_t>(indent + 2), ' ');
            string(key);
            out_ += ": ";
            value(member, indent + 2);
        }
        close(flat, '}', indent);
    }

    void array(const boost::json::array& arr, int indent) {
        if (arr.empty()) {
            out_ += "[]";
            return;
        }
        const bool flat = std::all_of(arr.begin(), arr.end(), [](const auto& x) { return is_scalar(x); });
        out_ += flat ? "[" : "[\n";
        bool first = true;
        for (const auto& item : arr) {
            if (!first) out_ += flat ? ", " : ",\n";
            first = false;
            if (!flat) out_.append(static_cast<std::size_t>(indent + 2), ' ');
            value(item, indent + 2);
        }
        close(flat, ']', indent);
    }

    /// A JSON string literal, escaped as RFC 8259 requires (a hot path: no temporaries).
    /// For published files also < > & (so a file sniffed or embedded as HTML stays
    /// inert, as Go's encoder does) and U+2028/U+2029, which end a line in older JavaScript.
    void string(std::string_view s) {
        static const char* digits = "0123456789abcdef";
        const auto& plain = escape_html_ ? kPlainPublished : kPlainEdited;
        std::size_t i = 0;
        while (i < s.size() && plain[static_cast<unsigned char>(s[i])]) ++i;
        if (i == s.size()) {  // most strings (every key, every code) need nothing escaped
            out_.reserve(out_.size() + s.size() + 2);
            out_ += '"';
            out_.append(s.data(), s.size());
            out_ += '"';
            return;
        }
        out_ += '"';
        std::size_t run = 0;  // unescaped bytes are copied in runs
        for (; i < s.size(); ++i) {
            const auto u = static_cast<unsigned char>(s[i]);
            if (plain[u]) continue;
            out_.append(s.data() + run, i - run);
            run = i + 1;
            switch (u) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\t': out_ += "\\t"; break;
                case '\r': out_ += "\\r"; break;
                case '<': out_ += "\\u003c"; break;
                case '>': out_ += "\\u003e"; break;
                case '&': out_ += "\\u0026"; break;
                case 0xE2:
                    if (i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                        (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
                        out_ += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
                        i += 2;
                        run = i + 1;
                    } else {
                        out_ += s[i];  // another character starting with E2: as it is
                    }
                    break;
                default:  // other control characters
                    out_ += "\\u00";
                    out_ += digits[u >> 4];
                    out_ += digits[u & 15];
            }
        }
        out_.append(s.data() + run, s.size() - run);
        out_ += '"';
    }

private:
    /// Bytes copied as they are: all but controls, " and \\, and in published
    /// files also < > & and E2 (the first byte of U+2028/U+2029, checked below).
    using PlainTable = std::array<bool, 256>;
    static PlainTable plain_table(bool escape_html) {
        PlainTable t{};
        for (int u = 0x20; u < 256; ++u) t[static_cast<std::size_t>(u)] = u != '"' && u != '\\';
        if (escape_html)
            for (int u : {int('<'), int('>'), int('&'), 0xE2}) t[static_cast<std::size_t>(u)] = false;
        return t;
    }
    static inline const PlainTable kPlainPublished = plain_table(true), kPlainEdited = plain_table(false);

    void close(bool flat, char bracket, int indent) {
        if (!flat) {
            out_ += '\n';
            out_.append(static_cast<std::size_t>(indent), ' ');
        }
        out_ += bracket;
    }

    void scalar(const boost::json::value& v) {
        if (v.is_string()) {
            string(v.get_string());
        } else if (v.is_int64()) {
            char buf[24];
            const auto end = std::to_chars(buf, buf + sizeof buf, v.get_int64()).ptr;
            out_.append(buf, end);
        } else if (v.is_bool()) {
            out_ += v.get_bool() ? "true" : "false";
        } else if (v.is_null()) {
            out_ += "null";
        } else {
            out_ += boost::json::serialize(v);
        }
    }

    std::string& out_;
    bool escape_html_;
};

}  // namespace

void JsonStream::begin(char open, char close, bool flat) {
    member();
    out_ += open;
    if (!flat) out_ += '\n';
    frames_.push_back(Frame{close, flat, false, child_indent()});
}

void JsonStream::end() {
    const auto f = frames_.back();
    frames_.pop_back();
    if (!f.any) {
        // Empty: "{}" or "[]" on one line, whatever was declared.
        if (!f.flat) out_.pop_back();
        out_ += f.close;
        return;
    }
    if (!f.flat) {
        out_ += '\n';
        out_.append(static_cast<std::size_t>(f.indent), ' ');
    }
    out_ += f.close;
}

void JsonStream::member() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (frames_.empty()) return;
    auto& f = frames_.back();
    if (f.any) out_.append(f.flat ? ", " : ",\n", 2);
    f.any = true;
    if (!f.flat) out_.append(static_cast<std::size_t>(f.indent + 2), ' ');
}

JsonStream& JsonStream::key(std::string_view k) {
    member();
    Writer(out_, escape_html_).string(k);
    out_.append(": ", 2);
    after_key_ = true;
    return *this;
}

void JsonStream::string(std::string_view s) {
    member();
    Writer(out_, escape_html_).string(s);
}

void JsonStream::number(std::int64_t n) {
    member();
    char buf[24];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

void JsonStream::boolean(bool b) {
    member();
    out_ += b ? "true" : "false";
}

void JsonStream::null() {
    member();
    out_ += "null";
}

void JsonStream::value(const boost::json::value& v) {
    member();
    Writer(out_, escape_html_).value(v, child_indent());
}

std::string pretty_json(const boost::json::value& v, bool escape_html, int indent) {
    std::string out;
    Writer(out, escape_html).value(v, indent);
    out += '\n';
    return out;
}

std::string pretty_json(const boost::json::object& v, bool escape_html, int indent) {
    std::string out;
    Writer(out, escape_html).object(v, indent);
    out += '\n';
    return out;
}

std::string pretty_json(const boost::json::array& v, bool escape_html, int indent) {
    std::string out;
    Writer(out, escape_html).array(v, indent);
    out += '\n';
    return out;
}

}  // namespace pepgen
