/// The publication ledger's arithmetic as pure functions: the figures a
/// release records, what the public last saw, what changed since, and where
/// each round and sheet stands (first release, corrections).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/types.h"
#include "scoring/scoring.h"

namespace pepgen {

/// Every non-draft round's figures as a release records them, from computed results;
/// with `only`, just the rounds of those periods (the ones a release holds, to compare).
std::vector<PublishedRound> published_figures(const Content& content, const Data& data, const Results& results,
                                              const std::set<std::string>* only = nullptr);

/// What the public last saw: the newest release's figures with every later
/// correction applied, by period. Empty before the first release.
std::map<std::string, PublishedRound> expected_figures(const Ledger& ledger);

struct FigureChanges {
    std::vector<ScoreChange> changes;        ///< scores (and sheets) that differ, catalogue order
    std::vector<Consequence> consequences;   ///< every sheet whose IK, category or rank differs
    bool empty() const { return changes.empty() && consequences.empty(); }
};

/// The released figures that `current` changes, round by round; rounds never
/// released are free to change and not compared.
FigureChanges figure_changes(const std::map<std::string, PublishedRound>& expected,
                             const std::vector<PublishedRound>& current, const std::vector<Indicator>& catalogue);

/// SHA-256 over the first n corrections, field by field: a release records it,
/// so a correction edited or dropped after its release shows.
std::string corrections_digest(const std::vector<Correction>& corrections, std::size_t n);

/// Where every round and sheet stands in the ledger.
Publication publication_of(const Ledger& ledger);

}  // namespace pepgen
