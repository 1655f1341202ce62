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
    CHECK(sheets[0].score(0) == 9);
    CHECK_FALSE(sheets[0].score(1).has_value());
    CHECK(imported->columns == std::vector<std::size_t>{0, 1, 2});
    CHECK(imported->has_notes);
    const auto& b = sheets[1];
    CHECK(b.score(0) == 8);
    CHECK(b.score(1) == 12);
    CHECK(b.score(2) == 5);
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
    round[2].scores = {std::nullopt};
    round[0].lsp_id = "lsp-b";
    round[0].scores = {1, 2, 3};
    round[0].notes_markdown = "Catatan lama.";
    round[1].lsp_id = "lsp-c";
    round[1].scores = {4, 5, 6};
    Diagnostics d;
    const auto imported = import_worksheet("lsp;M01\nlsp-b;9\nlsp-a;7\n", "x.csv", f.content, f.lsps, d);
    REQUIRE(imported);
    CHECK(merge_worksheet(round, *imported, f.lsps) == 1);  // lsp-c left as it was
    REQUIRE(round.size() == 3);
    CHECK(round[0].lsp_id == "lsp-a");
    CHECK(round[0].score(0) == 7);
    CHECK_FALSE(round[0].score(1).has_value());
    CHECK(round[1].lsp_id == "lsp-b");
    CHECK(round[1].score(0) == 9);
    CHECK(round[1].score(1) == 2);              // column not in the worksheet: kept
    CHECK(round[1].notes_markdown == "Catatan lama.");   // no catatan column: kept
    CHECK(round[2].score(0) == 4);
}

TEST_CASE("an unbalanced quote is refused at the cell where it starts, nothing imported", "[worksheet]") {
    Fixture f;
    Diagnostics d;
    const std::string csv = "lsp,M01,catatan\nlsp-a,9,\"catatan tanpa penutup\nlsp-b,8,baik\nlsp-c,7,\n";
    CHECK_FALSE(import_worksheet(csv, "q.csv", f.content, f.lsps, d));
    CHECK_THAT(test::all_messages(d), Contains("q.csv:2: galat: kolom 'catatan': sel diawali tanda kutip yang tidak pernah "
                                               "ditutup, sehingga semua baris sampai akhir berkas (baris 4)"));
    CHECK(d.error_count() == 1);
}

TEST_CASE("a cell that holds a whole worksheet row is refused even when the quotes balance", "[worksheet]") {
    Fixture f;
    Diagnostics d;
    // The stray quote is closed by "" of a later row: valid CSV, but lsp-b's row would be a note of lsp-a.
    const std::string csv = "lsp;M01;catatan\nlsp-a;9;\"catatan tanpa penutup\nlsp-b;8;\"\";x\nlsp-c;5;\"\n";
    CHECK_FALSE(import_worksheet(csv, "q.csv", f.content, f.lsps, d));
    CHECK_THAT(test::all_messages(d), Contains("q.csv:2: galat: lsp-a: kolom 'catatan': baris teks 3 di dalam sel ini tampak "
                                               "seperti baris lembar kerja LSP lsp-b"));
}

TEST_CASE("import applies the build's rules for text fields and names the cell", "[worksheet]") {
    Fixture f;
    Diagnostics d;
    const std::string csv = "lsp;catatan;rekomendasi\nlsp-a;\"baik\x07\";\nlsp-b;" + std::string(70000, 'a') +
                            ";\nlsp-c;;\"satu\ndua\x01\"\n";
    CHECK_FALSE(import_worksheet(csv, "t.csv", f.content, f.lsps, d));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("t.csv:2: galat: lsp-a: kolom catatan memuat karakter kendali U+0007 (karakter ke-5)"));
    CHECK_THAT(text, Contains("t.csv:3: galat: lsp-b: kolom catatan terlalu panjang (70000 bita; batas 65536 bita)"));
    CHECK_THAT(text, Contains("t.csv:5: galat: lsp-c (baris lembar kerja 4): kolom rekomendasi, butir ke-2 memuat karakter "
                              "kendali U+0001"));
    CHECK(d.error_count() == 3);
}

TEST_CASE("messages are located at the text line, with the spreadsheet row when it differs", "[worksheet]") {
    Fixture f;
    Diagnostics d;
    const std::string csv = "lsp;rekomendasi;M01\nlsp-a;\"satu\ndua\";11\nlsp-b;;12\nlsp-zz;;1\n";
    CHECK_FALSE(import_worksheet(csv, "r.csv", f.content, f.lsps, d));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("r.csv:3: galat: lsp-a (baris lembar kerja 2): kolom M01: 11 melebihi skor maksimum 10"));
    CHECK_THAT(text, Contains("r.csv:4: galat: lsp-b (baris lembar kerja 3): kolom M01: 12 melebihi"));
    CHECK_THAT(text, Contains("r.csv:5: galat: lsp-zz (baris lembar kerja 4): LSP tidak terdaftar"));
}

TEST_CASE("encoding problems name their line and say to save as CSV UTF-8", "[worksheet]") {
    Fixture f;
    Diagnostics latin1, utf16, bom, nul;
    CHECK_FALSE(import_worksheet("lsp;catatan\nlsp-a;baik\nlsp-b;Caf\xE9 enak\n", "a.csv", f.content, f.lsps, latin1));
    CHECK_THAT(test::all_messages(latin1), Contains("a.csv:3: galat: bukan teks UTF-8: bita 0xE9 sesudah \"lsp-b;Caf\""));
    CHECK_THAT(test::all_messages(latin1), Contains("simpan ulang dari program lembar kerja sebagai \"CSV UTF-8\""));
    CHECK_FALSE(import_worksheet(std::string("\xFF\xFEl\0s\0p\0", 8), "u.csv", f.content, f.lsps, utf16));
    CHECK_THAT(test::all_messages(utf16), Contains("u.csv:1: galat: berkas tersimpan sebagai UTF-16"));
    CHECK_FALSE(import_worksheet("\xEF\xBB\xBFlsp;M01\nlsp-a;1\n\xEF\xBB\xBFlsp;M01\nlsp-b;2\n", "b.csv", f.content, f.lsps, bom));
    CHECK_THAT(test::all_messages(bom), Contains("b.csv:3: galat: tanda BOM (U+FEFF) di tengah berkas"));
    CHECK_FALSE(import_worksheet(std::string("lsp;M01\nlsp-a;1\0\n", 17), "n.csv", f.content, f.lsps, nul));
    CHECK_THAT(test::all_messages(nul), Contains("n.csv:2: galat: memuat karakter NUL"));
}

TEST_CASE("a value column twice or a value under an untitled column is refused", "[worksheet]") {
    Fixture f;
    Diagnostics twice, untitled;
    CHECK_FALSE(import_worksheet("lsp;catatan;M01;catatan\nlsp-a;a;1;b\n", "c.csv", f.content, f.lsps, twice));
    CHECK_THAT(test::all_messages(twice), Contains("c.csv:1: galat: kolom catatan muncul lebih dari sekali (kolom B dan D)"));
    CHECK_FALSE(import_worksheet("lsp;;M01\nlsp-a;;9\nlsp-b;8;9;x\n", "e.csv", f.content, f.lsps, untitled));
    const auto text = test::all_messages(untitled);
    CHECK_THAT(text, Contains("e.csv:3: galat: lsp-b: kolom B tidak berjudul, tetapi berisi '8'"));
    CHECK_THAT(text, Contains("e.csv:3: galat: lsp-b: kolom D tidak berjudul, tetapi berisi 'x'"));
}
