/// Recomputes what a statistics table declares (derived columns, the printed
/// totals row, figures stated elsewhere in the source) and lists every
/// disagreement. Pure: the data is never "fixed", only compared.
#pragma once

#include <functional>
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
    StatBound bound = StatBound::exact;  ///< for statement findings
};

/// Sum of a numeric column over all rows; blanks count as zero.
double column_sum(const Dataset& ds, const std::string& key);

/// A derived cell recomputed from its row, or nothing when an operand is blank.
std::optional<double> compute_cell(const Dataset& ds, std::size_t row, const StatColumn& col);

/// The totals-row value recomputed from the rows, or nothing for columns
/// whose total is not a sum (percentages without a formula, text).
std::optional<double> compute_total(const Dataset& ds, const StatColumn& col);

/// Other tables a statement may name, by id (nothing: only this table).
using DatasetLookup = std::function<const Dataset*(const std::string& id)>;

/// A computation's value over its table (and the tables it names), or
/// nothing when an operand is missing or a division by zero.
std::optional<double> compute(const Dataset& ds, const StatComputation& c, const DatasetLookup& lookup = {});

/// Whether the stated figure respects the computed one: equal at the
/// source's rounding, or within its bound ("lebih dari", "hingga", "sekitar":
/// within 5 % of the stated figure, or half its last printed unit if more).
bool statement_holds(const StatStatement& st, double computed, double slack = 0);

/// How far a sum or difference of printed figures may stray from the exact
/// one because each figure was itself rounded (half a unit of its last
/// printed decimal each): 1,24 + 1,68 may stand for a total printed as 2,93.
double rounding_slack(const Dataset& ds, const StatComputation& c, const DatasetLookup& lookup = {});

/// A dataset checked against itself: every disagreement, and the recomputed
/// figures a page shows beside the printed ones, so no later stage recomputes them.
struct DatasetCheck {
    std::vector<Finding> findings;  ///< where a declared figure differs from its recomputation
    std::vector<std::optional<double>> totals;  ///< per column: the totals row recomputed from the rows
    std::vector<std::optional<double>> statements;    ///< per statement: its figure recomputed (none: not computable)
    std::vector<std::optional<double>> alternatives;  ///< per statement: its alternative computation, when it has one
    bool total_mismatch = false;                ///< some printed total differs
};

/// Checks every declared figure: a difference beyond the rounding of its
/// printed decimals is a finding.
DatasetCheck check_consistency(const Dataset& ds, const DatasetLookup& lookup = {});

/// Checks every dataset; each finding is also a warning on the dataset's file.
std::map<std::string, DatasetCheck> check_datasets(const std::vector<Dataset>& datasets, Diagnostics& diags);

/// Warning text for a finding, e.g. "total tertulis kolom 'jumlah' 356, dihitung dari baris 178".
std::string describe(const Dataset& ds, const Finding& f);

}  // namespace pepgen
