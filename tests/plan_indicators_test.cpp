// plan_indicators in process on the fixture: the catalogue and each indicator's page with its latest-round figures.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
using test::flag_at;
using test::text_at;
using test::value_at;

// Fixture rubrics: M01 and D01 (max 10) Kurang 0–5, Baik 6–10; P01 (max 20) Kurang 0–10, Baik 11–20.
// Below half means score·2 < max. The newest periodic round is 2025-2:
//   a M01 9, P01 18, D01 9;  b M01 6, P01 12, D01 6;  c M01 3, P01 not scored, D01 4.

TEST_CASE("plan_indicators plans the catalogue and one page per indicator", "[plan_indicators]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_indicators, *f->model);
    REQUIRE(plan.pages.size() == 4);
    CHECK(test::planned_page(plan, "indikator/index.html").template_name == "indicators");
    for (const char* code : {"m01", "p01", "d01"})
        CHECK(test::planned_page(plan, std::string("indikator/") + code + "/index.html").template_name == "indicator");
}

TEST_CASE("the catalogue groups indicators and gives each one's mean in the newest periodic round",
          "[plan_indicators]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_indicators, *f->model);
    const auto& ctx = test::planned_page(plan, "indikator/index.html").context;
    // Only groups with indicators: Masukan, Proses, Dampak (no Keluaran, Hasil in the fixture).
    REQUIRE(value_at(ctx, "groups").items().size() == 3);
    CHECK(text_at(ctx, "groups.0.label") == "Masukan");
    CHECK(text_at(ctx, "groups.0.count") == "1");
    CHECK(text_at(ctx, "groups.0.max") == "10");
    CHECK(text_at(ctx, "groups.0.indicators.0.mean") == "6,0");   // (9 + 6 + 3) / 3
    CHECK(text_at(ctx, "groups.0.indicators.0.href") == "../indikator/m01/index.html");
    CHECK(text_at(ctx, "groups.1.label") == "Proses");
    CHECK(text_at(ctx, "groups.1.max") == "20");
    CHECK(text_at(ctx, "groups.1.indicators.0.mean") == "15,0");  // (18 + 12) / 2: c did not score it
    CHECK(text_at(ctx, "groups.2.label") == "Dampak");
    CHECK(text_at(ctx, "groups.2.indicators.0.mean") == "6,3");   // (9 + 6 + 4) / 3 = 6.33
    CHECK(text_at(ctx, "index_max") == "40");
    CHECK(text_at(ctx, "indicator_count") == "3");
    CHECK(text_at(ctx, "latest_title") == "Penilaian Rutin 2025-2");
    CHECK(flag_at(ctx, "default_scores"));
    CHECK(text_at(ctx, "default_scores_note") == "Bawaan uji.");
}

TEST_CASE("an indicator page counts the latest round's sheets per rubric level and below half", "[plan_indicators]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_indicators, *f->model);
    const auto& ctx = test::planned_page(plan, "indikator/m01/index.html").context;
    CHECK(text_at(ctx, "page_title") == "M01 Visi");
    CHECK(text_at(ctx, "group_label") == "Masukan");
    CHECK(text_at(ctx, "max") == "10");
    CHECK_THAT(text_at(ctx, "body_html"), Contains("Indikator M01 menilai sesuatu."));
    // Levels highest first: Baik 6–10 holds 9 and 6, Kurang 0–5 holds 3.
    REQUIRE(value_at(ctx, "rubric").items().size() == 2);
    CHECK(text_at(ctx, "rubric.0.label") == "Baik");
    CHECK(text_at(ctx, "rubric.0.range") == "6\u201310");
    CHECK(text_at(ctx, "rubric.0.count") == "2");
    CHECK(text_at(ctx, "rubric.0.criteria_html") == "Bukti <strong>lengkap</strong>.");
    CHECK(text_at(ctx, "rubric.1.label") == "Kurang");
    CHECK(text_at(ctx, "rubric.1.count") == "1");
    CHECK(text_at(ctx, "evidence.0.html") == "Dokumen M01");
    const auto& latest = value_at(ctx, "latest");
    CHECK(text_at(latest, "title") == "Penilaian Rutin 2025-2");
    CHECK(text_at(latest, "href") == "../../penilaian/2025-2/index.html");
    CHECK(text_at(latest, "scored_count") == "3");
    CHECK(text_at(latest, "unscored_count") == "0");
    CHECK_FALSE(flag_at(latest, "has_unscored"));
    CHECK(text_at(latest, "below_half") == "1");  // only c: 3·2 = 6 < 10
    CHECK(text_at(latest, "mean") == "6,0");
    // Rows by score, highest first.
    REQUIRE(value_at(latest, "rows").items().size() == 3);
    CHECK(text_at(latest, "rows.0.name") == "LSP Uji A");
    CHECK(text_at(latest, "rows.0.score") == "9");
    CHECK(text_at(latest, "rows.0.percent") == "90,0%");
    CHECK_FALSE(flag_at(latest, "rows.0.weak"));
    CHECK(text_at(latest, "rows.2.name") == "LSP Uji C");
    CHECK(flag_at(latest, "rows.2.weak"));
    // First of three: no previous, next is P01.
    CHECK_FALSE(flag_at(ctx, "prev"));
    CHECK(text_at(ctx, "next.title") == "P01 Proses");
    CHECK(text_at(ctx, "next.href") == "../../indikator/p01/index.html");
}

TEST_CASE("an indicator page counts the sheets that left it unscored in the latest periodic round",
          "[plan_indicators]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_indicators, *f->model);
    const auto& ctx = test::planned_page(plan, "indikator/p01/index.html").context;
    // P01 in 2025-2: a 18, b 12 (both Baik 11–20, neither below 10); c none.
    CHECK(text_at(ctx, "rubric.0.count") == "2");
    CHECK(text_at(ctx, "rubric.0.range") == "11\u201320");
    CHECK(text_at(ctx, "rubric.1.count") == "0");
    CHECK(text_at(ctx, "latest.scored_count") == "2");
    CHECK(text_at(ctx, "latest.unscored_count") == "1");
    CHECK(flag_at(ctx, "latest.has_unscored"));
    CHECK(text_at(ctx, "latest.below_half") == "0");
    CHECK(text_at(ctx, "latest.mean") == "15,0");
    CHECK(value_at(ctx, "latest.rows").items().size() == 2);
    CHECK(text_at(ctx, "prev.title") == "M01 Visi");
    CHECK(text_at(ctx, "next.title") == "D01 Dampak");
    // D01: 9, 6, 4; below half only 4 (8 < 10); last in the catalogue.
    const auto& d01 = test::planned_page(plan, "indikator/d01/index.html").context;
    CHECK(text_at(d01, "rubric.0.count") == "2");
    CHECK(text_at(d01, "rubric.1.count") == "1");
    CHECK(text_at(d01, "latest.below_half") == "1");
    CHECK(text_at(d01, "latest.mean") == "6,3");
    CHECK_FALSE(flag_at(d01, "next"));
}

TEST_CASE("a score of exactly half sits in the lower rubric level without counting as below half",
          "[plan_indicators]") {
    // lsp-b's M01 in 2025-2 becomes 5: Kurang (0–5) now holds 5 and 3, but only 3 is below half (5·2 = 10).
    const auto f = test::fixture_model([](const std::filesystem::path& root) {
        test::replace_in_file(root / "data/penilaian/2025-2.json", R"("M01": 6, "P01": 12)", R"("M01": 5, "P01": 12)");
    });
    const auto plan = test::plan_with(plan_indicators, *f->model);
    const auto& ctx = test::planned_page(plan, "indikator/m01/index.html").context;
    CHECK(text_at(ctx, "rubric.0.count") == "1");  // Baik: 9
    CHECK(text_at(ctx, "rubric.1.count") == "2");  // Kurang: 5, 3
    CHECK(text_at(ctx, "latest.below_half") == "1");
    CHECK(text_at(ctx, "latest.mean") == "5,7");    // (9 + 5 + 3) / 3 = 5.67
    CHECK_FALSE(flag_at(ctx, "latest.rows.1.weak"));  // b's 5
}

TEST_CASE("the latest round of an indicator page is the newest periodic one, never an incidental round",
          "[plan_indicators]") {
    // 2025-i1 moved after 2025-2: its scores (1, 2, 3) must not count.
    const auto f = test::fixture_model([](const std::filesystem::path& root) {
        test::replace_in_file(root / "data/penilaian/2025-i1.json", "2025-08-01", "2025-12-01");
    });
    const auto plan = test::plan_with(plan_indicators, *f->model);
    const auto& ctx = test::planned_page(plan, "indikator/m01/index.html").context;
    CHECK(text_at(ctx, "latest.title") == "Penilaian Rutin 2025-2");
    CHECK(text_at(ctx, "latest.scored_count") == "3");
    CHECK(text_at(ctx, "latest.mean") == "6,0");
}

TEST_CASE("an indicator page lists the highest score first, then by name, and a shared name by id", "[plan_indicators]") {
    // M01 in 2025-2 becomes 9 for a, 6 for b and c; c is renamed to sort before b, then to b's name.
    auto rows_of = [](const std::string& c_name) {
        const auto f = test::fixture_model([&](const std::filesystem::path& root) {
            test::replace_in_file(root / "data/penilaian/2025-2.json", R"("lsp": "lsp-c", "skor": {"M01": 3)",
                                  R"("lsp": "lsp-c", "skor": {"M01": 6)");
            test::replace_in_file(root / "data/lsp.json", R"("nama": "LSP Uji C")", "\"nama\": \"" + c_name + "\"");
        });
        const auto plan = test::plan_with(plan_indicators, *f->model);
        const auto& ctx = test::planned_page(plan, "indikator/m01/index.html").context;
        std::vector<std::string> rows;
        for (const auto& row : value_at(ctx, "latest.rows").items())
            rows.push_back(text_at(row, "score") + " " + text_at(row, "href"));
        return rows;
    };
    CHECK(rows_of("LSP Uji Aa") == std::vector<std::string>{"9 ../../lsp/lsp-a/index.html", "6 ../../lsp/lsp-c/index.html",
                                                            "6 ../../lsp/lsp-b/index.html"});
    CHECK(rows_of("LSP Uji B") == std::vector<std::string>{"9 ../../lsp/lsp-a/index.html", "6 ../../lsp/lsp-b/index.html",
                                                           "6 ../../lsp/lsp-c/index.html"});
}
