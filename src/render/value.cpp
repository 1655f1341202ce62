#include "render/value.h"

namespace pepgen {

namespace {

/// Keys are short and mostly differ in length or first letter: look at those
/// before comparing whole keys (set() checks every field for a duplicate).
bool same_key(const std::string& a, std::string_view b) {
    return a.size() == b.size() && (b.empty() || (a[0] == b[0] && a == b));
}

}  // namespace

Value& Value::set(std::string_view key, Value v) & {
    for (auto& [k, existing] : fields_)
        if (same_key(k, key)) {
            existing = std::move(v);
            return *this;
        }
    // A page's objects mostly have a handful of fields or a dozen: skip the 1, 2 steps of growth.
    if (fields_.empty()) fields_.reserve(4);
    fields_.emplace_back(std::string(key), std::move(v));
    return *this;
}

const Value* Value::get(std::string_view key) const {
    if (kind_ != Kind::object) return nullptr;
    for (const auto& [k, v] : fields_)
        if (same_key(k, key)) return &v;
    return nullptr;
}

const Value* Value::find_path(const std::string& path) const {
    const Value* v = this;
    std::size_t start = 0;
    while (v) {
        const auto dot = path.find('.', start);
        v = v->get(std::string_view(path).substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) return v;
        start = dot + 1;
    }
    return nullptr;
}

}  // namespace pepgen
