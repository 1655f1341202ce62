/// Loads the statistics tables in data/statistik/*.json: one dataset per
/// file, each figure as printed, with declared totals and statements.
#pragma once

#include <filesystem>
#include <vector>

#include "util/diagnostic.h"
#include "model/stats.h"

namespace pepgen {

std::vector<Dataset> load_datasets(const std::filesystem::path& root, Diagnostics& diags);

}  // namespace pepgen
