#include "worksheet/csv_reader.h"

#include <csv.h>

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

struct Collector {
    CsvTable* table = nullptr;
    CsvRow row;
    int records = 0;    ///< rows seen so far, blank ones included
};

void on_field(void* field, std::size_t len, void* data) {
    auto* c = static_cast<Collector*>(data);
    c->row.cells.emplace_back(field ? static_cast<const char*>(field) : "", field ? len : 0);
}

void on_row(int, void* data) {
    auto* c = static_cast<Collector*>(data);
    bool blank = true;
    for (const auto& cell : c->row.cells)
        if (!trim(cell).empty()) blank = false;
    c->row.line = ++c->records;
    if (!blank) c->table->rows.push_back(std::move(c->row));
    c->row = CsvRow{};
}

}  // namespace

CsvTable read_csv(const std::string& input) {
    CsvTable table;
    std::string text = input;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    table.delimiter = detect_delimiter(text);
    csv_parser parser;
    if (csv_init(&parser, CSV_APPEND_NULL) != 0) {
        table.error = "pembaca CSV tidak dapat disiapkan";
        return table;
    }
    csv_set_delim(&parser, static_cast<unsigned char>(table.delimiter));
    Collector c;
    c.table = &table;
    // Fed one text line at a time so a parse error can name its line; libcsv
    // carries a quoted field with line breaks across calls.
    std::size_t pos = 0;
    int line = 1;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        end = end == std::string::npos ? text.size() : end + 1;
        if (csv_parse(&parser, text.data() + pos, end - pos, on_field, on_row, &c) != end - pos) {
            table.error = "CSV tidak dapat dibaca di baris " + std::to_string(line) + ": " + csv_strerror(csv_error(&parser));
            csv_free(&parser);
            return table;
        }
        ++line;
        pos = end;
    }
    csv_fini(&parser, on_field, on_row, &c);
    csv_free(&parser);
    return table;
}

}  // namespace pepgen
