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

struct ImportedWorksheet {
    std::vector<ScoreSheet> sheets;       ///< registry order
    std::vector<std::size_t> columns;     ///< catalogue positions of the indicator columns present
    bool has_notes = false, has_recommendations = false;
};

/// Reads a filled worksheet. Every bad cell is reported with its row, LSP
/// and column; on any error nothing is returned.
std::optional<ImportedWorksheet> import_worksheet(const std::string& csv_text, const std::string& file,
                                                  const Content& content, const std::vector<Lsp>& lsps,
                                                  Diagnostics& diags);

/// The round after importing: rows of the worksheet update their LSP's sheet
/// (only in the columns the worksheet has); sheets it does not mention stay,
/// unless they are still empty scaffolding. Returns how many were left as they were.
std::size_t merge_worksheet(std::vector<ScoreSheet>& round_sheets, const ImportedWorksheet& imported,
                            const std::vector<Lsp>& lsps);

}  // namespace pepgen
