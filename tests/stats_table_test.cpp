#include <catch2/catch.hpp>

#include "data/stats_loader.h"
#include "render/stats_table.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

namespace {

Dataset fixture_dataset() {
    test::TempDir dir;
    test::write_fixture_stats(dir.path());
    Diagnostics d;
    auto sets = load_datasets(dir.path(), d);
    REQUIRE(sets.size() == 1);
    return sets[0];
}

}  // namespace

TEST_CASE("figures use the dataset's Indonesian formats", "[stats_table]") {
    StatColumn rp{"a", "A", ColumnType::rupiah, "", -1, {}};
    StatColumn pct{"b", "B", ColumnType::percent, "", 2, {}};
    StatColumn n{"c", "C", ColumnType::number, "", -1, {}};
    CHECK(format_stat(86911383000, rp) == "Rp86.911.383.000");
    CHECK(format_stat(98.96, pct) == "98,96%");
    CHECK(format_stat(100, pct) == "100,00%");
    CHECK(format_stat(1821, n) == "1.821");
    CHECK(format_stat(8.4, n) == "8,4");
    CHECK(format_stat_short(189589783000, rp) == "Rp190 miliar");
    CHECK(format_stat_short(8691138300, rp) == "Rp8,7 miliar");
}

TEST_CASE("an embed shows the table, printed and recomputed totals, and a visible note", "[stats_table]") {
    const auto ds = fixture_dataset();
    const auto findings = check_consistency(ds);
    REQUIRE(findings.size() == 2);  // row 2's jumlah (26 vs 25) and the jumlah total (100 vs 60)
    EmbedSpec spec;
    spec.dataset = ds.id;
    spec.chart = ChartKind::bar;
    spec.value_columns = {"jumlah"};
    const auto html = render_embed(ds, spec, findings, "tabel-1", {"../../data/statistik/lsp-uji.json", "../tabel/lsp-uji/index.html"});
    CHECK_THAT(html, Contains("<figcaption>LSP per Provinsi (uji)</figcaption>"));
    CHECK_THAT(html, Contains("<svg class=\"chart chart-bar\""));
    CHECK_THAT(html, Contains("<th scope=\"row\">DI Aceh</th>"));
    CHECK_THAT(html, Contains("<td class=\"num\">Rp86.911.383.000</td>"));
    CHECK_THAT(html, Contains("<td class=\"num\">98,96%</td>"));
    CHECK_THAT(html, Contains("<td class=\"num\">\u2013</td>"));  // blank cell
    CHECK_THAT(html, Contains("Jumlah (tertulis di sumber)"));
    CHECK_THAT(html, Contains("<tr class=\"computed\"><th scope=\"row\">Dihitung dari baris</th>"));
    CHECK_THAT(html, Contains(">60</td>"));
    CHECK_THAT(html, Contains("id=\"tabel-1-catatan\""));
    CHECK_THAT(html, Contains("Tabel 9. Uji: total tertulis kolom &#39;jumlah&#39; 100, dihitung dari baris 60"));
    CHECK_THAT(html, Contains("Tabel 9. Uji: baris ke-2 (Sumatra Utara), kolom &#39;jumlah&#39;: tertulis 26, dihitung dari rumusnya 25"));
    CHECK_THAT(html, Contains("Total LSP: <strong>60</strong> — sesuai dengan hasil hitung"));
    CHECK_THAT(html, Contains("Porsi P3: <strong>15%</strong> — sesuai dengan hasil hitung"));
    CHECK_THAT(html, Contains("href=\"../../data/statistik/lsp-uji.json\""));
    CHECK_THAT(html, Contains("Sumber: Laporan Uji, Tabel 9. Uji."));
}

TEST_CASE("a consistent dataset gets no note", "[stats_table]") {
    auto ds = fixture_dataset();
    ds.statements.clear();
    ds.total_label.reset();
    ds.total_values.clear();
    ds.rows[1][3].number = 25;
    EmbedSpec spec;
    spec.dataset = ds.id;
    spec.chart = ChartKind::none;
    const auto findings = check_consistency(ds);
    CHECK(findings.empty());
    const auto html = render_embed(ds, spec, findings, "t", {"x.json", ""});
    CHECK_FALSE(Catch::contains(html, "consistency-note"));
    CHECK_FALSE(Catch::contains(html, "<svg"));
    CHECK_FALSE(Catch::contains(html, "<tfoot>"));
}
