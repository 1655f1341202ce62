#include <catch2/catch.hpp>

#include "data/stats_loader.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("a statistics dataset loads every figure as printed", "[stats]") {
    test::TempDir dir;
    test::write_fixture_stats(dir.path());
    Diagnostics d;
    const auto sets = load_datasets(dir.path(), d);
    INFO(test::all_messages(d));
    REQUIRE(sets.size() == 1);
    const auto& ds = sets[0];
    CHECK(ds.id == "lsp-uji");
    CHECK(ds.source_part == "Tabel 9. Uji");
    REQUIRE(ds.columns.size() == 6);
    CHECK(ds.columns[3].formula.kind == Formula::Kind::sum);
    CHECK(ds.columns[5].type == ColumnType::percent);
    REQUIRE(ds.rows.size() == 3);
    CHECK(ds.rows[0][0].text == std::optional<std::string>("DI Aceh"));
    CHECK(ds.rows[0][2].blank());
    CHECK(*ds.rows[2][4].number == 86911383000.0);
    CHECK(ds.total_values.at("jumlah") == 100);
    REQUIRE(ds.statements.size() == 2);
    CHECK(ds.statements[1].kind == StatStatement::Kind::percent_of);
    CHECK(*ds.statements[1].denominator.constant == 60);
}

TEST_CASE("bad datasets are reported in full", "[stats]") {
    test::TempDir dir;
    test::write_file(dir / "data/statistik/rusak.json", R"J({"id": "lain", "judul": "X", "sumber": {"dokumen": "D"},
  "kolom": [{"kunci": "a", "judul": "A", "jenis": "teks"}, {"kunci": "b", "judul": "B", "jenis": "desimal"},
            {"kunci": "c", "judul": "C", "jenis": "bilangan", "rumus": {"jumlah": ["zz"]}}],
  "baris": [{"a": 5, "c": "tiga", "x": 1}],
  "total_tertulis": {"nilai": {"a": 1}}})J");
    Diagnostics d;
    CHECK(load_datasets(dir.path(), d).empty());
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/statistik/rusak.json: galat: id 'lain' tidak sama dengan nama berkas"));
    CHECK_THAT(text, Contains("kolom 'b': jenis 'desimal' tidak dikenal"));
    CHECK_THAT(text, Contains("kolom 'c': rumus merujuk kolom 'zz' yang tidak ada"));
    CHECK_THAT(text, Contains("baris ke-1: kunci 'x' tidak ada di daftar kolom"));
    CHECK_THAT(text, Contains("baris ke-1: 'a' harus berupa teks, bukan bilangan"));
    CHECK_THAT(text, Contains("baris ke-1: 'c' harus berupa bilangan atau null, bukan teks"));
    CHECK_THAT(text, Contains("total_tertulis: kolom 'a' tidak ada atau bukan angka"));
}
