#include <catch2/catch.hpp>

#include "data/data_loader.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("the fixture's data loads with rounds in date order", "[data]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    Diagnostics d;
    const auto data = load_data(dir.path(), d);
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
    CHECK(c.scores.count("P01") == 1);
    CHECK_FALSE(c.scores.at("P01").has_value());
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
    load_data(dir.path(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/lsp.json:2: galat: LSP A: id 'LSP A' hanya boleh berisi huruf kecil"));
    CHECK_THAT(text, Contains("data/lsp.json:3: galat: lsp-b: jenis 'P4' tidak dikenal"));
    CHECK_THAT(text, Contains("lsp-b: lisensi_berlaku_sampai '2030-02-30' bukan tanggal"));
    CHECK_THAT(text, Contains("lsp-b: id 'lsp-b' dipakai lebih dari sekali"));
    CHECK_THAT(text, Contains("lsp-d: kolom 'nama' harus berupa teks, bukan bilangan"));
    CHECK_THAT(text, Contains("lsp-d: situs_web 'javascript:alert(1)' harus diawali http:// atau https://"));
    CHECK_THAT(text, Contains("LSP ke-5: harus berupa objek"));
}

TEST_CASE("malformed JSON is reported with line and column", "[data]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "data/penilaian/2025-1.json", "{\"periode\": \"2025-1\",\n \"hasil\": [1, 2,]\n}\n");
    Diagnostics d;
    load_data(dir.path(), d);
    CHECK_THAT(test::all_messages(d), Contains("data/penilaian/2025-1.json:2: galat: JSON tidak valid di kolom"));
}

TEST_CASE("round files check period, kind, date and score types", "[data]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "data/penilaian/2025-1.json", R"J({"periode": "2025-9", "jenis": "bulanan", "tanggal": "2025-06-31",
  "hasil": [{"lsp": "lsp-a", "skor": {"M01": 8.5, "P01": "15", "D01": -1}}]})J");
    test::write_file(dir / "data/penilaian/Bad.json", R"J({"periode": "Bad", "jenis": "rutin", "tanggal": "2025-01-01", "hasil": []})J");
    Diagnostics d;
    load_data(dir.path(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json: galat: periode '2025-9' tidak sama dengan nama berkas"));
    CHECK_THAT(text, Contains("jenis 'bulanan' tidak dikenal"));
    CHECK_THAT(text, Contains("tanggal '2025-06-31' bukan tanggal"));
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:2: galat: lsp-a: M01 = 8.5 harus bilangan bulat"));
    CHECK_THAT(text, Contains("lsp-a: P01 harus berupa bilangan bulat atau null (belum dinilai), bukan teks"));
    CHECK_THAT(text, Contains("lsp-a: D01 = -1 di luar rentang"));
    CHECK_THAT(text, Contains("data/penilaian/Bad.json: galat: periode 'Bad' harus berbentuk TAHUN-KODE"));
}

TEST_CASE("a missing registry is an error, a BOM is not", "[data]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto original = test::read_file(dir / "data/meta.json");
    test::write_file(dir / "data/meta.json", "\xEF\xBB\xBF" + original);
    std::filesystem::remove(dir / "data/lsp.json");
    Diagnostics d;
    const auto data = load_data(dir.path(), d);
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
