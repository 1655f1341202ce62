// render/value_digest: the digest of a page's data, by which pages and parts of long lists are kept.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "render/value_digest.h"
#include "util/fingerprint.h"

using namespace pepgen;

namespace {

/// The bytes ValueFeed hashes for a text alone: the seed, the kind, the length, the text.
std::string text_feed(std::uint64_t seed, const std::string& text) {
    std::string bytes(reinterpret_cast<const char*>(&seed), sizeof seed);
    bytes += 't';
    const std::uint64_t size = text.size();
    bytes.append(reinterpret_cast<const char*>(&size), sizeof size);
    return bytes + text;
}

}  // namespace

TEST_CASE("a digest is the fingerprint of the fed bytes, for a small tree and one larger than a block", "[value_digest]") {
    // A table row is hashed in one call, a whole page's tree in blocks: both must give the
    // value a file's fingerprint gives, or keys recorded by one build would not match the next.
    for (const std::size_t size : {std::size_t{0}, std::size_t{12}, std::size_t{64 * 1024 - 20}, std::size_t{200 * 1024}}) {
        INFO("text of " << size << " bytes");
        const std::string text(size, 'x');
        CHECK(value_digest(Value(text), 7) == fingerprint(text_feed(7, text)));
    }
}

TEST_CASE("a feed open inside another gives what it gives alone", "[value_digest]") {
    // Parts of a list are keyed by a feed over the place in the page, with one feed per row made
    // while it is open: feeds on one thread share buffers, never the bytes in them.
    const auto row = Value().set("nama", "LSP A").set("ik", "312");
    const auto alone = value_digest(row, 3);
    ValueFeed outer(9);
    outer.text("daftar");
    CHECK(value_digest(row, 3) == alone);
    outer.value(row);
    const auto outer_digest = outer.digest();
    ValueFeed again(9);
    again.text("daftar");
    again.value(row);
    CHECK(again.digest() == outer_digest);
}

TEST_CASE("trees that differ in kind, name, order or nesting have different digests", "[value_digest]") {
    const std::vector<Value> trees = {
        Value(),
        Value(""),
        Value(false),
        Value(true),
        Value::list(),
        Value::list({Value("a")}),
        Value::list({Value("a"), Value("b")}),
        Value::list({Value("b"), Value("a")}),
        Value::list({Value("ab")}),
        Value().set("a", "b"),
        Value().set("b", "a"),
        Value().set("a", Value().set("b", "c")),
        Value().set("a", "b").set("c", "d"),
        Value().set("c", "d").set("a", "b"),
    };
    for (std::size_t i = 0; i < trees.size(); ++i)
        for (std::size_t j = i + 1; j < trees.size(); ++j) {
            INFO("trees " << i << " and " << j);
            CHECK(value_digest(trees[i]) != value_digest(trees[j]));
        }
}
