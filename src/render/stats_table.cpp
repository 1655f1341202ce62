#include "render/stats_table.h"

#include <algorithm>
#include <cmath>

#include "data/stats_loader.h"
#include "render/charts.h"
#include "format/indonesian.h"
#include "render/tile_map.h"
#include "util/text.h"
#include "validate/validate_stats.h"

namespace pepgen {

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

namespace {

std::string cell_text(const Dataset& ds, std::size_t row, std::size_t col) {
    const auto& cell = ds.rows[row][col];
    if (cell.number) return format_stat(*cell.number, ds.columns[col]);
    if (cell.text) return *cell.text;
    return "\u2013";
}

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

std::string render_chart(const Dataset& ds, const EmbedSpec& spec, const std::string& id) {
    const int label = embed_label_column(ds, spec);
    const auto values = embed_value_columns(ds, spec);
    if (spec.chart == ChartKind::none || label < 0 || values.empty()) return {};
    for (int v : values)
        if (v < 0) return {};
    const std::string title = spec.title.empty() ? ds.title : spec.title;
    std::vector<std::string> labels;
    for (std::size_t r = 0; r < ds.rows.size(); ++r) labels.push_back(row_label(ds, r, label));
    auto series_of = [&](int v) {
        Series se;
        se.name = ds.columns[static_cast<std::size_t>(v)].title;
        for (const auto& row : ds.rows) se.values.push_back(row[static_cast<std::size_t>(v)].number);
        return se;
    };
    std::string description;
    for (int v : values) description += (description.empty() ? "" : " ") + describe_values(ds, label, v);
    switch (spec.chart) {
        case ChartKind::bar: {
            BarChart c{id + "-grafik", title, description, {}, 0};
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

bool has_finding(const std::vector<Finding>& fs, Finding::Scope scope, const std::string& column, std::size_t row = 0) {
    for (const auto& f : fs)
        if (f.scope == scope && f.column == column && (scope != Finding::Scope::cell || f.row == row)) return true;
    return false;
}

}  // namespace

std::string render_embed(const Dataset& ds, const EmbedSpec& spec, const std::vector<Finding>& findings,
                         const std::string& id, const EmbedLinks& links) {
    const auto eid = html_escape(id);
    const std::string title = spec.title.empty() ? ds.title : spec.title;
    std::string h = "<figure class=\"stat-embed\" id=\"" + eid + "\">\n<figcaption>" + html_escape(title) +
                    "</figcaption>\n";
    if (!ds.note.empty() && spec.title.empty()) h += "<p class=\"small muted\">" + html_escape(ds.note) + "</p>\n";
    const auto chart = render_chart(ds, spec, id);
    if (!chart.empty()) h += "<div class=\"chart-scroll\" tabindex=\"0\">" + chart + "</div>\n";

    if (spec.table) {
        const int label = embed_label_column(ds, spec);
        h += "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"stat-table\">\n<caption class=\"visually-hidden\">" +
             html_escape(ds.title) + "</caption>\n<thead><tr>";
        for (const auto& col : ds.columns)
            h += std::string("<th scope=\"col\"") + (col.numeric() ? " class=\"num\"" : "") + ">" + html_escape(col.title) +
                 (col.unit.empty() || col.type == ColumnType::rupiah ? "" : " <span class=\"muted\">(" + html_escape(col.unit) + ")</span>") +
                 "</th>";
        h += "</tr></thead>\n<tbody>\n";
        for (std::size_t r = 0; r < ds.rows.size(); ++r) {
            h += "<tr>";
            for (std::size_t c = 0; c < ds.columns.size(); ++c) {
                const bool header = static_cast<int>(c) == label;
                const bool bad = has_finding(findings, Finding::Scope::cell, ds.columns[c].key, r);
                h += header ? "<th scope=\"row\">" : (ds.columns[c].numeric() ? "<td class=\"num" + std::string(bad ? " mismatch" : "") + "\">" : "<td>");
                h += html_escape(cell_text(ds, r, c));
                if (bad) h += " <a class=\"mismatch-mark\" href=\"#" + eid + "-catatan\" aria-label=\"berbeda dari hasil hitung, lihat catatan\">*</a>";
                h += header ? "</th>" : "</td>";
            }
            h += "</tr>\n";
        }
        h += "</tbody>\n";
        if (ds.total_label) {
            bool any_total_mismatch = false;
            h += "<tfoot><tr><th scope=\"row\">" + html_escape(*ds.total_label) + " (tertulis di sumber)</th>";
            for (std::size_t c = 0; c < ds.columns.size(); ++c) {
                if (static_cast<int>(c) == label || (label < 0 && c == 0)) continue;
                const auto& col = ds.columns[c];
                auto it = ds.total_values.find(col.key);
                const bool bad = has_finding(findings, Finding::Scope::total, col.key);
                any_total_mismatch = any_total_mismatch || bad;
                h += "<td class=\"num" + std::string(bad ? " mismatch" : "") + "\">" +
                     (it == ds.total_values.end() ? std::string() : html_escape(format_stat(it->second, col))) +
                     (bad ? " <a class=\"mismatch-mark\" href=\"#" + eid + "-catatan\" aria-label=\"berbeda dari hasil hitung, lihat catatan\">*</a>" : "") +
                     "</td>";
            }
            h += "</tr>\n";
            // The recomputed totals, always shown when the printed ones disagree.
            if (any_total_mismatch) {
                h += "<tr class=\"computed\"><th scope=\"row\">Dihitung dari baris</th>";
                for (std::size_t c = 0; c < ds.columns.size(); ++c) {
                    if (static_cast<int>(c) == label || (label < 0 && c == 0)) continue;
                    const auto total = compute_total(ds, ds.columns[c]);
                    h += "<td class=\"num\">" + (total ? html_escape(format_stat(*total, ds.columns[c])) : std::string()) + "</td>";
                }
                h += "</tr>\n";
            }
            h += "</tfoot>\n";
        }
        h += "</table></div>\n";
    }

    if (!findings.empty()) {
        h += "<div class=\"consistency-note\" role=\"note\" id=\"" + eid + "-catatan\"><p><strong>Angka sumber tidak "
             "saling cocok.</strong> Angka yang tertulis di sumber dan hasil hitung ulang dari barisnya berbeda. "
             "Keduanya ditampilkan; data tidak diubah.</p><ul>";
        for (const auto& f : findings) h += "<li>" + html_escape(describe(ds, f)) + "</li>";
        h += "</ul></div>\n";
    }
    if (!ds.statements.empty()) {
        h += "<details class=\"statements\"><summary>Angka terkait yang dinyatakan di bagian lain sumber (" +
             std::to_string(ds.statements.size()) + ")</summary><ul>";
        for (std::size_t i = 0; i < ds.statements.size(); ++i) {
            const auto& st = ds.statements[i];
            bool bad = false;
            for (const auto& f : findings)
                if (f.scope == Finding::Scope::statement && f.statement == i) bad = true;
            const StatColumn* col = nullptr;
            if (st.kind == StatStatement::Kind::column_sum && ds.column_index(st.column) >= 0)
                col = &ds.columns[static_cast<std::size_t>(ds.column_index(st.column))];
            StatColumn pct;
            pct.type = ColumnType::percent;
            pct.decimals = st.decimals;
            const StatColumn& shown = col ? *col : pct;
            const double computed = compute_statement(ds, st);
            StatColumn computed_col = shown;
            if (computed_col.type == ColumnType::percent) computed_col.decimals = std::max(2, st.decimals);
            h += "<li>" + html_escape(st.label) + ": <strong>" + html_escape(format_stat(st.value, shown)) + "</strong> — " +
                 (bad ? "<span class=\"flag\">berbeda</span> dari hasil hitung " + html_escape(format_stat(computed, computed_col))
                      : std::string("sesuai dengan hasil hitung")) +
                 (st.source.empty() ? "" : " <span class=\"muted\">(" + html_escape(st.source) + ")</span>") + "</li>";
        }
        h += "</ul></details>\n";
    }
    h += "<p class=\"source\">Sumber: " + html_escape(ds.source_document) +
         (ds.source_part.empty() ? "" : ", " + html_escape(ds.source_part)) + ". Data: <a href=\"" +
         html_escape(links.data_href) + "\">" + html_escape(ds.source_file) + "</a>";
    if (!links.table_href.empty()) h += " · <a href=\"" + html_escape(links.table_href) + "\">halaman tabel</a>";
    h += "</p>\n</figure>\n";
    return h;
}

}  // namespace pepgen
