/// Writes a round back to its JSON form (data/penilaian/<periode>.json), in a
/// fixed layout so that the same round always gives the same bytes.
#pragma once

#include <string>

#include <boost/json.hpp>

#include "model/types.h"

namespace pepgen {

/// Scores are written in catalogue order; missing ones as null.
std::string round_json(const Round& round, const std::vector<Indicator>& catalogue);

/// A sheet's "skor", "catatan" and "rekomendasi" fields, added to `out`: the
/// same in round files and in the published downloads.
void add_sheet_fields(boost::json::object& out, const ScoreSheet& sheet, const std::vector<Indicator>& catalogue);

}  // namespace pepgen
