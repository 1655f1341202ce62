#include "stats/consistency.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "format/indonesian.h"
#include "stats/claim_text.h"

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

std::optional<double> operand_value(const Dataset& ds, const StatOperand& op, const DatasetLookup& lookup) {
    if (op.constant) return op.constant;
    const Dataset* table = &ds;
    if (!op.dataset.empty()) {
        table = lookup ? lookup(op.dataset) : nullptr;
        if (!table) return std::nullopt;
    }
    if (!op.column_sum.empty()) {
        if (table->column_index(op.column_sum) < 0) return std::nullopt;
        return column_sum(*table, op.column_sum);
    }
    const int row = table->row_index(op.cell_row), col = table->column_index(op.cell_column);
    if (row < 0 || col < 0) return std::nullopt;
    return table->rows[static_cast<std::size_t>(row)][static_cast<std::size_t>(col)].number;
}

/// Days from 0000-03-01 (proleptic Gregorian), to count the days between two dates.
long day_number(const std::string& iso) {
    int y = std::stoi(iso.substr(0, 4));
    const int m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    y -= m <= 2;
    const long era = y / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

int weekday_of(const std::string& iso) {
    const long since_epoch = day_number(iso) - 719468;  // 1970-01-01, a Thursday
    return static_cast<int>(((since_epoch % 7) + 7 + 3) % 7) + 1;
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

std::optional<double> compute(const Dataset& ds, const StatComputation& c, const DatasetLookup& lookup) {
    using Kind = StatComputation::Kind;
    switch (c.kind) {
        case Kind::column_sum:
            if (ds.column_index(c.column) < 0) return std::nullopt;
            return column_sum(ds, c.column);
        // Both ends count, as the source counts them ("24–25 November" is two days, "Maret–Juli" five months).
        case Kind::days: return static_cast<double>(day_number(c.end) - day_number(c.start) + 1);
        case Kind::months: {
            const int a = std::stoi(c.start.substr(0, 4)) * 12 + std::stoi(c.start.substr(5, 2));
            const int b = std::stoi(c.end.substr(0, 4)) * 12 + std::stoi(c.end.substr(5, 2));
            return static_cast<double>(b - a + 1);
        }
        case Kind::weekday: return static_cast<double>(weekday_of(c.start));
        case Kind::dates_within: {
            double outside = 0;
            for (const auto& d : c.items)
                if (d < c.start || d > c.end) ++outside;  // ISO dates order as text
            return outside;
        }
        case Kind::item_count: return static_cast<double>(c.items.size());
        case Kind::row_count: {
            const Dataset* table = c.dataset.empty() ? &ds : (lookup ? lookup(c.dataset) : nullptr);
            if (!table) return std::nullopt;
            if (c.column.empty()) return static_cast<double>(table->rows.size());
            const int col = table->column_index(c.column);
            if (col < 0) return std::nullopt;
            double n = 0;
            for (const auto& row : table->rows)
                if (row[static_cast<std::size_t>(col)].number.value_or(0) != 0) ++n;
            return n;
        }
        case Kind::minimum:
        case Kind::maximum:
            if (!c.column.empty()) {  // over a column's rows; blanks are not figures
                const Dataset* table = c.dataset.empty() ? &ds : (lookup ? lookup(c.dataset) : nullptr);
                const int col = table ? table->column_index(c.column) : -1;
                if (col < 0) return std::nullopt;
                std::optional<double> best;
                for (const auto& row : table->rows)
                    if (const auto& v = row[static_cast<std::size_t>(col)].number)
                        if (!best || (c.kind == Kind::minimum ? *v < *best : *v > *best)) best = v;
                return best;
            }
            break;
        default: break;
    }
    std::vector<double> v;
    for (const auto& op : c.operands) {
        const auto x = operand_value(ds, op, lookup);
        if (!x) return std::nullopt;
        v.push_back(*x);
    }
    const bool any_count = c.kind == Kind::sum || c.kind == Kind::minimum || c.kind == Kind::maximum;
    if (v.empty() || (!any_count && v.size() != 2)) return std::nullopt;
    switch (c.kind) {
        case Kind::minimum: return *std::min_element(v.begin(), v.end());
        case Kind::maximum: return *std::max_element(v.begin(), v.end());
        case Kind::sum: {
            double total = 0;
            for (double x : v) total += x;
            return total;
        }
        case Kind::difference: return v[0] - v[1];
        case Kind::product: return v[0] * v[1];
        case Kind::decrease_percent:
            if (v[0] == 0) return std::nullopt;
            return (v[0] - v[1]) / v[0] * 100.0;
        case Kind::percent_of:
            if (v[1] == 0) return std::nullopt;
            return v[0] / v[1] * 100.0;
        case Kind::ratio:
            if (v[1] == 0) return std::nullopt;
            return v[0] / v[1];
        case Kind::change_percent:
            if (v[0] == 0) return std::nullopt;
            return (v[1] - v[0]) / v[0] * 100.0;
        default: break;
    }
    return std::nullopt;
}

/// Decimals a printed figure shows (as stored: 6,44 has two), at most six.
int shown_decimals(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", std::abs(v));
    std::string digits(buf);
    const auto dot = digits.find('.');
    if (dot == std::string::npos) return 0;
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    return digits.size() > dot + 1 ? static_cast<int>(digits.size() - dot - 1) : 0;
}

double rounding_slack(const Dataset& ds, const StatComputation& c, const DatasetLookup& lookup) {
    if (c.kind != StatComputation::Kind::sum && c.kind != StatComputation::Kind::difference) return 0;
    double slack = 0;
    for (const auto& op : c.operands) {
        if (!op.cell_column.empty() || op.constant) {  // a single printed figure; a column sum is exact counts
            const auto v = operand_value(ds, op, lookup);
            const int d = v ? shown_decimals(*v) : 0;
            if (d > 0) slack += 0.5 * std::pow(10.0, -d);
        }
    }
    return slack;
}

bool statement_holds(const StatStatement& st, double computed, double slack) {
    const double unit = 0.5 * std::pow(10.0, -st.decimals);
    switch (st.bound) {
        case StatBound::exact: return std::abs(st.value - computed) <= unit + slack + 1e-9 * std::max(1.0, std::abs(computed));
        case StatBound::more_than: return computed > st.value;
        case StatBound::less_than: return computed < st.value;
        case StatBound::at_most: return computed <= st.value + unit;
        case StatBound::at_least: return computed >= st.value - unit;
        case StatBound::about: return std::abs(computed - st.value) <= std::max(0.05 * std::abs(st.value), unit);
    }
    return false;
}

DatasetCheck check_consistency(const Dataset& ds, const DatasetLookup& lookup) {
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
        const auto computed = compute(ds, st.how, lookup);
        check.statements.push_back(computed);
        check.alternatives.push_back(st.alternative ? compute(ds, *st.alternative, lookup) : std::nullopt);
        if (computed && !statement_holds(st, *computed, rounding_slack(ds, st.how, lookup)))
            out.push_back({Finding::Scope::statement, 0, st.how.column, i, st.value, *computed, st.decimals, st.bound});
    }
    return check;
}

std::map<std::string, DatasetCheck> check_datasets(const std::vector<Dataset>& datasets, Diagnostics& diags) {
    std::map<std::string, DatasetCheck> checks;
    std::map<std::string, const Dataset*> by_id;
    for (const auto& ds : datasets) by_id[ds.id] = &ds;
    const DatasetLookup lookup = [&by_id](const std::string& id) -> const Dataset* {
        auto it = by_id.find(id);
        return it == by_id.end() ? nullptr : it->second;
    };
    for (const auto& ds : datasets) {
        auto check = check_consistency(ds, lookup);
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
        case Finding::Scope::statement: {
            const auto& st = ds.statements[f.statement];
            const auto stated = calendar_stated_text(st).value_or(bound_words(f.bound) + declared);
            const auto found = claim_computed_text(st.how, f.computed);
            return where + ": pernyataan \"" + st.label + "\"" + (st.source.empty() ? "" : " (" + st.source + ")") +
                   " tertulis " + stated +
                   (found ? (st.how.kind == StatComputation::Kind::weekday ? ", menurut kalender " : ", tetapi ") + *found
                          : (st.how.kind == StatComputation::Kind::column_sum ? ", dihitung dari baris " : ", dihitung ") +
                                computed);
        }
    }
    return where;
}

}  // namespace pepgen
