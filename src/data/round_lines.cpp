#include "data/round_lines.h"

#include <algorithm>

namespace pepgen {

SheetPlace locate_sheet(const JsonDoc& doc, const std::string& lsp_id, std::size_t& cursor) {
    SheetPlace place;
    place.after_previous = cursor;
    place.offset = doc.offset_of("\"lsp\": \"" + lsp_id + "\"", cursor);
    if (place.offset == std::string::npos) place.offset = doc.offset_of("\"" + lsp_id + "\"", cursor);
    if (place.offset != std::string::npos) {
        place.line = doc.line_at(place.offset);
        cursor = place.offset + 1;
    }
    return place;
}

std::vector<int> score_key_lines(const JsonDoc& doc, const SheetPlace& at, const std::vector<std::string_view>& keys) {
    std::vector<int> lines(keys.size(), 0);
    if (at.offset == std::string::npos) return lines;
    // Keys come in file order: each search starts where the last one ended, and a match past the
    // next sheet (a repeated key) falls back to the sheet's start. Their lines are counted on from
    // the sheet's, not looked up one by one.
    const auto next_sheet = doc.offset_of("\"lsp\"", at.offset + 1);
    std::size_t from = at.offset, counted = at.offset;
    int counted_line = at.line;
    std::string needle;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        needle.assign(1, '"').append(keys[k]).push_back('"');
        // Within this sheet only: between its LSP and the next sheet's, or, for a sheet that names
        // its LSP after its scores, the last one before its LSP (the previous sheet's scores may come
        // first there). A key found in neither (spelt with escapes) takes the sheet's line.
        auto found = doc.offset_between(needle, from, next_sheet);
        if (found == std::string::npos) found = doc.offset_between(needle, at.offset, next_sheet);
        if (found == std::string::npos) found = doc.last_offset_between(needle, at.after_previous, at.offset);
        if (found == std::string::npos) continue;
        if (found >= counted) {
            counted_line += static_cast<int>(std::count(doc.text.begin() + static_cast<std::ptrdiff_t>(counted),
                                                        doc.text.begin() + static_cast<std::ptrdiff_t>(found), '\n'));
            counted = found;
            lines[k] = counted_line;
        } else {
            lines[k] = doc.line_at(found);
        }
        from = found + needle.size();
    }
    return lines;
}

void place_score(ScoreSheet& sheet, const std::string& code, std::optional<int> score, int line,
                 const FlatMap<std::string, std::size_t>& positions) {
    const auto at = positions.find(code);
    place_score_at(sheet, at == positions.end() ? std::string::npos : at->second, code, score, line);
}

void place_score_at(ScoreSheet& sheet, std::size_t position, const std::string& code, std::optional<int> score, int line) {
    if (position != std::string::npos) sheet.set_score(position, score, line);
    else sheet.stray.push_back({code, score, line});
}

void finish_round(Round& round) {
    if (round.title.empty())
        round.title = std::string(round.kind == RoundKind::rutin ? "Penilaian Rutin " : "Penilaian Insidental ") +
                      round.period;
    round.index_sheets();
}

}  // namespace pepgen
