// plan_rounds in process on the fixture: the round list, each round page and the category tables.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pepgen;
using test::flag_at;
using test::text_at;
using test::value_at;

namespace {

// Fixture scores (M01/10, P01/20, D01/10; Atas 30–40, Tengah 20–29, Bawah 0–19), rounds by date:
//   2025-1 (rutin, 1 Jun):       a 8+15+7=30 Atas, b 5+10+5=20 Tengah, c 2+5+3=10 Bawah
//   2025-i1 (insidental, 1 Aug): b 1+2+3=6 Bawah
//   2025-2 (rutin, 1 Nov):       a 9+18+9=36 Atas, b 6+12+6=24 Tengah, c 3+–+4 incomplete


/// The ids of a list of result rows, in order, joined by spaces.
std::string ids(const Value& rows) {
    std::string out;
    for (const auto& r : rows.items()) out += (out.empty() ? "" : " ") + text_at(r, "id");
    return out;
}

}  // namespace

TEST_CASE("plan_rounds plans the list, a page and a category table per round, and kategori/", "[plan_rounds]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_rounds, *f->model);
    CHECK(plan.pages.size() == 8);  // penilaian/ + 3 × (round page + category page) + kategori/
    CHECK(test::planned_page(plan, "penilaian/index.html").template_name == "rounds");
    for (const char* period : {"2025-1", "2025-i1", "2025-2"}) {
        CHECK(test::planned_page(plan, std::string("penilaian/") + period + "/index.html").template_name == "round");
        CHECK(test::planned_page(plan, std::string("kategori/") + period + "/index.html").template_name == "categories");
    }
    CHECK(test::planned_page(plan, "kategori/index.html").template_name == "categories");
}

TEST_CASE("the round list gives each round's sheet count, mean IK and incomplete sheets, newest first",
          "[plan_rounds]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_rounds, *f->model);
    const auto& ctx = test::planned_page(plan, "penilaian/index.html").context;
    CHECK(flag_at(ctx, "has_rounds"));
    REQUIRE(value_at(ctx, "rounds").items().size() == 3);
    CHECK(text_at(ctx, "rounds.0.period") == "2025-2");
    CHECK(text_at(ctx, "rounds.0.count") == "3");
    CHECK(text_at(ctx, "rounds.0.mean_ik") == "30,0");  // (36 + 24) / 2; lsp-c is incomplete
    CHECK(text_at(ctx, "rounds.0.incomplete_count") == "1");
    CHECK_FALSE(flag_at(ctx, "rounds.0.has_team"));
    CHECK(text_at(ctx, "rounds.1.period") == "2025-i1");
    CHECK(flag_at(ctx, "rounds.1.incidental"));
    CHECK(text_at(ctx, "rounds.1.kind") == "Insidental");
    CHECK(text_at(ctx, "rounds.1.count") == "1");
    CHECK(text_at(ctx, "rounds.1.mean_ik") == "6,0");
    CHECK(text_at(ctx, "rounds.2.period") == "2025-1");
    CHECK(text_at(ctx, "rounds.2.kind") == "Rutin (periodik)");
    CHECK(text_at(ctx, "rounds.2.mean_ik") == "20,0");  // (30 + 20 + 10) / 3
    CHECK(text_at(ctx, "rounds.2.incomplete_count") == "0");
    CHECK(flag_at(ctx, "rounds.2.has_team"));
    CHECK(text_at(ctx, "rounds.2.team.0.name") == "Penilai Satu");
    CHECK(text_at(ctx, "rounds.2.team.0.agency") == "BNSP");
    CHECK(text_at(ctx, "rounds.2.href") == "../penilaian/2025-1/index.html");
    CHECK(text_at(ctx, "rounds.2.csv_href") == "../data/hasil-2025-1.csv");
    CHECK(text_at(ctx, "rounds.2.print_href") == "../penilaian/2025-1/cetak/index.html");
}

TEST_CASE("a round page ranks complete sheets by IK and puts incomplete ones last", "[plan_rounds]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_rounds, *f->model);
    const auto& ctx = test::planned_page(plan, "penilaian/2025-2/index.html").context;
    CHECK(text_at(ctx, "round.title") == "Penilaian Rutin 2025-2");
    CHECK(text_at(ctx, "mean_ik") == "30,0");
    CHECK(ids(value_at(ctx, "rows")) == "lsp-a lsp-b lsp-c");
    CHECK(text_at(ctx, "rows.0.rank") == "1");
    CHECK(text_at(ctx, "rows.0.rank_full") == "1 dari 2");
    CHECK(text_at(ctx, "rows.0.delta") == "6");  // 36 − 30
    CHECK(text_at(ctx, "rows.0.groups.0.percent") == "90,0%");  // M01 9 / 10
    CHECK(text_at(ctx, "rows.0.href") == "../../lsp/lsp-a/index.html");
    CHECK(text_at(ctx, "rows.1.rank") == "2");
    CHECK_FALSE(flag_at(ctx, "rows.2.complete"));
    CHECK(text_at(ctx, "rows.2.rank") == "\u2013");
    CHECK(text_at(ctx, "rows.2.ik") == "belum lengkap");
    CHECK(text_at(ctx, "rows.2.missing") == "P01");
    CHECK(text_at(ctx, "rows.2.delta").empty());
    CHECK(text_at(ctx, "rows.2.groups.0.percent") == "30,0%");  // Masukan complete: 3 / 10
    CHECK(text_at(ctx, "rows.2.groups.1.percent") == "\u2013");  // Proses lacks P01
    CHECK(text_at(ctx, "complete_count") == "2");
    CHECK(text_at(ctx, "incomplete_count") == "1");
    CHECK(value_at(ctx, "group_heads").items().size() == 5);
    CHECK_FALSE(flag_at(ctx, "has_missing"));  // every registered LSP has a sheet
    // Round selector, newest first, this one current.
    CHECK(text_at(ctx, "rounds.0.period") == "2025-2");
    CHECK(flag_at(ctx, "rounds.0.current"));
    CHECK_FALSE(flag_at(ctx, "rounds.2.current"));
    CHECK(text_at(ctx, "rounds.2.href") == "../../penilaian/2025-1/index.html");
}

TEST_CASE("the incidental round is never the comparison round for a later periodic result", "[plan_rounds]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_rounds, *f->model);
    const auto& later = test::planned_page(plan, "penilaian/2025-2/index.html").context;
    // lsp-b: 24 − 20 (2025-1), not 24 − 6 (2025-i1).
    CHECK(text_at(later, "rows.1.id") == "lsp-b");
    CHECK(text_at(later, "rows.1.delta") == "4");
    CHECK(text_at(later, "rows.1.change") == "+4 dibanding 2025-1, kategori tetap");
    CHECK_FALSE(flag_at(later, "rows.1.up"));
    CHECK_FALSE(flag_at(later, "rows.1.down"));
    // The incidental result itself compares with the periodic round before it: 6 − 20, Tengah -> Bawah.
    const auto& incidental = test::planned_page(plan, "penilaian/2025-i1/index.html").context;
    CHECK(flag_at(incidental, "round.incidental"));
    CHECK(ids(value_at(incidental, "rows")) == "lsp-b");
    CHECK(text_at(incidental, "rows.0.delta") == "-14");
    CHECK(text_at(incidental, "rows.0.change") == "\u221214 dibanding 2025-1, turun kategori");
    CHECK(flag_at(incidental, "rows.0.down"));
    CHECK(text_at(incidental, "rows.0.rank_full") == "\u2013");  // an incidental round ranks nobody
    // An incidental round is not expected to cover every LSP: nobody is listed as missing.
    CHECK_FALSE(flag_at(incidental, "has_missing"));
    // The first round has nothing to compare with.
    const auto& first = test::planned_page(plan, "penilaian/2025-1/index.html").context;
    CHECK(text_at(first, "rows.0.change") == "penilaian pertama");
}

TEST_CASE("a periodic round page lists registered LSPs without a sheet", "[plan_rounds]") {
    const auto f = test::fixture_model(test::add_unscored_lsp);
    const auto plan = test::plan_with(plan_rounds, *f->model);
    const auto& ctx = test::planned_page(plan, "penilaian/2025-2/index.html").context;
    CHECK(flag_at(ctx, "has_missing"));
    REQUIRE(value_at(ctx, "missing").items().size() == 1);
    CHECK(text_at(ctx, "missing.0.name") == "LSP Uji D");
    CHECK(text_at(ctx, "missing.0.href") == "../../lsp/lsp-d/index.html");
    CHECK(text_at(ctx, "missing.0.valid_until") == "1 Januari 2030");
    // lsp-d has no sheet in the incidental round either, but that round is not expected to be complete.
    CHECK_FALSE(flag_at(test::planned_page(plan, "penilaian/2025-i1/index.html").context, "has_missing"));
}

TEST_CASE("a category table puts each complete sheet under its category and incomplete ones apart",
          "[plan_rounds]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_rounds, *f->model);
    SECTION("2025-2: Atas a (36), Tengah b (24), Bawah none, c incomplete") {
        const auto& ctx = test::planned_page(plan, "kategori/2025-2/index.html").context;
        REQUIRE(value_at(ctx, "sections").items().size() == 3);
        CHECK(text_at(ctx, "sections.0.name") == "Atas");
        CHECK(text_at(ctx, "sections.0.range") == "30\u201340");
        CHECK(text_at(ctx, "sections.0.css") == "cat-0");
        CHECK(text_at(ctx, "sections.0.count") == "1");
        CHECK(ids(value_at(ctx, "sections.0.rows")) == "lsp-a");
        CHECK(text_at(ctx, "sections.1.count") == "1");
        CHECK(ids(value_at(ctx, "sections.1.rows")) == "lsp-b");
        CHECK(text_at(ctx, "sections.2.count") == "0");
        CHECK(flag_at(ctx, "sections.2.empty"));
        CHECK(flag_at(ctx, "has_incomplete"));
        CHECK(ids(value_at(ctx, "incomplete")) == "lsp-c");
        CHECK(flag_at(ctx, "is_latest"));
        CHECK(flag_at(ctx, "rounds.0.current"));
        CHECK(text_at(ctx, "rounds.0.href") == "../../kategori/2025-2/index.html");
        CHECK_FALSE(flag_at(ctx, "filter.with_category"));
    }
    SECTION("2025-1: one LSP in each category, nothing incomplete") {
        const auto& ctx = test::planned_page(plan, "kategori/2025-1/index.html").context;
        CHECK(ids(value_at(ctx, "sections.0.rows")) == "lsp-a");  // 30
        CHECK(ids(value_at(ctx, "sections.1.rows")) == "lsp-b");  // 20
        CHECK(ids(value_at(ctx, "sections.2.rows")) == "lsp-c");  // 10
        CHECK_FALSE(flag_at(ctx, "has_incomplete"));
        CHECK_FALSE(flag_at(ctx, "is_latest"));
        CHECK(flag_at(ctx, "rounds.2.current"));
    }
    SECTION("2025-i1: the incidental round has its own table, but is not the latest") {
        const auto& ctx = test::planned_page(plan, "kategori/2025-i1/index.html").context;
        CHECK(text_at(ctx, "sections.0.count") == "0");
        CHECK(text_at(ctx, "sections.2.count") == "1");  // b 6 is Bawah
        CHECK_FALSE(flag_at(ctx, "is_latest"));
    }
    SECTION("kategori/ is the newest periodic round's table, linked from one folder down") {
        const auto& ctx = test::planned_page(plan, "kategori/index.html").context;
        CHECK(text_at(ctx, "round.period") == "2025-2");  // not 2025-i1, and not the newest by date if incidental
        CHECK(flag_at(ctx, "is_latest"));
        CHECK(ids(value_at(ctx, "sections.0.rows")) == "lsp-a");
        CHECK(text_at(ctx, "sections.0.rows.0.href") == "../lsp/lsp-a/index.html");
        CHECK(text_at(ctx, "crumbs.2.href") == "../kategori/2025-2/index.html");
    }
}

TEST_CASE("kategori/ follows the newest periodic round even when an incidental round is newer", "[plan_rounds]") {
    const auto f = test::fixture_model([](const std::filesystem::path& root) {
        test::replace_in_file(root / "data/penilaian/2025-i1.json", "2025-08-01", "2025-12-01");
    });
    const auto plan = test::plan_with(plan_rounds, *f->model);
    const auto& ctx = test::planned_page(plan, "kategori/index.html").context;
    CHECK(text_at(ctx, "round.period") == "2025-2");
    CHECK(text_at(ctx, "sections.0.count") == "1");  // a 36; the incidental round has no Atas
    // The list is newest first by date, so the incidental round now leads it.
    CHECK(text_at(test::planned_page(plan, "penilaian/index.html").context, "rounds.0.period") == "2025-i1");
}
