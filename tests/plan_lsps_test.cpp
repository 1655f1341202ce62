// plan_lsps in process on the fixture: the LSP directory and each scorecard's context.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
using test::flag_at;
using test::text_at;
using test::value_at;

// Fixture scores (M01/10, P01/20, D01/10; Atas 30–40, Tengah 20–29, Bawah 0–19):
//   2025-1 (rutin):      a 8+15+7=30 Atas, b 5+10+5=20 Tengah, c 2+5+3=10 Bawah
//   2025-i1 (insidental): b 1+2+3=6 Bawah
//   2025-2 (rutin):      a 9+18+9=36 Atas, b 6+12+6=24 Tengah, c 3+–+4 incomplete

TEST_CASE("plan_lsps plans the directory and one scorecard per LSP", "[plan_lsps]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_lsps, *f->model);
    REQUIRE(plan.pages.size() == 4);  // lsp/index.html + 3 scorecards
    CHECK(test::planned_page(plan, "lsp/index.html").template_name == "lsps");
    for (const char* id : {"lsp-a", "lsp-b", "lsp-c"})
        CHECK(test::planned_page(plan, std::string("lsp/") + id + "/index.html").template_name == "scorecard");
    CHECK(plan.files.empty());
}

TEST_CASE("the LSP directory lists every LSP by name with its current IK and category, unscored ones as not evaluated",
          "[plan_lsps]") {
    const auto f = test::fixture_model(test::add_unscored_lsp);
    const auto plan = test::plan_with(plan_lsps, *f->model);
    const auto& ctx = test::planned_page(plan, "lsp/index.html").context;
    CHECK(text_at(ctx, "count") == "4");
    REQUIRE(value_at(ctx, "lsps").items().size() == 4);
    // Sorted by name: A, B, C, D.
    CHECK(text_at(ctx, "lsps.0.id") == "lsp-a");
    CHECK(text_at(ctx, "lsps.0.href") == "../lsp/lsp-a/index.html");  // lsp/index.html is one folder down
    CHECK(flag_at(ctx, "lsps.0.evaluated"));
    CHECK(text_at(ctx, "lsps.0.ik") == "36");  // 9+18+9 in 2025-2, the newest periodic round
    CHECK(text_at(ctx, "lsps.0.period") == "2025-2");
    CHECK(text_at(ctx, "lsps.0.category.name") == "Atas");
    CHECK(text_at(ctx, "lsps.0.category_key") == "atas");
    CHECK(text_at(ctx, "lsps.1.ik") == "24");  // 6+12+6; the later-listed incidental 6 is not "current"
    CHECK(text_at(ctx, "lsps.1.category_key") == "tengah");
    // lsp-c's 2025-2 sheet lacks P01.
    CHECK(text_at(ctx, "lsps.2.ik") == "belum lengkap");
    CHECK(text_at(ctx, "lsps.2.category_key") == "belum-lengkap");
    CHECK(text_at(ctx, "lsps.3.id") == "lsp-d");
    CHECK_FALSE(flag_at(ctx, "lsps.3.evaluated"));
    CHECK(text_at(ctx, "lsps.3.category_key") == "belum-dinilai");
    CHECK(value_at(ctx, "lsps.3").get("ik") == nullptr);
    CHECK(flag_at(ctx, "filter.with_category"));
}

TEST_CASE("an LSP never scored gets a scorecard without a card and with an empty history", "[plan_lsps]") {
    const auto f = test::fixture_model(test::add_unscored_lsp);
    const auto plan = test::plan_with(plan_lsps, *f->model);
    const auto& ctx = test::planned_page(plan, "lsp/lsp-d/index.html").context;
    CHECK(text_at(ctx, "lsp.name") == "LSP Uji D");
    CHECK_FALSE(flag_at(ctx, "evaluated"));
    CHECK_FALSE(flag_at(ctx, "card"));
    CHECK(value_at(ctx, "history").items().empty());
    CHECK_FALSE(flag_at(ctx, "has_later_incidental"));
}

TEST_CASE("a scorecard shows the newest periodic IK, category, rank and change against the previous periodic round",
          "[plan_lsps]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_lsps, *f->model);
    const auto& ctx = test::planned_page(plan, "lsp/lsp-a/index.html").context;
    CHECK(text_at(ctx, "page_title") == "LSP Uji A");
    CHECK(flag_at(ctx, "evaluated"));
    const auto& card = value_at(ctx, "card");
    CHECK(text_at(card, "period") == "2025-2");
    CHECK(text_at(card, "round_title") == "Penilaian Rutin 2025-2");
    CHECK(text_at(card, "date") == "1 November 2025");
    CHECK(flag_at(card, "complete"));
    CHECK(text_at(card, "ik") == "36");         // 9+18+9
    CHECK(text_at(card, "index_max") == "40");
    CHECK(text_at(card, "category.name") == "Atas");
    CHECK(text_at(card, "category.range") == "30\u201340");
    CHECK(text_at(card, "rank") == "1 dari 2");  // 36 > 24; lsp-c is incomplete and unranked
    CHECK(text_at(card, "change") == "+6 dibanding 2025-1, kategori tetap");  // 36 − 30, Atas both times
    CHECK_FALSE(flag_at(card, "up"));
    CHECK_FALSE(flag_at(card, "down"));
    CHECK(text_at(card, "missing").empty());
    CHECK(text_at(card, "round_href") == "../../penilaian/2025-2/index.html");
    CHECK(text_at(ctx, "crumbs.2.label") == "LSP Uji A");
    CHECK(flag_at(ctx, "crumbs.2.last"));
}

TEST_CASE("the change on a scorecard skips the incidental round in between", "[plan_lsps]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_lsps, *f->model);
    const auto& ctx = test::planned_page(plan, "lsp/lsp-b/index.html").context;
    // 24 − 20 (2025-1), not 24 − 6 (2025-i1, incidental).
    CHECK(text_at(ctx, "card.change") == "+4 dibanding 2025-1, kategori tetap");
    CHECK(text_at(ctx, "card.rank") == "2 dari 2");
    // History, newest first, includes the incidental round.
    const auto& history = value_at(ctx, "history").items();
    REQUIRE(history.size() == 3);
    CHECK(text_at(history[0], "period") == "2025-2");
    CHECK(text_at(history[1], "period") == "2025-i1");
    CHECK(flag_at(history[1], "incidental"));
    CHECK(text_at(history[1], "kind") == "Insidental");
    CHECK(text_at(history[1], "ik") == "6");  // 1+2+3
    CHECK(text_at(history[1], "category.name") == "Bawah");
    CHECK(text_at(history[1], "rank") == "\u2013");  // an incidental round ranks nobody (not "1 dari 1")
    CHECK(text_at(history[1], "change") == "\u221214 dibanding 2025-1, turun kategori");  // 6 − 20, Tengah -> Bawah
    CHECK(text_at(history[2], "period") == "2025-1");
    CHECK(text_at(history[2], "change") == "penilaian pertama");
    // Incidental 2025-i1 is older than 2025-2, so it is not shown beside the card.
    CHECK_FALSE(flag_at(ctx, "has_later_incidental"));
}

TEST_CASE("scorecard groups give score, maximum and percentage beside the round's means", "[plan_lsps]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_lsps, *f->model);
    const auto& card = value_at(test::planned_page(plan, "lsp/lsp-c/index.html").context, "card");
    // lsp-c in 2025-2: M01 3, P01 not scored, D01 4.
    CHECK_FALSE(flag_at(card, "complete"));
    CHECK(text_at(card, "ik") == "belum lengkap");
    CHECK(text_at(card, "category.key") == "belum-lengkap");
    CHECK(text_at(card, "rank") == "\u2013");
    CHECK(text_at(card, "change") == "\u2013");
    CHECK(text_at(card, "missing") == "P01");
    // Five groups in the circular's order; the fixture has indicators in Masukan, Proses, Dampak.
    REQUIRE(value_at(card, "groups").items().size() == 5);
    CHECK(text_at(card, "groups.0.label") == "Masukan");
    CHECK(text_at(card, "groups.0.score") == "3");
    CHECK(text_at(card, "groups.0.max") == "10");
    CHECK(text_at(card, "groups.0.percent") == "30,0%");  // 3 / 10
    // Round mean over complete sheets a (9/10 = 90%) and b (6/10 = 60%): 75%, i.e. 7.5 of 10.
    CHECK(text_at(card, "groups.0.round_mean_percent") == "75,0%");
    CHECK(text_at(card, "groups.0.round_mean") == "7,5");
    // The indicator mean is over every sheet that scored it: (9 + 6 + 3) / 3.
    CHECK(text_at(card, "groups.0.indicators.0.round_mean") == "6,0");
    CHECK(text_at(card, "groups.1.label") == "Proses");
    CHECK_FALSE(flag_at(card, "groups.1.complete"));
    CHECK(text_at(card, "groups.1.percent") == "belum lengkap");
    CHECK(text_at(card, "groups.1.max") == "20");
    CHECK_FALSE(flag_at(card, "groups.1.indicators.0.scored"));
    CHECK(text_at(card, "groups.1.indicators.0.score") == "belum dinilai");
    CHECK(text_at(card, "groups.1.indicators.0.round_mean") == "15,0");  // (18 + 12) / 2, c did not score it
    CHECK(text_at(card, "groups.4.label") == "Dampak");
    CHECK(text_at(card, "groups.4.percent") == "40,0%");                 // 4 / 10
    CHECK(text_at(card, "groups.4.indicators.0.round_mean") == "6,3");   // (9 + 6 + 4) / 3 = 6.33
    CHECK(text_at(card, "groups.4.indicators.0.percent") == "40,0%");
    CHECK_THAT(text_at(card, "group_chart"), Contains("<svg"));
}

TEST_CASE("weak indicators are the ones scored below half their maximum", "[plan_lsps]") {
    SECTION("lsp-c: M01 3 of 10 and D01 4 of 10 are weak") {
        const auto f = test::fixture_model();
        const auto plan = test::plan_with(plan_lsps, *f->model);
        const auto& card = value_at(test::planned_page(plan, "lsp/lsp-c/index.html").context, "card");
        CHECK(flag_at(card, "has_weak"));
        REQUIRE(value_at(card, "weak").items().size() == 2);  // 3·2 < 10, 4·2 < 10; P01 unscored is not weak
        CHECK(text_at(card, "weak.0.code") == "M01");
        CHECK(text_at(card, "weak.0.score") == "3");
        CHECK(text_at(card, "weak.0.max") == "10");
        CHECK(text_at(card, "weak.0.href") == "../../indikator/m01/index.html");
        CHECK(text_at(card, "weak.1.code") == "D01");
        CHECK(flag_at(card, "groups.0.indicators.0.weak"));
        CHECK_FALSE(flag_at(card, "groups.1.indicators.0.weak"));
        CHECK(flag_at(card, "has_recommendations"));  // the weak list alone
        CHECK_FALSE(flag_at(card, "has_team_recommendations"));
    }
    SECTION("exactly half is not weak") {
        // lsp-b in 2025-2 becomes M01 5 (5·2 = 10, not below 10), P01 9 (9·2 = 18 < 20), D01 6.
        const auto f = test::fixture_model([](const std::filesystem::path& root) {
            test::replace_in_file(root / "data/penilaian/2025-2.json", R"("M01": 6, "P01": 12, "D01": 6)",
                                  R"("M01": 5, "P01": 9, "D01": 6)");
        });
        const auto plan = test::plan_with(plan_lsps, *f->model);
        const auto& card = value_at(test::planned_page(plan, "lsp/lsp-b/index.html").context, "card");
        REQUIRE(value_at(card, "weak").items().size() == 1);
        CHECK(text_at(card, "weak.0.code") == "P01");
        CHECK(text_at(card, "weak.0.score") == "9");
        CHECK(text_at(card, "weak.0.max") == "20");
        CHECK_FALSE(flag_at(card, "groups.0.indicators.0.weak"));
        CHECK(text_at(card, "groups.0.indicators.0.percent") == "50,0%");
        CHECK(text_at(card, "ik") == "20");  // 5+9+6, still Tengah
        CHECK(text_at(card, "change") == "0 dibanding 2025-1, kategori tetap");
    }
    SECTION("lsp-a has none") {
        const auto f = test::fixture_model();
        const auto plan = test::plan_with(plan_lsps, *f->model);
        const auto& card = value_at(test::planned_page(plan, "lsp/lsp-a/index.html").context, "card");
        CHECK_FALSE(flag_at(card, "has_weak"));
        CHECK(value_at(card, "weak").items().empty());
    }
}

TEST_CASE("the team's recommendations are inline Markdown and notes appear only when written", "[plan_lsps]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_lsps, *f->model);
    const auto& a = value_at(test::planned_page(plan, "lsp/lsp-a/index.html").context, "card");
    CHECK(flag_at(a, "has_team_recommendations"));
    CHECK(flag_at(a, "has_recommendations"));
    REQUIRE(value_at(a, "team_recommendations").items().size() == 1);
    CHECK(text_at(a, "team_recommendations.0.html") == "Pertahankan <strong>mutu</strong>.");
    CHECK_FALSE(flag_at(a, "has_notes"));
    const auto& b = value_at(test::planned_page(plan, "lsp/lsp-b/index.html").context, "card");
    CHECK(flag_at(b, "has_notes"));
    CHECK_THAT(text_at(b, "notes_html"), Contains("<p>Naik.</p>"));
    CHECK_FALSE(flag_at(b, "has_team_recommendations"));
    CHECK_FALSE(flag_at(b, "has_recommendations"));  // no team advice and nothing below half
}

TEST_CASE("an incidental round newer than the periodic result is shown beside the card", "[plan_lsps]") {
    // Move 2025-i1 after 2025-2: rounds become 2025-1, 2025-2, 2025-i1.
    const auto f = test::fixture_model([](const std::filesystem::path& root) {
        test::replace_in_file(root / "data/penilaian/2025-i1.json", "2025-08-01", "2025-12-01");
    });
    const auto plan = test::plan_with(plan_lsps, *f->model);
    const auto& ctx = test::planned_page(plan, "lsp/lsp-b/index.html").context;
    CHECK(text_at(ctx, "card.period") == "2025-2");  // an incidental round never becomes the current one
    CHECK(flag_at(ctx, "has_later_incidental"));
    REQUIRE(value_at(ctx, "later_incidental").items().size() == 1);
    CHECK(text_at(ctx, "later_incidental.0.title") == "Penilaian Insidental 2025-i1");
    CHECK(text_at(ctx, "later_incidental.0.ik") == "6");
    CHECK(text_at(ctx, "later_incidental.0.category.name") == "Bawah");
    CHECK(text_at(ctx, "later_incidental.0.date") == "1 Desember 2025");
    // Its change now compares with 2025-2: 6 − 24.
    CHECK(text_at(ctx, "history.0.change") == "\u221218 dibanding 2025-2, turun kategori");
    CHECK_FALSE(flag_at(test::planned_page(plan, "lsp/lsp-a/index.html").context, "has_later_incidental"));
}
