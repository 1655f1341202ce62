/// Reads CSV the way spreadsheets really save it (libcsv underneath): comma
/// or semicolon, with or without a UTF-8 BOM, CRLF or LF, quoted fields with
/// delimiters and line breaks inside, blank trailing rows.
#pragma once

#include <string>
#include <vector>

namespace pepgen {

struct CsvRow {
    std::vector<std::string> cells;
    int line = 0;   ///< 1-based row number as a spreadsheet shows it (a cell with line breaks is still one row)
};

struct CsvTable {
    std::vector<CsvRow> rows;   ///< blank rows dropped
    char delimiter = ';';
    std::string error;          ///< set when the text cannot be read as CSV
};

/// The delimiter of the first line: ';' or ',' (whichever occurs more outside quotes).
char detect_delimiter(const std::string& text);

CsvTable read_csv(const std::string& text);

}  // namespace pepgen
