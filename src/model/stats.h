/// Plain value types for national statistics tables (data/statistik/): each
/// figure as printed in its source, plus the totals and statements the source
/// declares, so the generator can recompute and compare them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pepgen {

enum class ColumnType { text, number, rupiah, percent };

/// How a printed column derives from other columns of the same row.
struct Formula {
    enum class Kind { none, sum, percent, product, difference };
    Kind kind = Kind::none;
    std::vector<std::string> operands;  ///< column keys
};

struct StatColumn {
    std::string key;
    std::string title;
    ColumnType type = ColumnType::text;
    std::string unit;
    int decimals = -1;   ///< printed decimals; -1 = as the value needs
    Formula formula;
    bool numeric() const { return type != ColumnType::text; }
};

/// One cell: a number, a text, or blank (null in the data, blank in the source).
struct StatCell {
    std::optional<double> number;
    std::optional<std::string> text;
    bool blank() const { return !number && !text; }
};

/// A value used by a statement: a constant, the sum of a column over the
/// rows, or one cell (the row named by its label text); of this table, or of
/// another one (`dataset`).
struct StatOperand {
    std::optional<double> constant;
    std::string column_sum;
    std::string cell_row, cell_column;  ///< a cell: the row whose label is cell_row, column cell_column
    std::string dataset;                ///< another table's id; empty: this table
};

/// How a stated figure is recomputed.
struct StatComputation {
    enum class Kind {
        column_sum, percent_of, sum, difference, product, ratio, change_percent, decrease_percent, days, months,
        row_count,     ///< rows of a table (`dataset`), only those with a non-zero `column` when one is named
        minimum,       ///< the smallest of the operands, or of `column` over the rows of `dataset`
        maximum,       ///< the largest, likewise
        weekday,       ///< the day of the week of `start`: 1 = Senin … 7 = Minggu
        dates_within,  ///< how many of `items` (dates) fall outside start…end: 0 when the claim holds
        item_count,    ///< how many `items` the source lists after stating their number
    };
    Kind kind = Kind::column_sum;
    std::string column;                  ///< column_sum; row_count's filter; minimum/maximum over a column
    std::vector<StatOperand> operands;   ///< sum, minimum, maximum: any number; the others: 2 (a, b)
    std::string start, end;              ///< days (YYYY-MM-DD), months (YYYY-MM): both counted; a period; weekday's date
    std::string dataset;                 ///< row_count, minimum, maximum over a column: another table; empty: this one
    std::vector<std::string> items;      ///< item_count: the items as the source names them; dates_within: the dates
};

/// Claims whose figure is not a quantity: a weekday, dates inside a period.
bool is_calendar_claim(StatComputation::Kind kind);

/// How the source words a figure: exactly, or as a bound it must respect.
enum class StatBound { exact, more_than, less_than, at_most, at_least, about };

/// How a bound reads before its figure: "lebih dari ", "hingga ", "" for exact.
const char* bound_words(StatBound bound);

/// A figure the source states elsewhere (narrative, infographic) that should
/// equal, or respect as a bound, a computation over this table (or others).
struct StatStatement {
    std::string label;
    double value = 0;
    int decimals = 0;      ///< decimals as written in the data
    StatBound bound = StatBound::exact;
    StatComputation how;
    /// The same figure computed another way, shown beside it: where the source
    /// contradicts itself (a printed total against its rows), both versions.
    std::optional<StatComputation> alternative;
    std::string alternative_label;
    /// The row of this table that prints the stated figure: marked wherever the table is shown.
    std::string row;
    std::string source;
};

struct Dataset {
    std::string id;
    std::string title;
    int year = 0;
    std::string source_document;
    std::string source_part;
    std::string note;
    std::vector<StatColumn> columns;
    std::vector<std::vector<StatCell>> rows;   ///< aligned with columns
    std::optional<std::string> total_label;    ///< the printed totals row, if any
    std::map<std::string, double> total_values;
    std::map<std::string, int> total_decimals;
    std::vector<StatStatement> statements;
    std::string source_file;
    /// The source file as published: re-serialised, so < > & are escaped like
    /// every published JSON, keys in the source's order.
    std::string published_json;

    /// Index of a column by key, or -1.
    int column_index(const std::string& key) const;
    /// Index of the row whose label (its first text column) is `label`, or -1.
    int row_index(const std::string& label) const;
};

/// How an embedded table is charted.
enum class ChartKind { none, bar, stacked_bar, line, tile_map };

/// A ```statistik block in a Markdown page, parsed.
struct EmbedSpec {
    std::string dataset;
    ChartKind chart = ChartKind::bar;
    std::string label_column;                ///< empty = first text column
    std::vector<std::string> value_columns;  ///< empty = every column sharing the first chartable column's unit
    bool table = true;
    std::string title;
    std::string file;
    int line = 0;
};

/// The label column of an embed: the one it names, or the first text column.
int embed_label_column(const Dataset& ds, const EmbedSpec& spec);
/// The value columns of an embed: the ones it names, else every column that
/// shares the first chartable column's unit, totals and shares left out.
std::vector<int> embed_value_columns(const Dataset& ds, const EmbedSpec& spec);

/// A column can be charted only when its unit is known: rupiah, persen, or a
/// number with a satuan (a bare number may hold a different unit per row).
bool has_unit(const StatColumn& col);
/// "rupiah", "persen", the satuan, or "tanpa satuan": for messages and legends.
std::string unit_name(const StatColumn& col);
/// Two columns may share one axis: both have a unit and it is the same.
bool comparable(const StatColumn& a, const StatColumn& b);
/// The column the source prints as the sum of exactly these columns (so they
/// are parts of a whole and may be stacked), or -1.
int parts_total_column(const Dataset& ds, const std::vector<int>& parts);

}  // namespace pepgen
