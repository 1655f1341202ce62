// model/types: positional scores (ScoreSheet::score, line_of, set_score), code_positions,
// Round::find_sheet with and without its index, and the indicator groups.
#include <catch2/catch.hpp>

#include "model/types.h"
#include "test_support.h"

using namespace pepgen;

TEST_CASE("a sheet's score at a position past its end is not given, not zero", "[types]") {
    ScoreSheet s;
    s.scores = {8, std::nullopt};
    CHECK(s.score(0) == 8);
    CHECK_FALSE(s.score(1));  // null: not scored yet
    CHECK_FALSE(s.score(2));  // past the end: not scored either
    CHECK_FALSE(ScoreSheet{}.score(0));
}

TEST_CASE("set_score grows the sheet to the position and leaves the new slots unscored", "[types]") {
    ScoreSheet s;
    s.set_score(2, 7);
    REQUIRE(s.scores.size() == 3);
    CHECK_FALSE(s.score(0));
    CHECK_FALSE(s.score(1));
    CHECK(s.score(2) == 7);
    CHECK(s.score_line_offsets.empty());  // no line given: none recorded
    s.set_score(0, 4);
    CHECK(s.scores.size() == 3);  // never shrinks
    CHECK(s.score(0) == 4);
    s.set_score(2, std::nullopt);  // a score taken back
    CHECK_FALSE(s.score(2));
    CHECK(s.scores.size() == 3);
}

TEST_CASE("line_of gives a score's own line, else the sheet's", "[types]") {
    ScoreSheet s;
    s.source_line = 10;
    s.set_score(1, 5, 12);
    REQUIRE(s.score_line_offsets.size() == 2);
    CHECK(s.line_of(1) == 12);
    CHECK(s.line_of(0) == 10);  // slot grown without a line (0): the sheet's line
    CHECK(s.line_of(5) == 10);  // past the end
    s.set_score(1, 6);          // a new value without a line keeps the line it had
    CHECK(s.line_of(1) == 12);
    s.set_score(3, 1, 14);
    CHECK(s.score_line_offsets == std::vector<std::int16_t>{0, 2, 0, 4});  // counted from the sheet's line
    CHECK(s.line_of(2) == 10);
    CHECK(s.line_of(3) == 14);
}

TEST_CASE("a score's line before its sheet's, or too far from it to hold, still points into the sheet", "[types]") {
    ScoreSheet s;
    s.source_line = 40000;
    s.set_score(0, 1, 39990);  // a sheet that names its LSP after its scores
    CHECK(s.line_of(0) == 39990);
    s.set_score(1, 2, 40000 + 40000);  // farther than 16 bits reach: the sheet's own line
    CHECK(s.line_of(1) == 40000);
    CHECK(s.score(1) == 2);
}

TEST_CASE("a sheet holds scores 0 to kMaxStoredScore and refuses others", "[types]") {
    ScoreSheet s;
    s.set_score(0, kMaxStoredScore);
    CHECK(s.score(0) == kMaxStoredScore);
    s.set_score(1, 0);
    CHECK(s.score(1) == 0);
    CHECK_THROWS_AS(s.set_score(0, kMaxStoredScore + 1), std::out_of_range);
    CHECK_THROWS_AS(s.set_score(0, -1), std::out_of_range);
    CHECK(s.score(0) == kMaxStoredScore);  // unchanged by the refused value
}

TEST_CASE("code_positions maps each catalogue code to its index", "[types]") {
    const auto positions = code_positions(test::fixture_catalogue());  // M01, P01, D01
    CHECK(positions.size() == 3);
    CHECK(positions.at("M01") == 0);
    CHECK(positions.at("P01") == 1);
    CHECK(positions.at("D01") == 2);
    CHECK(positions.find("X99") == positions.end());
    CHECK(code_positions({}).empty());
}

TEST_CASE("find_sheet finds an LSP's sheet by scanning, or through sheet_index when the loader filled it",
          "[types]") {
    Round r;
    r.sheets.resize(3);
    r.sheets[0].lsp_id = "lsp-a";
    r.sheets[1].lsp_id = "lsp-b";
    r.sheets[2].lsp_id = "lsp-c";
    // Without an index: a scan.
    REQUIRE(r.find_sheet("lsp-b") == &r.sheets[1]);
    CHECK(r.find_sheet("lsp-x") == nullptr);
    // With an index, the index decides: it is what the loader built, scanned no more.
    r.index_sheets();
    CHECK(r.find_sheet("lsp-c") == &r.sheets[2]);
    CHECK(r.find_sheet("lsp-x") == nullptr);
    r.sheets.push_back(r.sheets[0]);
    r.sheets.back().lsp_id = "lsp-d";
    CHECK(r.find_sheet("lsp-d") == nullptr);  // in sheets, but not in the index
    // Emptied (as after a merge reorders the sheets), the scan is back.
    r.sheet_index.clear();
    CHECK(r.find_sheet("lsp-d") == &r.sheets[3]);
}

TEST_CASE("the five groups come in the circular's order, and front-matter keys name them", "[types]") {
    const auto& groups = all_groups();
    REQUIRE(groups.size() == 5);
    const std::vector<std::string> keys = {"masukan", "proses", "keluaran", "hasil", "dampak"};
    const std::vector<std::string> prefixes = {"M", "P", "K", "H", "D"};
    for (std::size_t i = 0; i < groups.size(); ++i) {
        CHECK(groups[i].key == keys[i]);
        CHECK(groups[i].prefix == prefixes[i]);
        CHECK(static_cast<std::size_t>(groups[i].group) == i);
        CHECK(group_from_key(keys[i]) == groups[i].group);
        CHECK(&group_info(groups[i].group) == &groups[i]);
    }
    CHECK(std::string(group_info(Group::keluaran).label) == "Keluaran");
    CHECK(std::string(group_info(Group::hasil).gloss) == "Outcome");
    CHECK_FALSE(group_from_key("Masukan"));  // keys are exact, lower case
    CHECK_FALSE(group_from_key("input"));
    CHECK_FALSE(group_from_key(""));
}
