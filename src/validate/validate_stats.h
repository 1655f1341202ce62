/// Rules for statistics embeds: every embed names an existing dataset and
/// columns of the right kind, and a map's province names must be known.
/// (Figures that disagree with their rows are found in stats/consistency.)
#pragma once

#include "util/diagnostic.h"
#include "model/types.h"

namespace pepgen {

void validate_stats(const Content& content, const Data& data, Diagnostics& diags);

}  // namespace pepgen
