// round_charts: IK bins aligned to the category table, and a round's summary charts and tables.
#include <catch2/catch.hpp>

#include "site/round_charts.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
using test::flag_at;
using test::text_at;
using test::value_at;

namespace {

CategoryTable one_wide_category() {
    CategoryTable t;
    t.index_max = 100;
    t.categories.push_back({"semua", "Semua", 0, 100, ""});
    return t;
}

}  // namespace

TEST_CASE("IK bins split each category into about 25 points and start at the lowest score", "[round_charts]") {
    SECTION("the fixture table: one bin per category (widths 11, 10, 20 round to one), Bawah dropped when empty") {
        const auto f = test::fixture_model();
        // 2025-2's IKs: 36 (Atas), 24 (Tengah).
        const auto bins = ik_bins(f->project.content.categories, {36, 24});
        REQUIRE(bins.size() == 2);
        CHECK(bins[0].from == 20);
        CHECK(bins[0].to == 29);
        CHECK(bins[0].category == 1);
        CHECK(bins[0].count == 1);
        CHECK(bins[1].from == 30);
        CHECK(bins[1].to == 40);
        CHECK(bins[1].category == 0);
        CHECK(bins[1].count == 1);
    }
    SECTION("0–100 in one category: 101 / 25 ≈ 4 bins of 0–24, 25–49, 50–74, 75–100") {
        const auto bins = ik_bins(one_wide_category(), {0, 49, 50, 100, 100});
        REQUIRE(bins.size() == 4);
        CHECK(bins[0].to == 24);
        CHECK(bins[1].from == 25);
        CHECK(bins[2].from == 50);
        CHECK(bins[3].to == 100);
        CHECK(bins[0].count == 1);
        CHECK(bins[1].count == 1);
        CHECK(bins[2].count == 1);
        CHECK(bins[3].count == 2);
    }
    SECTION("empty bins below the lowest score go, empty bins above it stay") {
        const auto bins = ik_bins(one_wide_category(), {60});
        REQUIRE(bins.size() == 2);
        CHECK(bins[0].from == 50);
        CHECK(bins[0].count == 1);
        CHECK(bins[1].count == 0);
    }
    SECTION("without any IK every bin stays") {
        CHECK(ik_bins(one_wide_category(), {}).size() == 4);
    }
}

TEST_CASE("a round summary counts complete sheets per category and gives shares, extremes and group means",
          "[round_charts]") {
    const auto f = test::fixture_model();
    const auto& model = *f->model;
    // 2025-2 (index 2): a 36 Atas, b 24 Tengah, c incomplete.
    Value ctx;
    add_round_summary(model, model.results.rounds[2], "penilaian/2025-2/index.html", "putaran", ctx);
    REQUIRE(value_at(ctx, "category_rows").items().size() == 3);
    CHECK(text_at(ctx, "category_rows.0.name") == "Atas");
    CHECK(text_at(ctx, "category_rows.0.count") == "1");
    CHECK(text_at(ctx, "category_rows.0.share") == "50,0%");  // 1 of 2 complete sheets
    CHECK(text_at(ctx, "category_rows.0.href") == "../../kategori/2025-2/index.html#atas");
    CHECK(text_at(ctx, "category_rows.2.count") == "0");
    CHECK(text_at(ctx, "category_rows.2.share") == "0,0%");
    CHECK(text_at(ctx, "mean_ik") == "30,0");  // (36 + 24) / 2
    CHECK(text_at(ctx, "min_ik") == "24");
    CHECK(text_at(ctx, "max_ik") == "36");
    CHECK(flag_at(ctx, "has_distribution"));
    CHECK(text_at(ctx, "complete_count") == "2");
    CHECK(text_at(ctx, "incomplete_count") == "1");
    CHECK(flag_at(ctx, "has_incomplete"));
    CHECK(text_at(ctx, "sheet_count") == "3");
    // Masukan: a 9/10 = 90 %, b 6/10 = 60 % -> 75 %.
    REQUIRE(value_at(ctx, "group_rows").items().size() == 5);
    CHECK(text_at(ctx, "group_rows.0.label") == "Masukan");
    CHECK(text_at(ctx, "group_rows.0.mean") == "75,0%");
    CHECK_THAT(text_at(ctx, "category_chart"),
               Contains("<desc id=\"putaran-kategori-d\">Sebaran 2 LSP dengan lembar skor lengkap: Atas 1 LSP; "
                        "Tengah 1 LSP; Bawah 0 LSP; belum lengkap 1 LSP.</desc>"));
    CHECK_THAT(text_at(ctx, "distribution_chart"),
               Contains("Jumlah LSP per rentang IK. IK 20\u201329: 1 LSP; IK 30\u201340: 1 LSP."));
    CHECK_THAT(text_at(ctx, "group_chart"), Contains("putaran-kelompok"));
}

TEST_CASE("a round summary of the first round: a third in each category and 50% per group", "[round_charts]") {
    const auto f = test::fixture_model();
    const auto& model = *f->model;
    // 2025-1: a 30, b 20, c 10. Masukan 80 %, 50 %, 20 % -> 50 %.
    Value ctx;
    add_round_summary(model, model.results.rounds[0], "index.html", "beranda", ctx);
    CHECK(text_at(ctx, "category_rows.1.share") == "33,3%");
    CHECK(text_at(ctx, "category_rows.1.href") == "kategori/2025-1/index.html#tengah");
    CHECK(text_at(ctx, "mean_ik") == "20,0");
    CHECK(text_at(ctx, "min_ik") == "10");
    CHECK(text_at(ctx, "max_ik") == "30");
    CHECK_FALSE(flag_at(ctx, "has_incomplete"));
    CHECK(text_at(ctx, "group_rows.0.mean") == "50,0%");
    CHECK_THAT(text_at(ctx, "category_chart"), !Contains("belum lengkap"));
}

TEST_CASE("a round summary without any complete sheet says so instead of giving figures", "[round_charts]") {
    const auto f = test::fixture_model();
    const auto& model = *f->model;
    // Only lsp-c's incomplete 2025-2 sheet.
    RoundResult rr;
    rr.round = 2;
    rr.sheets.push_back(*model.results.rounds[2].find("lsp-c"));
    rr.category_counts = {0, 0, 0};
    rr.incomplete_count = 1;
    rr.group_mean_percent.assign(all_groups().size(), std::nullopt);
    Value ctx;
    add_round_summary(model, rr, "penilaian/2025-2/index.html", "putaran", ctx);
    CHECK_FALSE(flag_at(ctx, "mean_ik"));
    CHECK_FALSE(flag_at(ctx, "min_ik"));
    CHECK_FALSE(flag_at(ctx, "max_ik"));
    CHECK_FALSE(flag_at(ctx, "has_distribution"));
    CHECK(text_at(ctx, "category_rows.0.share") == "0,0%");  // no division by zero complete sheets
    CHECK(text_at(ctx, "group_rows.0.mean") == "\u2013");
    CHECK_THAT(text_at(ctx, "distribution_chart"), Contains("Belum ada IK."));
}
