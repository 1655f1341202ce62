// validate/validate_stats: every statistics embed (in reports and in guides) names an existing dataset
// and columns of the right kind, and a map's provinces are known; each error at the block's file and line.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "validate/validate_stats.h"

using namespace pepgen;
using Catch::Matchers::Contains;

namespace {

/// data/statistik/uji.json: provinsi (text), p1 and jumlah (numbers), catatan (text).
Dataset sample() {
    Dataset ds;
    ds.id = "uji";
    ds.source_file = "data/statistik/uji.json";
    ds.columns = {test::stat_column("provinsi", "Provinsi", ColumnType::text),
                  test::stat_column("p1", "P1", ColumnType::number),
                  test::stat_column("jumlah", "Jumlah", ColumnType::number),
                  test::stat_column("catatan", "Catatan", ColumnType::text)};
    ds.columns[1].unit = ds.columns[2].unit = "LSP";
    auto row = [](const char* province) {
        return std::vector<StatCell>{{std::nullopt, province}, {1.0, std::nullopt}, {2.0, std::nullopt}, {}};
    };
    ds.rows = {row("Bali"), row("Atlantis"), row("DKI Jakarta")};
    return ds;
}

EmbedSpec embed(std::string dataset, ChartKind chart, std::vector<std::string> values = {}, std::string label = {},
                int line = 5) {
    EmbedSpec s;
    s.dataset = std::move(dataset);
    s.chart = chart;
    s.value_columns = std::move(values);
    s.label_column = std::move(label);
    s.file = "content/statistik/laporan.md";
    s.line = line;
    return s;
}

/// The messages validate_stats gives for these embeds on a report page, against the sample dataset.
std::string check(std::vector<EmbedSpec> specs, std::vector<Dataset> datasets = {sample()}, Diagnostics* out = nullptr) {
    Content content;
    GuidePage page;
    page.embeds = std::move(specs);
    content.stats_pages.push_back(page);
    Data data;
    data.datasets = std::move(datasets);
    Diagnostics d;
    validate_stats(content, data, d);
    if (out) *out = d;
    return test::all_messages(d);
}

}  // namespace

TEST_CASE("embeds that name a dataset and fitting columns pass", "[validate_stats]") {
    CHECK(check({embed("uji", ChartKind::bar),                                  // defaults: provinsi, p1
                 embed("uji", ChartKind::bar, {"p1", "jumlah"}),                // several values side by side
                 embed("uji", ChartKind::line, {"p1", "jumlah"}, "catatan"),    // a named text label
                 embed("uji", ChartKind::none, {}, "provinsi")}) == "");        // a table alone
}

TEST_CASE("an embed naming a missing dataset is an error at its line; one without a name is left to the parser",
          "[validate_stats]") {
    CHECK(check({embed("tidak-ada", ChartKind::bar, {}, {}, 9), embed("", ChartKind::bar)}) ==
          "content/statistik/laporan.md:9: galat: blok statistik: data 'tidak-ada' tidak ada di data/statistik/\n");
}

TEST_CASE("a value column that is missing or not numeric is named", "[validate_stats]") {
    const auto text = check({embed("uji", ChartKind::stacked_bar, {"p9", "provinsi"}, {}, 12)});
    CHECK_THAT(text, Contains("content/statistik/laporan.md:12: galat: blok statistik: kolom nilai 'p9' tidak ada di data/statistik/uji.json"));
    CHECK_THAT(text, Contains("content/statistik/laporan.md:12: galat: blok statistik: kolom nilai 'provinsi' bukan kolom angka"));
}

TEST_CASE("maps take one value column; bars (side by side), stacked bars and lines take several", "[validate_stats]") {
    const std::string one = "galat: blok statistik: peta hanya menerima satu kolom nilai";
    CHECK_THAT(check({embed("uji", ChartKind::tile_map, {"p1", "jumlah"})}), Contains(one));
    CHECK(check({embed("uji", ChartKind::bar, {"p1", "jumlah"})}) == "");
    CHECK(check({embed("uji", ChartKind::line, {"p1", "jumlah"})}) == "");
}

TEST_CASE("a chart never puts two units on one axis, nor a column whose unit is unknown", "[validate_stats]") {
    auto ds = sample();
    ds.columns[2].unit = "orang";
    CHECK(check({embed("uji", ChartKind::line, {"p1", "jumlah"})}, {ds}) ==
          "content/statistik/laporan.md:5: galat: blok statistik: kolom 'p1' (LSP) dan 'jumlah' (orang) berlainan "
          "satuan dan tidak dapat berbagi satu sumbu; buat dua blok, satu per satuan\n");
    ds.columns[2].unit.clear();
    CHECK_THAT(check({embed("uji", ChartKind::bar, {"jumlah"})}, {ds}),
               Contains("galat: blok statistik: kolom 'jumlah' di data/statistik/uji.json tidak punya satuan"));
    // Stacking parts that the source does not total is allowed, with a warning to look again.
    CHECK_THAT(check({embed("uji", ChartKind::stacked_bar, {"p1", "jumlah"})}),
               Contains("peringatan: blok statistik: batang-bertumpuk menjumlahkan kolom"));
}

TEST_CASE("a dataset without numbers cannot be charted, one without text cannot be labelled", "[validate_stats]") {
    auto texts = sample();
    texts.columns = {test::stat_column("provinsi", "Provinsi", ColumnType::text)};
    CHECK(check({embed("uji", ChartKind::bar)}, {texts}) ==
          "content/statistik/laporan.md:5: galat: blok statistik: data/statistik/uji.json tidak punya kolom angka "
          "bersatuan untuk digrafikkan (kolom angka tanpa \"satuan\" bisa berlainan satuan per baris); tulis grafik: "
          "tidak, atau sebut kolomnya di nilai: [...]\n");
    CHECK(check({embed("uji", ChartKind::none)}, {texts}) == "");  // a table needs no numbers
    auto numbers = sample();
    numbers.columns = {test::stat_column("p1", "P1", ColumnType::number)};
    numbers.columns[0].unit = "LSP";
    CHECK(check({embed("uji", ChartKind::bar)}, {numbers}) ==
          "content/statistik/laporan.md:5: galat: blok statistik: data/statistik/uji.json tidak punya kolom teks untuk "
          "label\n");
}

TEST_CASE("a label column that is not there is one error, naming it", "[validate_stats]") {
    // Only what is wrong: the dataset does have text columns, so nothing says it has none.
    CHECK(check({embed("uji", ChartKind::bar, {}, "wilayah")}) ==
          "content/statistik/laporan.md:5: galat: blok statistik: kolom label 'wilayah' tidak ada di "
          "data/statistik/uji.json\n");
    CHECK(check({embed("uji", ChartKind::none, {}, "wilayah")}) ==
          "content/statistik/laporan.md:5: galat: blok statistik: kolom label 'wilayah' tidak ada di "
          "data/statistik/uji.json\n");
}

TEST_CASE("a map warns at the dataset about each province it cannot place", "[validate_stats]") {
    Diagnostics d;
    const auto text = check({embed("uji", ChartKind::tile_map, {"jumlah"})}, {sample()}, &d);
    CHECK(text ==
          "data/statistik/uji.json: peringatan: provinsi 'Atlantis' tidak dikenali peta ubin; petak ini tidak digambar\n");
    CHECK(d.error_count() == 0);
    // Bars draw any label: no warning.
    CHECK(check({embed("uji", ChartKind::bar, {"jumlah"})}) == "");
}

TEST_CASE("embeds in guidance pages are checked as well as in reports", "[validate_stats]") {
    Content content;
    GuidePage guide;
    auto spec = embed("hilang", ChartKind::bar);
    spec.file = "content/panduan/cara.md";
    guide.embeds = {spec};
    content.guides.push_back(guide);
    Data data;
    Diagnostics d;
    validate_stats(content, data, d);
    CHECK(test::all_messages(d) ==
          "content/panduan/cara.md:5: galat: blok statistik: data 'hilang' tidak ada di data/statistik/\n");
}

TEST_CASE("a claim naming another table must find that table, its column and its row", "[validate_stats]") {
    auto ds = sample();
    StatStatement st;
    st.label = "Total";
    st.how.kind = StatComputation::Kind::sum;
    StatOperand other;
    other.dataset = "tidak-ada";
    other.column_sum = "jumlah";
    st.how.operands = {other};
    ds.statements = {st};
    CHECK_THAT(check({}, {ds}), Contains("data/statistik/uji.json: galat: pernyataan \"Total\": tabel 'tidak-ada' tidak ada"));
    ds.statements[0].how.operands[0].dataset = "uji";
    ds.statements[0].how.operands[0].column_sum = "hilang";
    CHECK_THAT(check({}, {ds}), Contains("pernyataan \"Total\": kolom 'hilang' tidak ada di data/statistik/uji.json"));
    ds.statements[0].how.operands[0].column_sum.clear();
    ds.statements[0].how.operands[0].cell_column = "p1";
    ds.statements[0].how.operands[0].cell_row = "Atlantis Baru";
    CHECK_THAT(check({}, {ds}), Contains("pernyataan \"Total\": baris 'Atlantis Baru' tidak ada di data/statistik/uji.json"));
    ds.statements[0].how.operands[0].cell_row = "Bali";
    CHECK(check({}, {ds}) == "");
}

TEST_CASE("a row count or an extreme over another table must find that table and its column", "[validate_stats]") {
    auto ds = sample();
    StatStatement st;
    st.label = "Provinsi";
    st.how.kind = StatComputation::Kind::row_count;
    st.how.dataset = "tidak-ada";
    ds.statements = {st};
    CHECK_THAT(check({}, {ds}), Contains("pernyataan \"Provinsi\": tabel 'tidak-ada' tidak ada di data/statistik/"));
    ds.statements[0].how.dataset = "uji";
    ds.statements[0].how.column = "hilang";
    CHECK_THAT(check({}, {ds}), Contains("pernyataan \"Provinsi\": kolom 'hilang' tidak ada di data/statistik/uji.json"));
    ds.statements[0].how.kind = StatComputation::Kind::maximum;
    CHECK_THAT(check({}, {ds}), Contains("kolom 'hilang' tidak ada"));
    ds.statements[0].how.column = "p1";
    CHECK(check({}, {ds}) == "");
}
