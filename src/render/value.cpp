#include "render/value.h"

#include <mutex>
#include <stdexcept>

namespace pepgen {

namespace {

/// Keys are short and mostly differ in length or first letter: look at those
/// before comparing whole keys (set() checks every field for a duplicate).
bool same_key(const std::string& a, std::string_view b) {
    return a.size() == b.size() && (b.empty() || (a[0] == b[0] && a == b));
}

}  // namespace

std::vector<Value> LazyItems::make_all() const {
    std::vector<Value> items;
    items.reserve(size());
    for (std::size_t i = 0; i < size(); ++i) items.push_back(make(i));
    return items;
}

struct Value::LazyNode {
    std::shared_ptr<const LazyItems> source;
    std::once_flag made;
    std::vector<Value> items;
};

Value Value::lazy(std::shared_ptr<const LazyItems> source) {
    Value v;
    auto node = std::make_shared<LazyNode>();
    node->source = std::move(source);
    v.node_.emplace<kLazy>(std::move(node));
    return v;
}

const LazyItems* Value::lazy() const {
    const auto* node = std::get_if<kLazy>(&target().node_);
    return node ? (*node)->source.get() : nullptr;
}

const std::vector<Value>& Value::lazy_items() const {
    auto& node = *std::get<kLazy>(target().node_);
    std::call_once(node.made, [&node] { node.items = node.source->make_all(); });
    return node.items;
}

const std::string& Value::empty_text() {
    static const std::string empty;
    return empty;
}

const std::vector<Value>& Value::empty_items() {
    static const std::vector<Value> empty;
    return empty;
}

const std::vector<Value::Field>& Value::empty_fields() {
    static const std::vector<Field> empty;
    return empty;
}

Value& Value::set(std::string_view key, Value v) & {
    auto* fields = std::get_if<kObject>(&node_);
    if (!fields) throw std::logic_error("Value::set on a value that is not an object (or is shared): " + std::string(key));
    for (auto& [k, existing] : *fields)
        if (same_key(k, key)) {
            existing = std::move(v);
            return *this;
        }
    // Grow by a few fields at a time, not by doubling: a table row of 17 fields
    // would otherwise hold room for 32, and a page holds tens of thousands of rows.
    // Objects of one field (a list's items) are common too: the first step is 1.
    if (fields->size() == fields->capacity())
        fields->reserve(fields->empty() ? 1 : fields->size() < 25 ? fields->size() + 6 : fields->size() * 3 / 2);
    fields->emplace_back(std::string(key), std::move(v));
    return *this;
}

void Value::push_back(Value v) {
    auto* items = std::get_if<kList>(&node_);
    if (!items) throw std::logic_error("Value::push_back on a value that is not a list (or is shared)");
    items->push_back(std::move(v));
}

const Value* Value::get(std::string_view key) const {
    const auto* fields = std::get_if<kObject>(&target().node_);
    if (!fields) return nullptr;
    const Value* base = nullptr;
    for (const auto& [k, v] : *fields) {
        if (same_key(k, key)) return &v;
        if (same_key(k, kBaseKey)) base = &v;
    }
    return base && key != kBaseKey ? base->get(key) : nullptr;
}

const Value* Value::base() const {
    const auto* fields = std::get_if<kObject>(&target().node_);
    if (!fields) return nullptr;
    for (const auto& [k, v] : *fields)
        if (same_key(k, kBaseKey)) return &v;
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
