#include "model/types.h"

#include <climits>
#include <stdexcept>

namespace pepgen {

const std::vector<GroupInfo>& all_groups() {
    static const std::vector<GroupInfo> groups = {
        {Group::masukan, "masukan", "Masukan", "Input", "M"},
        {Group::proses, "proses", "Proses", "Activities", "P"},
        {Group::keluaran, "keluaran", "Keluaran", "Output", "K"},
        {Group::hasil, "hasil", "Hasil", "Outcome", "H"},
        {Group::dampak, "dampak", "Dampak", "Impact", "D"},
    };
    return groups;
}

const GroupInfo& group_info(Group g) { return all_groups().at(static_cast<std::size_t>(g)); }

const ScoreSheet* Round::find_sheet(const std::string& lsp_id) const {
    if (!sheet_index.empty()) {
        const auto at = sheet_index.find(lsp_id, lsp_id_at(sheets));
        return at ? &sheets[*at] : nullptr;
    }
    for (const auto& s : sheets)
        if (s.lsp_id == lsp_id) return &s;
    return nullptr;
}

void Round::index_sheets() {
    sheet_index = IdIndex(sheets.size(), lsp_id_at(sheets));
}

void ScoreSheet::set_score(std::size_t k, std::optional<int> value, int line) {
    if (value && !storable_score(*value))
        throw std::out_of_range("skor " + std::to_string(*value) + " di luar 0.." + std::to_string(kMaxStoredScore));
    if (scores.size() <= k) scores.resize(k + 1);
    scores[k] = value ? std::optional<std::int16_t>(static_cast<std::int16_t>(*value)) : std::nullopt;
    if (line > 0) {
        const int offset = line - source_line;
        if (offset < INT16_MIN || offset > INT16_MAX) return;
        if (score_line_offsets.size() <= k) score_line_offsets.resize(k + 1, 0);
        score_line_offsets[k] = static_cast<std::int16_t>(offset);
    }
}

FlatMap<std::string, std::size_t> code_positions(const std::vector<Indicator>& catalogue) {
    FlatMap<std::string, std::size_t> positions;
    positions.reserve(catalogue.size());
    for (std::size_t k = 0; k < catalogue.size(); ++k) positions[catalogue[k].code] = k;
    return positions;
}

std::optional<Group> group_from_key(const std::string& key) {
    for (const auto& g : all_groups())
        if (key == g.key) return g.group;
    return std::nullopt;
}

}  // namespace pepgen
