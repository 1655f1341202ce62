#include <catch2/catch.hpp>

#include "util/text.h"

using namespace pepgen;

TEST_CASE("UTF-8 validation accepts Indonesian text and rejects broken bytes", "[text]") {
    CHECK(is_valid_utf8("Sumatera Utara – 98,96%"));
    CHECK(is_valid_utf8("\xE2\x80\xAE"));  // bidi override is valid UTF-8
    CHECK_FALSE(is_valid_utf8(std::string("a\0b", 3)));
    CHECK_FALSE(is_valid_utf8("\xC3"));            // truncated
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));        // overlong
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));    // surrogate
    CHECK_FALSE(is_valid_utf8("\xFF"));
}

TEST_CASE("slugs are lowercase words joined by single hyphens", "[text]") {
    CHECK(is_slug("lsp-contoh-07"));
    CHECK(is_slug("2026-i1"));
    CHECK_FALSE(is_slug("LSP-07"));
    CHECK_FALSE(is_slug("lsp_07"));
    CHECK_FALSE(is_slug("-lsp"));
    CHECK_FALSE(is_slug("lsp--a"));
    CHECK_FALSE(is_slug("../etc"));
    CHECK_FALSE(is_slug(""));
}

TEST_CASE("HTML escaping covers text and attribute contexts", "[text]") {
    CHECK(html_escape("<script>alert('x')</script> & \"q\"") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
}

TEST_CASE("ISO dates must exist on the calendar", "[text]") {
    CHECK(is_iso_date("2024-02-29"));
    CHECK_FALSE(is_iso_date("2025-02-29"));
    CHECK_FALSE(is_iso_date("2025-13-01"));
    CHECK_FALSE(is_iso_date("2025-1-01"));
    CHECK_FALSE(is_iso_date("01-01-2025"));
}

TEST_CASE("line_of_offset counts newlines before the offset", "[text]") {
    CHECK(line_of_offset("a\nb\nc", 0) == 1);
    CHECK(line_of_offset("a\nb\nc", 2) == 2);
    CHECK(line_of_offset("a\nb\nc", 4) == 3);
}
