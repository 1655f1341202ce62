/// Reads CSV the way spreadsheets really save it (libcsv underneath, strict):
/// comma or semicolon, with or without a UTF-8 BOM, CRLF or LF, quoted fields
/// with delimiters and line breaks inside, blank trailing rows. A quote that
/// breaks the CSV rules is an error, never text swallowed into a cell.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pepgen {

struct CsvRow {
    std::vector<std::string> cells;
    std::vector<int> cell_lines;  ///< text line where each cell starts
    int line = 0;  ///< 1-based text line where the row starts (what an editor jumps to)
    int row = 0;   ///< 1-based row as a spreadsheet shows it: a cell with line breaks is still one row
};

/// Why the text is not CSV, located at the cell that caused it.
struct CsvError {
    enum class Kind {
        unclosed_quote,     ///< a quoted cell runs to the end of the file
        text_after_quote,   ///< a quoted cell's closing quote is followed by more text
        quote_inside_cell,  ///< a quote in the middle of a cell that does not start with one
        out_of_memory,
    };
    Kind kind = Kind::unclosed_quote;
    int line = 0;             ///< text line where the faulty cell starts
    int row = 0;              ///< its spreadsheet row
    std::size_t column = 0;   ///< 0-based position of the cell in its row
    int stop_line = 0;        ///< text line where reading stopped (the offending quote, or the last line)
};

struct CsvTable {
    std::vector<CsvRow> rows;   ///< blank rows dropped
    char delimiter = ';';
    std::optional<CsvError> error;  ///< set when the text cannot be read as CSV; rows are then partial
};

/// The delimiter of the first line: ';' or ',' (whichever occurs more outside quotes).
char detect_delimiter(const std::string& text);

CsvTable read_csv(const std::string& text);

}  // namespace pepgen
