/// Loads the statistics tables in data/statistik/*.json: one dataset per
/// file, each figure as printed, with declared totals and statements.
#pragma once

#include <filesystem>
#include <vector>

#include "util/diagnostic.h"
#include "model/stats.h"

namespace pepgen {

std::vector<Dataset> load_datasets(const std::filesystem::path& root, Diagnostics& diags);

/// Decimals needed to write v as it was written (98.96 -> 2, 8.4 -> 1, 100 -> 0).
int decimals_of(double v);

}  // namespace pepgen
