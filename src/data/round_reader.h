/// Reads a round file in one pass, straight from its text into a Round, without a JSON tree:
/// a correction's rebuild parses its changed round while the other rounds come from the cache.
/// Only the file a team's import writes is read here; anything the tree reader (load_round) would
/// report, and anything rarer (disputes, nulls, unknown fields), is left to it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "data/json_reader.h"
#include "model/types.h"
#include "util/flat_map.h"

namespace pepgen {

/// The round `doc` holds (its text checked, its value not parsed), exactly as the tree reader would
/// give it; nothing when the tree reader must read it, to name its problems or its rarer parts.
/// `stem` is the file's name without .json, which the period must equal.
std::optional<Round> read_round_direct(const JsonDoc& doc, const std::string& stem,
                                       const std::vector<Indicator>& catalogue,
                                       const FlatMap<std::string, std::size_t>& positions);

}  // namespace pepgen
