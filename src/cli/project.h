/// The first three stages as one call, shared by `build` and `check`:
/// load content and data, validate them, compute the results.
#pragma once

#include <filesystem>
#include <optional>

#include "util/diagnostic.h"
#include "model/types.h"
#include "scoring/scoring.h"
#include "stats/consistency.h"

namespace pepgen {

struct Project {
    Content content;
    Data data;
    std::optional<Results> results;  ///< only when there were no errors
    std::map<std::string, DatasetCheck> stat_checks;  ///< dataset id -> its consistency check
};

Project load_project(const std::filesystem::path& root, Diagnostics& diags);

}  // namespace pepgen
