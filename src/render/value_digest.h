/// A digest of a page's data (render/value.h): two trees with the same digest render the
/// same through any template. Keys of whole pages (content_key) and of parts of long lists
/// (Theme::render_page_in_parts) are made from it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "render/value.h"
#include "util/fingerprint.h"

namespace pepgen {

/// Every kind, name, text and flag of the tree, with counts and lengths, so
/// that no two different trees give the same bytes. Gathered in a small buffer
/// and hashed in blocks: a page's tree has tens of thousands of nodes, and one
/// hash call each cost more than the walk.
class ValueFeed {
public:
    explicit ValueFeed(std::uint64_t seed) { number(seed); }
    void value(const Value& v);
    void number(std::uint64_t n) { buf_.append(reinterpret_cast<const char*>(&n), sizeof n); }
    void text(std::string_view s) {
        number(s.size());
        buf_ += s;
    }
    std::uint64_t digest() {
        flush();
        return fp_.value();
    }

private:
    static constexpr std::size_t kBlock = 64 * 1024;
    void flush() {
        fp_.add(buf_);
        buf_.clear();
    }
    std::string buf_;
    Fingerprinter fp_;
};

/// The digest of one tree alone.
std::uint64_t value_digest(const Value& v, std::uint64_t seed = 0);

}  // namespace pepgen
