/// Reads the registry workbook (`pepgen export lsp`, filled in a spreadsheet)
/// back into LSP entries, with the registry's own rules, every problem named
/// by its cell; and says what an import would change in data/lsp.json.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/types.h"
#include "util/diagnostic.h"
#include "worksheet/workbook_reader.h"

namespace pepgen {

/// The entries in the sheet's row order; nothing on any error.
std::optional<std::vector<Lsp>> import_registry(const WorkbookSheet& sheet, const std::string& file, Diagnostics& diags);

/// One line per LSP added, removed or changed ("lsp-a: nama 'A' → 'B'").
std::vector<std::string> registry_changes(const std::vector<Lsp>& before, const std::vector<Lsp>& after);

}  // namespace pepgen
