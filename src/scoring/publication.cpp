#include "scoring/publication.h"

#include <algorithm>
#include <set>

#include "util/sha256.h"

namespace pepgen {

namespace {

PublishedSheet* find_sheet(PublishedRound& round, const std::string& lsp_id) {
    for (auto& s : round.sheets)
        if (s.lsp_id == lsp_id) return &s;
    return nullptr;
}

const PublishedSheet* find_sheet(const PublishedRound& round, const std::string& lsp_id) {
    for (const auto& s : round.sheets)
        if (s.lsp_id == lsp_id) return &s;
    return nullptr;
}

std::string opt_text(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("-"); }

}  // namespace

std::vector<PublishedRound> published_figures(const Content& content, const Data& data, const Results& results,
                                              const std::set<std::string>* only) {
    std::vector<PublishedRound> out;
    for (std::size_t i = 0; i < data.rounds.size(); ++i) {
        if (data.rounds[i].draft || (only && !only->count(data.rounds[i].period))) continue;
        PublishedRound pr;
        pr.period = data.rounds[i].period;
        for (const auto& s : results.rounds[i].sheets) {
            PublishedSheet ps;
            ps.lsp_id = s.lsp_id;
            for (std::size_t k = 0; k < content.indicators.size(); ++k)
                ps.scores[content.indicators[k].code] = source_sheet(data, results.rounds[i], s).score(k);
            ps.ik = s.ik;
            if (s.category) ps.category = content.categories.categories[*s.category].key;
            ps.rank = s.rank;
            pr.sheets.push_back(std::move(ps));
        }
        out.push_back(std::move(pr));
    }
    return out;
}

std::map<std::string, PublishedRound> expected_figures(const Ledger& ledger) {
    std::map<std::string, PublishedRound> out;
    const auto* latest = ledger.latest();
    if (!latest) return out;
    for (const auto& r : latest->rounds) out[r.period] = r;
    for (std::size_t c = latest->corrections; c < ledger.corrections.size(); ++c) {
        const auto& corr = ledger.corrections[c];
        for (const auto& ch : corr.changes) {
            auto& round = out[ch.period];
            round.period = ch.period;
            if (ch.sheet_removed) {
                round.sheets.erase(std::remove_if(round.sheets.begin(), round.sheets.end(),
                                                  [&](const PublishedSheet& s) { return s.lsp_id == ch.lsp_id; }),
                                   round.sheets.end());
                continue;
            }
            auto* sheet = find_sheet(round, ch.lsp_id);
            if (!sheet) {
                round.sheets.push_back(PublishedSheet{ch.lsp_id, {}, std::nullopt, {}, std::nullopt});
                sheet = &round.sheets.back();
            }
            if (!ch.code.empty()) sheet->scores[ch.code] = ch.new_value;
        }
        for (const auto& q : corr.consequences) {
            auto it = out.find(q.period);
            if (it == out.end()) continue;
            auto* sheet = find_sheet(it->second, q.lsp_id);
            if (!sheet) continue;
            if (q.ik_changed) sheet->ik = q.new_ik;
            if (q.category_changed) sheet->category = q.new_category;
            if (q.rank_changed) sheet->rank = q.new_rank;
        }
    }
    return out;
}

FigureChanges figure_changes(const std::map<std::string, PublishedRound>& expected,
                             const std::vector<PublishedRound>& current, const std::vector<Indicator>& catalogue) {
    FigureChanges out;
    std::map<std::string, const PublishedRound*> now;
    for (const auto& r : current) now[r.period] = &r;
    static const PublishedRound none;
    for (const auto& [period, before] : expected) {
        auto it = now.find(period);
        const PublishedRound& after = it == now.end() ? none : *it->second;
        // Sheets in the current file's order, then those that are gone.
        std::vector<std::string> ids;
        std::set<std::string> seen;
        for (const auto& s : after.sheets)
            if (seen.insert(s.lsp_id).second) ids.push_back(s.lsp_id);
        for (const auto& s : before.sheets)
            if (seen.insert(s.lsp_id).second) ids.push_back(s.lsp_id);
        for (const auto& id : ids) {
            const auto* b = find_sheet(before, id);
            const auto* a = find_sheet(after, id);
            auto score = [](const PublishedSheet* s, const std::string& code) -> std::optional<int> {
                if (!s) return std::nullopt;
                auto at = s->scores.find(code);
                return at == s->scores.end() ? std::nullopt : at->second;
            };
            if (!b || !a) {
                ScoreChange sc;
                sc.period = period;
                sc.lsp_id = id;
                sc.sheet_added = !b;
                sc.sheet_removed = !a;
                sc.old_value = b ? b->ik : std::nullopt;
                sc.new_value = a ? a->ik : std::nullopt;
                out.changes.push_back(sc);
            }
            // Catalogue codes first, in its order; then codes the catalogue no longer has.
            std::vector<std::string> codes;
            std::set<std::string> known;
            for (const auto& ind : catalogue) {
                codes.push_back(ind.code);
                known.insert(ind.code);
            }
            for (const auto* s : {b, a})
                if (s)
                    for (const auto& [code, v] : s->scores)
                        if (known.insert(code).second) codes.push_back(code);
            for (const auto& code : codes) {
                const auto old_v = score(b, code), new_v = score(a, code);
                if (old_v == new_v) continue;
                out.changes.push_back(ScoreChange{period, id, code, old_v, new_v, false, false});
            }
            Consequence q;
            q.period = period;
            q.lsp_id = id;
            q.old_ik = b ? b->ik : std::nullopt;
            q.new_ik = a ? a->ik : std::nullopt;
            q.old_category = b ? b->category : std::string();
            q.new_category = a ? a->category : std::string();
            q.old_rank = b ? b->rank : std::nullopt;
            q.new_rank = a ? a->rank : std::nullopt;
            q.ik_changed = q.old_ik != q.new_ik;
            q.category_changed = q.old_category != q.new_category;
            q.rank_changed = q.old_rank != q.new_rank;
            if (q.ik_changed || q.category_changed || q.rank_changed) out.consequences.push_back(std::move(q));
        }
    }
    return out;
}

std::string corrections_digest(const std::vector<Correction>& corrections, std::size_t n) {
    Sha256 h;
    auto field = [&h](const std::string& s) {
        h.update(std::to_string(s.size()));
        h.update(":");
        h.update(s);
    };
    for (std::size_t i = 0; i < n && i < corrections.size(); ++i) {
        const auto& c = corrections[i];
        field(std::to_string(c.number));
        field(c.date);
        field(c.reason);
        field(c.basis);
        for (const auto& ch : c.changes) {
            field("p");
            field(ch.period);
            field(ch.lsp_id);
            field(ch.code);
            field(opt_text(ch.old_value));
            field(opt_text(ch.new_value));
            field(ch.sheet_added ? "+" : ch.sheet_removed ? "-" : "=");
        }
        for (const auto& q : c.consequences) {
            field("a");
            field(q.period);
            field(q.lsp_id);
            field(q.ik_changed ? opt_text(q.old_ik) + ">" + opt_text(q.new_ik) : "");
            field(q.category_changed ? q.old_category + ">" + q.new_category : "");
            field(q.rank_changed ? opt_text(q.old_rank) + ">" + opt_text(q.new_rank) : "");
        }
    }
    return sha256_to_hex(h.finish());
}

const RoundPublication* Publication::round(const std::string& period) const {
    auto it = rounds.find(period);
    return it == rounds.end() ? nullptr : &it->second;
}

const SheetPublication* Publication::sheet(const std::string& period, const std::string& lsp_id) const {
    auto it = sheets.find(period);
    if (it == sheets.end()) return nullptr;
    auto at = it->second.find(lsp_id);
    return at == it->second.end() ? nullptr : &at->second;
}

Publication publication_of(const Ledger& ledger) {
    Publication pub;
    for (const auto& release : ledger.releases)
        for (const auto& r : release.rounds) {
            auto& rp = pub.rounds[r.period];
            if (rp.first_release == 0) {
                rp.first_release = release.number;
                rp.first_date = release.date;
            }
        }
    for (const auto& c : ledger.corrections) {
        std::set<std::pair<std::string, std::string>> changed;
        for (const auto& ch : c.changes) changed.insert({ch.period, ch.lsp_id});
        std::set<std::string> periods;
        for (const auto& [period, lsp] : changed) {
            auto& list = pub.sheets[period][lsp].corrections;
            if (list.empty() || list.back() != c.number) list.push_back(c.number);
            periods.insert(period);
        }
        for (const auto& q : c.consequences)
            if (!changed.count({q.period, q.lsp_id})) pub.sheets[q.period][q.lsp_id].consequences.push_back(c.number);
        for (const auto& period : periods) {
            auto& rp = pub.rounds[period];
            rp.corrections.push_back(c.number);
            rp.last_correction_date = std::max(rp.last_correction_date, c.date);
        }
    }
    if (const auto* latest = ledger.latest())
        pub.pending_corrections = ledger.corrections.size() > latest->corrections
                                      ? ledger.corrections.size() - latest->corrections
                                      : 0;
    return pub;
}

}  // namespace pepgen
