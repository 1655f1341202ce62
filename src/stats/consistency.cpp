#include "stats/consistency.h"

#include <cmath>

#include "format/indonesian.h"

namespace pepgen {

namespace {

bool differs(double declared, double computed, int decimals) {
    const double tolerance = 0.5 * std::pow(10.0, -decimals) + 1e-9 * std::max(1.0, std::abs(computed));
    return std::abs(declared - computed) > tolerance;
}

int column_decimals(const StatColumn& col, double value) {
    if (col.decimals >= 0) return col.decimals;
    double ip;
    return std::modf(value, &ip) == 0 ? 0 : 2;
}

double operand_value(const Dataset& ds, const StatOperand& op) {
    return op.constant ? *op.constant : column_sum(ds, op.column_sum);
}

std::string plain(double v, int decimals) { return decimals == 0 ? format_whole(v) : format_decimal(v, decimals); }

}  // namespace

double column_sum(const Dataset& ds, const std::string& key) {
    const int idx = ds.column_index(key);
    if (idx < 0) return 0;
    double sum = 0;
    for (const auto& row : ds.rows)
        if (row[static_cast<std::size_t>(idx)].number) sum += *row[static_cast<std::size_t>(idx)].number;
    return sum;
}

std::optional<double> compute_cell(const Dataset& ds, std::size_t row, const StatColumn& col) {
    if (col.formula.kind == Formula::Kind::none) return std::nullopt;
    std::vector<double> values;
    for (const auto& key : col.formula.operands) {
        const int idx = ds.column_index(key);
        if (idx < 0) return std::nullopt;
        const auto& cell = ds.rows[row][static_cast<std::size_t>(idx)];
        // In a sum a blank cell is an empty count; elsewhere it makes the result unknown.
        if (!cell.number && col.formula.kind != Formula::Kind::sum) return std::nullopt;
        values.push_back(cell.number.value_or(0));
    }
    switch (col.formula.kind) {
        case Formula::Kind::sum: {
            double s = 0;
            for (double v : values) s += v;
            return s;
        }
        case Formula::Kind::percent:
            if (values[1] == 0) return std::nullopt;
            return values[0] / values[1] * 100.0;
        case Formula::Kind::product: return values[0] * values[1];
        case Formula::Kind::difference: return values[0] - values[1];
        case Formula::Kind::none: break;
    }
    return std::nullopt;
}

std::optional<double> compute_total(const Dataset& ds, const StatColumn& col) {
    if (!col.numeric()) return std::nullopt;
    if (col.formula.kind == Formula::Kind::percent) {
        const double den = column_sum(ds, col.formula.operands[1]);
        if (den == 0) return std::nullopt;
        return column_sum(ds, col.formula.operands[0]) / den * 100.0;
    }
    if (col.type == ColumnType::percent) return std::nullopt;  // a sum of percentages means nothing
    return column_sum(ds, col.key);
}

double compute_statement(const Dataset& ds, const StatStatement& st) {
    if (st.kind == StatStatement::Kind::column_sum) return column_sum(ds, st.column);
    const double den = operand_value(ds, st.denominator);
    return den == 0 ? 0 : operand_value(ds, st.numerator) / den * 100.0;
}

DatasetCheck check_consistency(const Dataset& ds) {
    DatasetCheck check;
    auto& out = check.findings;
    for (std::size_t r = 0; r < ds.rows.size(); ++r)
        for (std::size_t c = 0; c < ds.columns.size(); ++c) {
            const auto& col = ds.columns[c];
            const auto& cell = ds.rows[r][c];
            if (!cell.number) continue;
            const auto computed = compute_cell(ds, r, col);
            if (!computed) continue;
            const int dec = column_decimals(col, *cell.number);
            if (differs(*cell.number, *computed, dec))
                out.push_back({Finding::Scope::cell, r, col.key, 0, *cell.number, *computed, dec});
        }
    for (const auto& col : ds.columns) {
        const auto computed = compute_total(ds, col);
        check.totals.push_back(computed);
        auto it = ds.total_values.find(col.key);
        if (it == ds.total_values.end() || !computed) continue;
        const int dec = col.decimals >= 0 ? col.decimals : ds.total_decimals.at(col.key);
        if (differs(it->second, *computed, dec)) {
            out.push_back({Finding::Scope::total, 0, col.key, 0, it->second, *computed, dec});
            check.total_mismatch = true;
        }
    }
    for (std::size_t i = 0; i < ds.statements.size(); ++i) {
        const auto& st = ds.statements[i];
        const double computed = compute_statement(ds, st);
        check.statements.push_back(computed);
        if (differs(st.value, computed, st.decimals))
            out.push_back({Finding::Scope::statement, 0, st.column, i, st.value, computed, st.decimals});
    }
    return check;
}

std::map<std::string, DatasetCheck> check_datasets(const std::vector<Dataset>& datasets, Diagnostics& diags) {
    std::map<std::string, DatasetCheck> checks;
    for (const auto& ds : datasets) {
        auto check = check_consistency(ds);
        for (const auto& f : check.findings) diags.warning(ds.source_file, describe(ds, f));
        checks.emplace(ds.id, std::move(check));
    }
    return checks;
}

std::string describe(const Dataset& ds, const Finding& f) {
    const auto where = ds.source_part.empty() ? ds.title : ds.source_part;
    const int show = std::max(f.decimals, f.decimals == 0 && std::abs(f.computed - std::round(f.computed)) > 1e-9 ? 2 : 0);
    const auto declared = plain(f.declared, f.decimals);
    const auto computed = plain(f.computed, show);
    switch (f.scope) {
        case Finding::Scope::cell: {
            std::string label;
            for (std::size_t c = 0; c < ds.columns.size(); ++c)
                if (!ds.columns[c].numeric() && ds.rows[f.row][c].text) {
                    label = *ds.rows[f.row][c].text;
                    break;
                }
            return where + ": baris ke-" + std::to_string(f.row + 1) + (label.empty() ? "" : " (" + label + ")") +
                   ", kolom '" + f.column + "': tertulis " + declared + ", dihitung dari rumusnya " + computed;
        }
        case Finding::Scope::total:
            return where + ": total tertulis kolom '" + f.column + "' " + declared + ", dihitung dari baris " + computed;
        case Finding::Scope::statement:
            return where + ": pernyataan \"" + ds.statements[f.statement].label + "\"" +
                   (ds.statements[f.statement].source.empty() ? "" : " (" + ds.statements[f.statement].source + ")") +
                   " tertulis " + declared + ", dihitung dari baris " + computed;
    }
    return where;
}

}  // namespace pepgen
