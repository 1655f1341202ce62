/// The first three stages as one call, shared by `build`, `check` and
/// `publish`: load content and data, validate them, compute the results.
#pragma once

#include <filesystem>
#include <optional>

#include "data/round_cache.h"
#include "util/diagnostic.h"
#include "model/types.h"
#include "scoring/publication.h"
#include "scoring/scoring.h"
#include "stats/consistency.h"

namespace pepgen {

struct ProjectOptions {
    bool include_drafts = true;     ///< false for publish: draft rounds are left out before anything is computed
    bool allow_unrecorded = false;  ///< true for correct: changed released figures are what it records
    std::string today;              ///< the publication day for review-window warnings; empty: the current date
    std::optional<RoundCache> round_cache;  ///< round files parsed by an earlier build (build and serve)
};

struct Project {
    Content content;
    Data data;
    std::optional<Results> results;  ///< only when there were no errors
    std::map<std::string, DatasetCheck> stat_checks;  ///< dataset id -> its consistency check
    FigureChanges unrecorded;        ///< released figures that differ from the ledger
    std::vector<std::string> drafts_left_out;  ///< periods of draft rounds left out (include_drafts false)
};

Project load_project(const std::filesystem::path& root, Diagnostics& diags, const ProjectOptions& options = {});

}  // namespace pepgen
