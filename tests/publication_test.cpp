// The ledger's arithmetic: what the public last saw, what changed since,
// the corrections digest, and where each round and sheet stands.
#include <catch2/catch.hpp>

#include "scoring/publication.h"
#include "test_support.h"

using namespace pepgen;

namespace {

PublishedSheet sheet(const std::string& id, int m01, int p01, int ik, const std::string& cat, std::optional<int> rank) {
    return PublishedSheet{id, {{"M01", m01}, {"P01", p01}}, ik, cat, rank};
}

std::vector<Indicator> catalogue() {
    Indicator m, p;
    m.code = "M01";
    p.code = "P01";
    p.group = Group::proses;
    return {m, p};
}

Ledger one_release() {
    Ledger l;
    Release r;
    r.number = 1;
    r.date = "2026-01-10";
    r.rounds.push_back({"2025-2", {sheet("a", 9, 18, 27, "tengah", 1), sheet("b", 6, 12, 18, "bawah", 2)}});
    l.releases.push_back(r);
    return l;
}

}  // namespace

TEST_CASE("no change since the release gives no figure change", "[publication]") {
    const auto ledger = one_release();
    const auto changes = figure_changes(expected_figures(ledger), ledger.releases[0].rounds, catalogue());
    CHECK(changes.empty());
}

TEST_CASE("a changed score is named with what followed for its LSP and for others", "[publication]") {
    const auto ledger = one_release();
    std::vector<PublishedRound> now = {{"2025-2", {sheet("a", 9, 18, 27, "tengah", 2), sheet("b", 10, 20, 30, "atas", 1)}}};
    const auto changes = figure_changes(expected_figures(ledger), now, catalogue());
    REQUIRE(changes.changes.size() == 2);
    CHECK(changes.changes[0].lsp_id == "b");
    CHECK(changes.changes[0].code == "M01");
    CHECK(changes.changes[0].old_value == 6);
    CHECK(changes.changes[0].new_value == 10);
    CHECK(changes.changes[1].code == "P01");
    REQUIRE(changes.consequences.size() == 2);
    CHECK(changes.consequences[0].lsp_id == "a");
    CHECK(changes.consequences[0].rank_changed);
    CHECK_FALSE(changes.consequences[0].ik_changed);
    CHECK(changes.consequences[1].lsp_id == "b");
    CHECK(changes.consequences[1].ik_changed);
    CHECK(changes.consequences[1].category_changed);
    CHECK(changes.consequences[1].old_category == "bawah");
}

TEST_CASE("rounds never released are free; a released round or sheet that disappears is a change", "[publication]") {
    const auto ledger = one_release();
    std::vector<PublishedRound> now = {{"2025-2", {sheet("a", 9, 18, 27, "tengah", 1)}},
                                       {"2026-1", {sheet("a", 1, 1, 2, "bawah", 1)}}};
    const auto changes = figure_changes(expected_figures(ledger), now, catalogue());
    REQUIRE_FALSE(changes.changes.empty());
    CHECK(changes.changes[0].lsp_id == "b");
    CHECK(changes.changes[0].sheet_removed);
    for (const auto& c : changes.changes) CHECK(c.period == "2025-2");
    const auto gone = figure_changes(expected_figures(ledger), {}, catalogue());
    CHECK(gone.changes.size() >= 2);
}

TEST_CASE("corrections after the newest release are what the public now sees", "[publication]") {
    auto ledger = one_release();
    Correction c;
    c.number = 1;
    c.date = "2026-01-11";
    c.reason = "r";
    c.basis = "sanggahan";
    c.changes = {ScoreChange{"2025-2", "b", "M01", 6, 10, false, false}};
    Consequence qb{"2025-2", "b", 18, 22, "bawah", "tengah", 2, 2, true, true, false};
    c.consequences = {qb};
    ledger.corrections.push_back(c);
    const auto expected = expected_figures(ledger);
    const auto& b = expected.at("2025-2").sheets[1];
    CHECK(b.scores.at("M01") == 10);
    CHECK(b.ik == 22);
    CHECK(b.category == "tengah");
    CHECK(b.rank == 2);
    std::vector<PublishedRound> now = {{"2025-2", {sheet("a", 9, 18, 27, "tengah", 1), sheet("b", 10, 12, 22, "tengah", 2)}}};
    CHECK(figure_changes(expected, now, catalogue()).empty());
    // Once a release includes it, the release's own figures are the baseline.
    ledger.releases[0].corrections = 1;
    CHECK_FALSE(figure_changes(expected_figures(ledger), now, catalogue()).empty());
}

TEST_CASE("the corrections digest changes with any field of any included correction", "[publication]") {
    std::vector<Correction> list(2);
    list[0].number = 1;
    list[0].reason = "a";
    list[0].changes = {ScoreChange{"p", "x", "M01", 1, 2, false, false}};
    list[1].number = 2;
    const auto base = corrections_digest(list, 2);
    CHECK(base.size() == 64);
    CHECK(corrections_digest(list, 1) != base);
    CHECK(corrections_digest(list, 0) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    auto edited = list;
    edited[0].reason = "b";
    CHECK(corrections_digest(edited, 2) != base);
    edited = list;
    edited[0].changes[0].new_value = 3;
    CHECK(corrections_digest(edited, 2) != base);
    edited = list;
    edited[1].date = "2026-01-01";
    CHECK(corrections_digest(edited, 1) == corrections_digest(list, 1));  // only the first n count
    CHECK(corrections_digest(edited, 2) != base);
}

TEST_CASE("publication_of: first release per round, own corrections apart from consequences", "[publication]") {
    auto ledger = one_release();
    Release r2;
    r2.number = 2;
    r2.date = "2026-02-01";
    r2.rounds = {{"2025-2", {}}, {"2026-1", {}}};
    ledger.releases.push_back(r2);
    Correction c;
    c.number = 1;
    c.date = "2026-01-11";
    c.changes = {ScoreChange{"2025-2", "b", "M01", 6, 10, false, false}};
    c.consequences = {Consequence{"2025-2", "a", 27, 27, "", "", 1, 2, false, false, true}};
    ledger.corrections.push_back(c);
    const auto pub = publication_of(ledger);
    CHECK(pub.round("2025-2")->first_release == 1);
    CHECK(pub.round("2026-1")->first_release == 2);
    CHECK(pub.round("2026-1")->first_date == "2026-02-01");
    CHECK(pub.round("2025-2")->last_correction_date == "2026-01-11");
    CHECK(pub.sheet("2025-2", "b")->corrections == std::vector<int>{1});
    CHECK(pub.sheet("2025-2", "a")->corrections.empty());
    CHECK(pub.sheet("2025-2", "a")->consequences == std::vector<int>{1});
    CHECK(pub.pending_corrections == 1);
    CHECK(pub.round("2030-1") == nullptr);
}

TEST_CASE("published figures can be gathered for the released rounds only", "[publication]") {
    const auto fm = test::fixture_model();
    const auto& m = *fm->model;
    const auto all = published_figures(m.content, m.data, m.results);
    REQUIRE(all.size() == 3);
    const std::set<std::string> released = {"2025-2"};
    const auto some = published_figures(m.content, m.data, m.results, &released);
    REQUIRE(some.size() == 1);
    CHECK(some[0].period == "2025-2");
    CHECK(some[0].sheets.size() == all[2].sheets.size());
    const std::set<std::string> none;
    CHECK(published_figures(m.content, m.data, m.results, &none).empty());
}
