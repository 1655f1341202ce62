/// Where a sheet and each of its scores sit in a round file, and where a score lands in
/// its sheet: one answer for both round readers (the JSON tree and the one-pass reader).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/json_reader.h"
#include "model/types.h"
#include "util/flat_map.h"

namespace pepgen {

/// A sheet's place in its file: where it names its LSP (npos when not found) and that line.
struct SheetPlace {
    std::size_t offset = std::string::npos;
    int line = 0;
    std::size_t after_previous = 0;  ///< where the previous sheet named its LSP
};

/// Finds the sheet of `lsp_id` from `cursor` on (sheets come in file order); the cursor moves past it.
SheetPlace locate_sheet(const JsonDoc& doc, const std::string& lsp_id, std::size_t& cursor);

/// The line of each score key of the sheet at `at`, in the order given (0 where a key is not
/// found as written, say spelt with escapes: the sheet's line is used then).
std::vector<int> score_key_lines(const JsonDoc& doc, const SheetPlace& at, const std::vector<std::string_view>& keys);

/// A score read for `code`: at its indicator's position, or kept apart as stray for validation to name.
void place_score(ScoreSheet& sheet, const std::string& code, std::optional<int> score, int line,
                 const FlatMap<std::string, std::size_t>& positions);
/// The same with the position already looked up (npos: not in the catalogue).
void place_score_at(ScoreSheet& sheet, std::size_t position, const std::string& code, std::optional<int> score, int line);

/// What every round read gets last: a title when the file gives none, and the index of its sheets.
void finish_round(Round& round);

}  // namespace pepgen
