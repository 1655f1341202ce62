// plan_discovery in process on the fixture: sitemap, robots.txt and Atom feed data, with and without a base URL.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pepgen;
using test::flag_at;
using test::text_at;
using test::value_at;

namespace {

/// The pages discovery lists come from the planners that ran before it: here the home page,
/// the 404 page, the print archive and the round pages.
SitePlan plan_with_discovery(const SiteModel& model) {
    SitePlan plan;
    plan_home(model, plan);
    plan_not_found(model, plan);
    plan_print_pages(model, plan);
    plan_rounds(model, plan);
    const auto files_before = plan.file_count;
    plan_discovery(model, plan);
    CHECK(plan.file_count == files_before + 3);  // sitemap.xml, robots.txt, feed.xml
    return plan;
}

std::vector<std::string> locs(const SitePlan& plan) {
    std::vector<std::string> out;
    for (const auto& u : value_at(test::planned_page(plan, "sitemap.xml").context, "urls").items())
        out.push_back(text_at(u, "loc"));
    return out;
}

}  // namespace

TEST_CASE("the sitemap lists planned pages by path, without the 404 page and print archives", "[plan_discovery]") {
    const auto f = test::fixture_model();
    const auto plan = plan_with_discovery(*f->model);
    const auto& sitemap = test::planned_page(plan, "sitemap.xml");
    CHECK(sitemap.template_name == "sitemap");
    CHECK_FALSE(sitemap.with_layout);
    // index.html, 4 category pages, 4 round pages; relative to the root, index.html dropped.
    CHECK(locs(plan) == std::vector<std::string>{"", "kategori/2025-1/", "kategori/2025-2/", "kategori/2025-i1/",
                                                 "kategori/", "penilaian/2025-1/", "penilaian/2025-2/",
                                                 "penilaian/2025-i1/", "penilaian/"});
    CHECK(test::planned_file(plan, "robots.txt") == "User-agent: *\nAllow: /\nSitemap: sitemap.xml\n");
}

TEST_CASE("the feed has an entry per round, newest first, dated by the rounds and never by the build",
          "[plan_discovery]") {
    const auto f = test::fixture_model();
    const auto plan = plan_with_discovery(*f->model);
    const auto& feed = test::planned_page(plan, "feed.xml");
    CHECK(feed.template_name == "feed");
    CHECK_FALSE(feed.with_layout);
    const auto& ctx = feed.context;
    CHECK(text_at(ctx, "title") == "Situs Uji");
    CHECK(text_at(ctx, "publisher") == "Tim Uji");
    CHECK(text_at(ctx, "id") == "urn:pepgen:situs");
    CHECK(text_at(ctx, "updated") == "2025-11-01");  // the newest round's date
    CHECK(text_at(ctx, "home") == "index.html");
    CHECK_FALSE(flag_at(ctx, "self"));
    REQUIRE(value_at(ctx, "entries").items().size() == 3);
    CHECK(text_at(ctx, "entries.0.title") == "Penilaian Rutin 2025-2");
    CHECK(text_at(ctx, "entries.0.id") == "urn:pepgen:penilaian:2025-2");
    CHECK(text_at(ctx, "entries.0.href") == "penilaian/2025-2/index.html");
    CHECK(text_at(ctx, "entries.0.date_text") == "1 November 2025");
    CHECK(text_at(ctx, "entries.0.count") == "3");
    // 2025-2: Atas 1 (a 36), Tengah 1 (b 24), Bawah 0; c incomplete.
    CHECK(text_at(ctx, "entries.0.categories.0.count") == "1");
    CHECK(text_at(ctx, "entries.0.categories.1.count") == "1");
    CHECK(text_at(ctx, "entries.0.categories.2.count") == "0");
    CHECK(text_at(ctx, "entries.0.incomplete") == "1");
    CHECK(text_at(ctx, "entries.1.kind") == "Insidental");
    CHECK(text_at(ctx, "entries.1.categories.2.count") == "1");  // b 6 is Bawah
    CHECK_FALSE(flag_at(ctx, "entries.1.incomplete"));
    CHECK(text_at(ctx, "entries.2.date") == "2025-06-01");
}

TEST_CASE("with a base URL the sitemap, robots.txt and the feed give absolute addresses", "[plan_discovery]") {
    auto f = test::fixture_model();
    auto with_base = *f->model;
    with_base.base_url = "https://contoh.go.id/pep/";
    const auto plan = plan_with_discovery(with_base);
    const auto all = locs(plan);
    REQUIRE(all.size() == 9);
    CHECK(all[0] == "https://contoh.go.id/pep/");
    CHECK(all[1] == "https://contoh.go.id/pep/kategori/2025-1/");
    CHECK(test::planned_file(plan, "robots.txt") ==
          "User-agent: *\nAllow: /\nSitemap: https://contoh.go.id/pep/sitemap.xml\n");
    const auto& ctx = test::planned_page(plan, "feed.xml").context;
    CHECK(text_at(ctx, "id") == "https://contoh.go.id/pep/");
    CHECK(text_at(ctx, "home") == "https://contoh.go.id/pep/");
    CHECK(text_at(ctx, "self") == "https://contoh.go.id/pep/feed.xml");
    CHECK(text_at(ctx, "entries.0.id") == "https://contoh.go.id/pep/penilaian/2025-2/");
    CHECK(text_at(ctx, "entries.0.href") == "https://contoh.go.id/pep/penilaian/2025-2/");
}

TEST_CASE("feed texts are XML-escaped by the planner", "[plan_discovery]") {
    const auto f = test::fixture_model([](const std::filesystem::path& root) {
        test::write_file(root / "pepgen.yaml", "judul: \"Situs <Uji> & Co\"\npenerbit: Tim Uji\n");
    });
    const auto plan = plan_with_discovery(*f->model);
    CHECK(text_at(test::planned_page(plan, "feed.xml").context, "title") == "Situs &lt;Uji&gt; &amp; Co");
}
