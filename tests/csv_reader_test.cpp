#include <catch2/catch.hpp>

#include "worksheet/csv_reader.h"

using namespace pepgen;

TEST_CASE("semicolon CSV with BOM and CRLF, as an Indonesian spreadsheet saves it", "[csv_reader]") {
    const auto t = read_csv("\xEF\xBB\xBFlsp;M01 (maks 10);catatan\r\nlsp-a;8;\"baik; rapi\"\r\nlsp-b;;\r\n;;\r\n\r\n");
    REQUIRE(t.error.empty());
    CHECK(t.delimiter == ';');
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].cells == std::vector<std::string>{"lsp", "M01 (maks 10)", "catatan"});
    CHECK(t.rows[1].cells == std::vector<std::string>{"lsp-a", "8", "baik; rapi"});
    CHECK(t.rows[2].cells[0] == "lsp-b");
    CHECK(t.rows[2].line == 3);
}

TEST_CASE("comma CSV with LF and quoted line breaks: rows are numbered as a spreadsheet shows them", "[csv_reader]") {
    const auto t = read_csv("lsp,rekomendasi,M01\nlsp-a,\"satu\ndua, tiga\",5\nlsp-b,\"kata \"\"kutip\"\"\",6\n");
    REQUIRE(t.error.empty());
    CHECK(t.delimiter == ',');
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[1].cells[1] == "satu\ndua, tiga");
    CHECK(t.rows[1].line == 2);
    CHECK(t.rows[2].cells[1] == "kata \"kutip\"");
    CHECK(t.rows[2].line == 3);
}

TEST_CASE("the delimiter is the one the header line uses more, outside quotes", "[csv_reader]") {
    CHECK(detect_delimiter("a;b;c\n1,5;2,5;3") == ';');
    CHECK(detect_delimiter("a,b,\"c;d\"\n") == ',');
    CHECK(detect_delimiter("satu\n") == ';');
}
