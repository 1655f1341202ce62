// plan_not_found in process: the 404 page's links, relative without a base URL and absolute with one.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pepgen;
using test::flag_at;
using test::text_at;

TEST_CASE("the 404 page links from the site root when no base URL is known", "[plan_not_found]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_not_found, *f->model);
    REQUIRE(plan.pages.size() == 1);
    const auto& page = test::planned_page(plan, "404.html");
    CHECK(page.template_name == "404");
    CHECK(text_at(page.context, "page_title") == "Halaman tidak ditemukan");
    CHECK(text_at(page.context, "lsps_href") == "lsp/index.html");
    CHECK(text_at(page.context, "search_action") == "cari/index.html");
    CHECK(text_at(page.context, "css_href") == "assets/style.css");
    CHECK_FALSE(flag_at(page.context, "canonical"));
}

TEST_CASE("with a base URL the 404 page's links are absolute and it claims no canonical address",
          "[plan_not_found]") {
    auto f = test::fixture_model();
    auto with_base = *f->model;
    with_base.base_url = "https://contoh.go.id/pep/";
    const auto plan = test::plan_with(plan_not_found, with_base);
    const auto& ctx = test::planned_page(plan, "404.html").context;
    // Served at any address (say /pep/lsp/tidak-ada/), so a relative link would point elsewhere.
    CHECK(text_at(ctx, "lsps_href") == "https://contoh.go.id/pep/lsp/index.html");
    CHECK(text_at(ctx, "search_action") == "https://contoh.go.id/pep/cari/index.html");
    CHECK(text_at(ctx, "css_href") == "https://contoh.go.id/pep/assets/style.css");
    CHECK(text_at(ctx, "home_href") == "https://contoh.go.id/pep/index.html");
    CHECK_FALSE(flag_at(ctx, "canonical"));  // base_context would give https://contoh.go.id/pep/404.html
}
