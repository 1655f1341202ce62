#include <catch2/catch.hpp>

#include <random>

#include "test_support.h"
#include "util/text.h"

using namespace pepgen;
using Catch::Matchers::Contains;

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

TEST_CASE("add_days crosses months, years and leap days", "[text]") {
    CHECK(add_days("2026-11-26", 14) == "2026-12-10");
    CHECK(add_days("2026-12-25", 14) == "2027-01-08");
    CHECK(add_days("2024-02-28", 1) == "2024-02-29");
    CHECK(add_days("2025-02-28", 1) == "2025-03-01");
    CHECK(add_days("2000-03-01", -1) == "2000-02-29");
    CHECK(add_days("2026-05-10", 0) == "2026-05-10");
    CHECK(add_days("bukan", 3) == "bukan");
}

TEST_CASE("line_of_offset counts newlines before the offset", "[text]") {
    CHECK(line_of_offset("a\nb\nc", 0) == 1);
    CHECK(line_of_offset("a\nb\nc", 2) == 2);
    CHECK(line_of_offset("a\nb\nc", 4) == 3);
}

TEST_CASE("XML escaping never emits a character XML 1.0 forbids", "[text][xml]") {
    const std::string hostile = "Putaran \xEF\xBF\xBE \xEF\xBF\xBF \x01\x1B \xC2\x85 \xFF <&>\"' \xF0\x9F\x98\x80 \xEF\xB7\x90";
    const auto escaped = xml_escape(hostile);
    CHECK(test::xml_problem("<a t=\"" + escaped + "\">" + escaped + "</a>").empty());
    CHECK(escaped == "Putaran    \xC2\x85  &lt;&amp;&gt;&quot;&apos; \xF0\x9F\x98\x80 \xEF\xB7\x90");
    CHECK_FALSE(test::xml_problem("<a>\xEF\xBF\xBE</a>").empty());  // the check itself catches it
}

TEST_CASE("text faults: the first bad byte or forbidden character with line and column", "[text]") {
    CHECK_FALSE(find_text_fault("Sumatera Utara – 98,96%\n\tbaris\r\n"));
    const auto bad = find_text_fault("ab\ncd\xC3");
    REQUIRE(bad);
    CHECK(bad->kind == TextFault::invalid_utf8);
    CHECK(bad->line == 2);
    CHECK(bad->column == 3);
    CHECK(bad->offset == 5);
    const auto nonchar = find_text_fault("\xE2\x80\x93x\xEF\xBF\xBE");
    REQUIRE(nonchar);
    CHECK(nonchar->kind == TextFault::forbidden_char);
    CHECK(nonchar->cp == 0xFFFE);
    CHECK(nonchar->column == 3);
    for (char32_t cp : {0x00u, 0x01u, 0x1Bu, 0x7Fu, 0x85u, 0x9Fu, 0xFDD0u, 0xFFFEu, 0xFFFFu, 0x1FFFEu, 0x10FFFFu})
        CHECK(is_forbidden_char(cp));
    for (char32_t cp : {0x09u, 0x0Au, 0x0Du, 0x20u, 0xA0u, 0xFFFDu, 0x1F600u}) CHECK_FALSE(is_forbidden_char(cp));
    CHECK_THAT(describe_text_fault(*nonchar), Contains("U+FFFE di kolom 3 (bita ke-5)"));
}

TEST_CASE("an overlong slug is told it is too long", "[text]") {
    CHECK(slug_problem("lsp-a").empty());
    CHECK_THAT(slug_problem(std::string(101, 'a')), Contains("terlalu panjang (101 karakter; batas 100)"));
    CHECK_THAT(slug_problem("LSP A"), Contains("hanya boleh berisi huruf kecil"));
}

TEST_CASE("nearest_match suggests the one clearly nearest candidate, never a guess between equals", "[text]") {
    const std::vector<std::string> ids = {"lsp-contoh-01", "lsp-contoh-02", "lsp-jalan-raya", "lsp-gedung"};
    CHECK(nearest_match("lsp-jalan-rya", ids) == std::optional<std::string>("lsp-jalan-raya"));
    CHECK(nearest_match("LSP-Gedung", ids) == std::nullopt);  // the same but for case: not a typo to correct
    CHECK(nearest_match("lsp-gdung", ids) == std::optional<std::string>("lsp-gedung"));
    CHECK(nearest_match("lsp-contoh-0", ids) == std::nullopt);  // one edit from both -01 and -02
    CHECK(nearest_match("lsp-lain-sama-sekali", ids) == std::nullopt);
    CHECK(nearest_match("M0", {"M01", "P01"}) == std::optional<std::string>("M01"));
    CHECK(nearest_match("", {"M01"}) == std::nullopt);
}

TEST_CASE("text faults: eight bytes at a time finds what a byte at a time finds", "[text]") {
    // The reference: every byte in turn, as find_text_fault read files before.
    auto reference = [](std::string_view s) -> std::optional<TextFault> {
        int line = 1;
        std::size_t line_start = 0;
        char32_t cp = 0;
        for (std::size_t i = 0; i < s.size();) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c == '\n') {
                ++line;
                line_start = ++i;
                continue;
            }
            const auto len = utf8_sequence(s, i, cp);
            const bool bad = len == 0 || cp == 0;
            if (bad || is_forbidden_char(cp)) {
                int column = 1;
                for (std::size_t k = line_start; k < i; ++k)
                    if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) ++column;
                return TextFault{bad ? TextFault::invalid_utf8 : TextFault::forbidden_char, i, line, column,
                                 bad ? char32_t(0) : cp};
            }
            i += len;
        }
        return std::nullopt;
    };
    // Mostly printable ASCII, as data files are, with every kind of byte the fast path must stop at.
    const std::vector<std::string> pieces = {"a", "Z", " ", "~", "0", "{\"M01\": 7}", "\n", "\t", "\r", "\x7F",
                                             "\x1F", std::string(1, '\0'), "\xC3\xA9", "\xE2\x80\x93", "\xEF\xBF\xBE",
                                             "\xC3", "\x80", "\xF0\x9F\x98\x80", "\xC2\x85", "abcdefgh", "        "};
    std::mt19937 rng(20261201);
    std::size_t faults = 0;
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        const auto length = std::uniform_int_distribution<int>(0, 40)(rng);
        for (int k = 0; k < length; ++k) {
            // Printable runs nine times in ten, so the eight-byte steps are taken.
            const auto r = std::uniform_int_distribution<std::size_t>(0, 99)(rng);
            s += r < 90 ? pieces[r % 6 == 5 ? 19 : r % 5] : pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
        }
        const auto got = find_text_fault(s), want = reference(s);
        INFO("text: " << s);
        REQUIRE(got.has_value() == want.has_value());
        if (!got) continue;
        ++faults;
        CHECK(got->kind == want->kind);
        CHECK(got->offset == want->offset);
        CHECK(got->line == want->line);
        CHECK(got->column == want->column);
        CHECK(got->cp == want->cp);
    }
    CHECK(faults > 1000);  // both outcomes are exercised
    CHECK(faults < 19000);
}
