#include "site/page_keys.h"

#include <cstring>

#include "format/indonesian.h"
#include "site/page_context.h"
#include "util/fingerprint.h"
#include "util/parallel.h"

namespace pepgen {

namespace {

/// Fields fed one by one, each with its length, so that no two different
/// sequences of fields give the same stream.
class KeyHasher {
public:
    KeyHasher() { buf_.reserve(512); }
    KeyHasher& text(std::string_view s) {
        number(static_cast<std::int64_t>(s.size()));
        buf_.append(s);
        return *this;
    }
    KeyHasher& number(std::int64_t v) {
        buf_.append(reinterpret_cast<const char*>(&v), sizeof v);
        return *this;
    }
    KeyHasher& real(double v) {
        std::int64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        return number(bits);
    }
    KeyHasher& maybe_int(const std::optional<int>& v) {
        number(v ? 1 : 0);
        if (v) number(*v);
        return *this;
    }
    KeyHasher& maybe_real(const std::optional<double>& v) {
        number(v ? 1 : 0);
        if (v) real(*v);
        return *this;
    }
    std::uint64_t value() const { return fingerprint(buf_); }
    std::string hex() const { return fingerprint_hex(value()); }
    void clear() { buf_.clear(); }

private:
    std::string buf_;  ///< the fields, length-prefixed; hashed once
};

void add_lsp(KeyHasher& h, const Lsp& l) {
    for (const auto* s : {&l.id, &l.name, &l.type, &l.province, &l.city, &l.licence_number, &l.licence_issued,
                          &l.licence_valid_until, &l.website, &l.address})
        h.text(*s);
}

/// What a round says about itself: shown on every page that names the round.
void add_round_meta(KeyHasher& h, const Round& r) {
    h.text(r.period).number(static_cast<int>(r.kind)).text(r.date).text(r.title).text(r.source_file);
    h.number(r.draft).text(r.review_start).number(static_cast<std::int64_t>(r.team.size()));
    for (const auto& m : r.team) h.text(m.name).text(m.agency);
}

/// Everything a sheet holds that a page can show (not where it sits in its file).
void add_sheet(KeyHasher& h, const ScoreSheet* s) {
    h.number(s != nullptr);
    if (!s) return;
    h.text(s->lsp_id).number(static_cast<std::int64_t>(s->scores.size()));
    for (const auto& v : s->scores) h.maybe_int(v);
    h.number(static_cast<std::int64_t>(s->stray.size()));
    for (const auto& st : s->stray) h.text(st.code).maybe_int(st.value);
    h.text(s->notes_markdown).number(static_cast<std::int64_t>(s->recommendations_markdown.size()));
    for (const auto& r : s->recommendations_markdown) h.text(r);
    h.number(static_cast<std::int64_t>(s->disputes.size()));
    for (const auto& d : s->disputes) h.text(d.lodged).text(d.status).text(d.decided).maybe_int(d.correction).text(d.note);
}

/// Every computed figure of one sheet.
void add_result(KeyHasher& h, const SheetResult& s) {
    // The scores themselves are the sheet's (add_sheet).
    h.text(s.lsp_id).number(s.complete);
    h.number(static_cast<std::int64_t>(s.missing.size()));
    for (const auto& m : s.missing) h.text(m);
    h.maybe_int(s.ik);
    h.number(s.category ? static_cast<std::int64_t>(*s.category) : -1);
    h.number(static_cast<std::int64_t>(s.groups.size()));
    for (const auto& g : s.groups)
        h.number(static_cast<int>(g.group)).number(g.score).number(g.max).number(g.complete).real(g.percent);
    h.maybe_int(s.rank);
    h.number(s.previous_round ? static_cast<std::int64_t>(*s.previous_round) : -1);
    h.maybe_int(s.delta).number(static_cast<int>(s.move));
    h.text(std::string_view(s.weak_at.data(), s.weak_at.size()));
    // Percentages of the maximum come from the catalogue (Results::score_percent), which the site key covers.
}

void add_publication(KeyHasher& h, const RoundPublication* rp, const SheetPublication* sp) {
    h.number(rp != nullptr);
    if (rp) {
        h.number(rp->first_release).text(rp->first_date).text(rp->last_correction_date);
        h.number(static_cast<std::int64_t>(rp->corrections.size()));
        for (int c : rp->corrections) h.number(c);
    }
    h.number(sp != nullptr);
    if (sp) {
        h.number(static_cast<std::int64_t>(sp->corrections.size()));
        for (int c : sp->corrections) h.number(c);
        h.number(static_cast<std::int64_t>(sp->consequences.size()));
        for (int c : sp->consequences) h.number(c);
    }
}

/// The round-wide figures a round page charts and lists.
void add_round_result(KeyHasher& h, const RoundResult& rr) {
    h.number(static_cast<std::int64_t>(rr.category_counts.size()));
    for (int c : rr.category_counts) h.number(c);
    h.number(rr.complete_count).number(rr.incomplete_count).maybe_real(rr.mean_ik);
    h.number(static_cast<std::int64_t>(rr.group_mean_percent.size()));
    for (const auto& g : rr.group_mean_percent) h.maybe_real(g);
    h.number(static_cast<std::int64_t>(rr.indicator_means.size()));
    for (const auto& m : rr.indicator_means) {
        h.text(m.code).maybe_real(m.mean).number(m.count).number(m.below_half);
        h.number(static_cast<std::int64_t>(m.level_counts.size()));
        for (int c : m.level_counts) h.number(c);
    }
}

}  // namespace

RoundMeanTexts round_mean_texts(const SiteModel& model, const RoundResult& rr) {
    RoundMeanTexts t;
    const auto& indicators = model.content.indicators;
    for (std::size_t k = 0; k < indicators.size(); ++k) {
        const auto& mean = k < rr.indicator_means.size() ? rr.indicator_means[k].mean : std::nullopt;
        t.indicators.push_back(mean ? format_decimal(*mean, 1) : std::string("\u2013"));
    }
    for (const auto& g : all_groups()) {
        int max = 0;
        for (const auto& ind : indicators)
            if (ind.group == g.group) max += ind.max_score;
        const auto gi = static_cast<std::size_t>(g.group);
        const auto& mean = gi < rr.group_mean_percent.size() ? rr.group_mean_percent[gi] : std::nullopt;
        t.group_points.push_back(mean ? format_decimal(*mean * max / 100.0, 1) : std::string("\u2013"));
        t.group_percents.push_back(mean ? format_percent(*mean, 1) : std::string("\u2013"));
    }
    return t;
}

namespace {

/// A page's key over `inputs` (one of InputKeys' shared keys): its templates and its values.
std::string page_key_over(const std::string& inputs, const SiteModel& model, const std::string& template_name,
                          const std::string& value) {
    if (value.empty() || inputs.empty()) return {};
    auto tmpl = [&](const std::string& name) {
        auto it = model.keys.templates.find(name);
        return it == model.keys.templates.end() ? std::string("?") : it->second;
    };
    KeyHasher h;
    h.text(inputs).text(template_name).text(tmpl(template_name)).text(tmpl("layout")).text(value);
    return "p" + h.hex();
}

}  // namespace

std::string page_key(const SiteModel& model, const std::string& template_name, const std::string& value) {
    return page_key_over(model.keys.site, model, template_name, value);
}

std::string record_page_key(const SiteModel& model, const std::string& template_name, const std::string& value) {
    return page_key_over(model.keys.records, model, template_name, value);
}

std::string file_key(const SiteModel& model, const std::string& kind, const std::string& value) {
    if (value.empty() || model.keys.data.empty()) return {};
    KeyHasher h;
    h.text(model.keys.data).text(kind).text(value);
    return "f" + h.hex();
}

PageKeys page_keys(const SiteModel& model) {
    PageKeys keys;
    if (model.keys.site.empty()) return keys;
    const auto& rounds = model.data.rounds;
    const auto& results = model.results;
    // Every round's name, date and kind: pages link to other rounds by them.
    KeyHasher all_meta;
    for (const auto& r : rounds) add_round_meta(all_meta, r);
    all_meta.number(results.latest_periodic ? static_cast<std::int64_t>(*results.latest_periodic) : -1);
    const auto meta = all_meta.hex();

    // One digest per sheet of every round (by its position in the round's results): the LSP's record, its
    // sheet, its results and how the round's pages print them. 24,000 sheets at national scale: rounds in parallel.
    std::vector<std::vector<std::uint64_t>> sheet_digest(rounds.size());
    std::vector<std::string> means(rounds.size());
    // Each LSP's record once: it is part of the digest of every one of its sheets.
    const auto& registry = model.data.lsps;
    std::vector<std::uint64_t> record(registry.size());
    for (std::size_t i = 0; i < registry.size(); ++i) {
        KeyHasher h;
        add_lsp(h, registry[i]);
        record[i] = h.value();
    }
    for_each_index(std::min(rounds.size(), results.rounds.size()), [&](std::size_t r) {
        const auto& rr = results.rounds[r];
        const auto* rp = results.publication.round(rounds[r].period);
        KeyHasher mh;
        const auto texts = round_mean_texts(model, rr);
        for (const auto* list : {&texts.indicators, &texts.group_points, &texts.group_percents})
            for (const auto& t : *list) mh.text(t);
        means[r] = mh.hex();
        auto& digests = sheet_digest[r];
        digests.reserve(rr.sheets.size());
        KeyHasher h;
        for (const auto& s : rr.sheets) {
            h.clear();
            const auto* lsp = model.registered(rr, s);
            h.number(lsp != nullptr);
            if (lsp) h.number(static_cast<std::int64_t>(record[lsp - registry.data()]));
            add_sheet(h, &source_sheet(model.data, rr, s));
            add_result(h, s);
            // The rank is printed "N dari <complete sheets>", the change against the previous round's period
            // (both in add_result and the rounds' meta).
            h.number(rr.complete_count);
            add_publication(h, rp, results.publication.sheet(rounds[r].period, s.lsp_id));
            digests.push_back(h.value());
        }
    });
    for (const auto& lsp : model.data.lsps) {
        KeyHasher h;
        h.text(meta);
        add_lsp(h, lsp);
        const auto current = results.current_round(lsp.id);
        h.number(current ? static_cast<std::int64_t>(*current) : -1);
        if (current) h.text(means[*current]);
        if (auto hist = results.history.find(lsp.id); hist != results.history.end())
            for (const auto& at : hist->second)
                h.number(static_cast<std::int64_t>(at.round)).number(static_cast<std::int64_t>(sheet_digest[at.round][at.sheet]));
        keys.lsp.emplace(lsp.id, h.hex());
    }
    // The list of every LSP shows each one's current result, sorted by the registry's names.
    KeyHasher list;
    list.text(meta).text(model.keys.registry);
    for (const auto& lsp : model.data.lsps) list.text(lsp.id).text(keys.lsp.at(lsp.id));
    keys.lsp_list = list.hex();

    keys.round.resize(rounds.size());
    keys.print_parts.resize(rounds.size());
    for (std::size_t r = 0; r < rounds.size() && r < results.rounds.size(); ++r) {
        const auto& rr = results.rounds[r];
        // The whole registry: a round page lists who was not assessed, and filters by province and type.
        KeyHasher h;
        h.text(meta).text(model.keys.registry).number(static_cast<std::int64_t>(r));
        add_round_result(h, rr);
        add_publication(h, results.publication.round(rounds[r].period), nullptr);
        h.number(static_cast<std::int64_t>(rr.sheets.size()));
        for (auto d : sheet_digest[r]) h.number(static_cast<std::int64_t>(d));
        keys.round[r] = h.hex();

        const auto& ranked = rr.ranked;
        const std::size_t parts = std::max<std::size_t>(1, (ranked.size() + kPrintPageSize - 1) / kPrintPageSize);
        for (std::size_t part = 0; part < parts; ++part) {
            KeyHasher p;
            p.text(meta).number(static_cast<std::int64_t>(r)).number(static_cast<std::int64_t>(ranked.size()));
            p.number(static_cast<std::int64_t>(part));
            add_publication(p, results.publication.round(rounds[r].period), nullptr);
            for (std::size_t k = part * kPrintPageSize; k < std::min(ranked.size(), (part + 1) * kPrintPageSize); ++k)
                p.number(static_cast<std::int64_t>(sheet_digest[r][ranked[k]]));
            keys.print_parts[r].push_back(p.hex());
        }
    }
    // An indicator's page lists every LSP's score on it in the newest periodic round.
    const auto& indicators = model.content.indicators;
    keys.indicators.resize(indicators.size());
    for_each_index(indicators.size(), [&](std::size_t k) {
        KeyHasher h;
        h.text(meta).text(model.keys.registry).number(static_cast<std::int64_t>(k));
        if (const auto latest = results.latest_periodic; latest && *latest < results.rounds.size()) {
            const auto& rr = results.rounds[*latest];
            if (k < rr.indicator_means.size()) {
                const auto& m = rr.indicator_means[k];
                h.maybe_real(m.mean).number(m.count).number(m.below_half);
                for (int c : m.level_counts) h.number(c);
            }
            for (const auto& s : rr.sheets) {
                h.text(s.lsp_id);
                h.maybe_int(source_sheet(model.data, rr, s).score(k));
                h.number(k < s.weak_at.size() ? s.weak_at[k] : 0);
            }
        }
        keys.indicators[k] = h.hex();
    });
    keys.sheets = std::move(sheet_digest);
    keys.meta = meta;
    return keys;
}

}  // namespace pepgen
