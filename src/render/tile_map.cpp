#include "render/tile_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/format_id.h"
#include "util/text.h"

namespace pepgen {

namespace {

// Roughly west to east, north to south; the 34 provinces of the 2021 report
// plus the four Papua provinces created in 2022.
const ProvinceInfo kProvinces[] = {
    {"Aceh", "ACEH", 0, 0},
    {"Sumatera Utara", "SUMUT", 1, 1},
    {"Riau", "RIAU", 2, 1},
    {"Kepulauan Riau", "KEPRI", 3, 1},
    {"Sumatera Barat", "SUMBAR", 1, 2},
    {"Jambi", "JAMBI", 2, 2},
    {"Kepulauan Bangka Belitung", "BABEL", 3, 2},
    {"Bengkulu", "BKL", 1, 3},
    {"Sumatera Selatan", "SUMSEL", 2, 3},
    {"Lampung", "LPG", 2, 4},
    {"DKI Jakarta", "DKI", 4, 4},
    {"Banten", "BANTEN", 3, 5},
    {"Jawa Barat", "JABAR", 4, 5},
    {"Jawa Tengah", "JATENG", 5, 5},
    {"DI Yogyakarta", "DIY", 5, 6},
    {"Jawa Timur", "JATIM", 6, 5},
    {"Bali", "BALI", 7, 5},
    {"Nusa Tenggara Barat", "NTB", 8, 5},
    {"Nusa Tenggara Timur", "NTT", 9, 5},
    {"Kalimantan Barat", "KALBAR", 5, 2},
    {"Kalimantan Tengah", "KALTENG", 6, 3},
    {"Kalimantan Selatan", "KALSEL", 7, 3},
    {"Kalimantan Timur", "KALTIM", 7, 2},
    {"Kalimantan Utara", "KALTARA", 7, 1},
    {"Sulawesi Utara", "SULUT", 10, 1},
    {"Gorontalo", "GTLO", 9, 1},
    {"Sulawesi Tengah", "SULTENG", 9, 2},
    {"Sulawesi Barat", "SULBAR", 8, 2},
    {"Sulawesi Selatan", "SULSEL", 8, 3},
    {"Sulawesi Tenggara", "SULTRA", 9, 3},
    {"Maluku Utara", "MALUT", 11, 1},
    {"Maluku", "MALUKU", 11, 3},
    {"Papua Barat Daya", "PBD", 12, 1},
    {"Papua Barat", "PABAR", 12, 2},
    {"Papua", "PAPUA", 13, 2},
    {"Papua Tengah", "PTENG", 13, 3},
    {"Papua Pegunungan", "PPEG", 14, 2},
    {"Papua Selatan", "PSEL", 14, 3},
};

/// Lowercase letters only, with common variants unified.
std::string normalise(const std::string& name) {
    std::string s;
    for (char c : to_lower_ascii(name))
        if ((c >= 'a' && c <= 'z') || c == ' ') s += c;
        else if (c == '.' || c == '-') s += ' ';
    std::string words, w;
    auto flush = [&] {
        if (w.empty()) return;
        if (w == "sumatra") w = "sumatera";
        if (w == "kep") w = "kepulauan";
        if (w == "prov" || w == "provinsi") w.clear();
        if (!w.empty()) words += (words.empty() ? "" : " ") + w;
        w.clear();
    };
    for (char c : s) {
        if (c == ' ') flush();
        else w += c;
    }
    flush();
    if (words == "daerah istimewa yogyakarta" || words == "di yogyakarta" || words == "yogyakarta") return "di yogyakarta";
    if (words == "di aceh" || words == "nanggroe aceh darussalam" || words == "nad") return "aceh";
    if (words == "jakarta" || words == "dki jakarta" || words == "daerah khusus ibukota jakarta") return "dki jakarta";
    if (words == "bangka belitung") return "kepulauan bangka belitung";
    return words;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

std::optional<ProvinceInfo> find_province(const std::string& name) {
    const auto key = normalise(name);
    for (const auto& p : kProvinces)
        if (normalise(p.name) == key) return p;
    return std::nullopt;
}

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
