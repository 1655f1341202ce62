#include "site/stat_embed.h"

#include <algorithm>
#include <set>

#include "format/stat_values.h"
#include "render/stat_chart.h"
#include "stats/claim_text.h"

namespace pepgen {

namespace {

bool has_finding(const std::vector<Finding>& fs, Finding::Scope scope, const std::string& column, std::size_t row = 0) {
    for (const auto& f : fs)
        if (f.scope == scope && f.column == column && (scope != Finding::Scope::cell || f.row == row)) return true;
    return false;
}

Value table_context(const Dataset& ds, const EmbedSpec& spec, const DatasetCheck& check) {
    const int label = embed_label_column(ds, spec);
    const auto& findings = check.findings;
    // Rows that print a figure the source contradicts elsewhere carry the mark wherever the table is shown.
    std::set<std::size_t> contradicted;
    for (const auto& f : findings)
        if (f.scope == Finding::Scope::statement && !ds.statements[f.statement].row.empty())
            if (const int r = ds.row_index(ds.statements[f.statement].row); r >= 0) contradicted.insert(static_cast<std::size_t>(r));
    Value table;
    table.set("caption", ds.title);
    std::vector<Value> columns;
    for (const auto& col : ds.columns)
        columns.push_back(Value()
                              .set("title", col.title)
                              .set("num", col.numeric())
                              .set("unit", Value::nonempty(col.type == ColumnType::rupiah ? std::string() : col.unit)));
    table.set("columns", Value::list(std::move(columns)));
    std::vector<Value> rows;
    rows.reserve(ds.rows.size());
    for (std::size_t r = 0; r < ds.rows.size(); ++r) {
        std::vector<Value> cells;
        for (std::size_t c = 0; c < ds.columns.size(); ++c)
            cells.push_back(Value()
                                .set("text", stat_cell_text(ds, r, c))
                                .set("header", static_cast<int>(c) == label)
                                .set("num", ds.columns[c].numeric())
                                .set("mismatch", has_finding(findings, Finding::Scope::cell, ds.columns[c].key, r) ||
                                                     (ds.columns[c].numeric() && contradicted.count(r))));
        rows.push_back(Value().set("cells", Value::list(std::move(cells))));
    }
    table.set("rows", Value::list(std::move(rows)));
    if (!ds.total_label) {
        table.set("total", false);
        return table;
    }
    // The totals row skips the label column (or the first, when there is none).
    auto shown = [&](std::size_t c) { return !(static_cast<int>(c) == label || (label < 0 && c == 0)); };
    std::vector<Value> printed, computed;
    for (std::size_t c = 0; c < ds.columns.size(); ++c) {
        if (!shown(c)) continue;
        const auto& col = ds.columns[c];
        auto it = ds.total_values.find(col.key);
        printed.push_back(Value()
                              .set("text", it == ds.total_values.end() ? std::string() : format_stat(it->second, col))
                              .set("mismatch", has_finding(findings, Finding::Scope::total, col.key)));
        const auto& total = check.totals.at(c);
        computed.push_back(Value().set("text", total ? format_stat(*total, col) : std::string()));
    }
    // The recomputed totals are shown whenever a printed one disagrees.
    table.set("total", Value()
                           .set("label", *ds.total_label)
                           .set("cells", Value::list(std::move(printed)))
                           .set("computed", check.total_mismatch)
                           .set("computed_cells", Value::list(std::move(computed))));
    return table;
}

/// The format a stated figure is shown in: its column's for a column sum or
/// a cell of this table, a percentage for shares and changes, days or months.
StatColumn statement_format(const Dataset& ds, const StatStatement& st) {
    StatColumn shown;
    shown.type = ColumnType::number;
    shown.decimals = st.decimals;
    using Kind = StatComputation::Kind;
    switch (st.how.kind) {
        case Kind::percent_of:
        case Kind::change_percent:
        case Kind::decrease_percent: shown.type = ColumnType::percent; break;
        case Kind::days: shown.unit = "hari"; break;
        case Kind::months: shown.unit = "bulan"; break;
        case Kind::product:
        case Kind::ratio:
        case Kind::row_count:
        case Kind::item_count:
        case Kind::weekday:
        case Kind::dates_within: break;
        case Kind::minimum:
        case Kind::maximum:
            if (!st.how.dataset.empty()) break;
            [[fallthrough]];
        case Kind::column_sum:
        case Kind::sum:
        case Kind::difference: {
            std::string key = st.how.column;
            if (key.empty() && !st.how.operands.empty() && st.how.operands[0].dataset.empty())
                key = st.how.operands[0].column_sum.empty() ? st.how.operands[0].cell_column : st.how.operands[0].column_sum;
            if (const int idx = ds.column_index(key); idx >= 0 && ds.columns[static_cast<std::size_t>(idx)].numeric())
                shown = ds.columns[static_cast<std::size_t>(idx)];
            break;
        }
    }
    return shown;
}

Value statements_context(const Dataset& ds, const DatasetCheck& check) {
    std::vector<Value> items;
    for (std::size_t i = 0; i < ds.statements.size(); ++i) {
        const auto& st = ds.statements[i];
        bool bad = false;
        for (const auto& f : check.findings)
            if (f.scope == Finding::Scope::statement && f.statement == i) bad = true;
        const StatColumn shown = statement_format(ds, st);
        // The computed figure at the source's rounding, with two decimals more
        // where the source rounded to whole percents or fewer.
        StatColumn computed_col = shown;
        if (computed_col.type == ColumnType::percent || st.how.kind == StatComputation::Kind::ratio)
            computed_col.decimals = std::max(2, st.decimals);
        auto computed_text = [&](const StatComputation& how, const std::optional<double>& v) {
            if (!v) return std::string("tidak dapat dihitung");
            return claim_computed_text(how, *v).value_or(format_stat(*v, computed_col));
        };
        const auto& alt = check.alternatives.at(i);
        items.push_back(Value()
                            .set("label", st.label)
                            .set("value", calendar_stated_text(st).value_or(std::string(bound_words(st.bound)) +
                                                                            format_stat(st.value, shown)))
                            .set("mismatch", bad)
                            .set("computed", computed_text(st.how, check.statements.at(i)))
                            .set("alternative", st.alternative ? Value(Value()
                                                                           .set("label", st.alternative_label)
                                                                           .set("computed", computed_text(*st.alternative, alt)))
                                                               : Value(false))
                            .set("source", Value::nonempty(st.source)));
    }
    return Value().set("count", std::to_string(ds.statements.size())).set("items", Value::list(std::move(items)));
}

}  // namespace

Value stat_embed_context(const Dataset& ds, const EmbedSpec& spec, const DatasetCheck& check, const std::string& id,
                         const EmbedLinks& links) {
    Value v;
    v.set("id", id);
    v.set("title", spec.title.empty() ? ds.title : spec.title);
    // The dataset's own note belongs to its own title, not to a retitled embed.
    v.set("note", Value::nonempty(spec.title.empty() ? ds.note : std::string()));
    v.set("chart_svg", Value::nonempty(stat_chart_svg(ds, spec, id)));
    v.set("table", spec.table ? table_context(ds, spec, check) : Value(false));
    std::vector<Value> findings;
    for (const auto& f : check.findings) findings.push_back(Value().set("text", describe(ds, f)));
    v.set("has_findings", !findings.empty());
    v.set("findings", Value::list(std::move(findings)));
    v.set("statements", ds.statements.empty() ? Value(false) : statements_context(ds, check));
    v.set("source_document", ds.source_document);
    v.set("source_part", Value::nonempty(ds.source_part));
    v.set("data_href", links.data_href);
    v.set("data_file", ds.source_file);
    v.set("table_href", Value::nonempty(links.table_href));
    return v;
}

}  // namespace pepgen
