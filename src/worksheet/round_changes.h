/// What an import changes in a round, line by line for the team to read
/// before (with --coba) or after it is written: scores old → new per LSP,
/// notes and recommendations changed, LSPs added or dropped.
#pragma once

#include <string>
#include <vector>

#include "model/types.h"

namespace pepgen {

struct RoundChanges {
    std::vector<std::string> lines;  ///< Indonesian, one per LSP touched
    std::size_t scores_changed = 0;
    std::size_t lsps_changed = 0;
    std::size_t lsps_added = 0;
    std::size_t lsps_removed = 0;
    bool none() const { return lines.empty(); }
};

/// `before` is the round file as it was (empty sheets when it did not exist).
RoundChanges round_changes(const std::vector<ScoreSheet>& before, const std::vector<ScoreSheet>& after,
                           const std::vector<Indicator>& indicators);

}  // namespace pepgen
