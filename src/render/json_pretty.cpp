#include "render/json_pretty.h"

#include <algorithm>

namespace pepgen {

namespace {

bool is_scalar(const boost::json::value& v) { return !v.is_object() && !v.is_array(); }

/// A JSON string literal, escaped as RFC 8259 requires (a hot path: no temporaries).
void write_string(std::string_view s, std::string& out) {
    out += '"';
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (u < 0x20) {
            static const char* digits = "0123456789abcdef";
            out += "\\u00";
            out += digits[u >> 4];
            out += digits[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

void write_scalar(const boost::json::value& v, std::string& out) {
    if (v.is_string()) write_string(v.get_string(), out);
    else if (v.is_int64()) out += std::to_string(v.get_int64());
    else if (v.is_bool()) out += v.get_bool() ? "true" : "false";
    else if (v.is_null()) out += "null";
    else out += boost::json::serialize(v);
}

/// Objects and arrays whose members are all scalars stay on one line (a
/// sheet's scores, a list of codes); the rest are indented.
void write(const boost::json::value& v, std::string& out, int indent) {
    if (is_scalar(v)) {
        write_scalar(v, out);
        return;
    }
    if (v.is_object()) {
        const auto& obj = v.get_object();
        if (obj.empty()) {
            out += "{}";
            return;
        }
        const bool flat = std::all_of(obj.begin(), obj.end(), [](const auto& kv) { return is_scalar(kv.value()); });
        out += flat ? "{" : "{\n";
        bool first = true;
        for (const auto& [key, value] : obj) {
            if (!first) out += flat ? ", " : ",\n";
            first = false;
            if (!flat) out.append(static_cast<std::size_t>(indent + 2), ' ');
            write_string(key, out);
            out += ": ";
            write(value, out, indent + 2);
        }
        if (flat) {
            out += "}";
        } else {
            out += "\n";
            out.append(static_cast<std::size_t>(indent), ' ');
            out += "}";
        }
        return;
    }
    const auto& arr = v.get_array();
    if (arr.empty()) {
        out += "[]";
        return;
    }
    const bool flat = std::all_of(arr.begin(), arr.end(), [](const auto& x) { return is_scalar(x); });
    out += flat ? "[" : "[\n";
    bool first = true;
    for (const auto& item : arr) {
        if (!first) out += flat ? ", " : ",\n";
        first = false;
        if (!flat) out.append(static_cast<std::size_t>(indent + 2), ' ');
        write(item, out, indent + 2);
    }
    if (flat) {
        out += "]";
    } else {
        out += "\n";
        out.append(static_cast<std::size_t>(indent), ' ');
        out += "]";
    }
}

}  // namespace

std::string pretty_json(const boost::json::value& v, bool escape_html, int indent) {
    std::string raw;
    write(v, raw, indent);
    if (!escape_html) return raw + "\n";
    // <, > and & only occur inside strings in JSON; escaping them keeps a
    // file that is sniffed or embedded as HTML inert (as Go's encoder does).
    std::string out;
    out.reserve(raw.size() + 16);
    for (char c : raw) {
        switch (c) {
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            default: out += c;
        }
    }
    // U+2028 and U+2029 end a line in older JavaScript; keep them escaped so the
    // same text can be embedded in a script.
    for (const auto& [raw_sep, esc] : {std::pair<std::string, std::string>{"\u2028", "\\u2028"}, {"\u2029", "\\u2029"}})
        for (auto pos = out.find(raw_sep); pos != std::string::npos; pos = out.find(raw_sep, pos + esc.size()))
            out.replace(pos, raw_sep.size(), esc);
    out += "\n";
    return out;
}

}  // namespace pepgen
