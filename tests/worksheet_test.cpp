#include <catch2/catch.hpp>

#include "content/content_loader.h"
#include "data/data_loader.h"
#include "test_support.h"
#include "worksheet/worksheet.h"

using namespace pepgen;
using Catch::Matchers::Contains;

namespace {

struct Fixture {
    test::TempDir dir;
    Content content;
    std::vector<Lsp> lsps;
    Fixture() {
        test::write_fixture_project(dir.path());
        Diagnostics d;
        content = load_content(dir.path(), d);
        lsps = load_registry(dir.path(), d);
        REQUIRE_FALSE(d.has_errors());
    }
};

}  // namespace

TEST_CASE("the empty worksheet lists every LSP and shows each maximum", "[worksheet]") {
    Fixture f;
    const auto csv = worksheet_csv(f.content, f.lsps);
    CHECK(csv == "\xEF\xBB\xBFlsp;nama;M01 (maks 10);P01 (maks 20);D01 (maks 10);catatan;rekomendasi\r\n"
                 "lsp-a;LSP Uji A;;;;;\r\nlsp-b;LSP Uji B;;;;;\r\nlsp-c;LSP Uji C;;;;;\r\n");
}

TEST_CASE("a filled worksheet imports with columns in any order", "[worksheet]") {
    Fixture f;
    Diagnostics d;
    const std::string csv =
        "nama,rekomendasi,D01,lsp,M01 (maks 10),p01,catatan\n"
        "LSP Uji B,\"Perbaiki arsip.\n\nLengkapi surveilans.\",5,lsp-b,\"8,0\",12,Baik\n"
        "LSP Uji A,,10, lsp-a ,9,,\n\n";
    const auto imported = import_worksheet(csv, "isi.csv", f.content, f.lsps, d);
    INFO(test::all_messages(d));
    REQUIRE(imported);
    const auto& sheets = imported->sheets;
    REQUIRE(sheets.size() == 2);
    CHECK(sheets[0].lsp_id == "lsp-a");  // registry order
    CHECK(sheets[0].scores.at("M01") == 9);
    CHECK_FALSE(sheets[0].scores.at("P01").has_value());
    CHECK(imported->codes == std::vector<std::string>{"D01", "M01", "P01"});
    CHECK(imported->has_notes);
    const auto& b = sheets[1];
    CHECK(b.scores.at("M01") == 8);
    CHECK(b.scores.at("P01") == 12);
    CHECK(b.scores.at("D01") == 5);
    CHECK(b.notes_markdown == "Baik");
    CHECK(b.recommendations_markdown == std::vector<std::string>{"Perbaiki arsip.", "Lengkapi surveilans."});
    CHECK(d.error_count() == 0);
}

TEST_CASE("every bad cell is reported with its line, LSP and column", "[worksheet]") {
    Fixture f;
    Diagnostics d;
    const std::string csv =
        "lsp;M01;P01;D01;X99;No\n"
        "lsp-a;12;delapan;5;1;1\n"
        "lsp-zz;1;1;1;1;2\n"
        "lsp-a;1;1;1;1;3\n"
        ";1;1;1;1;4\n";
    CHECK_FALSE(import_worksheet(csv, "isi.csv", f.content, f.lsps, d));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("isi.csv:1: galat: kolom 'X99': kode indikator X99 tidak dikenal"));
    CHECK_THAT(text, Contains("isi.csv:1: peringatan: kolom 'No' tidak dikenal dan diabaikan"));
    CHECK_THAT(text, Contains("isi.csv:2: galat: lsp-a: kolom M01: 12 melebihi skor maksimum 10"));
    CHECK_THAT(text, Contains("isi.csv:2: galat: lsp-a: kolom P01: 'delapan' bukan skor; isi bilangan bulat 0 sampai 20"));
    CHECK_THAT(text, Contains("isi.csv:3: galat: lsp-zz: LSP tidak terdaftar di data/lsp.json"));
    CHECK_THAT(text, Contains("isi.csv:4: galat: lsp-a: muncul lagi (pertama di baris 2)"));
    CHECK_THAT(text, Contains("isi.csv:5: galat: kolom lsp kosong"));
    CHECK(d.error_count() == 6);
}

TEST_CASE("a worksheet without an lsp column or in another encoding is refused", "[worksheet]") {
    Fixture f;
    Diagnostics d;
    CHECK_FALSE(import_worksheet("nama;M01\nA;1\n", "a.csv", f.content, f.lsps, d));
    CHECK_THAT(test::all_messages(d), Contains("kolom 'lsp' (ID LSP) tidak ditemukan"));
    Diagnostics d2;
    CHECK_FALSE(import_worksheet("lsp;nama\nlsp-a;Caf\xE9\n", "b.csv", f.content, f.lsps, d2));
    CHECK_THAT(test::all_messages(d2), Contains("bukan teks UTF-8"));
}

TEST_CASE("an import updates only the rows and columns the worksheet has", "[worksheet]") {
    Fixture f;
    std::vector<ScoreSheet> round(3);
    round[2].lsp_id = "lsp-z";  // empty scaffolding the worksheet dropped: removed
    round[2].scores = {{"M01", std::nullopt}};
    round[0].lsp_id = "lsp-b";
    round[0].scores = {{"M01", 1}, {"P01", 2}, {"D01", 3}};
    round[0].notes_markdown = "Catatan lama.";
    round[1].lsp_id = "lsp-c";
    round[1].scores = {{"M01", 4}, {"P01", 5}, {"D01", 6}};
    Diagnostics d;
    const auto imported = import_worksheet("lsp;M01\nlsp-b;9\nlsp-a;7\n", "x.csv", f.content, f.lsps, d);
    REQUIRE(imported);
    CHECK(merge_worksheet(round, *imported, f.lsps) == 1);  // lsp-c left as it was
    REQUIRE(round.size() == 3);
    CHECK(round[0].lsp_id == "lsp-a");
    CHECK(round[0].scores.at("M01") == 7);
    CHECK_FALSE(round[0].scores.at("P01").has_value());
    CHECK(round[1].lsp_id == "lsp-b");
    CHECK(round[1].scores.at("M01") == 9);
    CHECK(round[1].scores.at("P01") == 2);              // column not in the worksheet: kept
    CHECK(round[1].notes_markdown == "Catatan lama.");   // no catatan column: kept
    CHECK(round[2].scores.at("M01") == 4);
}
