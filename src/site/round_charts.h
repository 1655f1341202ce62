/// Charts and summary tables of one round, shared by the home page and the
/// round pages: LSPs per category, IK distribution, average per group.
#pragma once

#include "site/plan.h"

namespace pepgen {

/// Adds category_chart, distribution_chart, group_chart (SVG strings) and
/// category_rows, group_rows (table rows) to ctx. `id` keeps SVG ids unique.
void add_round_summary(const SiteModel& model, const RoundResult& rr, const std::string& page_path,
                       const std::string& id, Value& ctx);

/// IK bins aligned to the category table: each category split into bins of
/// about 25 points, so no bin straddles a category boundary.
struct IkBin {
    int from = 0;
    int to = 0;
    std::size_t category = 0;
    int count = 0;
};
std::vector<IkBin> ik_bins(const CategoryTable& table, const std::vector<int>& iks);

}  // namespace pepgen
