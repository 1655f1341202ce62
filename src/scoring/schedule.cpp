#include "scoring/schedule.h"

#include <set>

namespace pepgen {

std::vector<YearSchedule> schedule_by_year(const Data& data) {
    std::vector<YearSchedule> out;
    std::map<int, YearSchedule> years;
    for (std::size_t i = 0; i < data.rounds.size(); ++i) {
        if (data.rounds[i].draft) continue;  // not held publicly yet
        const int year = std::stoi(data.rounds[i].date.substr(0, 4));
        auto& y = years[year];
        y.year = year;
        (data.rounds[i].kind == RoundKind::rutin ? y.periodic : y.incidental).push_back(i);
    }
    if (years.empty()) return out;
    for (int year = years.begin()->first; year <= years.rbegin()->first; ++year) {
        auto it = years.find(year);
        out.push_back(it != years.end() ? it->second : YearSchedule{year, {}, {}});
    }
    return out;
}

std::vector<const Lsp*> missing_from_round(const Data& data, const Round& round) {
    // A loaded round has its index; one made another way is indexed here, not scanned per LSP.
    std::set<std::string> unindexed;
    if (round.sheet_index.empty())
        for (const auto& s : round.sheets) unindexed.insert(s.lsp_id);
    std::vector<const Lsp*> out;
    for (const auto& lsp : data.lsps) {
        if (round.sheet_index.empty() ? unindexed.count(lsp.id) != 0 : round.find_sheet(lsp.id) != nullptr) continue;
        if (!lsp.licence_issued.empty() && lsp.licence_issued > round.date) continue;  // not licensed yet
        if (licence_expired_on(lsp, round.date)) continue;                          // licence ended
        out.push_back(&lsp);
    }
    return out;
}

bool licence_expired_on(const Lsp& lsp, const std::string& date) {
    // ISO dates compare correctly as strings.
    return !lsp.licence_valid_until.empty() && lsp.licence_valid_until < date;
}

}  // namespace pepgen
