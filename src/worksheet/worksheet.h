/// The evaluators' worksheet: one row per LSP, one column per indicator (the
/// header shows its maximum), plus notes and recommendations. Scaffolded by
/// `pepgen new penilaian`, read back by `pepgen import`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "util/diagnostic.h"
#include "model/types.h"

namespace pepgen {

/// The empty worksheet for these LSPs, as CSV for an Indonesian spreadsheet.
std::string worksheet_csv(const Content& content, const std::vector<Lsp>& lsps);

/// One cell as import reads it, from a CSV text or from a workbook.
struct SheetCell {
    std::string text;      ///< as typed (CSV); a workbook cell's text, or its number written plainly
    bool number = false;   ///< a workbook cell holding a number, not text
    double value = 0;      ///< that number
    bool date = false;     ///< the spreadsheet shows that number as a date
    bool formula = false;  ///< the value is a formula's saved result
};

struct SheetRow {
    std::vector<SheetCell> cells;
    std::vector<int> cell_lines;  ///< CSV: text line where each cell starts
    int line = 0;  ///< CSV: text line where the row starts; 0 for a workbook
    int row = 0;   ///< 1-based row as the spreadsheet shows it
};

/// A worksheet's rows, blank rows dropped; `sheet` names the workbook sheet
/// they came from (messages then name cells, "F12"), empty for a CSV.
struct SheetTable {
    std::vector<SheetRow> rows;
    std::string sheet;
    char delimiter = ';';
};

struct WorkbookSheet;

/// A workbook sheet's rows (blank rows dropped), each cell with its number
/// and whether the spreadsheet shows it as a date.
SheetTable workbook_sheet_table(const WorkbookSheet& sheet);

/// A CSV worksheet's rows; encoding and quoting problems reported at their
/// line, with what to do, and then nothing is returned.
std::optional<SheetTable> csv_sheet_table(const std::string& csv_text, const std::string& file, Diagnostics& diags);

struct ImportedWorksheet {
    std::vector<ScoreSheet> sheets;       ///< registry order
    std::vector<std::size_t> columns;     ///< catalogue positions of the indicator columns present
    bool has_notes = false, has_recommendations = false;
};

/// Reads a filled worksheet. Every bad cell is reported with its row (or
/// cell), LSP and column; on any error nothing is returned. What a
/// spreadsheet did to a cell (a number kept as text, a value shown as a
/// date) is a warning where the value is still clear, an error where not.
std::optional<ImportedWorksheet> import_worksheet(const SheetTable& table, const std::string& file,
                                                  const Content& content, const std::vector<Lsp>& lsps,
                                                  Diagnostics& diags);
/// The same from a CSV text.
std::optional<ImportedWorksheet> import_worksheet(const std::string& csv_text, const std::string& file,
                                                  const Content& content, const std::vector<Lsp>& lsps,
                                                  Diagnostics& diags);

/// The round after importing: rows of the worksheet update their LSP's sheet
/// (only in the columns the worksheet has); sheets it does not mention stay,
/// unless they are still empty scaffolding. Returns how many were left as they were.
std::size_t merge_worksheet(std::vector<ScoreSheet>& round_sheets, const ImportedWorksheet& imported,
                            const std::vector<Lsp>& lsps);

}  // namespace pepgen
