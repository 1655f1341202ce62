/// A page's data for its template: text, flag, list or object. Our own plain
/// type rather than kainjow's, so pages are built by moving values instead of
/// deep-copying trees, and can be built on any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace pepgen {

class Value;

/// The items of a long list, made when read: a page made in parts after a correction
/// (Theme::render_page_in_parts) makes only the rows of the runs it renders, when the
/// source can key each row without making it.
class LazyItems {
public:
    virtual ~LazyItems() = default;
    virtual std::size_t size() const = 0;
    /// Item i alone.
    virtual Value make(std::size_t i) const = 0;
    /// Every item, in order: what a list read whole holds (a source may share them between pages).
    virtual std::vector<Value> make_all() const;
    /// Whether key() is given: then two items with the same key, in lists of the same page,
    /// render the same. Otherwise items are told apart by their values.
    virtual bool keyed() const { return false; }
    virtual std::uint64_t key(std::size_t) const { return 0; }
};

class Value {
public:
    enum class Kind : std::uint8_t { text, flag, list, object };
    using Field = std::pair<std::string, Value>;

    Value() = default;  // an empty object
    Value(std::string s) : node_(std::move(s)) {}
    Value(const char* s) : node_(std::string(s)) {}
    Value(bool b) : node_(b) {}
    Value(int) = delete;  // format numbers explicitly (format/indonesian.h)

    /// An empty object with room for `fields` fields: one built field by field otherwise grows
    /// a few at a time, and a national site builds millions of small ones (a card's scores).
    static Value object(std::size_t fields) {
        Value v;
        std::get<kObject>(v.node_).reserve(fields);
        return v;
    }
    static Value list() {
        Value v;
        v.node_.emplace<kList>();
        return v;
    }
    static Value list(std::vector<Value> items) {
        Value v;
        v.node_.emplace<kList>(std::move(items));
        return v;
    }

    /// A read-only value that several pages' data can hold without copying it (a round's
    /// table rows, shown on its round page and its category page). Reads see `v`; set()
    /// and push_back() on it throw.
    static Value shared(Value v) {
        if (v.node_.index() == kShared) return v;
        Value s;
        s.node_.emplace<kShared>(std::make_shared<const Value>(std::move(v)));
        return s;
    }

    /// An object that reads as `base` with the fields set on it laid over base's: a round's
    /// shared rows shown one folder higher, where only their links differ. `base` is shared,
    /// not copied; reads of a field the object does not set go to it.
    static Value over(Value base) {
        auto v = object(3);
        std::get<kObject>(v.node_).emplace_back(std::string(kBaseKey), shared(std::move(base)));
        return v;
    }

    /// A list whose items `source` makes when they are first read (LazyItems). It reads as an
    /// ordinary list; lazy() lets a page made in parts make only some of them.
    static Value lazy(std::shared_ptr<const LazyItems> source);
    /// The source of a lazy() list, else nullptr.
    const LazyItems* lazy() const;

    /// The text, or false when it is empty: a template section over it then
    /// shows nothing (an empty text is not false to mustache).
    static Value nonempty(std::string s) { return s.empty() ? Value(false) : Value(std::move(s)); }

    // Inline: a template's every look-up and every digest of a page's tree goes through them.
    Kind kind() const {
        switch (target().node_.index()) {
            case kText: return Kind::text;
            case kFlag: return Kind::flag;
            case kList:
            case kLazy: return Kind::list;
            default: return Kind::object;
        }
    }
    bool is_object() const { return target().node_.index() == kObject; }
    /// Each accessor gives an empty text, false or an empty list for a Value of another kind.
    const std::string& text() const {
        const auto* s = std::get_if<kText>(&target().node_);
        return s ? *s : empty_text();
    }
    bool flag() const {
        const auto* b = std::get_if<kFlag>(&target().node_);
        return b && *b;
    }
    const std::vector<Value>& items() const {
        const auto& node = target().node_;
        if (const auto* l = std::get_if<kList>(&node)) return *l;
        return node.index() == kLazy ? lazy_items() : empty_items();
    }
    const std::vector<Field>& fields() const {
        const auto* f = std::get_if<kObject>(&target().node_);
        return f ? *f : empty_fields();
    }

    /// Sets (or replaces) a field of an object; returns *this for chaining
    /// (moved out again when called on a temporary, so chains never copy).
    /// Throws std::logic_error on a Value that is not an object.
    Value& set(std::string_view key, Value v) &;
    Value&& set(std::string_view key, Value v) && { return std::move(set(key, std::move(v))); }
    /// Appends to a list; throws std::logic_error on a Value that is not a list.
    void push_back(Value v);
    /// A field of an object, or nullptr.
    const Value* get(std::string_view key) const;
    /// What an over() object reads its other fields from, or nullptr. fields() lists an
    /// over() object's own fields, the base among them under a name no template can use.
    const Value* base() const;
    static bool is_base_key(std::string_view key) { return key == kBaseKey; }
    /// A dotted path ("category.css"), or nullptr.
    const Value* find_path(const std::string& path) const;

private:
    // One node holds only what its kind needs (40 bytes, a field 72): a national
    // round's table has hundreds of thousands of them, built whole per page.
    static constexpr std::size_t kObject = 0, kText = 1, kFlag = 2, kList = 3, kShared = 4, kLazy = 5;
    struct LazyNode;
    /// The field of an over() object holding its base: no template can name it.
    static constexpr std::string_view kBaseKey = "\x01";
    std::variant<std::vector<Field>, std::string, bool, std::vector<Value>, std::shared_ptr<const Value>,
                 std::shared_ptr<LazyNode>>
        node_;
    /// A lazy list's items, made on first read (by any thread: once).
    const std::vector<Value>& lazy_items() const;
    static const std::string& empty_text();
    static const std::vector<Value>& empty_items();
    static const std::vector<Field>& empty_fields();
    /// What a shared node stands for (itself otherwise): every read goes through it.
    const Value& target() const {
        const auto* s = std::get_if<kShared>(&node_);
        return s ? **s : *this;
    }
};

}  // namespace pepgen
