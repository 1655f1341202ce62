#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "data/data_loader.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("the fixture's data loads with rounds in date order", "[data]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    Diagnostics d;
    const auto data = load_data(dir.path(), test::fixture_catalogue(), d);
    INFO(test::all_messages(d));
    CHECK_FALSE(d.has_errors());
    CHECK(data.meta.example_data);
    REQUIRE(data.lsps.size() == 3);
    REQUIRE(data.rounds.size() == 3);
    CHECK(data.rounds[0].period == "2025-1");
    CHECK(data.rounds[1].period == "2025-i1");
    CHECK(data.rounds[1].kind == RoundKind::insidental);
    CHECK(data.rounds[2].period == "2025-2");
    CHECK(data.rounds[0].team.at(0).agency == "BNSP");
    const auto& c = data.rounds[2].sheets[2];
    CHECK(c.lsp_id == "lsp-c");
    REQUIRE(c.scores.size() == 3);  // one per indicator, P01 given as null
    CHECK(c.score(0) == 3);
    CHECK_FALSE(c.score(1).has_value());
    CHECK(c.score(2) == 4);
    CHECK(data.rounds[2].sheets[0].recommendations_markdown.at(0) == "Pertahankan **mutu**.");
}

TEST_CASE("registry problems are all reported with the LSP and line", "[data]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "data/lsp.json", R"J({"lsp": [
  {"id": "LSP A", "nama": "A", "jenis": "P1", "provinsi": "Bali", "nomor_lisensi": "1", "lisensi_berlaku_sampai": "2030-01-01"},
  {"id": "lsp-b", "nama": "B", "jenis": "P4", "provinsi": "Bali", "nomor_lisensi": "1", "lisensi_berlaku_sampai": "2030-02-30"},
  {"id": "lsp-b", "nama": "B2", "jenis": "P2", "provinsi": "Bali", "nomor_lisensi": "1", "lisensi_berlaku_sampai": "2030-01-01"},
  {"id": "lsp-d", "nama": 5, "jenis": "P2", "provinsi": "Bali", "nomor_lisensi": "1", "lisensi_berlaku_sampai": "2030-01-01", "situs_web": "javascript:alert(1)"},
  "teks"
]})J");
    Diagnostics d;
    load_data(dir.path(), test::fixture_catalogue(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/lsp.json:2: galat: LSP A: id 'LSP A' hanya boleh berisi huruf kecil"));
    CHECK_THAT(text, Contains("data/lsp.json:3: galat: lsp-b: jenis 'P4' tidak dikenal"));
    CHECK_THAT(text, Contains("lsp-b: lisensi_berlaku_sampai '2030-02-30' bukan tanggal"));
    CHECK_THAT(text, Contains("lsp-b: id 'lsp-b' dipakai lebih dari sekali"));
    CHECK_THAT(text, Contains("lsp-d: kolom 'nama' harus berupa teks, bukan bilangan"));
    CHECK_THAT(text, Contains("lsp-d: situs_web 'javascript:alert(1)' harus diawali http:// atau https://"));
    CHECK_THAT(text, Contains("LSP ke-5: harus berupa objek"));
}

TEST_CASE("round files check period, kind, date and score types", "[data]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "data/penilaian/2025-1.json", R"J({"periode": "2025-9", "jenis": "bulanan", "tanggal": "2025-06-31",
  "hasil": [{"lsp": "lsp-a", "skor": {"M01": 8.5, "P01": "15", "D01": -1}}]})J");
    test::write_file(dir / "data/penilaian/Bad.json", R"J({"periode": "Bad", "jenis": "rutin", "tanggal": "2025-01-01", "hasil": []})J");
    Diagnostics d;
    load_data(dir.path(), test::fixture_catalogue(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json: galat: periode '2025-9' tidak sama dengan nama berkas"));
    CHECK_THAT(text, Contains("jenis 'bulanan' tidak dikenal"));
    CHECK_THAT(text, Contains("tanggal '2025-06-31' bukan tanggal"));
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:2: galat: lsp-a: M01 = 8.5 harus bilangan bulat"));
    CHECK_THAT(text, Contains("lsp-a: P01 harus berupa bilangan bulat atau null (belum dinilai), bukan teks"));
    CHECK_THAT(text, Contains("lsp-a: D01 = -1 di luar rentang"));
    CHECK_THAT(text, Contains("data/penilaian/Bad.json: galat: periode 'Bad' harus berbentuk TAHUN-KODE"));
}

TEST_CASE("a score too large for a sheet to hold is refused where it is, with the indicator's maximum", "[data]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "data/penilaian/2025-1.json", R"J({"periode": "2025-1", "jenis": "rutin", "tanggal": "2025-06-01",
  "hasil": [{"lsp": "lsp-a",
    "skor": {"M01": 50000,
             "P01": 32767,
             "X99": 40000}}]})J");
    Diagnostics d;
    const auto data = load_data(dir.path(), test::fixture_catalogue(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:3: galat: lsp-a: M01 = 50000 melebihi skor_maks 10; perbaiki "
                              "skornya (0 sampai 10)"));
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:5: galat: lsp-a: X99 = 40000 di luar rentang"));
    CHECK_THAT(text, !Contains("P01"));  // the largest a sheet holds: validation compares it with the maximum
}

TEST_CASE("scores land at their indicator's position; unknown codes are kept, with their line, for validation", "[data]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "data/penilaian/2025-1.json", R"J({"periode": "2025-1", "jenis": "rutin", "tanggal": "2025-06-01",
  "hasil": [{"lsp": "lsp-a",
    "skor": {"D01": 7,
             "X99": 4,
             "M01": null}}]})J");
    Diagnostics d;
    const auto data = load_data(dir.path(), test::fixture_catalogue(), d);
    INFO(test::all_messages(d));
    REQUIRE(data.rounds.at(0).sheets.size() == 1);
    const auto& sheet = data.rounds[0].sheets[0];
    CHECK(sheet.scores.size() == 3);  // one slot per indicator (M01, P01, D01), in catalogue order
    CHECK_FALSE(sheet.score(0));      // M01 given as null: not scored yet
    CHECK_FALSE(sheet.score(1));      // P01 not in the file
    CHECK(sheet.score(2) == 7);
    CHECK(sheet.line_of(2) == 3);
    CHECK(sheet.line_of(1) == sheet.source_line);  // not in the file: the sheet's own line
    REQUIRE(sheet.stray.size() == 1);
    CHECK(sheet.stray[0].code == "X99");
    CHECK(sheet.stray[0].value == 4);
    CHECK(sheet.stray[0].line == 4);
}

TEST_CASE("a score's line is looked for within its own sheet only", "[data]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    // The first sheet names its LSP after its scores: its keys are found before its "lsp", not in the next sheet.
    test::write_file(dir / "data/penilaian/2025-1.json", R"J({"periode": "2025-1", "jenis": "rutin", "tanggal": "2025-06-01",
  "hasil": [{"skor": {"D01": 7},
             "lsp": "lsp-a"},
            {"lsp": "lsp-b",
             "skor": {"M01": 2,
                      "D01": 5}}]})J");
    Diagnostics d;
    const auto data = load_data(dir.path(), test::fixture_catalogue(), d);
    INFO(test::all_messages(d));
    REQUIRE(data.rounds.at(0).sheets.size() == 2);
    const auto& a = data.rounds[0].sheets[0];
    const auto& b = data.rounds[0].sheets[1];
    CHECK(a.source_line == 3);
    CHECK(a.line_of(2) == 2);  // its own D01, before its "lsp"; not line 7, where the next sheet's D01 is
    CHECK(b.source_line == 4);
    CHECK(b.line_of(0) == 5);
    CHECK(b.line_of(2) == 6);

    // The other way round: a sheet that names its LSP first, then one that names it last. The
    // second sheet's D01 is the last one before its "lsp", not the first sheet's.
    test::write_file(dir / "data/penilaian/2025-1.json", R"J({"periode": "2025-1", "jenis": "rutin", "tanggal": "2025-06-01",
  "hasil": [{"lsp": "lsp-a",
             "skor": {"D01": 7}},
            {"skor": {"M01": 2,
                      "D01": 5},
             "lsp": "lsp-b"}]})J");
    Diagnostics d2;
    const auto data2 = load_data(dir.path(), test::fixture_catalogue(), d2);
    INFO(test::all_messages(d2));
    REQUIRE(data2.rounds.at(0).sheets.size() == 2);
    CHECK(data2.rounds[0].sheets[0].line_of(2) == 3);
    const auto& b2 = data2.rounds[0].sheets[1];
    CHECK(b2.source_line == 6);
    CHECK(b2.line_of(0) == 4);
    CHECK(b2.line_of(2) == 5);
}

TEST_CASE("a missing registry is an error, a BOM is not", "[data]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto original = test::read_file(dir / "data/meta.json");
    test::write_file(dir / "data/meta.json", "\xEF\xBB\xBF" + original);
    std::filesystem::remove(dir / "data/lsp.json");
    Diagnostics d;
    const auto data = load_data(dir.path(), test::fixture_catalogue(), d);
    CHECK(data.meta.example_data);
    CHECK_THAT(test::all_messages(d), Contains("data/lsp.json: galat: daftar LSP tidak ditemukan"));
}

TEST_CASE("period syntax", "[data]") {
    CHECK(is_period("2026-1"));
    CHECK(is_period("2026-i1"));
    CHECK_FALSE(is_period("26-1"));
    CHECK_FALSE(is_period("2026-../x"));
    CHECK_FALSE(is_period("2026"));
}

TEST_CASE("anything named like a data file that is not a regular file is an error, never skipped", "[data][files]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    std::filesystem::create_directory(dir / "data/penilaian/2027-1.json");
    REQUIRE(::mkfifo((dir / "data/penilaian/2027-2.json").c_str(), 0644) == 0);
    std::filesystem::create_symlink("tidak-ada.json", dir / "data/penilaian/2027-3.json");
    std::filesystem::create_symlink("tidak-ada.json", dir / "data/meta.json.tmp");  // other names stay ignored
    std::filesystem::remove(dir / "data/meta.json");
    std::filesystem::create_symlink("hilang.json", dir / "data/meta.json");
    Diagnostics d;
    const auto data = load_data(dir.path(), test::fixture_catalogue(), d);  // must not block on the FIFO
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/penilaian/2027-1.json: galat: sebuah folder, bukan berkas"));
    CHECK_THAT(text, Contains("data/penilaian/2027-2.json: galat: sebuah FIFO (pipa)"));
    CHECK_THAT(text, Contains("data/penilaian/2027-3.json: galat: tautan simbolik ke 'tidak-ada.json' yang tidak ada"));
    CHECK_THAT(text, Contains("data/meta.json: galat: tautan simbolik ke 'hilang.json' yang tidak ada"));
    CHECK_FALSE(Catch::contains(text, "meta.json.tmp"));
    CHECK(data.rounds.size() == 3);
}

TEST_CASE("a data folder that is not a readable folder is an error, not an empty section", "[data][files]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    std::filesystem::remove_all(dir / "data/penilaian");
    test::write_file(dir / "data/penilaian", "bukan folder");
    Diagnostics d;
    load_data(dir.path(), test::fixture_catalogue(), d);
    CHECK_THAT(test::all_messages(d), Contains("data/penilaian: galat: sebuah berkas, bukan folder; di sini harus ada folder berisi berkas *.json"));
    test::TempDir dir2;
    test::write_fixture_project(dir2.path());
    std::filesystem::remove_all(dir2 / "data/statistik");
    std::filesystem::create_symlink("tidak-ada", dir2 / "data/statistik");
    Diagnostics d2;
    load_data(dir2.path(), test::fixture_catalogue(), d2);
    CHECK_THAT(test::all_messages(d2), Contains("data/statistik: galat: tautan simbolik ke 'tidak-ada' yang tidak ada"));
}

TEST_CASE("a data file reached through a symlink that leaves the project is refused", "[data][files]") {
    test::TempDir outside;
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto round = test::read_file(dir / "data/penilaian/2025-1.json");
    test::write_file(outside / "2025-1.json", round);
    std::filesystem::remove(dir / "data/penilaian/2025-1.json");
    std::filesystem::create_symlink(outside / "2025-1.json", dir / "data/penilaian/2025-1.json");
    // Inside the project a symlink keeps working.
    test::write_file(dir / "arsip/2025-i1.json", test::read_file(dir / "data/penilaian/2025-i1.json"));
    std::filesystem::remove(dir / "data/penilaian/2025-i1.json");
    std::filesystem::create_symlink("../../arsip/2025-i1.json", dir / "data/penilaian/2025-i1.json");
    Diagnostics d;
    const auto data = load_data(dir.path(), test::fixture_catalogue(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json: galat: tautan simbolik mengarah ke luar proyek ('" +
                              std::filesystem::weakly_canonical(outside / "2025-1.json").string() + "')"));
    REQUIRE(data.rounds.size() == 2);
    CHECK(data.rounds[0].period == "2025-i1");
}

TEST_CASE("an id over the length limit is told so", "[data][text]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const std::string long_id(150, 'a');
    auto registry = test::read_file(dir / "data/lsp.json");
    registry.replace(registry.find("\"lsp-a\""), 7, "\"" + long_id + "\"");
    test::write_file(dir / "data/lsp.json", registry);
    test::write_file(dir / "data/penilaian/2025-1.json",
                     "{\"periode\": \"2025-" + long_id + "\", \"jenis\": \"rutin\", \"tanggal\": \"2025-06-01\", \"hasil\": []}");
    Diagnostics d;
    load_data(dir.path(), test::fixture_catalogue(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("id '" + long_id + "' terlalu panjang (150 karakter; batas 100)"));
    CHECK_THAT(text, Contains("periode '2025-" + long_id + "' terlalu panjang (155 karakter; batas 100)"));
}

TEST_CASE("a round is parsed from the bytes its caller read, with that file's checks and messages", "[data]") {
    // The loader reads a changed round file once, to look its cache entry up, and parses those
    // bytes: the entry it then keeps is for exactly what was parsed, even if the file changes.
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto path = dir / "data/penilaian/2025-2.json";
    const auto on_disk = test::read_file(path);
    auto changed = on_disk;
    const auto at = changed.find("\"M01\": ");
    REQUIRE(at != std::string::npos);
    const auto value_at = at + 7;
    const auto value_end = changed.find_first_of(",}\n", value_at);
    changed.replace(value_at, value_end - value_at, "1");
    Diagnostics d;
    const auto from_text = load_round(dir.path(), path, test::fixture_catalogue(), d, changed);
    INFO(test::all_messages(d));
    REQUIRE(from_text);
    Diagnostics d2;
    const auto from_disk = load_round(dir.path(), path, test::fixture_catalogue(), d2);
    REQUIRE(from_disk);
    REQUIRE_FALSE(from_text->sheets.empty());
    CHECK(from_text->sheets[0].score(0) == 1);
    CHECK(from_disk->sheets[0].score(0) != 1);

    // Bytes handed over get the same checks as bytes read: the file and line are named.
    Diagnostics bad_json;
    CHECK_FALSE(load_round(dir.path(), path, test::fixture_catalogue(), bad_json, std::string("{\n  \"periode\": \n")));
    CHECK_THAT(test::all_messages(bad_json), Contains("data/penilaian/2025-2.json:"));
    CHECK_THAT(test::all_messages(bad_json), Contains("JSON tidak valid"));
    Diagnostics bad_text;
    CHECK_FALSE(load_round(dir.path(), path, test::fixture_catalogue(), bad_text, std::string("{\"periode\": \"2025-2\xff\"}")));
    CHECK_THAT(test::all_messages(bad_text), Contains("data/penilaian/2025-2.json:1"));
}
