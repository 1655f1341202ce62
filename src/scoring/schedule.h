/// The circular's schedule (periodic evaluation at least twice a year) and
/// licence validity, as pure functions over the loaded data.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/types.h"

namespace pepgen {

inline constexpr int kMinimumRoundsPerYear = 2;

struct YearSchedule {
    int year = 0;
    std::vector<std::size_t> periodic;    ///< indices into Data::rounds
    std::vector<std::size_t> incidental;
    bool meets_minimum() const { return static_cast<int>(periodic.size()) >= kMinimumRoundsPerYear; }
};

/// Every year from the first round to the last, including years with none.
std::vector<YearSchedule> schedule_by_year(const Data& data);

/// Registered LSPs with a licence valid on the round's date (when the issue
/// date is known) that have no sheet in the round, in registry order.
std::vector<const Lsp*> missing_from_round(const Data& data, const Round& round);

/// True when the LSP's licence ended before the given date (YYYY-MM-DD).
bool licence_expired_on(const Lsp& lsp, const std::string& date);

}  // namespace pepgen
