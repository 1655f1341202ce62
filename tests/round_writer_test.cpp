// data/round_writer: a round written back as its JSON file (round_json, add_sheet_fields), byte for byte,
// and read back by load_round to the same round.
#include <catch2/catch.hpp>

#include "data/data_loader.h"
#include "data/round_writer.h"
#include "test_support.h"

using namespace pepgen;

namespace {

/// A round of two sheets: LSP A scored on M01 and D01 only, LSP B with its scores shorter than the catalogue.
Round sample_round() {
    Round r;
    r.period = "2026-i1";
    r.kind = RoundKind::insidental;
    r.date = "2026-03-15";
    r.title = "Penilaian <Khusus> & Lanjutan";
    r.team = {{"Penilai Satu", "BNSP"}, {"Penilai Dua", ""}};
    ScoreSheet a;
    a.lsp_id = "lsp-a";
    a.set_score(2, 7);  // D01 first: the order scores are given in does not matter
    a.set_score(0, 8);
    a.notes_markdown = "Catatan **tebal**.";
    a.recommendations_markdown = {"Satu.", "Dua."};
    ScoreSheet b;
    b.lsp_id = "lsp-b";
    b.scores = {5};  // P01 and D01 beyond the end: not scored
    r.sheets = {a, b};
    return r;
}

}  // namespace

TEST_CASE("round_json writes every field, and scores in catalogue order with null for the missing ones",
          "[round_writer]") {
    // Catalogue order M01, P01, D01 is not alphabetical: the keys follow it.
    CHECK(round_json(sample_round(), test::fixture_catalogue()) ==
          "{\n"
          "  \"periode\": \"2026-i1\",\n"
          "  \"jenis\": \"insidental\",\n"
          "  \"tanggal\": \"2026-03-15\",\n"
          "  \"judul\": \"Penilaian <Khusus> & Lanjutan\",\n"  // a file people edit: < > & kept as they are
          "  \"tim\": [\n"
          "    {\"nama\": \"Penilai Satu\", \"instansi\": \"BNSP\"},\n"
          "    {\"nama\": \"Penilai Dua\", \"instansi\": \"\"}\n"
          "  ],\n"
          "  \"hasil\": [\n"
          "    {\n"
          "      \"lsp\": \"lsp-a\",\n"
          "      \"skor\": {\"M01\": 8, \"P01\": null, \"D01\": 7},\n"
          "      \"catatan\": \"Catatan **tebal**.\",\n"
          "      \"rekomendasi\": [\"Satu.\", \"Dua.\"]\n"
          "    },\n"
          "    {\n"
          "      \"lsp\": \"lsp-b\",\n"
          "      \"skor\": {\"M01\": 5, \"P01\": null, \"D01\": null},\n"
          "      \"catatan\": \"\",\n"
          "      \"rekomendasi\": []\n"
          "    }\n"
          "  ]\n"
          "}\n");
}

TEST_CASE("a score is written under the code of its position, whatever the catalogue's order", "[round_writer]") {
    auto catalogue = test::fixture_catalogue();
    std::swap(catalogue[0], catalogue[2]);  // D01, P01, M01
    Round r;
    r.period = "2026-1";
    r.date = "2026-01-01";
    ScoreSheet s;
    s.lsp_id = "lsp-a";
    s.scores = {1, std::nullopt, 3};
    r.sheets = {s};
    CHECK_THAT(round_json(r, catalogue), Catch::Matchers::Contains("\"skor\": {\"D01\": 1, \"P01\": null, \"M01\": 3}"));
    CHECK_THAT(round_json(r, catalogue), Catch::Matchers::Contains("\"jenis\": \"rutin\""));
}

TEST_CASE("the same round gives the same bytes, however its scores were set", "[round_writer]") {
    const auto catalogue = test::fixture_catalogue();
    auto other = sample_round();
    // The same scores for LSP A, set in catalogue order and with lines this time.
    other.sheets[0].scores.clear();
    other.sheets[0].set_score(0, 8, 4);
    other.sheets[0].set_score(1, std::nullopt, 5);
    other.sheets[0].set_score(2, 7, 6);
    CHECK(round_json(other, catalogue) == round_json(sample_round(), catalogue));
    // A different score is different bytes.
    other.sheets[0].set_score(1, 0);
    CHECK(round_json(other, catalogue) != round_json(sample_round(), catalogue));
}

TEST_CASE("round_json output loads back with load_round to an equal round, and writes again to the same bytes",
          "[round_writer]") {
    test::TempDir dir;
    const auto catalogue = test::fixture_catalogue();
    const auto original = sample_round();
    const auto bytes = round_json(original, catalogue);
    const auto path = dir / "data/penilaian/2026-i1.json";
    test::write_file(path, bytes);
    Diagnostics d;
    const auto loaded = load_round(dir.path(), path, catalogue, d);
    INFO(test::all_messages(d));
    CHECK(d.items().empty());
    REQUIRE(loaded);
    CHECK(loaded->period == original.period);
    CHECK(loaded->kind == original.kind);
    CHECK(loaded->date == original.date);
    CHECK(loaded->title == original.title);
    REQUIRE(loaded->team.size() == 2);
    CHECK(loaded->team[0].name == "Penilai Satu");
    CHECK(loaded->team[0].agency == "BNSP");
    CHECK(loaded->team[1].name == "Penilai Dua");
    CHECK(loaded->team[1].agency.empty());
    CHECK(loaded->source_file == "data/penilaian/2026-i1.json");
    REQUIRE(loaded->sheets.size() == original.sheets.size());
    for (std::size_t i = 0; i < original.sheets.size(); ++i) {
        const auto& want = original.sheets[i];
        const auto& got = loaded->sheets[i];
        INFO(want.lsp_id);
        CHECK(got.lsp_id == want.lsp_id);
        CHECK(got.scores.size() == catalogue.size());  // the loader holds one slot per indicator
        for (std::size_t k = 0; k < catalogue.size(); ++k) CHECK(got.score(k) == want.score(k));
        CHECK(got.notes_markdown == want.notes_markdown);
        CHECK(got.recommendations_markdown == want.recommendations_markdown);
        CHECK(got.stray.empty());
    }
    // Scores point at their own lines: LSP A's "skor" line is line 13 of the file above.
    CHECK(loaded->sheets[0].line_of(0) == 13);
    CHECK(round_json(*loaded, catalogue) == bytes);
}

TEST_CASE("add_sheet_fields adds skor, catatan and rekomendasi to an object that has other fields", "[round_writer]") {
    boost::json::object out;
    out["lsp"] = "lsp-b";
    ScoreSheet s;
    s.scores = {std::nullopt, 12};
    s.recommendations_markdown = {"Perbaiki."};
    add_sheet_fields(out, s, test::fixture_catalogue());
    CHECK(boost::json::serialize(out) ==
          R"({"lsp":"lsp-b","skor":{"M01":null,"P01":12,"D01":null},"catatan":"","rekomendasi":["Perbaiki."]})");
}
