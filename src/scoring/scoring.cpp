#include "scoring/scoring.h"
#include "scoring/publication.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "util/parallel.h"

namespace pepgen {

const SheetResult* RoundResult::find(const std::string& lsp_id) const {
    // Indexed: looked up once per LSP per round, so a scan would be quadratic.
    if (!by_lsp.empty() || sheets.empty()) {
        const auto at = by_lsp.find(lsp_id, lsp_id_at(sheets));
        return at ? &sheets[*at] : nullptr;
    }
    for (const auto& s : sheets)
        if (s.lsp_id == lsp_id) return &s;
    return nullptr;
}

std::optional<std::size_t> category_of(const CategoryTable& table, int ik) {
    for (std::size_t i = 0; i < table.categories.size(); ++i)
        if (ik >= table.categories[i].min && ik <= table.categories[i].max) return i;
    return std::nullopt;
}

SheetResult score_sheet(const std::vector<Indicator>& catalogue, const CategoryTable& table, const ScoreSheet& sheet) {
    SheetResult r;
    r.lsp_id = sheet.lsp_id;
    // Sized once: a national build scores hundreds of thousands of sheets.
    r.weak_at.reserve(catalogue.size());
    for (std::size_t g = 0; g < kGroupCount; ++g) r.groups[g] = {all_groups()[g].group, 0, 0, true, 0};
    int total = 0;
    for (std::size_t k = 0; k < catalogue.size(); ++k) {
        const auto& ind = catalogue[k];
        auto& gs = r.groups[static_cast<std::size_t>(ind.group)];
        gs.max += ind.max_score;
        const auto given = sheet.score(k);
        if (!given) {
            r.missing.push_back(ind.code);
            r.weak_at.push_back(0);
            gs.complete = false;
            continue;
        }
        const int score = *given;
        gs.score += score;
        total += score;
        r.weak_at.push_back(below_half(score, ind.max_score));
    }
    for (auto& gs : r.groups) gs.percent = gs.max > 0 ? 100.0 * gs.score / gs.max : 0;
    r.complete = r.missing.empty() && !catalogue.empty();
    if (r.complete) {
        r.ik = total;
        r.category = category_of(table, total);
    }
    return r;
}

void assign_ranks(std::vector<SheetResult>& sheets) {
    std::vector<int> iks;
    for (const auto& s : sheets)
        if (s.ik) iks.push_back(*s.ik);
    std::sort(iks.begin(), iks.end(), std::greater<>());
    for (auto& s : sheets) {
        if (!s.ik) {
            s.rank.reset();
            continue;
        }
        // Rank = 1 + number of strictly higher IKs.
        const auto higher = std::lower_bound(iks.begin(), iks.end(), *s.ik, std::greater<>()) - iks.begin();
        s.rank = static_cast<int>(higher) + 1;
    }
}

namespace {

void summarise(const Content& content, RoundResult& rr) {
    const auto& cats = content.categories.categories;
    rr.category_counts.assign(cats.size(), 0);
    const auto groups = all_groups().size();
    std::vector<double> group_sum(groups, 0);
    long ik_sum = 0;
    for (const auto& s : rr.sheets) {
        if (!s.complete) {
            ++rr.incomplete_count;
            continue;
        }
        ++rr.complete_count;
        ik_sum += *s.ik;
        if (s.category) ++rr.category_counts[*s.category];
        for (std::size_t g = 0; g < groups; ++g) group_sum[g] += s.groups[g].percent;
    }
    rr.group_mean_percent.assign(groups, std::nullopt);
    if (rr.complete_count > 0) {
        rr.mean_ik = static_cast<double>(ik_sum) / rr.complete_count;
        for (std::size_t g = 0; g < groups; ++g) rr.group_mean_percent[g] = group_sum[g] / rr.complete_count;
    }
}

/// Per indicator: mean score, sheets below half, sheets per rubric level. Sheet by sheet, each
/// read once from start to end: going indicator by indicator over thousands of sheets
/// was most of a round's compute.
void indicator_means(const Content& content, const Round& round, RoundResult& rr) {
    const auto& indicators = content.indicators;
    std::vector<long> sum(indicators.size(), 0);
    for (const auto& ind : indicators)
        rr.indicator_means.push_back({ind.code, std::nullopt, 0, 0, std::vector<int>(ind.rubric.size(), 0)});
    for (const auto& sheet : rr.sheets) {
        const auto& scores = round.sheets[sheet.sheet];
        for (std::size_t k = 0; k < indicators.size(); ++k) {
            const auto score = scores.score(k);
            if (!score) continue;
            auto& avg = rr.indicator_means[k];
            sum[k] += *score;
            ++avg.count;
            avg.below_half += sheet.weak_at[k];
            const auto& rubric = indicators[k].rubric;
            for (std::size_t l = 0; l < rubric.size(); ++l)
                if (*score >= rubric[l].from && *score <= rubric[l].to) ++avg.level_counts[l];
        }
    }
    for (std::size_t k = 0; k < indicators.size(); ++k)
        if (auto& avg = rr.indicator_means[k]; avg.count > 0) avg.mean = static_cast<double>(sum[k]) / avg.count;
}

}  // namespace

std::vector<std::size_t> listing_order(const std::vector<SheetResult>& sheets,
                                       const std::unordered_map<std::string, const std::string*>& names) {
    struct Row {
        std::size_t at;
        const std::string* name;  // looked up once, not at every comparison
    };
    std::vector<Row> rows;
    rows.reserve(sheets.size());
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        auto it = names.find(sheets[i].lsp_id);
        rows.push_back({i, it == names.end() ? &sheets[i].lsp_id : it->second});
    }
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        const auto &x = sheets[a.at].rank, &y = sheets[b.at].rank;
        if (x.has_value() != y.has_value()) return x.has_value();
        if (x && *x != *y) return *x < *y;
        return *a.name < *b.name;
    });
    std::vector<std::size_t> order;
    order.reserve(rows.size());
    for (const auto& row : rows) order.push_back(row.at);
    return order;
}

Results compute(const Content& content, const Data& data) {
    Results results;
    for (const auto& ind : content.indicators) {
        auto& row = results.score_percent.emplace_back();
        for (int score = 0; ind.max_score > 0 && score <= ind.max_score; ++score) row.push_back(100.0 * score / ind.max_score);
    }
    // Each round on its own first (in parallel: nothing is shared), then what
    // links rounds together, in round order.
    std::unordered_map<std::string, const std::string*> names;  // the last entry of a repeated id, as the pages'
    for (const auto& lsp : data.lsps) names[lsp.id] = &lsp.name;
    results.rounds.resize(data.rounds.size());
    for_each_index(data.rounds.size(), [&](std::size_t i) {
        const auto& round = data.rounds[i];
        RoundResult& rr = results.rounds[i];
        rr.round = i;
        rr.sheets.reserve(round.sheets.size());
        for (std::size_t k = 0; k < round.sheets.size(); ++k) {
            rr.sheets.push_back(score_sheet(content.indicators, content.categories, round.sheets[k]));
            rr.sheets.back().sheet = k;
        }
        // An incidental round looks at a few LSPs for a reason (a complaint, a
        // follow-up): ranking them against each other ("1 dari 1") means nothing.
        if (round.kind == RoundKind::rutin) assign_ranks(rr.sheets);
        rr.by_lsp = IdIndex(rr.sheets.size(), lsp_id_at(rr.sheets));
        summarise(content, rr);
        indicator_means(content, round, rr);
        rr.ranked = listing_order(rr.sheets, names);
    });
    for (std::size_t i = 0; i < data.rounds.size(); ++i) {
        // A draft is shown only on its own pages, for the LSPs to check: it is
        // nobody's current result and no later round is compared with it.
        if (data.rounds[i].draft) continue;
        const bool periodic = data.rounds[i].kind == RoundKind::rutin;
        const auto& sheets = results.rounds[i].sheets;
        for (std::size_t k = 0; k < sheets.size(); ++k) {
            const auto& s = sheets[k];
            results.history[s.lsp_id].push_back({i, k});
            if (periodic) results.current_periodic[s.lsp_id] = i;
        }
        if (periodic) results.latest_periodic = i;
    }
    // Changes: compare each sheet with the LSP's newest earlier periodic round
    // in which its sheet was complete (an incomplete sheet has no IK to compare).
    // Rounds are in date order: one pass keeps each LSP's newest such sheet so far
    // (a draft's sheets are compared, but no later round is compared with them).
    std::unordered_map<std::string_view, std::pair<std::size_t, const SheetResult*>> newest;
    for (std::size_t i = 0; i < results.rounds.size(); ++i) {
        for (auto& s : results.rounds[i].sheets) {
            if (!s.complete) continue;
            const auto it = newest.find(s.lsp_id);
            if (it == newest.end()) continue;
            const auto& [round, prev] = it->second;
            s.previous_round = round;
            s.delta = *s.ik - *prev->ik;
            if (s.category && prev->category)
                s.move = *s.category < *prev->category ? Move::up
                         : *s.category > *prev->category ? Move::down
                                                         : Move::same;
        }
        if (data.rounds[i].draft || data.rounds[i].kind != RoundKind::rutin) continue;
        for (const auto& s : results.rounds[i].sheets)
            if (s.complete) newest[s.lsp_id] = {i, &s};
    }
    results.publication = publication_of(data.ledger);
    return results;
}

std::optional<double> Results::percent(std::size_t k, std::optional<int> score) const {
    if (!score || k >= score_percent.size() || *score < 0) return std::nullopt;
    const auto& row = score_percent[k];
    const auto at = static_cast<std::size_t>(*score);
    return at < row.size() ? std::optional<double>(row[at]) : std::nullopt;
}

std::optional<std::size_t> Results::current_round(const std::string& lsp_id) const {
    auto it = current_periodic.find(lsp_id);
    if (it == current_periodic.end()) return std::nullopt;
    return it->second;
}

}  // namespace pepgen
