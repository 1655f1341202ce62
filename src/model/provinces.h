/// Indonesia's provinces as the data names them: the official name, a short
/// label and a place on the tile-grid map. Validation and rendering both use it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pepgen {

struct ProvinceInfo {
    const char* name;    ///< official name
    const char* abbr;    ///< short label on the tile
    int col, row;        ///< grid position on the map
};

/// Finds a province by any common spelling ("DI Aceh", "Sumatra Utara",
/// "Kep. Bangka Belitung", "Daerah Istimewa Yogyakarta", "DKI Jakarta").
std::optional<ProvinceInfo> find_province(const std::string& name);

/// Every province's official name, in the list's order (west to east).
std::vector<std::string> province_names();

}  // namespace pepgen
