// The round's workbook: what `new penilaian` writes (read back with the same
// reader import uses), workbooks filled as a team member would (made here
// with libxlsxwriter, and saved by LibreOffice in tests/fixtures/workbooks/),
// and what import refuses: the wrong round, another catalogue, pasted values
// out of range, cells a spreadsheet turned into dates.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <functional>

#include <xlsxwriter.h>

#include "model/types.h"
#include "test_support.h"
#include "worksheet/workbook_names.h"
#include "worksheet/workbook_reader.h"
#include "worksheet/workbook_writer.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

using test::q;

namespace {

const fs::path kFixtures = fs::path(PEPGEN_SOURCE_DIR) / "tests/fixtures/workbooks";

Workbook read_back(const std::string& bytes) {
    std::string error;
    auto book = read_workbook(bytes, workbook_format(bytes), error);
    INFO(error);
    REQUIRE(book);
    return *book;
}

const WorkbookCell& at(const WorkbookSheet& sheet, std::size_t row, std::size_t col) {
    REQUIRE(row < sheet.rows.size());
    REQUIRE(col < sheet.rows[row].size());
    return sheet.rows[row][col];
}

/// A filled workbook as Excel would save one made by pepgen: the same two
/// sheets, scores typed in. `fill` writes the cells of the Penilaian sheet.
void write_filled_xlsx(const fs::path& path, const std::vector<std::pair<std::string, std::string>>& meta,
                       const std::function<void(lxw_workbook*, lxw_worksheet*)>& fill) {
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Penilaian");
    const char* header[] = {"lsp", "nama", "M01 (maks 10)", "P01 (maks 20)", "D01 (maks 10)", "catatan", "rekomendasi"};
    for (lxw_col_t c = 0; c < 7; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
    const char* ids[] = {"lsp-a", "lsp-b", "lsp-c"};
    for (lxw_row_t r = 0; r < 3; ++r) worksheet_write_string(ws, r + 1, 0, ids[r], nullptr);
    fill(wb, ws);
    lxw_worksheet* hidden = workbook_add_worksheet(wb, "pepgen");
    for (std::size_t i = 0; i < meta.size(); ++i) {
        worksheet_write_string(hidden, static_cast<lxw_row_t>(i), 0, meta[i].first.c_str(), nullptr);
        worksheet_write_string(hidden, static_cast<lxw_row_t>(i), 1, meta[i].second.c_str(), nullptr);
    }
    worksheet_hide(hidden);
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

const std::vector<std::pair<std::string, std::string>> kMeta2026 = {
    {"periode", "2026-1"}, {"jenis", "rutin"}, {"tanggal", "2026-05-04"}, {"katalog", "M01=10;P01=20;D01=10"}};

}  // namespace

TEST_CASE("new penilaian writes an .xlsx workbook: same bytes for the same input, and what import needs to read it",
          "[workbook]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto r = test::run_in_process("new penilaian 2026-1 --tanggal 2026-05-04 --root " + q(dir.path()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Contains("lembar-kerja/2026-1.xlsx"));
    const auto bytes = test::read_file(dir / "lembar-kerja/2026-1.xlsx");
    CHECK(workbook_format(bytes) == WorkbookFormat::xlsx);
    const auto book = read_back(bytes);
    const auto* sheet = book.sheet(kScoresSheet);
    REQUIRE(sheet);
    CHECK(at(*sheet, 0, 0).text == "lsp");
    CHECK(at(*sheet, 0, 2).text == "M01 (maks 10)");
    CHECK(at(*sheet, 0, 3).text == "P01 (maks 20)");
    CHECK(at(*sheet, 0, 5).text == "catatan");
    CHECK(at(*sheet, 3, 0).text == "lsp-c");
    CHECK(at(*sheet, 3, 1).text == "LSP Uji C");
    const auto* meta = book.sheet(kMetaSheet);
    REQUIRE(meta);
    CHECK(at(*meta, 0, 1).text == "2026-1");
    CHECK(at(*meta, 1, 1).text == "rutin");
    CHECK(at(*meta, 2, 1).text == "2026-05-04");
    CHECK(at(*meta, 3, 1).text == "M01=10;P01=20;D01=10");

    // Same input, same bytes, whenever it is made.
    Diagnostics d;
    Content content;
    for (const auto& [code, max] : std::vector<std::pair<std::string, int>>{{"M01", 10}, {"P01", 20}, {"D01", 10}}) {
        Indicator ind;
        ind.code = code;
        ind.title = "Indikator " + code;
        ind.max_score = max;
        ind.rubric = {{0, max / 2, "Kurang", ""}, {max / 2 + 1, max, "Baik", ""}};
        content.indicators.push_back(ind);
    }
    std::vector<Lsp> lsps(2);
    lsps[0].id = "lsp-a";
    lsps[0].name = "LSP A";
    lsps[1].id = "lsp-b";
    lsps[1].name = "LSP \"B\" & <C>";
    const WorksheetMeta wm{"2026-1", RoundKind::rutin, "2026-05-04", catalogue_signature(content.indicators)};
    std::string error;
    const auto one = worksheet_xlsx(content, lsps, wm, error);
    REQUIRE(one);
    const auto two = worksheet_xlsx(content, lsps, wm, error);
    REQUIRE(two);
    CHECK(*one == *two);
    CHECK(at(*read_back(*one).sheet(kScoresSheet), 2, 1).text == "LSP \"B\" & <C>");
}

TEST_CASE("a filled workbook imports into the round it was made for, showing each change and keeping a backup",
          "[workbook]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    REQUIRE(test::run_in_process("new penilaian 2026-1 --tanggal 2026-05-04 --root " + q(dir.path())).exit_code == 0);
    write_filled_xlsx(dir / "isi.xlsx", kMeta2026, [](lxw_workbook*, lxw_worksheet* ws) {
        worksheet_write_number(ws, 1, 2, 9, nullptr);
        worksheet_write_number(ws, 1, 3, 18, nullptr);
        worksheet_write_number(ws, 1, 4, 8, nullptr);
        worksheet_write_string(ws, 1, 5, "Rapi.", nullptr);
        worksheet_write_number(ws, 2, 2, 5, nullptr);
    });
    // --coba shows the changes and writes nothing.
    const auto round_before = test::read_file(dir / "data/penilaian/2026-1.json");
    const auto dry = test::run_in_process("import " + q(dir / "isi.xlsx") + " --coba --root " + q(dir.path()));
    INFO(dry.output);
    REQUIRE(dry.exit_code == 0);
    CHECK_THAT(dry.output, Contains("Yang akan berubah di data/penilaian/2026-1.json:"));
    CHECK_THAT(dry.output, Contains("lsp-a: M01 (kosong) → 9, P01 (kosong) → 18, D01 (kosong) → 8, catatan diubah"));
    CHECK_THAT(dry.output, Contains("lsp-b: M01 (kosong) → 5"));
    CHECK_THAT(dry.output, Contains("Tidak ada yang ditulis (--coba)"));
    CHECK(test::read_file(dir / "data/penilaian/2026-1.json") == round_before);
    CHECK_FALSE(fs::exists(dir / "cadangan"));

    // No --periode: the workbook names its round.
    const auto r = test::run_in_process("import " + q(dir / "isi.xlsx") + " --root " + q(dir.path()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Contains("Perubahan di data/penilaian/2026-1.json:"));
    CHECK_THAT(r.output, Contains("(4 skor berubah pada 2 LSP; 0 LSP baru; 0 LSP dikeluarkan)"));
    const auto round = test::read_file(dir / "data/penilaian/2026-1.json");
    CHECK_THAT(round, Contains("\"M01\": 9"));
    CHECK_THAT(round, Contains("\"catatan\": \"Rapi.\""));
    // The scaffold it replaced is kept, and the message says how to restore it.
    REQUIRE(fs::exists(dir / "cadangan/penilaian"));
    std::vector<fs::path> backups;
    for (const auto& e : fs::directory_iterator(dir / "cadangan/penilaian")) backups.push_back(e.path());
    REQUIRE(backups.size() == 1);
    CHECK(backups[0].filename().string().rfind("2026-1-", 0) == 0);
    CHECK(test::read_file(backups[0]) == round_before);
    CHECK_THAT(r.output, Contains("untuk membatalkan impor: salin berkas itu kembali ke data/penilaian/2026-1.json"));

    // The same workbook again changes nothing and makes no backup.
    const auto again = test::run_in_process("import " + q(dir / "isi.xlsx") + " --root " + q(dir.path()));
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.output, Contains("Tidak ada perubahan"));
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "cadangan/penilaian")) ++count;
    CHECK(count == 1);
    CHECK(test::run_in_process("build --root " + q(dir.path())).exit_code == 0);
}

TEST_CASE("a workbook for another round, another catalogue or another kind is refused, naming both", "[workbook]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto before = test::snapshot(dir / "data");
    write_filled_xlsx(dir / "isi.xlsx", kMeta2026, [](lxw_workbook*, lxw_worksheet* ws) {
        worksheet_write_number(ws, 1, 2, 9, nullptr);
    });
    const auto wrong = test::run_in_process("import " + q(dir / "isi.xlsx") + " --periode 2025-2 --root " + q(dir.path()));
    CHECK(wrong.exit_code == 1);
    CHECK_THAT(wrong.output, Contains("isi.xlsx: galat: lembar kerja ini dibuat untuk penilaian 2026-1, bukan 2025-2"));
    CHECK(test::snapshot(dir / "data") == before);

    auto meta = kMeta2026;
    meta[3].second = "M01=10;P01=15;D02=10";
    write_filled_xlsx(dir / "lama.xlsx", meta, [](lxw_workbook*, lxw_worksheet*) {});
    const auto catalogue = test::run_in_process("import " + q(dir / "lama.xlsx") + " --root " + q(dir.path()));
    CHECK(catalogue.exit_code == 1);
    CHECK_THAT(catalogue.output, Contains("dibuat untuk katalog indikator yang lain (D02 tidak ada lagi; skor maksimum P01 15 → 20; D01 baru)"));

    meta = kMeta2026;
    meta[0].second = "2025-2";
    meta[1].second = "insidental";
    write_filled_xlsx(dir / "jenis.xlsx", meta, [](lxw_workbook*, lxw_worksheet*) {});
    const auto kind = test::run_in_process("import " + q(dir / "jenis.xlsx") + " --root " + q(dir.path()));
    CHECK(kind.exit_code == 1);
    CHECK_THAT(kind.output, Contains("lembar kerja ini untuk penilaian insidental, tetapi data/penilaian/2025-2.json adalah penilaian rutin"));

    // A period cell the spreadsheet turned into a date has lost its meaning.
    lxw_workbook* wb = workbook_new((dir / "tanggal.xlsx").c_str());
    workbook_add_worksheet(wb, "Penilaian");
    lxw_worksheet* hidden = workbook_add_worksheet(wb, "pepgen");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "mmm-yy");
    worksheet_write_string(hidden, 0, 0, "periode", nullptr);
    worksheet_write_number(hidden, 0, 1, 46054, date);
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    const auto dated = test::run_in_process("import " + q(dir / "tanggal.xlsx") + " --root " + q(dir.path()));
    CHECK(dated.exit_code == 1);
    CHECK_THAT(dated.output, Contains("tidak lagi memuat kode periode yang sah (isinya '2026-02-01', sel itu berformat tanggal)"));
    CHECK(test::snapshot(dir / "data") == before);
}

TEST_CASE("cells pasted over the validation or changed by the spreadsheet are named by their cell", "[workbook]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto before = test::snapshot(dir / "data");
    write_filled_xlsx(dir / "isi.xlsx", kMeta2026, [](lxw_workbook* wb, lxw_worksheet* ws) {
        lxw_format* date = workbook_add_format(wb);
        format_set_num_format(date, "d mmm yyyy");
        worksheet_write_number(ws, 1, 2, 25, nullptr);       // C2: above M01's 10
        worksheet_write_number(ws, 1, 3, 7.5, nullptr);      // D2: not whole
        worksheet_write_number(ws, 2, 3, 46054, date);       // D3: a date in a score column
        worksheet_write_number(ws, 3, 5, 46054, date);       // F4: "2026-2" in a note, made a date
        worksheet_write_string(ws, 3, 2, "8", nullptr);      // C4: a number kept as text: a warning only
        worksheet_write_string(ws, 4, 0, "lsp-bb", nullptr); // A5: one letter off lsp-b
    });
    const auto r = test::run_in_process("import " + q(dir / "isi.xlsx") + " --root " + q(dir.path()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("isi.xlsx: galat: lembar Penilaian, sel C2 (lsp-a): kolom M01: 25 melebihi skor maksimum 10"));
    CHECK_THAT(r.output, Contains("isi.xlsx: galat: lembar Penilaian, sel D2 (lsp-a): kolom P01: '7.5' bukan skor"));
    CHECK_THAT(r.output, Contains("isi.xlsx: galat: lembar Penilaian, sel D3 (lsp-b): kolom P01: sel ini berformat tanggal"));
    CHECK_THAT(r.output, Contains("isi.xlsx: galat: lembar Penilaian, sel F4 (lsp-c): kolom catatan: sel ini berformat tanggal"));
    CHECK_THAT(r.output, Contains("isi.xlsx: peringatan: lembar Penilaian, sel C4 (lsp-c): kolom M01: skor 8 tersimpan sebagai teks"));
    CHECK_THAT(r.output, Contains("lembar Penilaian, baris 5 (lsp-bb): LSP tidak terdaftar di data/lsp.json; mungkin maksudnya lsp-b?"));
    CHECK_THAT(r.output, Contains("Impor dibatalkan; data/penilaian/2026-1.json tidak diubah."));
    CHECK(test::snapshot(dir / "data") == before);
}

TEST_CASE("workbooks saved by LibreOffice import, as .xlsx and as .ods", "[workbook]") {
    for (const char* name : {"lo-2026-1.xlsx", "lo-2026-1.ods"}) {
        INFO(name);
        test::TempDir dir;
        test::write_fixture_project(dir.path());
        const auto bytes = test::read_file(kFixtures / name);
        CHECK(workbook_format(bytes) == (fs::path(name).extension() == ".ods" ? WorkbookFormat::ods : WorkbookFormat::xlsx));
        // Recognised by content, whatever it is called.
        fs::copy_file(kFixtures / name, dir / "lembar-kerja-tim.dat");
        const auto r = test::run_in_process("import " + q(dir / "lembar-kerja-tim.dat") + " --root " + q(dir.path()));
        INFO(r.output);
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.output, Contains("sel D3 (lsp-b): kolom P01: skor 15 tersimpan sebagai teks"));
        const auto round = test::read_file(dir / "data/penilaian/2026-1.json");
        CHECK_THAT(round, Contains("\"tanggal\": \"2026-05-04\""));
        CHECK_THAT(round, Contains("\"lsp\": \"lsp-a\",\n      \"skor\": {\"M01\": 9, \"P01\": 18, \"D01\": 8}"));
        CHECK_THAT(round, Contains("\"catatan\": \"Perbaikan 2026-2 selesai tepat waktu.\""));
        CHECK_THAT(round, Contains("\"rekomendasi\": [\"Lengkapi bukti rapat tinjauan.\", \"Perbarui SOP banding.\"]"));
        CHECK_THAT(round, Contains("\"lsp\": \"lsp-b\",\n      \"skor\": {\"M01\": 7, \"P01\": 15, \"D01\": null}"));
        CHECK_THAT(round, Contains("\"lsp\": \"lsp-c\",\n      \"skor\": {\"M01\": 4, \"P01\": 10, \"D01\": 6}"));
    }
    for (const char* name : {"lo-2026-1-rusak.xlsx", "lo-2026-1-rusak.ods"}) {
        INFO(name);
        test::TempDir dir;
        test::write_fixture_project(dir.path());
        const auto r = test::run_in_process("import " + q(kFixtures / name) + " --root " + q(dir.path()));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output, Contains("sel E2 (lsp-a): kolom D01: 25 melebihi skor maksimum 10"));
        CHECK_THAT(r.output, Contains("sel E3 (lsp-b): kolom D01: '8.5' bukan skor"));
        CHECK_THAT(r.output, Contains("sel F3 (lsp-b): kolom catatan: sel ini berformat tanggal"));
        CHECK_FALSE(fs::exists(dir / "data/penilaian/2026-1.json"));
    }
}

TEST_CASE("the kind follows the period code, and LSPs left out of a new round are named with why", "[workbook]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::replace_in_file(dir / "data/lsp.json", "\"A-1\", \"lisensi_berlaku_sampai\": \"2030-01-01\"",
                          "\"A-1\", \"lisensi_berlaku_sampai\": \"2026-01-31\"");
    const auto wrong = test::run_in_process("new penilaian 2026-i1 --jenis rutin --root " + q(dir.path()));
    CHECK(wrong.exit_code == 2);
    CHECK_THAT(wrong.output, Contains("periode 2026-i1 adalah kode penilaian insidental, tetapi --jenis rutin"));
    const auto r = test::run_in_process("new penilaian 2026-i1 --tanggal 2026-03-01 --root " + q(dir.path()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Contains("Penilaian 2026-i1 (insidental, 2026-03-01) dibuat untuk 2 dari 3 LSP terdaftar"));
    CHECK_THAT(r.output, Contains("1 LSP tidak dimasukkan karena tidak berlisensi pada 2026-03-01:\n  lsp-a (lisensi berakhir 31 Januari 2026)"));
    CHECK_THAT(test::read_file(dir / "data/penilaian/2026-i1.json"), Contains("\"jenis\": \"insidental\""));
}

// Not a test: writes the fixture project for tests/fixtures/workbooks/make.sh.
TEST_CASE("write the fixture project to $PEPGEN_FIXTURE_OUT", "[.fixture-project]") {
    const char* out = std::getenv("PEPGEN_FIXTURE_OUT");
    REQUIRE(out);
    test::write_fixture_project(out);
}

TEST_CASE("the registry goes out as a workbook and comes back, with the registry's rules and a backup", "[workbook][registry]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto r = test::run_in_process("export lsp --root " + q(dir.path()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Contains("Daftar 3 LSP ditulis ke lembar-kerja/lsp.xlsx"));
    const auto book = read_back(test::read_file(dir / "lembar-kerja/lsp.xlsx"));
    const auto* sheet = book.sheet(kRegistrySheet);
    REQUIRE(sheet);
    CHECK(at(*sheet, 0, 7).text == "lisensi_berlaku_sampai");
    CHECK(at(*sheet, 1, 0).text == "lsp-a");
    CHECK(at(*sheet, 1, 7).date);  // a date cell, shown as a date
    CHECK(at(*sheet, 1, 7).text == "2030-01-01");
    // Unchanged, it changes nothing; a second export never overwrites one being filled.
    const auto same = test::run_in_process("import " + q(dir / "lembar-kerja/lsp.xlsx") + " --root " + q(dir.path()));
    CHECK(same.exit_code == 0);
    CHECK_THAT(same.output, Contains("Tidak ada perubahan: data/lsp.json sudah berisi daftar ini."));
    const auto again = test::run_in_process("export lsp --root " + q(dir.path()));
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.output, Contains("lembar-kerja/lsp.xlsx: galat: sudah ada"));

    // As LibreOffice saved it after a rename, a move and a new LSP with typed dates.
    for (const char* name : {"lo-lsp.xlsx", "lo-lsp.ods"}) {
        INFO(name);
        test::TempDir d2;
        test::write_fixture_project(d2.path());
        const auto before = test::read_file(d2 / "data/lsp.json");
        const auto dry = test::run_in_process("import " + q(kFixtures / name) + " --coba --root " + q(d2.path()));
        CHECK(dry.exit_code == 0);
        CHECK(test::read_file(d2 / "data/lsp.json") == before);
        const auto in = test::run_in_process("import " + q(kFixtures / name) + " --root " + q(d2.path()));
        INFO(in.output);
        REQUIRE(in.exit_code == 0);
        CHECK_THAT(in.output, Contains("lsp-b: nama 'LSP Uji B' → 'LSP Uji B Baru'"));
        CHECK_THAT(in.output, Contains("lsp-c: provinsi 'Papua' → 'Jawa Timur'"));
        CHECK_THAT(in.output, Contains("lsp-d: baru (LSP Uji D)"));
        const auto registry = test::read_file(d2 / "data/lsp.json");
        CHECK_THAT(registry, Contains("{\"id\": \"lsp-d\", \"nama\": \"LSP Uji D\", \"jenis\": \"P2\", \"provinsi\": \"Jambi\", "
                                      "\"nomor_lisensi\": \"D-1\", \"lisensi_terbit\": \"2026-03-01\", "
                                      "\"lisensi_berlaku_sampai\": \"2031-02-28\"}"));
        std::vector<fs::path> backups;
        for (const auto& e : fs::directory_iterator(d2 / "cadangan/lsp")) backups.push_back(e.path());
        REQUIRE(backups.size() == 1);
        CHECK(test::read_file(backups[0]) == before);
        // The registry it wrote is one the build accepts (the site itself is checked once).
        const auto check = test::run_in_process("check --root " + q(d2.path()));
        CHECK(check.exit_code == 0);
        if (fs::path(name).extension() == ".xlsx") {
            const auto built = test::build_in_memory(d2.path());
            REQUIRE(built->ok);
            CHECK_THAT(built->read("lsp/lsp-b/index.html"), Contains("LSP Uji B Baru"));
        }
    }
}

TEST_CASE("a registry workbook with bad cells, or without an LSP the rounds still score, changes nothing", "[workbook][registry]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto before = test::snapshot(dir / "data");
    lxw_workbook* wb = workbook_new((dir / "lsp.xlsx").c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "LSP");
    const auto& columns = registry_columns();
    for (lxw_col_t c = 0; c < columns.size(); ++c) worksheet_write_string(ws, 0, c, columns[c].c_str(), nullptr);
    const auto row = [&](lxw_row_t r, std::vector<const char*> values) {
        for (lxw_col_t c = 0; c < values.size(); ++c)
            if (values[c]) worksheet_write_string(ws, r, c, values[c], nullptr);
    };
    row(1, {"lsp-a", "LSP Uji A", "P4", "Bali", nullptr, "A-1", nullptr, "2030-01-01"});   // C2: no P4
    row(2, {"lsp-b", "", "P2", "Aceh", nullptr, "B-1", nullptr, "31/12/2030"});              // B3 empty, H3 not a date
    row(3, {"lsp-a", "LSP Uji A lagi", "P1", "Bali", nullptr, "A-2", nullptr, "2030-01-01"}); // A4: id again
    worksheet_write_number(ws, 4, 0, 7, nullptr);                                             // A5: a number as id
    row(4, {nullptr, "LSP Tujuh", "P1", "Provinsi Antah", nullptr, "7-1", nullptr, nullptr});  // D5 unknown: a warning
    worksheet_write_number(ws, 4, 7, 47000, nullptr);                                         // H5: a number, not a date
    lxw_worksheet* hidden = workbook_add_worksheet(wb, "pepgen");
    worksheet_write_string(hidden, 0, 0, "berkas", nullptr);
    worksheet_write_string(hidden, 0, 1, "daftar-lsp", nullptr);
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    const auto r = test::run_in_process("import " + q(dir / "lsp.xlsx") + " --root " + q(dir.path()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("lsp.xlsx: galat: lembar LSP, sel C2 (lsp-a): jenis 'P4' tidak dikenal; pilih P1, P2 atau P3"));
    CHECK_THAT(r.output, Contains("lsp.xlsx: galat: lembar LSP, sel B3 (lsp-b): kolom nama kosong"));
    CHECK_THAT(r.output, Contains("lsp.xlsx: galat: lembar LSP, sel H3 (lsp-b): lisensi_berlaku_sampai '31/12/2030' bukan tanggal YYYY-MM-DD yang sah"));
    CHECK_THAT(r.output, Contains("lsp.xlsx: galat: lembar LSP, sel A4 (lsp-a): id dipakai lagi (pertama di baris 2)"));
    CHECK_THAT(r.output, Contains("lsp.xlsx: galat: lembar LSP, sel H5 (7): kolom lisensi_berlaku_sampai: 47000 adalah angka, bukan tanggal"));
    CHECK_THAT(r.output, Contains("lsp.xlsx: peringatan: lembar LSP, sel D5 (7): provinsi 'Provinsi Antah' tidak dikenal"));
    CHECK_THAT(r.output, Contains("Impor dibatalkan; data/lsp.json tidak diubah."));
    CHECK(test::snapshot(dir / "data") == before);

    // Well-formed, but lsp-c is gone while rounds still score it.
    wb = workbook_new((dir / "tanpa-c.xlsx").c_str());
    ws = workbook_add_worksheet(wb, "LSP");
    for (lxw_col_t c = 0; c < columns.size(); ++c) worksheet_write_string(ws, 0, c, columns[c].c_str(), nullptr);
    row(1, {"lsp-a", "LSP Uji A", "P1", "Bali", nullptr, "A-1", nullptr, "2030-01-01"});
    row(2, {"lsp-b", "LSP Uji B", "P2", "Aceh", nullptr, "B-1", nullptr, "2030-01-01"});
    hidden = workbook_add_worksheet(wb, "pepgen");
    worksheet_write_string(hidden, 0, 0, "berkas", nullptr);
    worksheet_write_string(hidden, 0, 1, "daftar-lsp", nullptr);
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    const auto gone = test::run_in_process("import " + q(dir / "tanpa-c.xlsx") + " --root " + q(dir.path()));
    CHECK(gone.exit_code == 1);
    CHECK_THAT(gone.output, Contains("LSP lsp-c tidak ada lagi, tetapi masih dinilai di data/penilaian/2025-1.json"));
    CHECK(test::snapshot(dir / "data") == before);
    CHECK(test::run_in_process("import " + q(dir / "tanpa-c.xlsx") + " --periode 2026-1 --root " + q(dir.path())).exit_code == 2);
}

TEST_CASE("a damaged workbook, another ZIP or an old .xls is refused with what to do, never a crash", "[workbook]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto before = test::snapshot(dir / "data");
    // Found by workbook_fuzz: this .ods stops liborcus with an assertion. The
    // reader runs in a child process, so import reports it and goes on.
    const auto damaged = test::run_in_process("import " + q(kFixtures / "rusak-orcus.ods") + " --periode 2026-1 --root " + q(dir.path()));
    CHECK(damaged.exit_code == 1);
    CHECK_THAT(damaged.output, Contains("rusak-orcus.ods: galat: buku kerja rusak: pembacanya berhenti di tengah isi berkas"));
    CHECK_THAT(damaged.output, Contains("simpan ulang sebagai .xlsx atau .ods, lalu impor lagi"));
    CHECK_THAT(damaged.output, Contains("Impor dibatalkan; data/penilaian/2026-1.json tidak diubah."));
    // Also found by workbook_fuzz: an 8 KB file whose part headers claim
    // gigabytes; the reader took 2.9 GB before failing. Refused before reading.
    const auto huge = test::run_in_process("import " + q(kFixtures / "rusak-zip.xlsx") + " --periode 2026-1 --root " + q(dir.path()));
    CHECK(huge.exit_code == 1);
    CHECK_THAT(huge.output, Contains("rusak-zip.xlsx: galat: buku kerja rusak: daftar isi arsipnya tidak cocok dengan isinya"));
    const auto good = test::read_file(kFixtures / "lo-2026-1.xlsx");
    CHECK(zip_size_problem(good).empty());
    CHECK(zip_size_problem(test::read_file(kFixtures / "lo-2026-1.ods")).empty());
    CHECK(zip_size_problem(good.substr(0, good.size() - 30)) ==
          "daftar isi arsipnya (akhir berkas) tidak ada; berkas mungkin terpotong");
    test::write_file(dir / "dokumen.xlsx", std::string("PK\x03\x04", 4) + std::string(200, 'x'));
    const auto zip = test::run_in_process("import " + q(dir / "dokumen.xlsx") + " --periode 2026-1 --root " + q(dir.path()));
    CHECK(zip.exit_code == 1);
    CHECK_THAT(zip.output, Contains("dokumen.xlsx: galat: buku kerja rusak: daftar isi arsipnya (akhir berkas) tidak ada"));
    // A sound ZIP that is not a workbook (here: a package without workbook parts).
    const auto odt = test::read_file(kFixtures / "lo-2026-1.xlsx");
    test::write_file(dir / "bukan.xlsx", [&] {
        auto b = odt;
        for (auto at = b.find("xl/workbook.xml"); at != std::string::npos; at = b.find("xl/workbook.xml", at + 1))
            b.replace(at, 15, "xl/workbook.xmk");
        return b;
    }());
    const auto other = test::run_in_process("import " + q(dir / "bukan.xlsx") + " --periode 2026-1 --root " + q(dir.path()));
    CHECK_THAT(other.output, Contains("bukan.xlsx: galat: berkas ini arsip ZIP, tetapi bukan buku kerja .xlsx atau .ods"));
    test::write_file(dir / "lama.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(200, '\0'));
    const auto xls = test::run_in_process("import " + q(dir / "lama.xls") + " --periode 2026-1 --root " + q(dir.path()));
    CHECK(xls.exit_code == 1);
    CHECK_THAT(xls.output, Contains("buku kerja Excel lama (.xls)"));
    CHECK(test::snapshot(dir / "data") == before);
}
