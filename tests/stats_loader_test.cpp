#include <catch2/catch.hpp>

#include "data/stats_loader.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

namespace {

/// A one-table project: columns uraian and nilai, the given rows and claims (JSON array bodies).
void write_claims(const test::TempDir& dir, const std::string& rows, const std::string& claims) {
    test::write_file(dir / "data/statistik/klaim.json",
                     R"J({"id": "klaim", "judul": "K", "sumber": {"dokumen": "D"},
  "kolom": [{"kunci": "uraian", "judul": "Uraian", "jenis": "teks"}, {"kunci": "nilai", "judul": "Nilai", "jenis": "bilangan"}],
  "baris": [)J" + rows + "],\n  \"pernyataan\": [" + claims + "]}");
}

/// Every message of a load that must fail.
std::string load_errors(const test::TempDir& dir) {
    Diagnostics bad;
    CHECK(load_datasets(dir.path(), bad).empty());
    return test::all_messages(bad);
}

}  // namespace

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
    CHECK(ds.statements[1].how.kind == StatComputation::Kind::percent_of);
    REQUIRE(ds.statements[1].how.operands.size() == 2);
    CHECK(*ds.statements[1].how.operands[1].constant == 60);
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

TEST_CASE("claims: every kind, bound and operand is read; a bad one is named with its statement", "[stats]") {
    test::TempDir dir;
    test::write_file(dir / "data/statistik/klaim.json", R"J({"id": "klaim", "judul": "K", "sumber": {"dokumen": "D"},
  "kolom": [{"kunci": "uraian", "judul": "Uraian", "jenis": "teks"}, {"kunci": "nilai", "judul": "Nilai", "jenis": "bilangan", "satuan": "orang"}],
  "baris": [{"uraian": "2020", "nilai": 10}, {"uraian": "2021", "nilai": 14}],
  "pernyataan": [
    {"label": "Naik", "nilai": 30, "batas": "lebih_dari", "baris": "2021",
     "hitung": {"perubahan_persen": {"dari": {"sel": {"baris": "2020", "kolom": "nilai"}}, "ke": {"sel": {"baris": "2021", "kolom": "nilai"}}}},
     "hitung_lain": {"label": "dengan jumlah tabel lain", "hitung": {"selisih": [{"jumlah_kolom": "jumlah", "data": "lain"}, 10]}}},
    {"label": "Durasi", "nilai": 8, "hitung": {"bulan": {"mulai": "2021-03", "selesai": "2021-11"}}},
    {"label": "Hari", "nilai": 2, "hitung": {"hari": {"mulai": "2021-06-28", "selesai": "2021-07-02"}}},
    {"label": "Rasio", "nilai": 1.4, "hitung": {"rasio": [{"sel": {"baris": "2021", "kolom": "nilai"}}, {"sel": {"baris": "2020", "kolom": "nilai"}}]}},
    {"label": "Jumlah", "nilai": 24, "hitung": {"jumlah": [{"jumlah_kolom": "nilai"}]}}
  ]})J");
    Diagnostics d;
    auto sets = load_datasets(dir.path(), d);
    INFO(test::all_messages(d));
    REQUIRE(sets.size() == 1);
    const auto& st = sets[0].statements;
    REQUIRE(st.size() == 5);
    CHECK(st[0].bound == StatBound::more_than);
    CHECK(st[0].how.kind == StatComputation::Kind::change_percent);
    CHECK(st[0].how.operands[1].cell_row == "2021");
    CHECK(st[0].row == "2021");
    REQUIRE(st[0].alternative);
    CHECK(st[0].alternative->operands[0].dataset == "lain");
    CHECK(st[0].alternative_label == "dengan jumlah tabel lain");
    CHECK(st[1].how.kind == StatComputation::Kind::months);
    CHECK(st[2].how.start == "2021-06-28");
    CHECK(st[3].how.kind == StatComputation::Kind::ratio);
    CHECK(st[4].how.kind == StatComputation::Kind::sum);

    write_claims(dir, R"J({"uraian": "2020", "nilai": 10})J", R"J(
    {"label": "A", "nilai": 1, "hitung": {"tebak": 1}},
    {"label": "B", "nilai": 1, "batas": "kira_kira", "hitung": {"jumlah_kolom": "nilai"}},
    {"label": "C", "nilai": 1, "hitung": {"selisih": [1]}},
    {"label": "D", "nilai": 1, "hitung": {"jumlah": [{"sel": {"baris": "1999", "kolom": "nilai"}}]}},
    {"label": "E", "nilai": 1, "hitung": {"bulan": {"mulai": "2021-11", "selesai": "2021-03"}}},
    {"label": "F", "nilai": 1, "baris": "2030", "hitung": {"jumlah_kolom": "hilang"}})J");
    const auto text = load_errors(dir);
    CHECK_THAT(text, Contains("pernyataan ke-1: 'hitung': 'tebak' tidak dikenal"));
    CHECK_THAT(text, Contains("pernyataan ke-2: batas 'kira_kira' tidak dikenal"));
    CHECK_THAT(text, Contains("pernyataan ke-3: 'hitung': selisih tidak lengkap"));
    CHECK_THAT(text, Contains("pernyataan ke-4: sel: baris '1999' tidak ada di tabel ini"));
    CHECK_THAT(text, Contains("pernyataan ke-5: bulan: mulai dan selesai harus YYYY-MM, selesai tidak sebelum mulai"));
    CHECK_THAT(text, Contains("pernyataan ke-6: kolom 'hilang' tidak ada"));
    CHECK_THAT(text, Contains("pernyataan ke-6: baris '2030' tidak ada di tabel ini"));
}

TEST_CASE("claims on counted rows, extremes, weekdays, periods and listed items are read; bad ones are named",
          "[stats]") {
    test::TempDir dir;
    write_claims(dir, R"J({"uraian": "2020", "nilai": 10}, {"uraian": "2021", "nilai": 14})J", R"J(
    {"label": "Provinsi", "nilai": 34, "hitung": {"jumlah_baris": {"data": "provinsi", "bukan_nol": "jumlah"}}},
    {"label": "Terkecil", "nilai": 10, "hitung": {"terkecil": {"kolom": "nilai"}}},
    {"label": "Terbanyak", "nilai": 14, "hitung": {"terbesar": [{"sel": {"baris": "2020", "kolom": "nilai"}}, 14]}},
    {"label": "Hari", "nilai": "Kamis", "hitung": {"hari_pekan": "2021-10-28"}},
    {"label": "Rentang", "hitung": {"tanggal_dalam": {"mulai": "2021-11-16", "selesai": "2021-11-18", "tanggal": ["2021-11-16"]}}},
    {"label": "Lembaga", "nilai": 4, "hitung": {"jumlah_butir": ["A", "B", "C", "D", "E"]}})J");
    Diagnostics d;
    auto sets = load_datasets(dir.path(), d);
    INFO(test::all_messages(d));
    REQUIRE(sets.size() == 1);
    const auto& st = sets[0].statements;
    REQUIRE(st.size() == 6);
    CHECK(st[0].how.kind == StatComputation::Kind::row_count);
    CHECK(st[0].how.dataset == "provinsi");
    CHECK(st[0].how.column == "jumlah");  // of the other table: not checked against this one
    CHECK(st[1].how.kind == StatComputation::Kind::minimum);
    CHECK(st[1].how.column == "nilai");
    CHECK(st[2].how.kind == StatComputation::Kind::maximum);
    CHECK(st[2].how.operands.size() == 2);
    CHECK(st[3].how.kind == StatComputation::Kind::weekday);
    CHECK(st[3].value == 4);
    CHECK(st[4].how.kind == StatComputation::Kind::dates_within);
    CHECK(st[4].how.items == std::vector<std::string>{"2021-11-16"});
    CHECK(st[5].how.kind == StatComputation::Kind::item_count);
    CHECK(st[5].how.items.size() == 5);

    write_claims(dir, R"J({"uraian": "2020", "nilai": 10})J", R"J(
    {"label": "A", "nilai": "Kemis", "hitung": {"hari_pekan": "2021-10-28"}},
    {"label": "B", "nilai": 4, "hitung": {"hari_pekan": "28-10-2021"}},
    {"label": "C", "nilai": 0, "hitung": {"tanggal_dalam": {"mulai": "2021-11-16", "selesai": "2021-11-18", "tanggal": ["2021-11-16"]}}},
    {"label": "D", "hitung": {"tanggal_dalam": {"mulai": "2021-11-16", "selesai": "2021-11-18", "tanggal": ["16 Nov"]}}},
    {"label": "E", "nilai": 2, "hitung": {"jumlah_butir": []}},
    {"label": "F", "nilai": 2, "hitung": {"terkecil": [3]}},
    {"label": "G", "nilai": 2, "hitung": {"terkecil": {"kolom": "hilang"}}},
    {"label": "H", "nilai": 2, "hitung": {"jumlah_baris": {"kolom": "nilai"}}})J");
    const auto text = load_errors(dir);
    CHECK_THAT(text, Contains("pernyataan ke-1: 'nilai' hari_pekan harus nama hari: Senin, Selasa"));
    CHECK_THAT(text, Contains("pernyataan ke-2: hari_pekan: '28-10-2021' bukan tanggal YYYY-MM-DD"));
    CHECK_THAT(text, Contains("pernyataan ke-3: 'nilai' tidak dipakai pada tanggal_dalam"));
    CHECK_THAT(text, Contains("pernyataan ke-4: tanggal_dalam: '16 Nov' bukan tanggal YYYY-MM-DD"));
    CHECK_THAT(text, Contains("pernyataan ke-5: 'hitung': jumlah_butir tidak lengkap"));
    CHECK_THAT(text, Contains("pernyataan ke-6: 'hitung': terkecil tidak lengkap"));
    CHECK_THAT(text, Contains("pernyataan ke-7: kolom 'hilang' tidak ada"));
    CHECK_THAT(text, Contains("pernyataan ke-8: 'hitung': kunci 'kolom' tidak dikenal; yang dipakai: bukan_nol, data"));
}
