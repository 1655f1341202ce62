#include "worksheet/round_changes.h"

#include <map>

namespace pepgen {

namespace {

std::string shown(const std::optional<int>& v) { return v ? std::to_string(*v) : "(kosong)"; }

}  // namespace

RoundChanges round_changes(const std::vector<ScoreSheet>& before, const std::vector<ScoreSheet>& after,
                           const std::vector<Indicator>& indicators) {
    RoundChanges out;
    std::map<std::string, const ScoreSheet*> old_by_id, new_by_id;
    for (const auto& s : before) old_by_id[s.lsp_id] = &s;
    for (const auto& s : after) new_by_id[s.lsp_id] = &s;
    for (const auto& s : after) {
        auto it = old_by_id.find(s.lsp_id);
        std::string parts;
        std::size_t changed = 0;
        const ScoreSheet empty_sheet;
        const ScoreSheet& old = it == old_by_id.end() ? empty_sheet : *it->second;
        // Scores filled into empty cells are listed only when few: a first
        // import fills every cell, and 27 "(kosong) → n" per LSP hide what matters.
        std::vector<std::string> filled;
        for (std::size_t k = 0; k < indicators.size(); ++k) {
            const auto a = old.score(k), b = s.score(k);
            if (a == b) continue;
            ++changed;
            const auto item = indicators[k].code + " " + shown(a) + " → " + shown(b);
            if (!a) filled.push_back(item);
            else parts += (parts.empty() ? "" : ", ") + item;
        }
        if (filled.size() > 5) {
            parts += (parts.empty() ? "" : ", ") + std::to_string(filled.size()) + " skor diisi";
        } else {
            for (const auto& f : filled) parts += (parts.empty() ? "" : ", ") + f;
        }
        if (old.notes_markdown != s.notes_markdown) parts += std::string(parts.empty() ? "" : ", ") + "catatan diubah";
        if (old.recommendations_markdown != s.recommendations_markdown)
            parts += std::string(parts.empty() ? "" : ", ") + "rekomendasi diubah";
        if (it == old_by_id.end()) {
            ++out.lsps_added;
            out.lines.push_back(s.lsp_id + ": baru di putaran ini" + (parts.empty() ? "" : "; " + parts));
        } else if (!parts.empty()) {
            out.lines.push_back(s.lsp_id + ": " + parts);
        } else {
            continue;
        }
        out.scores_changed += changed;
        ++out.lsps_changed;
    }
    for (const auto& s : before)
        if (!new_by_id.count(s.lsp_id)) {
            ++out.lsps_removed;
            out.lines.push_back(s.lsp_id + ": dikeluarkan dari putaran ini (barisnya dihapus dari lembar kerja dan "
                                           "belum berisi nilai)");
        }
    return out;
}

}  // namespace pepgen
