/// The data of one statistics embed (the theme's partials/stat_embed.mustache):
/// its chart, the table with printed and recomputed totals, the notes where
/// the source disagrees with itself, the source's other statements and where
/// the figures come from. The markup is the theme's.
#pragma once

#include <string>

#include "render/value.h"
#include "model/stats.h"
#include "stats/consistency.h"

namespace pepgen {

struct EmbedLinks {
    std::string data_href;    ///< the dataset's JSON download
    std::string table_href;   ///< the dataset's own page (empty on that page)
};

/// `id` names the embed on its page (anchors for the chart and the notes).
Value stat_embed_context(const Dataset& ds, const EmbedSpec& spec, const DatasetCheck& check, const std::string& id,
                         const EmbedLinks& links);

}  // namespace pepgen
