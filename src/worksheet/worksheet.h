/// The evaluators' worksheet: one row per LSP, one column per indicator (the
/// header shows its maximum), plus notes and recommendations. Scaffolded by
/// `pepgen new penilaian`, read back by `pepgen import`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/types.h"

namespace pepgen {

/// The empty worksheet for these LSPs, as CSV for an Indonesian spreadsheet.
std::string worksheet_csv(const Content& content, const std::vector<Lsp>& lsps);

/// Reads a filled worksheet. Every bad cell is reported with its line, LSP
/// and column; on any error nothing is returned. Sheets come in registry order.
std::optional<std::vector<ScoreSheet>> import_worksheet(const std::string& csv_text, const std::string& file,
                                                        const Content& content, const std::vector<Lsp>& lsps,
                                                        Diagnostics& diags);

}  // namespace pepgen
