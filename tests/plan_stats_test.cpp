// plan_stats in process on the fixture with write_fixture_stats: the statistics index, report and dataset pages.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pepgen;
using test::flag_at;
using test::text_at;
using test::value_at;

// write_fixture_stats: dataset lsp-uji (3 provinces; columns provinsi, p1, p3, jumlah = p1 + p3, anggaran,
// realisasi) whose printed total of jumlah, 100, disagrees with its rows' 10 + 26 + 24 = 60, and whose
// Sumatra Utara row says jumlah 26 where 20 + 5 = 25. DI Aceh's p3 is blank, so its formula is not checked;
// p1 50 = 10 + 20 + 20 and p3 9 = 5 + 4 agree, as do both statements (60; 9 / 60 = 15 %): two findings.

namespace {

std::unique_ptr<test::FixtureModel> stats_fixture() {
    return test::fixture_model([](const std::filesystem::path& root) { test::write_fixture_stats(root); });
}

}  // namespace

TEST_CASE("without datasets or reports the statistics index says it has none", "[plan_stats]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_stats, *f->model);
    REQUIRE(plan.pages.size() == 1);
    const auto& ctx = test::planned_page(plan, "statistik/index.html").context;
    CHECK_FALSE(flag_at(ctx, "has_pages"));
    CHECK_FALSE(flag_at(ctx, "has_datasets"));
    CHECK(plan.files.empty());
}

TEST_CASE("the statistics index lists reports and datasets, flagging one whose figures disagree", "[plan_stats]") {
    const auto f = stats_fixture();
    const auto plan = test::plan_with(plan_stats, *f->model);
    // Index, the report, the dataset's page; and the dataset's JSON.
    CHECK(plan.pages.size() == 3);
    const auto& page = test::planned_page(plan, "statistik/index.html");
    CHECK(page.template_name == "stats");
    const auto& ctx = page.context;
    CHECK(flag_at(ctx, "nav.6.current"));
    CHECK(flag_at(ctx, "has_pages"));
    CHECK(text_at(ctx, "pages.0.title") == "Laporan Uji");
    CHECK(text_at(ctx, "pages.0.href") == "../statistik/laporan/index.html");
    REQUIRE(value_at(ctx, "datasets").items().size() == 1);
    CHECK(text_at(ctx, "datasets.0.title") == "LSP per Provinsi (uji)");
    CHECK(text_at(ctx, "datasets.0.year") == "2021");
    CHECK(text_at(ctx, "datasets.0.source") == "Tabel 9. Uji");  // the part, not the document
    CHECK(text_at(ctx, "datasets.0.rows") == "3");
    CHECK(text_at(ctx, "datasets.0.href") == "../statistik/tabel/lsp-uji/index.html");
    CHECK(text_at(ctx, "datasets.0.data_href") == "../data/statistik/lsp-uji.json");
    CHECK(flag_at(ctx, "datasets.0.inconsistent"));
    CHECK(text_at(ctx, "datasets.0.finding_count") == "2");
}

TEST_CASE("a dataset page shows its table with the disagreeing cell and total marked, and publishes its JSON",
          "[plan_stats]") {
    const auto f = stats_fixture();
    const auto plan = test::plan_with(plan_stats, *f->model);
    const auto& page = test::planned_page(plan, "statistik/tabel/lsp-uji/index.html");
    CHECK(page.template_name == "dataset");
    const auto& ctx = page.context;
    CHECK(text_at(ctx, "title") == "LSP per Provinsi (uji)");
    CHECK(text_at(ctx, "year") == "2021");
    CHECK(text_at(ctx, "embed.id") == "tabel");
    CHECK(flag_at(ctx, "embed.table.total.computed"));              // the printed total disagrees
    CHECK(flag_at(ctx, "embed.table.rows.1.cells.3.mismatch"));     // Sumatra Utara, jumlah 26 ≠ 25
    CHECK_FALSE(flag_at(ctx, "embed.table.rows.2.cells.3.mismatch"));  // DKI Jakarta, 24 = 20 + 4
    CHECK(text_at(ctx, "crumbs.2.label") == "LSP per Provinsi (uji)");
    // The published JSON is the dataset as the project gave it.
    CHECK(test::planned_file(plan, "data/statistik/lsp-uji.json") ==
          f->project.data.datasets.at(0).published_json);
    CHECK_THAT(test::planned_file(plan, "data/statistik/lsp-uji.json"), Catch::Matchers::Contains("\"lsp-uji\""));
}

TEST_CASE("a report page embeds each statistik block after the text that precedes it", "[plan_stats]") {
    const auto f = stats_fixture();
    const auto plan = test::plan_with(plan_stats, *f->model);
    const auto& ctx = test::planned_page(plan, "statistik/laporan/index.html").context;
    CHECK(text_at(ctx, "toc_title") == "Statistik");
    const auto& body = value_at(ctx, "body").items();
    REQUIRE(body.size() >= 2);
    CHECK_THAT(text_at(body[0], "html"), Catch::Matchers::Contains("Pengantar."));
    CHECK(text_at(body[0], "embed.id") == "tabel-1");
    CHECK(text_at(body[0], "embed.title") == "LSP per Provinsi (uji)");
    CHECK_THAT(text_at(body[1], "html"), Catch::Matchers::Contains("Lalu batang bertumpuk:"));
    CHECK(text_at(body[1], "embed.id") == "tabel-2");
    CHECK(text_at(body[1], "embed.title") == "LSP per jenis");  // the block's own title
    CHECK_THAT(text_at(body[0], "embed.chart_svg"), Catch::Matchers::Contains("<svg"));
}

TEST_CASE("the statistics index calls a table consistent only when something in it was recomputed", "[plan_stats]") {
    const auto f = test::fixture_model([](const std::filesystem::path& root) {
        test::write_fixture_stats(root);
        // A table with nothing to recompute: no printed total, no formula, no statement.
        test::write_file(root / "data/statistik/polos.json", R"J({"id": "polos", "judul": "Polos", "tahun": 2021,
  "sumber": {"dokumen": "Laporan Uji"}, "kolom": [{"kunci": "a", "judul": "A", "jenis": "teks"},
  {"kunci": "n", "judul": "N", "jenis": "bilangan", "satuan": "LSP"}], "baris": [{"a": "x", "n": 1}]})J");
    });
    const auto plan = test::plan_with(plan_stats, *f->model);
    const auto& ctx = test::planned_page(plan, "statistik/index.html").context;
    REQUIRE(value_at(ctx, "datasets").items().size() == 2);
    CHECK(text_at(ctx, "datasets.0.title") == "LSP per Provinsi (uji)");
    CHECK(flag_at(ctx, "datasets.0.checked"));
    CHECK(text_at(ctx, "datasets.1.title") == "Polos");
    CHECK_FALSE(flag_at(ctx, "datasets.1.inconsistent"));
    CHECK_FALSE(flag_at(ctx, "datasets.1.checked"));
}
