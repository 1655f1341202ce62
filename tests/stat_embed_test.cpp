#include <catch2/catch.hpp>

#include "data/stats_loader.h"
#include "render/theme.h"
#include "site/stat_embed.h"
#include "render/markdown.h"
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

/// The embed as the default theme's partial renders it.
std::string render_embed(const Value& embed) {
    test::TempDir dir;
    const auto partial = std::filesystem::path(PEPGEN_SOURCE_DIR) / "themes/default/templates/partials/stat_embed.mustache";
    test::write_file(dir / "themes/t/templates/layout.mustache", "{{{content}}}");
    test::write_file(dir / "themes/t/templates/embed.mustache", "{{#embed}}{{> stat_embed}}{{/embed}}");
    test::write_file(dir / "themes/t/templates/partials/stat_embed.mustache", test::read_file(partial));
    Diagnostics d;
    const auto theme = Theme::load(dir.path(), "t", d);
    INFO(test::all_messages(d));
    REQUIRE(theme);
    return theme->render_document("embed", Value().set("embed", embed));
}

}  // namespace

TEST_CASE("an embed shows the table, printed and recomputed totals, and a visible note", "[stat_embed]") {
    const auto ds = fixture_dataset();
    const auto check = check_consistency(ds);
    REQUIRE(check.findings.size() == 2);  // row 2's jumlah (26 vs 25) and the jumlah total (100 vs 60)
    EmbedSpec spec;
    spec.dataset = ds.id;
    spec.chart = ChartKind::bar;
    spec.value_columns = {"jumlah"};
    const auto embed = stat_embed_context(ds, spec, check, "tabel-1", {"../../data/statistik/lsp-uji.json", "../tabel/lsp-uji/index.html"});
    // The data carries the figures compute decided, ready to show.
    CHECK(embed.find_path("table.total.computed")->flag());
    const auto html = render_embed(embed);
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
    CHECK_THAT(html, Contains("Tabel 9. Uji: total tertulis kolom &apos;jumlah&apos; 100, dihitung dari baris 60"));
    CHECK_THAT(html, Contains("Tabel 9. Uji: baris ke-2 (Sumatra Utara), kolom &apos;jumlah&apos;: tertulis 26, dihitung dari rumusnya 25"));
    CHECK_THAT(html, Contains("<td class=\"num mismatch\">26 <a class=\"mismatch-mark\" href=\"#tabel-1-catatan\""));
    CHECK_THAT(html, Contains("halaman tabel</a></p>\n</figure>\n"));
    CHECK_THAT(html, Contains("Total LSP: <strong>60</strong> — sesuai; hasil hitung 60"));
    CHECK_THAT(html, Contains("Porsi P3: <strong>15%</strong> — sesuai; hasil hitung 15,00%"));
    CHECK_THAT(html, Contains("href=\"../../data/statistik/lsp-uji.json\""));
    CHECK_THAT(html, Contains("Sumber: Laporan Uji, Tabel 9. Uji."));
}

TEST_CASE("a consistent dataset gets no note", "[stat_embed]") {
    auto ds = fixture_dataset();
    ds.statements.clear();
    ds.total_label.reset();
    ds.total_values.clear();
    ds.rows[1][3].number = 25;
    EmbedSpec spec;
    spec.dataset = ds.id;
    spec.chart = ChartKind::none;
    const auto check = check_consistency(ds);
    CHECK(check.findings.empty());
    const auto html = render_embed(stat_embed_context(ds, spec, check, "t", {"x.json", ""}));
    CHECK_FALSE(Catch::contains(html, "consistency-note"));
    CHECK_FALSE(Catch::contains(html, "<svg"));
    CHECK_FALSE(Catch::contains(html, "<tfoot>"));
}

TEST_CASE("a page body is cut where its embeds stand, also inside a tight list", "[stat_embed]") {
    const auto parts = render_markdown_parts("Awal.\n\n```statistik\ndata: a\n```\n\n- satu\n- ```statistik\n  data: b\n  ```\n\nAkhir.\n");
    REQUIRE(parts.size() == 3);
    CHECK(parts[0] == "<p>Awal.</p>\n");
    CHECK_THAT(parts[1], Contains("<li>satu</li>\n<li>"));
    CHECK_THAT(parts[2], Contains("</li>\n</ul>\n<p>Akhir.</p>"));
    CHECK_FALSE(Catch::contains(parts[1] + parts[2], "PEPGEN-SEMAT"));
}

TEST_CASE("a weekday, a period and a list read in their own terms beside the table", "[stat_embed]") {
    auto ds = fixture_dataset();
    auto make = [](const char* label, StatComputation::Kind kind) {
        StatStatement st;
        st.label = label;
        st.how.kind = kind;
        return st;
    };
    auto day = make("Hari rapat", StatComputation::Kind::weekday);
    day.value = 1;  // Senin
    day.how.start = "2021-04-26";
    auto within = make("Akhir Desember", StatComputation::Kind::dates_within);
    within.how.start = "2021-12-21";
    within.how.end = "2021-12-31";
    within.how.items = {"2021-12-03", "2021-12-04"};
    auto listed = make("Lembaga mitra", StatComputation::Kind::item_count);
    listed.value = 4;
    listed.how.items = {"Kemnaker", "Bappenas", "Kadin", "Kemdikbudristek", "Kemenko"};
    ds.statements = {day, within, listed};
    EmbedSpec spec;
    spec.dataset = ds.id;
    spec.chart = ChartKind::none;
    const auto html = render_embed(stat_embed_context(ds, spec, check_consistency(ds), "t", {"x.json", ""}));
    CHECK_THAT(html, Contains("Hari rapat: <strong>Senin</strong> — sesuai; hasil hitung Senin"));
    CHECK_THAT(html, Contains("Akhir Desember: <strong>antara 21 Desember 2021 dan 31 Desember 2021</strong> — "
                              "<span class=\"flag\">berbeda</span> dari hasil hitung 2 dari 2 tanggal yang tercatat di "
                              "luarnya: 3 Desember 2021, 4 Desember 2021"));
    CHECK_THAT(html, Contains("Lembaga mitra: <strong>4</strong> — <span class=\"flag\">berbeda</span> dari hasil hitung "
                              "5 butir disebutkan: Kemnaker; Bappenas; Kadin; Kemdikbudristek; Kemenko"));
}
