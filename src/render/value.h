/// A page's data for its template: text, flag, list or object. Our own plain
/// type rather than kainjow's, so pages are built by moving values instead of
/// deep-copying trees, and can be built on any thread.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pepgen {

class Value {
public:
    enum class Kind { text, flag, list, object };

    Value() : kind_(Kind::object) {}
    Value(std::string s) : kind_(Kind::text), text_(std::move(s)) {}
    Value(const char* s) : kind_(Kind::text), text_(s) {}
    Value(bool b) : kind_(Kind::flag), flag_(b) {}
    Value(int) = delete;  // format numbers explicitly (format/indonesian.h)

    static Value list() {
        Value v;
        v.kind_ = Kind::list;
        return v;
    }
    static Value list(std::vector<Value> items) {
        Value v = list();
        v.items_ = std::move(items);
        return v;
    }

    /// The text, or false when it is empty: a template section over it then
    /// shows nothing (an empty text is not false to mustache).
    static Value nonempty(std::string s) { return s.empty() ? Value(false) : Value(std::move(s)); }

    Kind kind() const { return kind_; }
    bool is_object() const { return kind_ == Kind::object; }
    const std::string& text() const { return text_; }
    bool flag() const { return flag_; }
    const std::vector<Value>& items() const { return items_; }
    const std::vector<std::pair<std::string, Value>>& fields() const { return fields_; }

    /// Sets (or replaces) a field of an object; returns *this for chaining
    /// (moved out again when called on a temporary, so chains never copy).
    Value& set(std::string_view key, Value v) &;
    Value&& set(std::string_view key, Value v) && { return std::move(set(key, std::move(v))); }
    void push_back(Value v) { items_.push_back(std::move(v)); }
    /// A field of an object, or nullptr.
    const Value* get(std::string_view key) const;
    /// A dotted path ("category.css"), or nullptr.
    const Value* find_path(const std::string& path) const;

private:
    Kind kind_;
    std::string text_;
    bool flag_ = false;
    std::vector<Value> items_;
    std::vector<std::pair<std::string, Value>> fields_;  // few per object: a vector beats a map
};

}  // namespace pepgen
