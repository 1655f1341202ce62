/// The circular's arithmetic as pure functions over plain structs: IK,
/// categories, group subtotals, ranks, changes between rounds and the
/// indicators that need attention. No files, no formatting.
#pragma once

#include <array>
#include <map>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

#include "model/types.h"

namespace pepgen {

struct GroupScore {
    Group group = Group::masukan;
    int score = 0;       ///< sum of the scored indicators of the group
    int max = 0;         ///< sum of the group's maxima
    bool complete = true;
    double percent = 0;  ///< score / max * 100 (only meaningful when complete)
};

enum class Move { none, up, same, down };

struct SheetResult {
    std::string lsp_id;
    /// The sheet it was computed from: Data::rounds[RoundResult::round].sheets[sheet]. Its
    /// scores are read there (see source_sheet), not copied: a national run holds 100,000 sheets.
    std::size_t sheet = 0;
    bool complete = false;
    std::vector<std::string> missing;      ///< codes without a score
    std::optional<int> ik;                 ///< only when complete
    std::optional<std::size_t> category;   ///< index into CategoryTable::categories (0 = best)
    /// One per group, circular order. Held in the result: a national run scores 100,000 sheets.
    std::array<GroupScore, kGroupCount> groups;
    std::optional<int> rank;               ///< within the round; ties share a rank
    // Against the LSP's previous periodic round with a complete sheet.
    std::optional<std::size_t> previous_round;  ///< index into Data::rounds
    std::optional<int> delta;
    Move move = Move::none;
    std::vector<char> weak_at;             ///< per indicator, catalogue order: scored below half its maximum
    // An indicator's score as a percentage of its maximum is in Results::score_percent:
    // one table for every sheet, since a national run holds over 100,000 sheets.
};

struct IndicatorAverage {
    std::string code;
    std::optional<double> mean;  ///< over the sheets that scored it
    int count = 0;
    int below_half = 0;            ///< sheets that scored it below half its maximum
    std::vector<int> level_counts; ///< sheets per rubric level, in the rubric's order
};

struct RoundResult {
    std::size_t round = 0;                 ///< index into Data::rounds
    std::vector<SheetResult> sheets;       ///< in the round file's order
    std::vector<int> category_counts;      ///< per category, complete sheets only
    int complete_count = 0;
    int incomplete_count = 0;
    std::optional<double> mean_ik;
    std::vector<std::optional<double>> group_mean_percent;  ///< per group, complete sheets
    std::vector<IndicatorAverage> indicator_means;          ///< catalogue order
    IdIndex by_lsp;                                         ///< lsp id -> index into sheets
    /// Positions in `sheets` in the order the round's pages list them: by rank, unranked
    /// last, ties by the LSP's registered name (its id when not registered).
    std::vector<std::size_t> ranked;

    const SheetResult* find(const std::string& lsp_id) const;
};

/// Where each round and sheet stands in the publication ledger, for readers:
/// when first released, which corrections touched it.
struct RoundPublication {
    int first_release = 0;           ///< 0: never released
    std::string first_date;          ///< that release's date
    std::string last_correction_date;
    std::vector<int> corrections;    ///< correction numbers that changed a score in this round
};

struct SheetPublication {
    std::vector<int> corrections;    ///< corrections that changed this sheet's scores
    std::vector<int> consequences;   ///< corrections of others that moved this sheet's figures
};

struct Publication {
    std::map<std::string, RoundPublication> rounds;                          ///< by period
    std::map<std::string, std::map<std::string, SheetPublication>> sheets;  ///< period -> lsp id
    std::size_t pending_corrections = 0;  ///< corrections recorded after the newest release

    const RoundPublication* round(const std::string& period) const;
    const SheetPublication* sheet(const std::string& period, const std::string& lsp_id) const;
};

struct Results {
    std::vector<RoundResult> rounds;                        ///< parallel to Data::rounds
    std::optional<std::size_t> latest_periodic;             ///< index of the newest rutin round
    /// Where an LSP's sheet is in one round: indices into Results::rounds and that round's sheets.
    struct Appearance {
        std::size_t round = 0, sheet = 0;
    };
    /// lsp id -> every round with a sheet of the LSP, oldest first, and where the sheet is
    /// (every scorecard and export walks it: no look-up by id per round).
    std::unordered_map<std::string, std::vector<Appearance>> history;
    /// lsp id -> the newest periodic round in which the LSP has a sheet
    std::unordered_map<std::string, std::size_t> current_periodic;
    Publication publication;
    /// Per indicator (catalogue order), per possible score 0..maximum: score / maximum * 100.
    std::vector<std::vector<double>> score_percent;

    /// Indicator k's score as a percentage of its maximum; none when not scored (or outside 0..maximum).
    std::optional<double> percent(std::size_t k, std::optional<int> score) const;
    /// The LSP's current periodic round, if it has one.
    std::optional<std::size_t> current_round(const std::string& lsp_id) const;
};

/// The circular's rule for an indicator that needs attention: below half its maximum.
inline bool below_half(int score, int max) { return score * 2 < max; }

/// Index of the category containing ik, or nothing when no category does.
std::optional<std::size_t> category_of(const CategoryTable& table, int ik);

SheetResult score_sheet(const std::vector<Indicator>& catalogue, const CategoryTable& table, const ScoreSheet& sheet);

/// The sheet a result of the round was computed from.
inline const ScoreSheet& source_sheet(const Data& data, const RoundResult& rr, const SheetResult& s) {
    return data.rounds.at(rr.round).sheets.at(s.sheet);
}

/// Competition ranking of complete sheets by IK, highest first: 1, 2, 2, 4.
void assign_ranks(std::vector<SheetResult>& sheets);

/// Whole computation for all rounds. Assumes validated input.
/// The order a round's pages list its sheets in (RoundResult::ranked): positions in
/// `sheets`, by rank, unranked last, ties by name (lsp id -> registered name; the id when absent).
std::vector<std::size_t> listing_order(const std::vector<SheetResult>& sheets,
                                       const std::unordered_map<std::string, const std::string*>& names);

Results compute(const Content& content, const Data& data);

}  // namespace pepgen
