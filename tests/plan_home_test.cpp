// plan_home in process on the fixture: the newest periodic round, recent rounds, the yearly schedule, counts.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
using test::flag_at;
using test::text_at;
using test::value_at;

namespace {

const Value& home_context(const SitePlan& plan) {
    REQUIRE(plan.pages.size() == 1);
    CHECK(plan.pages[0].path == "index.html");
    CHECK(plan.pages[0].template_name == "home");
    return plan.pages[0].context;
}

/// A periodic or incidental round with one sheet for lsp-a.
void add_round(const std::filesystem::path& root, const std::string& period, const std::string& kind,
               const std::string& date) {
    test::write_file(root / ("data/penilaian/" + period + ".json"),
                     R"({"periode": ")" + period + R"(", "jenis": ")" + kind + R"(", "tanggal": ")" + date +
                         R"(", "hasil": [{"lsp": "lsp-a", "skor": {"M01": 5, "P01": 10, "D01": 5}}]})");
}

}  // namespace

TEST_CASE("the home page shows the newest periodic round with its summary and the way onward", "[plan_home]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_home, *f->model);
    const auto& ctx = home_context(plan);
    CHECK(text_at(ctx, "page_title") == "Beranda Uji");
    CHECK(text_at(ctx, "summary") == "Ringkasan beranda.");
    CHECK_THAT(text_at(ctx, "intro_html"), Contains("<p>Halo.</p>"));
    CHECK(flag_at(ctx, "is_home"));
    CHECK(flag_at(ctx, "has_latest"));
    // 2025-2 is newest by date and periodic.
    CHECK(text_at(ctx, "latest.period") == "2025-2");
    CHECK(text_at(ctx, "latest.kind") == "Rutin (periodik)");
    CHECK(text_at(ctx, "latest.count") == "3");
    CHECK(text_at(ctx, "latest.href") == "penilaian/2025-2/index.html");  // the home page is at the root
    CHECK(text_at(ctx, "latest.export_href") == "data/indeks-2025-2.json");
    CHECK(text_at(ctx, "latest.mean_ik") == "30,0");  // (36 + 24) / 2, from the round summary
    CHECK(text_at(ctx, "latest.category_rows.0.href") == "kategori/2025-2/index.html#atas");
    CHECK_THAT(text_at(ctx, "latest.category_chart"), Contains("beranda-kategori"));
    // Recent rounds, newest first, the incidental one included.
    REQUIRE(value_at(ctx, "rounds").items().size() == 3);
    CHECK(text_at(ctx, "rounds.0.period") == "2025-2");
    CHECK(text_at(ctx, "rounds.1.period") == "2025-i1");
    CHECK(text_at(ctx, "rounds.1.count") == "1");
    // 2025: two periodic rounds and one incidental, which meets the minimum of two.
    REQUIRE(value_at(ctx, "schedule").items().size() == 1);
    CHECK(text_at(ctx, "schedule.0.year") == "2025");
    CHECK(text_at(ctx, "schedule.0.count") == "2");
    CHECK(text_at(ctx, "schedule.0.incidental") == "1");
    CHECK(flag_at(ctx, "schedule.0.meets"));
    CHECK(text_at(ctx, "schedule.0.status") == "memenuhi");
    CHECK(text_at(ctx, "schedule.0.rounds.1.title") == "2025-2");
    CHECK_FALSE(flag_at(ctx, "has_latest_missing"));
    CHECK(text_at(ctx, "latest_missing_count") == "0");
    CHECK(text_at(ctx, "lsp_count") == "3");
    CHECK(text_at(ctx, "indicator_count") == "3");
    CHECK(text_at(ctx, "index_max") == "40");
    CHECK(text_at(ctx, "categories_href") == "kategori/index.html");
}

TEST_CASE("the home page counts registered LSPs missing from the newest periodic round", "[plan_home]") {
    const auto f = test::fixture_model(test::add_unscored_lsp);
    const auto plan = test::plan_with(plan_home, *f->model);
    const auto& ctx = home_context(plan);
    CHECK(flag_at(ctx, "has_latest_missing"));
    CHECK(text_at(ctx, "latest_missing_count") == "1");  // lsp-d
    CHECK(text_at(ctx, "latest_missing_href") == "penilaian/2025-2/index.html#tidak-dinilai");
    CHECK(text_at(ctx, "lsp_count") == "4");
}

TEST_CASE("the home page lists six recent rounds and every year of the schedule with its status", "[plan_home]") {
    // Seven rounds: 2023-1, 2023-2, [2024 none], 2025-1, 2025-i1, 2025-2, 2026-1, 2026-i1.
    const auto f = test::fixture_model([](const std::filesystem::path& root) {
        add_round(root, "2023-1", "rutin", "2023-03-01");
        add_round(root, "2023-2", "rutin", "2023-09-01");
        add_round(root, "2026-1", "rutin", "2026-02-01");
        add_round(root, "2026-i1", "insidental", "2026-03-01");
    });
    const auto plan = test::plan_with(plan_home, *f->model);
    const auto& ctx = home_context(plan);
    CHECK(text_at(ctx, "latest.period") == "2026-1");  // the newest periodic, not 2026-i1
    CHECK(text_at(ctx, "latest.count") == "1");
    const auto& rounds = value_at(ctx, "rounds").items();
    REQUIRE(rounds.size() == 6);
    CHECK(text_at(rounds[0], "period") == "2026-i1");
    CHECK(text_at(rounds[5], "period") == "2023-2");  // 2023-1 is the seventh
    // Years newest first, 2024 included although it had no round.
    const auto& years = value_at(ctx, "schedule").items();
    REQUIRE(years.size() == 4);
    CHECK(text_at(years[0], "year") == "2026");
    CHECK(text_at(years[0], "count") == "1");
    CHECK(text_at(years[0], "incidental") == "1");
    CHECK(text_at(years[0], "status") == "belum memenuhi (tahun berjalan)");  // the last year may still catch up
    CHECK(text_at(years[1], "status") == "memenuhi");
    CHECK(text_at(years[2], "year") == "2024");
    CHECK(text_at(years[2], "count") == "0");
    CHECK_FALSE(flag_at(years[2], "meets"));
    CHECK(text_at(years[2], "status") == "kurang dari dua");
    CHECK(text_at(years[3], "status") == "memenuhi");
}
