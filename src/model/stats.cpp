#include "model/stats.h"

namespace pepgen {

int Dataset::column_index(const std::string& key) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].key == key) return static_cast<int>(i);
    return -1;
}

int embed_label_column(const Dataset& ds, const EmbedSpec& spec) {
    if (!spec.label_column.empty()) return ds.column_index(spec.label_column);
    for (std::size_t i = 0; i < ds.columns.size(); ++i)
        if (!ds.columns[i].numeric()) return static_cast<int>(i);
    return -1;
}

std::vector<int> embed_value_columns(const Dataset& ds, const EmbedSpec& spec) {
    std::vector<int> out;
    if (!spec.value_columns.empty()) {
        for (const auto& key : spec.value_columns) out.push_back(ds.column_index(key));
        return out;
    }
    for (std::size_t i = 0; i < ds.columns.size(); ++i)
        if (ds.columns[i].numeric()) return {static_cast<int>(i)};
    return out;
}

}  // namespace pepgen
