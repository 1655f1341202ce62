/// Names a workbook shows that the rest of pepgen also speaks in: cell and column names for
/// messages, and the registry workbook's columns. Kept apart from the workbook reader and
/// writer, which need liborcus and libxlsxwriter, so that checking a worksheet does not.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace pepgen {

/// A column's letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA.
std::string column_letter(std::size_t column);

/// A cell's name as a spreadsheet shows it: (0, 0) → "A1", (11, 5) → "F12".
std::string cell_name(std::size_t row, std::size_t column);

/// The registry workbook's columns: data/lsp.json's field names, in its order.
const std::vector<std::string>& registry_columns();

}  // namespace pepgen
