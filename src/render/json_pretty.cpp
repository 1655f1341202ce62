#include "render/json_pretty.h"

namespace pepgen {

namespace {

void write(const boost::json::value& v, std::string& out, int indent) {
    const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    const std::string close_pad(static_cast<std::size_t>(indent), ' ');
    if (v.is_object()) {
        const auto& obj = v.get_object();
        if (obj.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto& [key, value] : obj) {
            if (!first) out += ",\n";
            first = false;
            out += pad + boost::json::serialize(boost::json::string_view(key)) + ": ";
            write(value, out, indent + 2);
        }
        out += "\n" + close_pad + "}";
    } else if (v.is_array()) {
        const auto& arr = v.get_array();
        if (arr.empty()) {
            out += "[]";
            return;
        }
        // Arrays of scalars stay on one line.
        bool scalars = true;
        for (const auto& item : arr)
            if (item.is_object() || item.is_array()) scalars = false;
        if (scalars) {
            out += boost::json::serialize(v);
            return;
        }
        out += "[\n";
        bool first = true;
        for (const auto& item : arr) {
            if (!first) out += ",\n";
            first = false;
            out += pad;
            write(item, out, indent + 2);
        }
        out += "\n" + close_pad + "]";
    } else {
        out += boost::json::serialize(v);
    }
}

}  // namespace

std::string pretty_json(const boost::json::value& v, bool escape_html) {
    std::string raw;
    write(v, raw, 0);
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
