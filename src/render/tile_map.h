/// A tile-grid map of Indonesia: one labelled square per province, placed
/// roughly where the province lies, shaded by value with a legend. Plain SVG,
/// readable without JavaScript; exact figures belong in a table beside it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/provinces.h"

namespace pepgen {

struct MapTile {
    std::string name;         ///< as written in the data
    std::optional<double> value;
    std::string value_text;   ///< formatted for display
};

struct TileMap {
    std::string id, title, description;
    std::vector<MapTile> tiles;   ///< unknown provinces are left out (validation warns)
    std::string unit;             ///< for the legend, e.g. "LSP"
};

std::string render_tile_map(const TileMap& map);

/// Class breaks for shading: `classes` equal-count groups of the values,
/// returned as ascending upper bounds.
std::vector<double> quantile_breaks(std::vector<double> values, int classes);

}  // namespace pepgen
