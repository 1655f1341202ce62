/// A digest of a page's data (render/value.h): two trees with the same digest render the
/// same through any template. Keys of whole pages (content_key) and of parts of long lists
/// (Theme::render_page_in_parts) are made from it.
#pragma once

#include <cstdint>
#include <memory>
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
    explicit ValueFeed(std::uint64_t seed);
    ~ValueFeed();
    ValueFeed(const ValueFeed&) = delete;
    ValueFeed& operator=(const ValueFeed&) = delete;
    void value(const Value& v);
    void number(std::uint64_t n) { buf_.append(reinterpret_cast<const char*>(&n), sizeof n); }
    void text(std::string_view s) {
        number(s.size());
        buf_ += s;
    }
    /// The same value however the bytes were split into blocks (util/fingerprint.h).
    std::uint64_t digest();

private:
    static constexpr std::size_t kBlock = 64 * 1024;
    void flush();
    /// A row of a table is a few hundred bytes: its feed hashes them in one call, in a buffer
    /// the thread used before, and only a feed that outgrows a block streams.
    std::string buf_;
    std::unique_ptr<Fingerprinter> fp_;
};

/// The digest of one tree alone.
std::uint64_t value_digest(const Value& v, std::uint64_t seed = 0);

}  // namespace pepgen
