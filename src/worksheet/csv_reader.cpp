#include "worksheet/csv_reader.h"

#include <csv.h>

#include <algorithm>

#include "util/text.h"

namespace pepgen {

char detect_delimiter(const std::string& text) {
    int semicolons = 0, commas = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ';') ++semicolons;
        else if (!quoted && c == ',') ++commas;
    }
    return commas > semicolons ? ',' : ';';
}

namespace {

int line_breaks(const void* text, std::size_t len) {
    const auto* p = static_cast<const char*>(text);
    return p ? static_cast<int>(std::count(p, p + len, '\n')) : 0;
}

/// libcsv reports a field only when it ends; where it started follows from the
/// line breaks inside it. Breaks inside cells are what make a spreadsheet row
/// number differ from the text line.
struct Collector {
    CsvTable* table = nullptr;
    CsvRow row;
    int line = 1;     ///< text line being fed to the parser
    int breaks = 0;   ///< line breaks inside the cells completed so far
};

void on_field(void* field, std::size_t len, void* data) {
    auto* c = static_cast<Collector*>(data);
    const int inside = line_breaks(field, len);
    const int start = c->line - inside;
    if (c->row.cells.empty()) {
        c->row.line = start;
        c->row.row = start - c->breaks;
    }
    c->row.cells.emplace_back(field ? static_cast<const char*>(field) : "", field ? len : 0);
    c->row.cell_lines.push_back(start);
    c->breaks += inside;
}

void on_row(int, void* data) {
    auto* c = static_cast<Collector*>(data);
    bool blank = true;
    for (const auto& cell : c->row.cells)
        if (!trim(cell).empty()) blank = false;
    if (!blank) c->table->rows.push_back(std::move(c->row));
    c->row = CsvRow{};
}

/// The cell libcsv was reading when it stopped: its text so far is in the
/// parser's entry buffer, so its start line is the stop line minus the breaks in it.
CsvError error_at(const csv_parser& parser, const Collector& c, CsvError::Kind kind) {
    CsvError e;
    e.kind = kind;
    e.stop_line = c.line;
    e.line = c.line - line_breaks(parser.entry_buf, parser.entry_pos);
    e.row = e.line - c.breaks;
    e.column = c.row.cells.size();
    return e;
}

}  // namespace

CsvTable read_csv(const std::string& input) {
    CsvTable table;
    std::string text = input;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    table.delimiter = detect_delimiter(text);
    csv_parser parser;
    // Strict: a quote that does not open or close a cell is an error, and so
    // is a quoted cell still open at the end of the text; without these libcsv
    // keeps reading every following row into that one cell.
    if (csv_init(&parser, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0) {
        table.error = CsvError{CsvError::Kind::out_of_memory};
        return table;
    }
    csv_set_delim(&parser, static_cast<unsigned char>(table.delimiter));
    Collector c;
    c.table = &table;
    // Fed one text line at a time so that every field and error knows its line;
    // libcsv carries a quoted field with line breaks across calls.
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        end = end == std::string::npos ? text.size() : end + 1;
        if (csv_parse(&parser, text.data() + pos, end - pos, on_field, on_row, &c) != end - pos) {
            const bool parse = csv_error(&parser) == CSV_EPARSE;
            table.error = error_at(parser, c, !parse            ? CsvError::Kind::out_of_memory
                                              : parser.quoted ? CsvError::Kind::text_after_quote
                                                              : CsvError::Kind::quote_inside_cell);
            csv_free(&parser);
            return table;
        }
        pos = end;
        if (text[end - 1] == '\n') ++c.line;
    }
    if (csv_fini(&parser, on_field, on_row, &c) != 0) {
        table.error = error_at(parser, c, CsvError::Kind::unclosed_quote);
        if (!text.empty() && text.back() == '\n') --table.error->stop_line;  // the last line, not the empty one after it
    }
    csv_free(&parser);
    return table;
}

}  // namespace pepgen
