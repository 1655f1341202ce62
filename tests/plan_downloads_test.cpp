// plan_downloads in process on the fixture: every open-data file of the site and the data dictionary.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
using test::flag_at;
using test::text_at;
using test::value_at;

TEST_CASE("the downloads page lists each round's JSON and CSV, newest first, and each LSP's JSON",
          "[plan_downloads]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_downloads, *f->model);
    REQUIRE(plan.pages.size() == 1);
    const auto& page = test::planned_page(plan, "unduh/index.html");
    CHECK(page.template_name == "downloads");
    const auto& ctx = page.context;
    CHECK(text_at(ctx, "all_href") == "../data/semua.json");
    REQUIRE(value_at(ctx, "rounds").items().size() == 3);
    CHECK(text_at(ctx, "rounds.0.title") == "Penilaian Rutin 2025-2");
    CHECK(text_at(ctx, "rounds.0.json_href") == "../data/indeks-2025-2.json");
    CHECK(text_at(ctx, "rounds.0.csv_href") == "../data/hasil-2025-2.csv");
    CHECK(text_at(ctx, "rounds.0.count") == "3");
    CHECK(text_at(ctx, "rounds.1.count") == "1");  // 2025-i1: lsp-b only
    REQUIRE(value_at(ctx, "lsps").items().size() == 3);
    CHECK(text_at(ctx, "lsps.1.name") == "LSP Uji B");  // registry order
    CHECK(text_at(ctx, "lsps.1.json_href") == "../data/lsp/lsp-b.json");
    CHECK_FALSE(flag_at(ctx, "has_datasets"));
    CHECK(text_at(ctx, "feed_href") == "../feed.xml");
    CHECK(text_at(ctx, "sitemap_href") == "../sitemap.xml");
    CHECK(value_at(ctx, "dictionary").items().empty());  // no content/kamus-data.md
    CHECK_FALSE(flag_at(ctx, "dictionary_source"));
}

TEST_CASE("the downloads page lists statistics datasets and shows the data dictionary when there is one",
          "[plan_downloads]") {
    const auto f = test::fixture_model([](const std::filesystem::path& root) {
        test::write_fixture_stats(root);
        test::write_file(root / "content/kamus-data.md", "---\njudul: Kamus\n---\nKolom **ik**: indeks kinerja.\n");
    });
    const auto plan = test::plan_with(plan_downloads, *f->model);
    const auto& ctx = test::planned_page(plan, "unduh/index.html").context;
    CHECK(flag_at(ctx, "has_datasets"));
    CHECK(text_at(ctx, "datasets.0.title") == "LSP per Provinsi (uji)");
    CHECK(text_at(ctx, "datasets.0.href") == "../statistik/tabel/lsp-uji/index.html");
    CHECK(text_at(ctx, "datasets.0.json_href") == "../data/statistik/lsp-uji.json");
    CHECK(text_at(ctx, "dictionary_source") == "content/kamus-data.md");
    CHECK_THAT(text_at(ctx, "dictionary.0.html"), Contains("<strong>ik</strong>"));
}
