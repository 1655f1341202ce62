#include "model/stats.h"

namespace pepgen {

int Dataset::column_index(const std::string& key) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].key == key) return static_cast<int>(i);
    return -1;
}

}  // namespace pepgen
