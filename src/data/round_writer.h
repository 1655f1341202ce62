/// Writes a round back to its JSON form (data/penilaian/<periode>.json), in a
/// fixed layout so that the same round always gives the same bytes.
#pragma once

#include <string>

#include "model/types.h"

namespace pepgen {

/// Scores are written in catalogue order; missing ones as null.
std::string round_json(const Round& round, const std::vector<Indicator>& catalogue);

}  // namespace pepgen
