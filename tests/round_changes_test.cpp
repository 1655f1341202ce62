#include <catch2/catch.hpp>

#include "worksheet/round_changes.h"

using namespace pepgen;

namespace {

ScoreSheet sheet(const std::string& id, std::vector<std::optional<int>> scores, const std::string& notes = "") {
    ScoreSheet s;
    s.lsp_id = id;
    for (std::size_t k = 0; k < scores.size(); ++k) s.set_score(k, scores[k]);
    s.notes_markdown = notes;
    return s;
}

std::vector<Indicator> catalogue() {
    std::vector<Indicator> out(2);
    out[0].code = "M01";
    out[1].code = "P01";
    return out;
}

}  // namespace

TEST_CASE("round changes list each score old to new, notes, LSPs added and dropped, and count them", "[round_changes]") {
    const std::vector<ScoreSheet> before = {sheet("lsp-a", {9, 18}), sheet("lsp-b", {5, std::nullopt}),
                                            sheet("lsp-c", {std::nullopt, std::nullopt})};
    const std::vector<ScoreSheet> after = {sheet("lsp-a", {9, 18}), sheet("lsp-b", {6, 12}, "Naik."),
                                           sheet("lsp-d", {1, std::nullopt})};
    const auto c = round_changes(before, after, catalogue());
    REQUIRE(c.lines.size() == 3);
    CHECK(c.lines[0] == "lsp-b: M01 5 → 6, P01 (kosong) → 12, catatan diubah");
    CHECK(c.lines[1] == "lsp-d: baru di putaran ini; M01 (kosong) → 1");
    CHECK(c.lines[2].rfind("lsp-c: dikeluarkan dari putaran ini", 0) == 0);
    CHECK(c.scores_changed == 3);
    CHECK(c.lsps_changed == 2);
    CHECK(c.lsps_added == 1);
    CHECK(c.lsps_removed == 1);
    CHECK(round_changes(after, after, catalogue()).none());
}
