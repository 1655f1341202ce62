/// Figures of a statistics dataset in its columns' own Indonesian formats
/// (rupiah, percent, plain numbers), for tables, charts and messages alike.
#pragma once

#include <string>

#include "model/stats.h"

namespace pepgen {

/// Decimals needed to write v as it was written (98.96 -> 2, 8.4 -> 1, 100 -> 0).
int decimals_of(double v);
/// A figure in the dataset's own format: 1.821, Rp86.911.383.000, 98,96%.
std::string format_stat(double v, const StatColumn& col);
/// Shorter form for chart axes: Rp86,9 miliar, 51.101.
std::string format_stat_short(double v, const StatColumn& col);
/// A cell as the table shows it: its figure, its text, or a dash when blank.
std::string stat_cell_text(const Dataset& ds, std::size_t row, std::size_t col);

}  // namespace pepgen
