// plan_print_pages in process on the fixture: each round's print archive, its cards and its parts.
#include <catch2/catch.hpp>

#include <cstdio>

#include "test_support.h"

using namespace pepgen;
using test::flag_at;
using test::text_at;
using test::value_at;

// Fixture 2025-1: a 8/15/7 = 30, b 5/10/5 = 20, c 2/5/3 = 10 (maxima 10/20/10; weak = score·2 < max).

TEST_CASE("every round gets one print page whose cards follow the round's ranking", "[plan_print]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_print_pages, *f->model);
    REQUIRE(plan.pages.size() == 3);  // three rounds of at most 100 sheets
    const auto& page = test::planned_page(plan, "penilaian/2025-1/cetak/index.html");
    CHECK(page.template_name == "print_round");
    const auto& ctx = page.context;
    CHECK(text_at(ctx, "round_title") == "Penilaian Rutin 2025-1");
    CHECK(text_at(ctx, "round_date") == "1 Juni 2025");
    CHECK(text_at(ctx, "count") == "3");
    CHECK(text_at(ctx, "round_href") == "../../../penilaian/2025-1/index.html");
    CHECK_FALSE(flag_at(ctx, "has_parts"));
    CHECK(text_at(ctx, "part_text") == "Bagian 1 dari 1: LSP ke-1 sampai 3");
    REQUIRE(value_at(ctx, "parts").items().size() == 1);
    CHECK(text_at(ctx, "parts.0.href") == "../../../penilaian/2025-1/cetak/index.html");
    CHECK(flag_at(ctx, "parts.0.current"));
    REQUIRE(value_at(ctx, "cards").items().size() == 3);
    CHECK(text_at(ctx, "cards.0.lsp_id") == "lsp-a");
    CHECK(text_at(ctx, "cards.0.rank") == "1 dari 3");
    CHECK(text_at(ctx, "cards.0.change") == "penilaian pertama");
    CHECK(text_at(ctx, "cards.0.licence_number") == "A-1");
    CHECK(text_at(ctx, "cards.2.lsp_id") == "lsp-c");
    CHECK(text_at(ctx, "cards.2.category.name") == "Bawah");  // 10
    CHECK(text_at(ctx, "crumbs.3.label") == "Cetak");
}

TEST_CASE("a print card marks indicators below half, but not one at exactly half", "[plan_print]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_print_pages, *f->model);
    const auto& ctx = test::planned_page(plan, "penilaian/2025-1/cetak/index.html").context;
    // lsp-b: M01 5 of 10 is exactly half (10 is not < 10), P01 10 of 20 likewise.
    CHECK(text_at(ctx, "cards.1.lsp_id") == "lsp-b");
    CHECK(text_at(ctx, "cards.1.groups.0.indicators.0.score") == "5");
    CHECK_FALSE(flag_at(ctx, "cards.1.groups.0.indicators.0.weak"));
    CHECK_FALSE(flag_at(ctx, "cards.1.groups.1.indicators.0.weak"));
    CHECK(text_at(ctx, "cards.1.groups.1.percent") == "50,0%");  // 10 / 20
    // lsp-c: M01 2 (4 < 10), P01 5 (10 < 20), D01 3 (6 < 10).
    CHECK(flag_at(ctx, "cards.2.groups.0.indicators.0.weak"));
    CHECK(flag_at(ctx, "cards.2.groups.1.indicators.0.weak"));
    CHECK(flag_at(ctx, "cards.2.groups.4.indicators.0.weak"));
    // 2025-2: lsp-c lacks P01, lsp-a has the team's recommendation.
    const auto& later = test::planned_page(plan, "penilaian/2025-2/cetak/index.html").context;
    CHECK(text_at(later, "cards.2.lsp_id") == "lsp-c");
    CHECK(text_at(later, "cards.2.missing") == "P01");
    CHECK(text_at(later, "cards.2.groups.1.indicators.0.score") == "\u2013");
    CHECK(text_at(later, "cards.2.groups.1.percent") == "belum lengkap");
    CHECK(flag_at(later, "cards.0.has_recommendations"));
    CHECK(text_at(later, "cards.0.recommendations.0.html") == "Pertahankan <strong>mutu</strong>.");
    CHECK_FALSE(flag_at(later, "cards.1.has_recommendations"));
    CHECK(text_at(later, "cards.1.change") == "+4 dibanding 2025-1, kategori tetap");  // 24 − 20, skipping 2025-i1
}

TEST_CASE("a round of more than 100 sheets is printed in parts of 100", "[plan_print]") {
    // 98 more LSPs (101 in all) and a round 2025-3 in which all score 5/10/5 = 20: one shared rank,
    // so the cards go by name: A, B, C, X000 … X097; the 101st is X097.
    const auto f = test::fixture_model([](const std::filesystem::path& root) {
        std::string lsps, sheets;
        for (int i = 0; i < 98; ++i) {
            char id[8];
            std::snprintf(id, sizeof id, "x%03d", i);
            lsps += std::string(",\n  {\"id\": \"lsp-") + id + "\", \"nama\": \"LSP Uji X" + (id + 1) +
                    "\", \"jenis\": \"P1\", \"provinsi\": \"Bali\", \"nomor_lisensi\": \"X-" + (id + 1) +
                    "\", \"lisensi_berlaku_sampai\": \"2030-01-01\"}";
        }
        test::replace_in_file(root / "data/lsp.json", "\n]}", lsps + "\n]}");
        std::vector<std::string> ids = {"lsp-a", "lsp-b", "lsp-c"};
        for (int i = 0; i < 98; ++i) {
            char id[12];
            std::snprintf(id, sizeof id, "lsp-x%03d", i);
            ids.push_back(id);
        }
        for (const auto& id : ids)
            sheets += (sheets.empty() ? "" : ",\n") + std::string("{\"lsp\": \"") + id +
                      "\", \"skor\": {\"M01\": 5, \"P01\": 10, \"D01\": 5}}";
        test::write_file(root / "data/penilaian/2025-3.json",
                         "{\"periode\": \"2025-3\", \"jenis\": \"rutin\", \"tanggal\": \"2025-12-15\", \"hasil\": [\n" +
                             sheets + "\n]}");
    });
    const auto plan = test::plan_with(plan_print_pages, *f->model);
    CHECK(plan.pages.size() == 5);  // three fixture rounds + two parts of 2025-3
    const auto& first = test::planned_page(plan, "penilaian/2025-3/cetak/index.html").context;
    CHECK(flag_at(first, "has_parts"));
    CHECK(value_at(first, "cards").items().size() == 100);
    CHECK(text_at(first, "count") == "101");
    CHECK(text_at(first, "part_text") == "Bagian 1 dari 2: LSP ke-1 sampai 100");
    CHECK(text_at(first, "parts.1.href") == "../../../penilaian/2025-3/cetak/2/index.html");
    CHECK_FALSE(flag_at(first, "parts.1.current"));
    const auto& second = test::planned_page(plan, "penilaian/2025-3/cetak/2/index.html").context;
    REQUIRE(value_at(second, "cards").items().size() == 1);
    CHECK(text_at(second, "cards.0.lsp_name") == "LSP Uji X097");
    CHECK(text_at(second, "cards.0.rank") == "1 dari 101");
    CHECK(text_at(second, "part_text") == "Bagian 2 dari 2: LSP ke-101 sampai 101");
    CHECK(text_at(second, "parts.0.href") == "../../../../penilaian/2025-3/cetak/index.html");  // one folder deeper
    CHECK(flag_at(second, "parts.1.current"));
    CHECK(text_at(second, "round_href") == "../../../../penilaian/2025-3/index.html");
}
