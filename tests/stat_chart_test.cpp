// render/stat_chart: which chart each EmbedSpec gives (bars, stacked bars, lines, tile map, none) and the
// text alternative that names its figures.
#include <catch2/catch.hpp>

#include "render/stat_chart.h"

using namespace pepgen;
using Catch::Matchers::Contains;

namespace {

StatCell num(double v) { return {v, std::nullopt}; }
StatCell txt(const char* s) { return {std::nullopt, std::string(s)}; }

/// A column with only what these charts read: key, title, type and unit.
StatColumn column(std::string key, std::string title, ColumnType type, std::string unit = {}) {
    StatColumn c;
    c.key = std::move(key);
    c.title = std::move(title);
    c.type = type;
    c.unit = std::move(unit);
    return c;
}

/// Three provinces: p1 10/20/20, p3 blank/5/4, anggaran in rupiah.
Dataset sample() {
    Dataset ds;
    ds.id = "uji";
    ds.title = "LSP per Provinsi";
    ds.columns = {column("provinsi", "Provinsi", ColumnType::text),
                  column("p1", "P1", ColumnType::number, "LSP"),
                  column("p3", "P3", ColumnType::number, "LSP"),
                  column("anggaran", "Anggaran", ColumnType::rupiah)};
    ds.rows = {{txt("DI Aceh"), num(10), {}, num(1500000000)},
               {txt("Bali"), num(20), num(5), num(2000000000)},
               {txt("DKI Jakarta"), num(20), num(4), num(86911383000)}};
    return ds;
}

EmbedSpec spec(ChartKind chart, std::vector<std::string> values = {}) {
    EmbedSpec s;
    s.dataset = "uji";
    s.chart = chart;
    s.value_columns = std::move(values);
    return s;
}

}  // namespace

TEST_CASE("a bar embed of one column gives a bar chart with a legend, its figures in the text alternative",
          "[stat_chart]") {
    const auto svg = stat_chart_svg(sample(), spec(ChartKind::bar, {"p1"}), "e1");
    CHECK_THAT(svg, Contains("<svg class=\"chart chart-bar\""));
    CHECK_THAT(svg, Contains("aria-labelledby=\"e1-grafik-t e1-grafik-d\""));
    CHECK_THAT(svg, Contains("<title id=\"e1-grafik-t\">LSP per Provinsi</title>"));
    CHECK_THAT(svg, Contains("<desc id=\"e1-grafik-d\">P1: DI Aceh 10; Bali 20; DKI Jakarta 20.</desc>"));
    CHECK_THAT(svg, Contains(">DKI Jakarta</text>"));
    CHECK_THAT(svg, Contains(">P1 (LSP)</text>"));  // the legend entry names the series and its unit
}

TEST_CASE("by default a bar embed draws every column of the first unit side by side, never the rupiah column",
          "[stat_chart]") {
    const auto svg = stat_chart_svg(sample(), spec(ChartKind::bar), "e1");
    CHECK_THAT(svg, Contains("<svg class=\"chart chart-grouped\""));
    CHECK_THAT(svg, Contains(">P1 (LSP)</text>"));
    CHECK_THAT(svg, Contains(">P3 (LSP)</text>"));
    CHECK_THAT(svg, !Contains("Anggaran"));
    CHECK_THAT(svg, Contains("<desc id=\"e1-grafik-d\">P1: DI Aceh 10; Bali 20; DKI Jakarta 20. P3: Bali 5; DKI Jakarta 4.</desc>"));
}

TEST_CASE("a blank figure is drawn as a dash and left out of the text alternative", "[stat_chart]") {
    const auto svg = stat_chart_svg(sample(), spec(ChartKind::bar, {"p3"}), "e1");
    CHECK_THAT(svg, Contains("<desc id=\"e1-grafik-d\">P3: Bali 5; DKI Jakarta 4.</desc>"));
    CHECK_THAT(svg, Contains(">\u2013</text>"));  // DI Aceh's value
}

TEST_CASE("a stacked bar embed stacks its columns, totals each row and describes every column", "[stat_chart]") {
    auto s = spec(ChartKind::stacked_bar, {"p1", "p3"});
    s.title = "LSP per jenis";
    const auto svg = stat_chart_svg(sample(), s, "e2");
    CHECK_THAT(svg, Contains("<svg class=\"chart chart-stacked\""));
    CHECK_THAT(svg, Contains("<title id=\"e2-grafik-t\">LSP per jenis</title>"));  // the embed's own title wins
    CHECK_THAT(svg, Contains("<desc id=\"e2-grafik-d\">P1: DI Aceh 10; Bali 20; DKI Jakarta 20. P3: Bali 5; DKI Jakarta 4.</desc>"));
    // Totals: 10 + blank = 10, 20 + 5 = 25, 20 + 4 = 24.
    CHECK_THAT(svg, Contains(">10</text></g>"));
    CHECK_THAT(svg, Contains(">25</text></g>"));
    CHECK_THAT(svg, Contains(">24</text></g>"));
    CHECK_THAT(svg, Contains("class=\"series-1\""));
}

TEST_CASE("a line embed draws one line per column with short ticks", "[stat_chart]") {
    const auto svg = stat_chart_svg(sample(), spec(ChartKind::line, {"p1", "anggaran"}), "e3");
    CHECK_THAT(svg, Contains("<svg class=\"chart chart-line\""));
    CHECK_THAT(svg, Contains("class=\"line series-0\""));
    CHECK_THAT(svg, Contains("class=\"line series-1\""));
    // The second column's figures are rupiah, in full in the alternative.
    CHECK_THAT(svg, Contains("Anggaran: DI Aceh Rp1.500.000.000; Bali Rp2.000.000.000; DKI Jakarta Rp86.911.383.000."));
}

TEST_CASE("a map embed gives a province tile map with its own id and an introduction to the alternative",
          "[stat_chart]") {
    const auto svg = stat_chart_svg(sample(), spec(ChartKind::tile_map, {"p1"}), "e4");
    CHECK_THAT(svg, Contains("<svg class=\"chart tile-map\""));
    CHECK_THAT(svg, Contains("aria-labelledby=\"e4-peta-t e4-peta-d\""));
    CHECK_THAT(svg, Contains("<desc id=\"e4-peta-d\">Peta ubin provinsi; makin gelap makin besar. P1: DI Aceh 10; Bali 20; "
                             "DKI Jakarta 20.</desc>"));
    CHECK_THAT(svg, Contains("<title>Bali: 20</title>"));
    CHECK_FALSE(Catch::contains(svg, "-grafik"));
}

TEST_CASE("no chart when the embed asks for none or names a column the dataset lacks", "[stat_chart]") {
    const auto ds = sample();
    CHECK(stat_chart_svg(ds, spec(ChartKind::none), "e").empty());
    CHECK(stat_chart_svg(ds, spec(ChartKind::bar, {"p9"}), "e").empty());
    CHECK(stat_chart_svg(ds, spec(ChartKind::stacked_bar, {"p1", "p9"}), "e").empty());
    auto bad_label = spec(ChartKind::bar);
    bad_label.label_column = "wilayah";
    CHECK(stat_chart_svg(ds, bad_label, "e").empty());
    // A dataset with no text column has nothing to label the bars with; one with no number, nothing to draw.
    Dataset numbers = ds;
    numbers.columns[0].type = ColumnType::number;
    numbers.rows = {{num(1), num(2), num(3), num(4)}};
    CHECK(stat_chart_svg(numbers, spec(ChartKind::bar), "e").empty());
    Dataset texts;
    texts.columns = {column("a", "A", ColumnType::text)};
    texts.rows = {{txt("x")}};
    CHECK(stat_chart_svg(texts, spec(ChartKind::bar), "e").empty());
}

TEST_CASE("a row without a label text is called by its number", "[stat_chart]") {
    auto ds = sample();
    ds.rows[1][0] = StatCell{};
    CHECK_THAT(stat_chart_svg(ds, spec(ChartKind::bar), "e"), Contains("P1: DI Aceh 10; baris 2 20; DKI Jakarta 20."));
}

TEST_CASE("past twelve figures the alternative names the three highest and lowest and points to the table",
          "[stat_chart]") {
    Dataset ds;
    ds.title = "Banyak";
    ds.columns = {column("nama", "Nama", ColumnType::text), column("n", "N", ColumnType::number, "LSP")};
    // Rows r1..r13 with values 1..13.
    for (int i = 1; i <= 13; ++i) ds.rows.push_back({txt(("r" + std::to_string(i)).c_str()), num(i)});
    const auto svg = stat_chart_svg(ds, spec(ChartKind::bar), "e");
    CHECK_THAT(svg, Contains("<desc id=\"e-grafik-d\">N: tertinggi r13 13; r12 12; r11 11. Terendah r1 1; r2 2; r3 3. "
                             "Angka lengkap ada di tabel.</desc>"));
    // Twelve are all listed.
    ds.rows.pop_back();
    CHECK_THAT(stat_chart_svg(ds, spec(ChartKind::bar), "e"), Contains("N: r1 1; r2 2; r3 3; r4 4;"));
}

TEST_CASE("titles and labels from data are escaped in the SVG", "[stat_chart]") {
    auto ds = sample();
    ds.title = "A <b> & \"C\"";
    ds.rows[0][0] = txt("<script>");
    const auto svg = stat_chart_svg(ds, spec(ChartKind::bar), "e");
    CHECK_THAT(svg, Contains("<title id=\"e-grafik-t\">A &lt;b&gt; &amp; &quot;C&quot;</title>"));
    CHECK_THAT(svg, Contains("&lt;script&gt; 10"));
    CHECK_FALSE(Catch::contains(svg, "<script>"));
    CHECK_FALSE(Catch::contains(svg, "<b>"));
}

TEST_CASE("a column without a unit is never charted by default", "[stat_chart]") {
    Dataset ds;
    ds.title = "Ringkasan";
    ds.columns = {column("uraian", "Uraian", ColumnType::text), column("nilai", "Nilai", ColumnType::number),
                  column("satuan", "Satuan", ColumnType::text)};
    ds.rows = {{txt("Anggaran"), num(100000), txt("rupiah")}, {txt("Peserta"), num(40), txt("orang")}};
    CHECK(stat_chart_svg(ds, spec(ChartKind::bar), "e").empty());
}

TEST_CASE("a legend adds the unit only where the column title does not already name it", "[stat_chart]") {
    auto ds = sample();
    const auto plain = stat_chart_svg(ds, spec(ChartKind::bar, {"anggaran"}), "g");
    CHECK_THAT(plain, Contains(">Anggaran (rupiah)</text>"));
    ds.columns[3].title = "Anggaran (Rp)";
    const auto named = stat_chart_svg(ds, spec(ChartKind::bar, {"anggaran"}), "g");
    CHECK_THAT(named, Contains(">Anggaran (Rp)</text>"));
    CHECK_FALSE(Catch::contains(named, "(Rp) (rupiah)"));
}
