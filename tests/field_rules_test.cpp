// data/field_rules: why a text field cannot be kept (text_field_problem) and the cap on entries
// (entry_count_problem), the rules JSON data and imported worksheets share.
#include <catch2/catch.hpp>

#include "data/field_rules.h"
#include "util/files.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("ordinary text, tabs, line breaks and any Unicode letter are fine", "[field_rules]") {
    CHECK(text_field_problem("").empty());
    CHECK(text_field_problem("Catatan:\tbaris satu\r\nbaris dua \u2013 \u00e9\u4e2d\U0001F600").empty());
}

TEST_CASE("a control character or noncharacter is named with its code and its place in characters", "[field_rules]") {
    // "é" is two bytes but one character: the bell after "aé" is the third character.
    CHECK(text_field_problem("a\u00e9\x07") ==
          "memuat karakter kendali U+0007 (karakter ke-3) yang tidak diperbolehkan; hapus karakter itu");
    CHECK(text_field_problem("\x1b[1m") ==
          "memuat karakter kendali U+001B (karakter ke-1) yang tidak diperbolehkan; hapus karakter itu");
    CHECK(text_field_problem("x\u0085") ==
          "memuat karakter kendali U+0085 (karakter ke-2) yang tidak diperbolehkan; hapus karakter itu");
    CHECK(text_field_problem("ab\xEF\xBF\xBF") ==
          "memuat non-karakter Unicode U+FFFF (karakter ke-3) yang tidak diperbolehkan; hapus karakter itu");
    CHECK(text_field_problem("\xEF\xB7\x90") ==  // U+FDD0
          "memuat non-karakter Unicode U+FDD0 (karakter ke-1) yang tidak diperbolehkan; hapus karakter itu");
}

TEST_CASE("broken UTF-8 or a NUL byte is not UTF-8 text", "[field_rules]") {
    CHECK(text_field_problem("ab\xC3") == "bukan teks UTF-8 yang sah; simpan ulang sebagai UTF-8");
    CHECK(text_field_problem("\xC0\xAF") == "bukan teks UTF-8 yang sah; simpan ulang sebagai UTF-8");  // overlong '/'
    CHECK(text_field_problem(std::string("a\0b", 3)) == "bukan teks UTF-8 yang sah; simpan ulang sebagai UTF-8");
}

TEST_CASE("a field over 64 KiB is too long, in bytes; exactly the limit is fine", "[field_rules]") {
    CHECK(kMaxTextFieldBytes == 65536);
    CHECK(text_field_problem(std::string(kMaxTextFieldBytes, 'a')).empty());
    CHECK(text_field_problem(std::string(kMaxTextFieldBytes + 1, 'a')) ==
          "terlalu panjang (65537 bita; batas 65536 bita); persingkat teksnya");
    // 40,000 two-byte letters are 80,000 bytes.
    std::string wide;
    for (int i = 0; i < 40000; ++i) wide += "\u00e9";
    CHECK_THAT(text_field_problem(wide), Contains("terlalu panjang (80000 bita;"));
    // A bad character is told first, wherever it is.
    CHECK_THAT(text_field_problem(std::string(kMaxTextFieldBytes + 1, 'a') + "\x07"), Contains("U+0007"));
}

TEST_CASE("up to 50,000 entries are fine; one more names what there are too many of", "[field_rules]") {
    CHECK(kMaxEntries == 50000);
    CHECK(entry_count_problem(0, "LSP").empty());
    CHECK(entry_count_problem(kMaxEntries, "LSP").empty());
    CHECK(entry_count_problem(kMaxEntries + 1, "LSP") == "terlalu banyak LSP (50001; batas 50000)");
    CHECK(entry_count_problem(100000, "lembar skor") == "terlalu banyak lembar skor (100000; batas 50000)");
}
