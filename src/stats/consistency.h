/// Recomputes what a statistics table declares (derived columns, the printed
/// totals row, figures stated elsewhere in the source) and lists every
/// disagreement. Pure: the data is never "fixed", only compared.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/stats.h"
#include "util/diagnostic.h"

namespace pepgen {

struct Finding {
    enum class Scope { cell, total, statement };
    Scope scope = Scope::cell;
    std::size_t row = 0;         ///< for cell findings
    std::string column;          ///< column key (cell, total, column_sum statements)
    std::size_t statement = 0;   ///< for statement findings
    double declared = 0;
    double computed = 0;
    int decimals = 0;
};

/// Sum of a numeric column over all rows; blanks count as zero.
double column_sum(const Dataset& ds, const std::string& key);

/// A derived cell recomputed from its row, or nothing when an operand is blank.
std::optional<double> compute_cell(const Dataset& ds, std::size_t row, const StatColumn& col);

/// The totals-row value recomputed from the rows, or nothing for columns
/// whose total is not a sum (percentages without a formula, text).
std::optional<double> compute_total(const Dataset& ds, const StatColumn& col);

double compute_statement(const Dataset& ds, const StatStatement& st);

/// A dataset checked against itself: every disagreement, and the recomputed
/// figures a page shows beside the printed ones, so no later stage recomputes them.
struct DatasetCheck {
    std::vector<Finding> findings;  ///< where a declared figure differs from its recomputation
    std::vector<std::optional<double>> totals;  ///< per column: the totals row recomputed from the rows
    std::vector<double> statements;             ///< per statement: its figure recomputed from the rows
    bool total_mismatch = false;                ///< some printed total differs
};

/// Checks every declared figure: a difference beyond the rounding of its
/// printed decimals is a finding.
DatasetCheck check_consistency(const Dataset& ds);

/// Checks every dataset; each finding is also a warning on the dataset's file.
std::map<std::string, DatasetCheck> check_datasets(const std::vector<Dataset>& datasets, Diagnostics& diags);

/// Warning text for a finding, e.g. "total tertulis kolom 'jumlah' 356, dihitung dari baris 178".
std::string describe(const Dataset& ds, const Finding& f);

}  // namespace pepgen
