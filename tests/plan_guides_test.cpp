// plan_guides in process on the fixture: the guidance index, each guide page, and the category table on its page.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
using test::flag_at;
using test::text_at;
using test::value_at;

// Fixture guides: dasar (urutan 1), indeks (urutan 2, holds ik_maks 40 and the category table).

TEST_CASE("the guidance index lists the guides in their order", "[plan_guides]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_guides, *f->model);
    REQUIRE(plan.pages.size() == 3);
    const auto& page = test::planned_page(plan, "panduan/index.html");
    CHECK(page.template_name == "guides");
    REQUIRE(value_at(page.context, "guides").items().size() == 2);
    CHECK(text_at(page.context, "guides.0.title") == "Dasar");
    CHECK(text_at(page.context, "guides.0.href") == "../panduan/dasar/index.html");
    CHECK(text_at(page.context, "guides.1.title") == "Indeks");
    CHECK(text_at(page.context, "indicators_href") == "../indikator/index.html");
}

TEST_CASE("a guide page has its body, a table of contents and links to its neighbours", "[plan_guides]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_guides, *f->model);
    const auto& page = test::planned_page(plan, "panduan/dasar/index.html");
    CHECK(page.template_name == "guide");
    const auto& ctx = page.context;
    CHECK(text_at(ctx, "title") == "Dasar");
    CHECK(text_at(ctx, "source") == "content/panduan/dasar.md");
    REQUIRE(value_at(ctx, "body").items().size() == 1);
    CHECK_THAT(text_at(ctx, "body.0.html"), Contains("indikator/m01/"));
    CHECK_FALSE(flag_at(ctx, "body.0.embed"));
    REQUIRE(value_at(ctx, "toc").items().size() == 2);
    CHECK(flag_at(ctx, "toc.0.current"));
    CHECK_FALSE(flag_at(ctx, "toc.1.current"));
    CHECK(text_at(ctx, "toc.1.href") == "../../panduan/indeks/index.html");
    CHECK(text_at(ctx, "toc_title") == "Panduan");
    CHECK_FALSE(flag_at(ctx, "prev"));
    CHECK(text_at(ctx, "next.title") == "Indeks");
    CHECK_FALSE(flag_at(ctx, "has_categories"));
    CHECK(value_at(ctx, "nav.1.current").flag());  // Panduan
    CHECK(text_at(ctx, "crumbs.1.href") == "../../panduan/index.html");
}

TEST_CASE("the guide that defines the categories shows the category table", "[plan_guides]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_guides, *f->model);
    const auto& ctx = test::planned_page(plan, "panduan/indeks/index.html").context;
    CHECK(flag_at(ctx, "has_categories"));
    REQUIRE(value_at(ctx, "categories").items().size() == 3);
    CHECK(text_at(ctx, "categories.0.name") == "Atas");
    CHECK(text_at(ctx, "categories.0.range") == "30\u201340");
    CHECK(text_at(ctx, "categories.0.condition") == "Sehat.");
    CHECK(text_at(ctx, "categories.2.css") == "cat-2");
    CHECK(text_at(ctx, "categories.2.range") == "0\u201319");
    CHECK(text_at(ctx, "index_max") == "40");
    CHECK(flag_at(ctx, "default_scores"));
    CHECK(text_at(ctx, "default_scores_note") == "Bawaan uji.");
    CHECK(text_at(ctx, "prev.title") == "Dasar");
    CHECK_FALSE(flag_at(ctx, "next"));
}
