/// HTML for a statistics table embedded in a page: its chart, the full table
/// with printed and recomputed totals, a visible note wherever the source's
/// figures disagree, the source's other statements, and where it comes from.
#pragma once

#include <string>
#include <vector>

#include "model/stats.h"
#include "stats/consistency.h"

namespace pepgen {

/// A figure in the dataset's own format: 1.821, Rp86.911.383.000, 98,96%.
std::string format_stat(double v, const StatColumn& col);
/// Shorter form for chart axes: Rp86,9 miliar, 51.101.
std::string format_stat_short(double v, const StatColumn& col);

struct EmbedLinks {
    std::string data_href;    ///< the dataset's JSON download
    std::string table_href;   ///< the dataset's own page (empty on that page)
};

std::string render_embed(const Dataset& ds, const EmbedSpec& spec, const std::vector<Finding>& findings,
                         const std::string& id, const EmbedLinks& links);

}  // namespace pepgen
