#include <catch2/catch.hpp>

#include "format/csv.h"

using namespace pepgen;

TEST_CASE("cells a spreadsheet would run as a formula are neutralised", "[csv]") {
    CHECK(csv_text("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_text("+62 21") == "'+62 21");
    CHECK(csv_text("-5") == "'-5");
    CHECK(csv_text("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_text("\tx") == "'\tx");
    CHECK(csv_text("\rx") == "\"'\rx\"");
    CHECK(csv_text("LSP Contoh") == "LSP Contoh");
}

TEST_CASE("delimiters, quotes and line breaks are quoted", "[csv]") {
    CHECK(csv_text("a;b") == "\"a;b\"");
    CHECK(csv_text("kata \"kutip\"") == "\"kata \"\"kutip\"\"\"");
    CHECK(csv_text("dua\nbaris") == "\"dua\nbaris\"");
    CHECK(csv_text("1,5") == "\"1,5\"");
    CHECK(csv_text(" spasi") == "\" spasi\"");
    CHECK(csv_row({"a", "b", ""}) == "a;b;\r\n");
}
