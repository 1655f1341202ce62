#include "render/stat_chart.h"

#include <algorithm>
#include <cmath>

#include "format/stat_values.h"
#include "render/charts.h"
#include "render/tile_map.h"

namespace pepgen {

namespace {

std::string row_label(const Dataset& ds, std::size_t row, int label) {
    if (label >= 0 && ds.rows[row][static_cast<std::size_t>(label)].text)
        return *ds.rows[row][static_cast<std::size_t>(label)].text;
    return "baris " + std::to_string(row + 1);
}

/// A short text alternative: every value when few, else the extremes.
std::string describe_values(const Dataset& ds, int label, int value) {
    std::vector<std::pair<double, std::size_t>> vals;
    for (std::size_t r = 0; r < ds.rows.size(); ++r)
        if (ds.rows[r][static_cast<std::size_t>(value)].number)
            vals.push_back({*ds.rows[r][static_cast<std::size_t>(value)].number, r});
    const auto& col = ds.columns[static_cast<std::size_t>(value)];
    auto item = [&](const std::pair<double, std::size_t>& v) {
        return row_label(ds, v.second, label) + " " + format_stat(v.first, col);
    };
    std::string out = col.title + ": ";
    if (vals.size() <= 12) {
        for (std::size_t i = 0; i < vals.size(); ++i) out += (i ? "; " : "") + item(vals[i]);
        return out + ".";
    }
    auto sorted = vals;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    out += "tertinggi ";
    for (std::size_t i = 0; i < 3; ++i) out += (i ? "; " : "") + item(sorted[i]);
    out += ". Terendah ";
    for (std::size_t i = 0; i < 3; ++i) out += (i ? "; " : "") + item(sorted[sorted.size() - 1 - i]);
    return out + ". Angka lengkap ada di tabel.";
}

}  // namespace

std::string stat_chart_svg(const Dataset& ds, const EmbedSpec& spec, const std::string& id) {
    const int label = embed_label_column(ds, spec);
    const auto values = embed_value_columns(ds, spec);
    if (spec.chart == ChartKind::none || label < 0 || values.empty()) return {};
    for (int v : values)
        if (v < 0) return {};
    const std::string title = spec.title.empty() ? ds.title : spec.title;
    std::vector<std::string> labels;
    for (std::size_t r = 0; r < ds.rows.size(); ++r) labels.push_back(row_label(ds, r, label));
    // Every series is named in a legend with its unit, so a reader knows what each bar or line is.
    auto series_name = [&](int v) {
        const auto& col = ds.columns[static_cast<std::size_t>(v)];
        const auto unit = unit_name(col);
        // A title that already names its unit ("Pagu (Rp)", "Realisasi (%)") is not told it twice.
        const bool named = col.title.find(unit) != std::string::npos ||
                           (col.type == ColumnType::rupiah && col.title.find("(Rp)") != std::string::npos) ||
                           (col.type == ColumnType::percent && col.title.find("%") != std::string::npos);
        return named ? col.title : col.title + " (" + unit + ")";
    };
    auto series_of = [&](int v) {
        Series se;
        se.name = series_name(v);
        for (const auto& row : ds.rows) se.values.push_back(row[static_cast<std::size_t>(v)].number);
        return se;
    };
    std::string description;
    for (int v : values) description += (description.empty() ? "" : " ") + describe_values(ds, label, v);
    switch (spec.chart) {
        case ChartKind::bar: {
            if (values.size() > 1) {
                GroupedBarChart g{id + "-grafik", title, description, labels, {}, {}};
                for (int v : values) {
                    g.series.push_back(series_of(v));
                    const auto& col = ds.columns[static_cast<std::size_t>(v)];
                    std::vector<std::string> texts;
                    for (const auto& row : ds.rows) {
                        const auto& cell = row[static_cast<std::size_t>(v)];
                        texts.push_back(cell.number ? format_stat(*cell.number, col) : "\u2013");
                    }
                    g.value_texts.push_back(std::move(texts));
                }
                return render_grouped_bar_chart(g);
            }
            BarChart c{id + "-grafik", title, description, {}, 0, series_name(values[0])};
            const auto& col = ds.columns[static_cast<std::size_t>(values[0])];
            for (std::size_t r = 0; r < ds.rows.size(); ++r) {
                const auto& cell = ds.rows[r][static_cast<std::size_t>(values[0])];
                c.items.push_back({labels[r], cell.number.value_or(0),
                                   cell.number ? format_stat(*cell.number, col) : "\u2013", "bar"});
            }
            return render_bar_chart(c);
        }
        case ChartKind::stacked_bar: {
            StackedBarChart c{id + "-grafik", title, description, labels, {}, {}};
            for (int v : values) c.series.push_back(series_of(v));
            const auto& col = ds.columns[static_cast<std::size_t>(values[0])];
            for (std::size_t r = 0; r < ds.rows.size(); ++r) {
                double total = 0;
                for (int v : values) total += ds.rows[r][static_cast<std::size_t>(v)].number.value_or(0);
                c.total_texts.push_back(format_stat(total, col));
            }
            return render_stacked_bar_chart(c);
        }
        case ChartKind::line: {
            LineChart c{id + "-grafik", title, description, labels, {}, {}};
            for (int v : values) c.series.push_back(series_of(v));
            const auto col = ds.columns[static_cast<std::size_t>(values[0])];
            c.format_tick = [col](double v) { return format_stat_short(v, col); };
            return render_line_chart(c);
        }
        case ChartKind::tile_map: {
            TileMap m;
            m.id = id + "-peta";
            m.title = title;
            m.description = "Peta ubin provinsi; makin gelap makin besar. " + description;
            const auto& col = ds.columns[static_cast<std::size_t>(values[0])];
            m.unit = col.unit;
            for (std::size_t r = 0; r < ds.rows.size(); ++r) {
                const auto& cell = ds.rows[r][static_cast<std::size_t>(values[0])];
                m.tiles.push_back({labels[r], cell.number, cell.number ? format_stat(*cell.number, col) : "\u2013"});
            }
            return render_tile_map(m);
        }
        case ChartKind::none: break;
    }
    return {};
}

}  // namespace pepgen
