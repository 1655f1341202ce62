#include "model/stats.h"

#include <algorithm>

namespace pepgen {

int Dataset::column_index(const std::string& key) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].key == key) return static_cast<int>(i);
    return -1;
}

const char* bound_words(StatBound bound) {
    switch (bound) {
        case StatBound::exact: return "";
        case StatBound::more_than: return "lebih dari ";
        case StatBound::less_than: return "kurang dari ";
        case StatBound::at_most: return "hingga ";
        case StatBound::at_least: return "sedikitnya ";
        case StatBound::about: return "sekitar ";
    }
    return "";
}

bool is_calendar_claim(StatComputation::Kind kind) {
    return kind == StatComputation::Kind::weekday || kind == StatComputation::Kind::dates_within;
}

int Dataset::row_index(const std::string& label) const {
    int text_col = -1;
    for (std::size_t c = 0; c < columns.size() && text_col < 0; ++c)
        if (!columns[c].numeric()) text_col = static_cast<int>(c);
    if (text_col < 0) return -1;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& cell = rows[r][static_cast<std::size_t>(text_col)];
        if (cell.text && *cell.text == label) return static_cast<int>(r);
    }
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
    // Every column that can share the first chartable column's axis. A column
    // derived from others (a total, a share) would count its parts twice.
    const StatColumn* first = nullptr;
    for (std::size_t i = 0; i < ds.columns.size(); ++i) {
        const auto& col = ds.columns[i];
        if (!col.numeric() || !has_unit(col) || col.formula.kind != Formula::Kind::none) continue;
        if (!first) first = &col;
        if (comparable(*first, col)) out.push_back(static_cast<int>(i));
    }
    if (spec.chart == ChartKind::tile_map && out.size() > 1) out.resize(1);  // a map shows one figure per province
    return out;
}

bool has_unit(const StatColumn& col) {
    return col.type == ColumnType::rupiah || col.type == ColumnType::percent ||
           (col.type == ColumnType::number && !col.unit.empty());
}

std::string unit_name(const StatColumn& col) {
    switch (col.type) {
        case ColumnType::rupiah: return "rupiah";
        case ColumnType::percent: return "persen";
        case ColumnType::number: return col.unit.empty() ? std::string("tanpa satuan") : col.unit;
        case ColumnType::text: break;
    }
    return "teks";
}

bool comparable(const StatColumn& a, const StatColumn& b) {
    return has_unit(a) && has_unit(b) && a.type == b.type && (a.type != ColumnType::number || a.unit == b.unit);
}

int parts_total_column(const Dataset& ds, const std::vector<int>& parts) {
    std::vector<std::string> keys;
    for (int v : parts)
        if (v >= 0) keys.push_back(ds.columns[static_cast<std::size_t>(v)].key);
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 0; i < ds.columns.size(); ++i) {
        const auto& f = ds.columns[i].formula;
        if (f.kind != Formula::Kind::sum) continue;
        auto operands = f.operands;
        std::sort(operands.begin(), operands.end());
        if (operands == keys) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace pepgen
