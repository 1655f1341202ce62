#include <catch2/catch.hpp>

#include "worksheet/csv_reader.h"

using namespace pepgen;

TEST_CASE("semicolon CSV with BOM and CRLF, as an Indonesian spreadsheet saves it", "[csv_reader]") {
    const auto t = read_csv("\xEF\xBB\xBFlsp;M01 (maks 10);catatan\r\nlsp-a;8;\"baik; rapi\"\r\nlsp-b;;\r\n;;\r\n\r\n");
    REQUIRE_FALSE(t.error);
    CHECK(t.delimiter == ';');
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].cells == std::vector<std::string>{"lsp", "M01 (maks 10)", "catatan"});
    CHECK(t.rows[1].cells == std::vector<std::string>{"lsp-a", "8", "baik; rapi"});
    CHECK(t.rows[2].cells[0] == "lsp-b");
    CHECK(t.rows[2].line == 3);
}

TEST_CASE("comma CSV with LF and quoted line breaks: each row knows its text line and its spreadsheet row", "[csv_reader]") {
    const auto t = read_csv("lsp,rekomendasi,M01\nlsp-a,\"satu\ndua, tiga\",5\nlsp-b,\"kata \"\"kutip\"\"\",6\n");
    REQUIRE_FALSE(t.error);
    CHECK(t.delimiter == ',');
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[1].cells[1] == "satu\ndua, tiga");
    CHECK(t.rows[1].line == 2);
    CHECK(t.rows[1].row == 2);
    CHECK(t.rows[1].cell_lines == std::vector<int>{2, 2, 3});  // 5 is on the text line after "satu"
    CHECK(t.rows[2].cells[1] == "kata \"kutip\"");
    CHECK(t.rows[2].line == 4);  // where an editor shows it
    CHECK(t.rows[2].row == 3);   // where a spreadsheet shows it
}

TEST_CASE("the delimiter is the one the header line uses more, outside quotes", "[csv_reader]") {
    CHECK(detect_delimiter("a;b;c\n1,5;2,5;3") == ';');
    CHECK(detect_delimiter("a,b,\"c;d\"\n") == ',');
    CHECK(detect_delimiter("satu\n") == ';');
}

TEST_CASE("a quoted cell never closed is an error at the cell, not the rest of the file read into it", "[csv_reader]") {
    // The hostile run's case: the rows after the stray quote used to become one note.
    const auto t = read_csv("lsp,M01,catatan\nlsp-a,9,\"catatan tanpa penutup\nlsp-b,8,baik\nlsp-c,7,\n");
    REQUIRE(t.error);
    CHECK(t.error->kind == CsvError::Kind::unclosed_quote);
    CHECK(t.error->line == 2);
    CHECK(t.error->row == 2);
    CHECK(t.error->column == 2);
    CHECK(t.error->stop_line == 4);
}

TEST_CASE("a stray quote closed by a later cell's quote is an error at the cell it opened", "[csv_reader]") {
    const auto t = read_csv("lsp;rekomendasi;catatan\nlsp-a;\"satu\ndua\";x\nlsp-b;8;\"awal\nlsp-c;7;\"baik\"\n");
    REQUIRE(t.error);
    CHECK(t.error->kind == CsvError::Kind::text_after_quote);
    CHECK(t.error->line == 4);       // the text line of lsp-b's catatan
    CHECK(t.error->row == 3);        // lsp-a's recommendations hold a line break
    CHECK(t.error->column == 2);
    CHECK(t.error->stop_line == 5);  // where libcsv met the quote that closed it
}

TEST_CASE("a quote in the middle of an unquoted cell is an error with its line and column", "[csv_reader]") {
    const auto t = read_csv("lsp;catatan\nlsp-a;ok\nlsp-b;kata \"kutip\"\n");
    REQUIRE(t.error);
    CHECK(t.error->kind == CsvError::Kind::quote_inside_cell);
    CHECK(t.error->line == 3);
    CHECK(t.error->column == 1);
}
