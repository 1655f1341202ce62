#include "model/types.h"

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
        auto it = sheet_index.find(lsp_id);
        return it == sheet_index.end() ? nullptr : &sheets[it->second];
    }
    for (const auto& s : sheets)
        if (s.lsp_id == lsp_id) return &s;
    return nullptr;
}

std::optional<Group> group_from_key(const std::string& key) {
    for (const auto& g : all_groups())
        if (key == g.key) return g.group;
    return std::nullopt;
}

}  // namespace pepgen
