#include "render/tile_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "format/indonesian.h"
#include "util/text.h"

namespace pepgen {

namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

std::vector<double> quantile_breaks(std::vector<double> values, int classes) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::vector<double> breaks;
    if (values.empty()) return breaks;
    const int n = std::min<int>(classes, static_cast<int>(values.size()));
    for (int i = 1; i <= n; ++i) {
        const auto idx = static_cast<std::size_t>(std::ceil(static_cast<double>(i) * values.size() / n)) - 1;
        const double b = values[std::min(idx, values.size() - 1)];
        if (breaks.empty() || b > breaks.back()) breaks.push_back(b);
    }
    return breaks;
}

std::string render_tile_map(const TileMap& map) {
    constexpr double tile = 54, gap = 4, pad = 4, legend_h = 44;
    int max_col = 0, max_row = 0;
    std::vector<double> values;
    for (const auto& t : map.tiles) {
        if (auto p = find_province(t.name)) {
            max_col = std::max(max_col, p->col);
            max_row = std::max(max_row, p->row);
        }
        if (t.value) values.push_back(*t.value);
    }
    const auto breaks = quantile_breaks(values, 5);
    auto shade = [&](double v) {
        for (std::size_t i = 0; i < breaks.size(); ++i)
            if (v <= breaks[i]) return static_cast<int>(i + (5 - breaks.size()));
        return 4;
    };
    const double width = pad * 2 + (max_col + 1) * (tile + gap);
    const double height = pad * 2 + (max_row + 1) * (tile + gap) + legend_h;
    const auto id = html_escape(map.id);
    std::string s = "<svg class=\"chart tile-map\" role=\"img\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                    "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\" aria-labelledby=\"" + id + "-t " +
                    id + "-d\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"" + id + "-t\">" +
                    html_escape(map.title) + "</title><desc id=\"" + id + "-d\">" + html_escape(map.description) +
                    "</desc>";
    for (const auto& t : map.tiles) {
        auto p = find_province(t.name);
        if (!p) continue;
        const double x = pad + p->col * (tile + gap), y = pad + p->row * (tile + gap);
        const int level = t.value ? shade(*t.value) : -1;
        const auto cls = level < 0 ? std::string("tile tile-none") : "tile tile-" + std::to_string(level);
        s += "<g class=\"" + cls + "\"><title>" + html_escape(t.name) + ": " + html_escape(t.value_text) + "</title>";
        s += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(tile) + "\" height=\"" + num(tile) +
             "\" rx=\"3\"/>";
        s += "<text class=\"tile-abbr\" x=\"" + num(x + tile / 2) + "\" y=\"" + num(y + 18) +
             "\" text-anchor=\"middle\">" + p->abbr + "</text>";
        s += "<text class=\"tile-value\" x=\"" + num(x + tile / 2) + "\" y=\"" + num(y + 35) +
             "\" text-anchor=\"middle\">" + html_escape(t.value_text) + "</text></g>";
    }
    // Legend: one swatch per class with its range.
    double lx = pad, ly = height - legend_h + 10;
    double low = values.empty() ? 0 : *std::min_element(values.begin(), values.end());
    const int first = static_cast<int>(5 - breaks.size());
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        const std::string range = (i == 0 ? format_whole(low) : format_whole(std::round(breaks[i - 1]) + 1)) +
                                  "\u2013" + format_whole(breaks[i]);
        s += "<g class=\"tile tile-" + std::to_string(first + static_cast<int>(i)) + "\"><rect x=\"" + num(lx) +
             "\" y=\"" + num(ly) + "\" width=\"14\" height=\"14\"/></g>";
        s += "<text class=\"chart-label\" x=\"" + num(lx + 18) + "\" y=\"" + num(ly + 12) + "\">" + html_escape(range) +
             "</text>";
        lx += 18 + static_cast<double>(range.size()) * 6.5 + 12;
    }
    if (!map.unit.empty())
        s += "<text class=\"chart-label\" x=\"" + num(lx) + "\" y=\"" + num(ly + 12) + "\">" + html_escape(map.unit) +
             "</text>";
    s += "</svg>";
    return s;
}

}  // namespace pepgen
