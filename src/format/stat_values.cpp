#include "format/stat_values.h"

#include <algorithm>
#include <cmath>

#include "format/indonesian.h"

namespace pepgen {

int decimals_of(double v) {
    for (int d = 0; d < 6; ++d) {
        const double scale = std::pow(10.0, d);
        if (std::abs(std::round(v * scale) / scale - v) < 1e-9 * std::max(1.0, std::abs(v))) return d;
    }
    return 6;
}

std::string format_stat(double v, const StatColumn& col) {
    const int dec = col.decimals >= 0 ? col.decimals : decimals_of(v);
    switch (col.type) {
        case ColumnType::rupiah: return format_rupiah_whole(v);
        case ColumnType::percent: return format_percent(v, dec);
        case ColumnType::number: return dec == 0 ? format_whole(v) : format_decimal(v, dec);
        case ColumnType::text: break;
    }
    return format_decimal(v, dec);
}

std::string format_stat_short(double v, const StatColumn& col) {
    if (col.type == ColumnType::rupiah) {
        const double a = std::abs(v);
        if (a >= 1e12) return "Rp" + format_decimal(v / 1e12, a >= 1e13 ? 0 : 1) + " triliun";
        if (a >= 1e9) return "Rp" + format_decimal(v / 1e9, a >= 1e10 ? 0 : 1) + " miliar";
        if (a >= 1e6) return "Rp" + format_decimal(v / 1e6, a >= 1e7 ? 0 : 1) + " juta";
        return format_rupiah_whole(v);
    }
    if (col.type == ColumnType::percent) return format_percent(v, std::abs(v - std::round(v)) < 1e-9 ? 0 : 1);
    return std::abs(v - std::round(v)) < 1e-9 ? format_whole(v) : format_decimal(v, 1);
}

std::string stat_cell_text(const Dataset& ds, std::size_t row, std::size_t col) {
    const auto& cell = ds.rows[row][col];
    if (cell.number) return format_stat(*cell.number, ds.columns[col]);
    if (cell.text) return *cell.text;
    return "\u2013";
}

}  // namespace pepgen
