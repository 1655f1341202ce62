/// The sealed binary entries of pepgen's cache (.pepgen-cache/): a writer and a reader of
/// plain fields, an entry's messages, and the seal that keeps a torn entry from being taken.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "util/diagnostic.h"

namespace pepgen::cache_entry {

class Out {
public:
    void u32(std::uint32_t v) { bytes_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i32(int v) { u32(static_cast<std::uint32_t>(v)); }
    void flag(bool v) { bytes_ += v ? '\1' : '\0'; }
    /// How many items follow (In::count reads it back).
    void count(std::size_t n) { u32(static_cast<std::uint32_t>(n)); }
    void text(std::string_view s) {
        count(s.size());
        bytes_.append(s);
    }
    void maybe(const std::optional<int>& v) {
        flag(v.has_value());
        if (v) i32(*v);
    }
    std::string& bytes() { return bytes_; }

private:
    std::string bytes_;
};

class In {
public:
    explicit In(std::string_view bytes) : rest_(bytes) {}
    bool ok() const { return ok_; }
    bool done() const { return rest_.empty(); }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        if (rest_.size() < sizeof v) return fail();
        std::memcpy(&v, rest_.data(), sizeof v);
        rest_.remove_prefix(sizeof v);
        return v;
    }
    int i32() { return static_cast<int>(u32()); }
    bool flag() {
        if (rest_.empty()) return fail();
        const bool v = rest_.front() != '\0';
        rest_.remove_prefix(1);
        return v;
    }
    std::string text() {
        const auto n = u32();
        if (n > rest_.size()) return fail(), std::string();
        std::string s(rest_.substr(0, n));
        rest_.remove_prefix(n);
        return s;
    }
    std::optional<int> maybe() {
        if (!flag()) return std::nullopt;
        return i32();
    }
    /// A value the writer could not have written: the entry is not used.
    void damaged() { fail(); }
    /// A count of items still to come; each takes at least one byte, so a damaged count stops here.
    std::size_t count() {
        const auto n = u32();
        if (n > rest_.size()) return fail();
        return n;
    }

private:
    std::uint32_t fail() {
        ok_ = false;
        rest_ = {};
        return 0;
    }
    std::string_view rest_;
    bool ok_ = true;
};

void put_diags(Out& out, const Diagnostics& diags);
void get_diags(In& in, Diagnostics& diags);

/// Last, over everything before it: a torn or damaged entry is never taken for a good one.
std::string sealed(Out& out);

/// A reader over a sealed entry's fields after its key, or nothing when the seal, the magic or the key does not match.
std::optional<In> open_entry(std::string_view bytes, std::string_view magic, const std::string& key);

/// Decodes a sealed entry: `fields` reads what lies between the key and the messages, which every
/// entry ends with; nothing when the entry does not open or its fields do not fill it exactly.
template <typename Loaded, typename Fields>
std::optional<Loaded> decode_entry(std::string_view bytes, std::string_view magic, const std::string& key,
                                   Fields fields) {
    auto opened = open_entry(bytes, magic, key);
    if (!opened) return std::nullopt;
    auto& in = *opened;
    Loaded loaded;
    fields(in, loaded);
    get_diags(in, loaded.diags);
    if (!in.ok() || !in.done()) return std::nullopt;
    return loaded;
}

}  // namespace pepgen::cache_entry
