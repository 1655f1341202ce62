#include <catch2/catch.hpp>

#include <string>

#include "util/fingerprint.h"

using namespace pepgen;

TEST_CASE("the fingerprint sees a change in any byte, and the length", "[fingerprint]") {
    std::string text(100, 'a');
    const auto base = fingerprint(text);
    CHECK(fingerprint(text) == base);
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto changed = text;
        changed[i] = 'b';
        CHECK(fingerprint(changed) != base);
    }
    CHECK(fingerprint(text + '\0') != base);
    CHECK(fingerprint("a") != fingerprint(std::string_view("a\0", 2)));
    CHECK(fingerprint(text, 1) != fingerprint(text, 2));
}

TEST_CASE("a file fingerprinted in parts has the fingerprint of the whole", "[fingerprint]") {
    std::string whole;
    for (int i = 0; i < 5000; ++i) whole += std::to_string(i * 7919) + ",";
    for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{240}, whole.size() / 2, whole.size()}) {
        Fingerprinter parts;
        parts.add(std::string_view(whole).substr(0, cut));
        parts.add(std::string_view(whole).substr(cut));
        CHECK(parts.value() == fingerprint(whole));
    }
    CHECK(Fingerprinter().value() == fingerprint(""));
}

TEST_CASE("a file made in parts is fingerprinted by its parts' prints, in order", "[fingerprint]") {
    const std::vector<PartPrint> parts = {{fingerprint("ab"), 2}, {fingerprint("c"), 1}};
    CHECK(fingerprint_of_parts(parts) == fingerprint_of_parts({{fingerprint("ab"), 2}, {fingerprint("c"), 1}}));
    CHECK(fingerprint_of_parts(parts) != fingerprint_of_parts({{fingerprint("c"), 1}, {fingerprint("ab"), 2}}));
    CHECK(fingerprint_of_parts(parts) != fingerprint_of_parts({{fingerprint("ab"), 2}, {fingerprint("d"), 1}}));
    CHECK(fingerprint_of_parts(parts) != fingerprint_of_parts({{fingerprint("ab"), 3}, {fingerprint("c"), 1}}));
    CHECK(fingerprint_of_parts(parts) != fingerprint_of_parts({{fingerprint("ab"), 2}}));
    // Not the fingerprint of the whole: the parts are what is recorded.
    CHECK(fingerprint_of_parts(parts) != fingerprint("abc"));
    CHECK(fingerprint_of_parts({}) == fingerprint(""));
}
