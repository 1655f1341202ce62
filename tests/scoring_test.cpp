#include <catch2/catch.hpp>

#include "scoring/scoring.h"

using namespace pepgen;

namespace {

// The circular's table and the 27 default maxima (350 in all), built in code
// so scoring is tested without any file.
CategoryTable circular_table() {
    CategoryTable t;
    t.index_max = 350;
    t.categories = {{"sangat-baik", "Sangat Baik", 301, 350, ""},
                    {"baik", "Baik", 251, 300, ""},
                    {"cukup-baik", "Cukup Baik", 200, 250, ""},
                    {"kurang-baik", "Kurang Baik", 0, 199, ""}};
    return t;
}

std::vector<Indicator> circular_catalogue() {
    std::vector<Indicator> out;
    auto add = [&](Group g, const char* prefix, int count, int max) {
        for (int i = 1; i <= count; ++i) {
            Indicator ind;
            ind.code = std::string(prefix) + (i < 10 ? "0" : "") + std::to_string(i);
            ind.group = g;
            ind.max_score = max;
            out.push_back(ind);
        }
    };
    add(Group::masukan, "M", 12, 10);
    add(Group::proses, "P", 5, 20);
    add(Group::keluaran, "K", 5, 14);
    add(Group::hasil, "H", 2, 15);
    add(Group::dampak, "D", 3, 10);
    return out;
}

/// A complete sheet whose scores add up to `total`, filling indicators in order.
ScoreSheet sheet_with_total(const std::vector<Indicator>& cat, const std::string& id, int total) {
    ScoreSheet s;
    s.lsp_id = id;
    for (const auto& ind : cat) {
        const int v = std::min(ind.max_score, total);
        s.scores.push_back(v);
        total -= v;
    }
    REQUIRE(total == 0);
    return s;
}

/// Gives the sheet a score by indicator code, as a round file would.
void set(ScoreSheet& sheet, const std::vector<Indicator>& cat, const std::string& code, std::optional<int> v) {
    sheet.set_score(code_positions(cat).at(code), v);
}

/// The rounds in which the LSP has a sheet, oldest first (Results::history without the sheets' places).
std::vector<std::size_t> rounds_of(const Results& res, const std::string& lsp_id) {
    std::vector<std::size_t> out;
    for (const auto& at : res.history.at(lsp_id)) out.push_back(at.round);
    return out;
}

}  // namespace

TEST_CASE("IK is the sum of the scores and falls in the circular's category", "[scoring]") {
    const auto cat = circular_catalogue();
    const auto table = circular_table();
    const std::vector<std::pair<int, std::string>> cases = {
        {0, "Kurang Baik"},  {199, "Kurang Baik"}, {200, "Cukup Baik"}, {250, "Cukup Baik"},
        {251, "Baik"},       {300, "Baik"},        {301, "Sangat Baik"}, {350, "Sangat Baik"}};
    for (const auto& [total, name] : cases) {
        const auto r = score_sheet(cat, table, sheet_with_total(cat, "lsp-x", total));
        INFO("IK " << total);
        REQUIRE(r.complete);
        CHECK(r.ik == total);
        REQUIRE(r.category);
        CHECK(table.categories[*r.category].name == name);
    }
}

TEST_CASE("group subtotals and percentages", "[scoring]") {
    const auto cat = circular_catalogue();
    auto sheet = sheet_with_total(cat, "lsp-x", 0);
    set(sheet, cat, "M01", 10);
    set(sheet, cat, "M02", 5);
    set(sheet, cat, "P01", 20);
    set(sheet, cat, "D03", 3);
    const auto r = score_sheet(cat, circular_table(), sheet);
    CHECK(r.ik == 38);
    CHECK(r.groups[0].score == 15);
    CHECK(r.groups[0].max == 120);
    CHECK(r.groups[0].percent == Approx(12.5));
    CHECK(r.groups[1].score == 20);
    CHECK(r.groups[1].max == 100);
    CHECK(r.groups[2].max == 70);
    CHECK(r.groups[3].max == 30);
    CHECK(r.groups[4].score == 3);
    // One subtotal per group, in the order all_groups() lists them.
    REQUIRE(all_groups().size() == r.groups.size());
    for (std::size_t g = 0; g < r.groups.size(); ++g) CHECK(r.groups[g].group == all_groups()[g].group);
    // Below half: everything but M01 and P01 (M02 = 5 is exactly half, not below).
    CHECK(r.weak_at[1] == 0);  // M02
    CHECK(r.weak_at[0] == 0);  // M01
    CHECK(r.weak_at[2] == 1);  // M03
    CHECK(std::count(r.weak_at.begin(), r.weak_at.end(), 1) == 24);
}

TEST_CASE("an incomplete sheet gets no IK, no category and no rank", "[scoring]") {
    const auto cat = circular_catalogue();
    auto sheet = sheet_with_total(cat, "lsp-x", 300);
    set(sheet, cat, "H02", std::nullopt);
    sheet.scores.resize(24);  // D01 (position 24) and what follows are not in the sheet at all
    std::vector<SheetResult> rs = {score_sheet(cat, circular_table(), sheet)};
    assign_ranks(rs);
    CHECK_FALSE(rs[0].complete);
    CHECK_FALSE(rs[0].ik);
    CHECK_FALSE(rs[0].category);
    CHECK_FALSE(rs[0].rank);
    CHECK(rs[0].missing == std::vector<std::string>{"H02", "D01", "D02", "D03"});
    // Below half only where scored: an unscored indicator is missing, not weak.
    REQUIRE(rs[0].weak_at.size() == cat.size());
    CHECK(rs[0].weak_at[23] == 0);  // H02
    CHECK(rs[0].weak_at[24] == 0);  // D01, not in the sheet at all
    CHECK_FALSE(rs[0].groups[3].complete);
    CHECK(rs[0].groups[0].complete);
}

TEST_CASE("ties share a rank and the next rank skips: 1, 2, 2, 4", "[scoring]") {
    std::vector<SheetResult> rs(5);
    rs[0].ik = 280;
    rs[1].ik = 300;
    rs[2].ik = 280;
    rs[3].ik = 250;
    // rs[4] incomplete
    assign_ranks(rs);
    CHECK(rs[1].rank == 1);
    CHECK(rs[0].rank == 2);
    CHECK(rs[2].rank == 2);
    CHECK(rs[3].rank == 4);
    CHECK_FALSE(rs[4].rank);
}

TEST_CASE("a round lists its sheets by rank, ties and unranked sheets by LSP name, unranked last", "[scoring]") {
    auto sheet = [](const std::string& id, std::optional<int> rank) {
        SheetResult s;
        s.lsp_id = id;
        s.rank = rank;
        s.complete = rank.has_value();
        return s;
    };
    const std::string a = "LSP Uji A", b = "LSP Uji B", c = "LSP Uji C";
    // Names decide ties, not ids: "lsp-z" is registered as "LSP Uji A".
    const std::unordered_map<std::string, const std::string*> names = {{"lsp-z", &a}, {"lsp-b", &b}, {"lsp-c", &c}};
    std::vector<SheetResult> rs = {sheet("lsp-c", std::nullopt), sheet("lsp-b", 1), sheet("lsp-z", std::nullopt)};
    CHECK(listing_order(rs, names) == std::vector<std::size_t>{1, 2, 0});
    rs = {sheet("lsp-c", 1), sheet("lsp-b", 3), sheet("lsp-z", 1)};  // a tie for first
    CHECK(listing_order(rs, names) == std::vector<std::size_t>{2, 0, 1});
    // An LSP missing from the registry goes by its id, here before "LSP Uji B".
    rs = {sheet("lsp-b", 1), sheet("LSP Tak Terdaftar", 1)};
    CHECK(listing_order(rs, names) == std::vector<std::size_t>{1, 0});
}

TEST_CASE("compute keeps each round's listing order", "[scoring]") {
    Content content;
    content.indicators = circular_catalogue();
    content.categories = circular_table();
    Data data;
    for (const auto& [id, name] : std::vector<std::pair<std::string, std::string>>{{"a", "Zeta"}, {"b", "Alfa"}, {"c", "Beta"}}) {
        Lsp lsp;
        lsp.id = id;
        lsp.name = name;
        data.lsps.push_back(lsp);
    }
    Round r;
    r.period = "2025-1";
    r.date = "2025-06-01";
    for (const auto& [id, total] : std::vector<std::pair<std::string, int>>{{"a", 260}, {"b", 240}, {"c", 260}})
        r.sheets.push_back(sheet_with_total(content.indicators, id, total));
    data.rounds.push_back(r);
    const auto res = compute(content, data);
    // a and c tie for first: Beta (c) before Zeta (a); then b.
    CHECK(res.rounds[0].ranked == std::vector<std::size_t>{2, 0, 1});
}

TEST_CASE("changes compare with the previous periodic round; incidental rounds do not replace it", "[scoring]") {
    Content content;
    content.indicators = circular_catalogue();
    content.categories = circular_table();
    Data data;
    auto round = [&](const std::string& period, RoundKind kind, const std::string& date,
                     std::vector<std::pair<std::string, int>> totals) {
        Round r;
        r.period = period;
        r.kind = kind;
        r.date = date;
        for (const auto& [id, total] : totals)
            r.sheets.push_back(sheet_with_total(content.indicators, id, total));
        data.rounds.push_back(r);
    };
    round("2025-1", RoundKind::rutin, "2025-06-01", {{"a", 260}, {"b", 240}});
    round("2025-i1", RoundKind::insidental, "2025-08-01", {{"a", 150}});
    round("2025-2", RoundKind::rutin, "2025-11-01", {{"a", 305}, {"b", 230}, {"c", 100}});
    // b's sheet in 2026-1 is incomplete: the next change for b compares with 2025-2.
    round("2026-1", RoundKind::rutin, "2026-05-01", {{"a", 305}, {"b", 200}});
    set(data.rounds[3].sheets[1], content.indicators, "K01", std::nullopt);
    round("2026-2", RoundKind::rutin, "2026-11-01", {{"b", 255}});
    // A draft is compared with the rounds before it, but no later round is compared with it.
    round("2027-1", RoundKind::rutin, "2027-05-01", {{"b", 300}});
    data.rounds.back().draft = true;
    round("2027-2", RoundKind::rutin, "2027-11-01", {{"b", 260}});

    const auto res = compute(content, data);
    const auto& inc = *res.rounds[1].find("a");
    CHECK(inc.delta == -110);  // incidental vs 2025-1
    CHECK(inc.previous_round == 0u);
    CHECK(inc.move == Move::down);

    const auto& a2 = *res.rounds[2].find("a");
    CHECK(a2.previous_round == 0u);  // not the incidental round
    CHECK(a2.delta == 45);
    CHECK(a2.move == Move::up);
    const auto& c2 = *res.rounds[2].find("c");
    CHECK_FALSE(c2.delta);
    CHECK(c2.move == Move::none);
    const auto& a3 = *res.rounds[3].find("a");
    CHECK(a3.delta == 0);
    CHECK(a3.move == Move::same);
    const auto& b4 = *res.rounds[4].find("b");
    CHECK(b4.previous_round == 2u);
    CHECK(b4.delta == 25);
    CHECK(b4.move == Move::up);

    const auto& draft = *res.rounds[5].find("b");
    CHECK(draft.previous_round == 4u);
    CHECK(draft.delta == 45);
    const auto& after_draft = *res.rounds[6].find("b");
    CHECK(after_draft.previous_round == 4u);  // 2026-2, not the draft
    CHECK(after_draft.delta == 5);
    CHECK(rounds_of(res, "b") == std::vector<std::size_t>{0, 2, 3, 4, 6});

    CHECK(res.latest_periodic == 6u);
    CHECK(res.current_round("a") == 3u);  // the incidental round never counts
    CHECK_FALSE(res.current_round("tidak-ada"));
    CHECK(rounds_of(res, "a") == std::vector<std::size_t>{0, 1, 2, 3});
    // Each appearance names the LSP's own sheet in that round.
    for (const auto& [id, appearances] : res.history)
        for (const auto& at : appearances) CHECK(res.rounds[at.round].sheets[at.sheet].lsp_id == id);

    const auto& r3 = res.rounds[3];
    CHECK(r3.complete_count == 1);
    CHECK(r3.incomplete_count == 1);
    CHECK(r3.category_counts == std::vector<int>{1, 0, 0, 0});
    REQUIRE(r3.mean_ik);
    CHECK(*r3.mean_ik == Approx(305));
    const auto& r2 = res.rounds[2];
    CHECK(*r2.mean_ik == Approx((305 + 230 + 100) / 3.0));
    CHECK(r2.category_counts == std::vector<int>{1, 0, 1, 1});
}

TEST_CASE("an IK outside every category gets none", "[scoring]") {
    CHECK_FALSE(category_of(circular_table(), 351));
    CHECK_FALSE(category_of(circular_table(), -1));
    CHECK(category_of(circular_table(), 300) == 1u);
}

TEST_CASE("what pages show per indicator is computed once: below half, percentages, rubric levels", "[scoring]") {
    auto cat = circular_catalogue();
    cat[0].rubric = {{0, 4, "rendah", ""}, {5, 7, "sedang", ""}, {8, 10, "tinggi", ""}};
    Content content;
    content.indicators = cat;
    content.categories = circular_table();
    Data data;
    Round round;
    round.kind = RoundKind::rutin;
    for (const auto& [id, m01] : std::vector<std::pair<std::string, int>>{{"a", 10}, {"b", 5}, {"c", 4}, {"d", 8}}) {
        auto sheet = sheet_with_total(cat, id, 0);
        set(sheet, cat, "M01", m01);
        round.sheets.push_back(sheet);
    }
    set(round.sheets[3], cat, "M02", std::nullopt);  // d has not been scored on M02
    data.rounds.push_back(round);
    const auto res = compute(content, data);
    const auto& rr = res.rounds[0];
    const auto& c = *rr.find("c");
    CHECK(c.weak_at[0] == 1);  // 4 of 10: below half
    CHECK(*res.percent(0, source_sheet(data, rr, c).score(0)) == Approx(40.0));
    CHECK(rr.find("b")->weak_at[0] == 0);  // 5 of 10 is half, not below
    // Each result knows its sheet (by position in the round), where its scores are read.
    CHECK(rr.find("d")->sheet == 3);
    CHECK(&source_sheet(data, rr, *rr.find("d")) == &data.rounds[0].sheets[3]);
    CHECK_FALSE(res.percent(1, source_sheet(data, rr, *rr.find("d")).score(1)));
    // The table holds every score from 0 to the maximum; anything else has no percentage.
    REQUIRE(res.score_percent.size() == cat.size());
    CHECK(res.score_percent[0].size() == 11);  // M01: 0..10
    CHECK(*res.percent(0, 0) == 0.0);
    CHECK(*res.percent(0, 10) == 100.0);
    CHECK_FALSE(res.percent(0, 11));
    CHECK_FALSE(res.percent(0, -1));
    CHECK_FALSE(res.percent(cat.size(), 1));
    CHECK(rr.find("d")->weak_at[1] == 0);
    const auto& m01 = rr.indicator_means[0];
    CHECK(m01.count == 4);
    CHECK(*m01.mean == Approx(6.75));
    CHECK(m01.below_half == 1);
    CHECK(m01.level_counts == std::vector<int>{1, 1, 2});
    CHECK(rr.indicator_means[1].count == 3);
    CHECK(rr.indicator_means[1].below_half == 3);  // zeros
    CHECK(below_half(4, 10));
    CHECK_FALSE(below_half(5, 10));
    CHECK(below_half(6, 13));
    CHECK_FALSE(below_half(7, 13));
}
