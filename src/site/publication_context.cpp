#include "site/publication_context.h"

#include <algorithm>
#include <set>

#include "format/indonesian.h"
#include "util/text.h"
#include "validate/validate_ledger.h"

namespace pepgen {

namespace {

std::string score_text(const std::optional<int>& v) { return v ? format_int(*v) : std::string("kosong"); }

const Round* round_of(const SiteModel& model, const std::string& period) {
    for (const auto& r : model.data.rounds)
        if (r.period == period) return &r;
    return nullptr;
}

std::string lsp_name(const SiteModel& model, const std::string& id) {
    auto it = model.lsp_by_id.find(id);
    return it == model.lsp_by_id.end() ? id : it->second->name;
}

Value lsp_link(const SiteModel& model, const std::string& id, const Links& links) {
    Value v;
    v.set("name", lsp_name(model, id)).set("id", id);
    v.set("href", model.lsp_by_id.count(id) ? Value(links.lsp(id)) : Value(false));
    return v;
}

Value round_link(const SiteModel& model, const std::string& period, const Links& links) {
    const auto* r = round_of(model, period);
    Value v;
    v.set("title", r ? r->title : period).set("period", period);
    v.set("href", r ? Value(links.round(period)) : Value(false));
    return v;
}

Value change_value(const SiteModel& model, const ScoreChange& ch, const Links& links) {
    Value v;
    v.set("lsp", lsp_link(model, ch.lsp_id, links)).set("round", round_link(model, ch.period, links));
    v.set("sheet", ch.sheet_added || ch.sheet_removed);
    v.set("what", ch.sheet_added ? std::string("lembar skor ditambahkan")
                  : ch.sheet_removed ? std::string("lembar skor dihapus")
                                     : ch.code);
    auto ind = model.indicator_by_code.find(ch.code);
    v.set("indicator_href", ind == model.indicator_by_code.end() ? Value(false) : Value(links.indicator(ch.code)));
    v.set("old", score_text(ch.old_value)).set("new", score_text(ch.new_value));
    return v;
}

}  // namespace

Value round_publication(const SiteModel& model, const Round& round, const Links& links) {
    const auto* rp = model.results.publication.round(round.period);
    Value v;
    const bool released = rp && rp->first_release > 0;
    v.set("released", released);
    v.set("first_release", released ? format_int(rp->first_release) : std::string());
    v.set("first_date", released ? format_date(rp->first_date) : std::string());
    const bool corrected = rp && !rp->corrections.empty();
    v.set("corrected", corrected);
    v.set("last_correction_date", corrected ? format_date(rp->last_correction_date) : std::string());
    v.set("errata_href", links.root() + errata_path());
    std::vector<Value> list;
    if (rp)
        for (auto it = rp->corrections.rbegin(); it != rp->corrections.rend(); ++it) {
            const auto n = static_cast<std::size_t>(*it);
            if (n >= 1 && n <= model.data.ledger.corrections.size())
                list.push_back(correction_value(model, model.data.ledger.corrections[n - 1], links, round.period));
        }
    v.set("corrections", Value::list(std::move(list)));
    return v;
}

Value correction_value(const SiteModel& model, const Correction& c, const Links& links, const std::string& only_period) {
    Value v;
    v.set("number", format_int(c.number))
        .set("anchor", "ralat-" + std::to_string(c.number))
        .set("href", links.root() + errata_path() + "#ralat-" + std::to_string(c.number))
        .set("date", format_date(c.date))
        .set("iso_date", c.date)
        .set("basis", basis_label(c.basis))
        .set("reason", c.reason)
        .set("in_release", false);
    std::vector<Value> changes, effects, others;
    std::set<std::pair<std::string, std::string>> changed;
    for (const auto& ch : c.changes) {
        if (!only_period.empty() && ch.period != only_period) continue;
        changed.insert({ch.period, ch.lsp_id});
        changes.push_back(change_value(model, ch, links));
    }
    for (const auto& q : c.consequences) {
        if (!only_period.empty() && q.period != only_period) continue;
        Value e;
        e.set("lsp", lsp_link(model, q.lsp_id, links))
            .set("round", round_link(model, q.period, links))
            .set("text", describe_consequence(q, model.content));
        (changed.count({q.period, q.lsp_id}) ? effects : others).push_back(std::move(e));
    }
    if (!others.empty()) others.back().set("last", true);
    for (auto& o : others)
        if (!o.get("last")) o.set("last", false);
    v.set("changes", Value::list(std::move(changes)));
    v.set("has_effects", !effects.empty()).set("effects", Value::list(std::move(effects)));
    v.set("has_others", !others.empty()).set("others", Value::list(std::move(others)));
    return v;
}

Value sheet_corrections(const SiteModel& model, const std::string& period, const std::string& lsp_id,
                        const Links& links) {
    std::vector<Value> out;
    const auto* sp = model.results.publication.sheet(period, lsp_id);
    if (!sp) return Value::list();
    const auto& all = model.data.ledger.corrections;
    std::vector<std::pair<int, bool>> numbers;  // (number, own)
    for (int n : sp->corrections) numbers.push_back({n, true});
    for (int n : sp->consequences) numbers.push_back({n, false});
    std::sort(numbers.begin(), numbers.end(), [](auto a, auto b) { return a.first > b.first; });  // newest first
    for (const auto& [n, own] : numbers) {
        if (n < 1 || static_cast<std::size_t>(n) > all.size()) continue;
        const auto& c = all[static_cast<std::size_t>(n) - 1];
        Value v;
        v.set("number", format_int(n))
            .set("href", links.root() + errata_path() + "#ralat-" + std::to_string(n))
            .set("date", format_date(c.date))
            .set("iso_date", c.date)
            .set("basis", basis_label(c.basis))
            .set("reason", c.reason)
            .set("own", own);
        std::vector<Value> changes;
        for (const auto& ch : c.changes)
            if (ch.period == period && ch.lsp_id == lsp_id) changes.push_back(change_value(model, ch, links));
        v.set("changes", Value::list(std::move(changes)));
        std::string effect;
        for (const auto& q : c.consequences)
            if (q.period == period && q.lsp_id == lsp_id) effect = describe_consequence(q, model.content);
        v.set("effect", Value::nonempty(effect));
        out.push_back(std::move(v));
    }
    return Value::list(std::move(out));
}

Value disputes_value(const ScoreSheet& sheet, const Links& links) {
    std::vector<Value> out;
    for (const auto& d : sheet.disputes) {
        Value v;
        v.set("lodged", format_date(d.lodged))
            .set("open", d.status == "terbuka")
            .set("accepted", d.status == "diterima")
            .set("rejected", d.status == "ditolak")
            .set("decided", d.decided.empty() ? std::string() : format_date(d.decided))
            .set("note", d.note);
        v.set("has_note", !d.note.empty());
        v.set("correction", d.correction ? Value(format_int(*d.correction)) : Value(false));
        v.set("correction_href", d.correction ? Value(links.root() + errata_path() + "#ralat-" + std::to_string(*d.correction))
                                              : Value(false));
        out.push_back(std::move(v));
    }
    return Value::list(std::move(out));
}

Value draft_notice(const SiteModel& model, const Round& round) {
    if (!round.draft) return Value(false);
    Value v;
    v.set("title", round.title);
    const bool window = !round.review_start.empty();
    v.set("window", window);
    v.set("review_start", window ? format_date(round.review_start) : std::string());
    v.set("review_end", window ? format_date(add_days(round.review_start, model.content.config.review_days)) : std::string());
    v.set("days", format_int(model.content.config.review_days));
    return v;
}

Value publication_guide_href(const SiteModel& model, const Links& links) {
    for (const auto& g : model.content.guides)
        if (g.slug == kPublicationGuide) return Value(links.guide(g.slug));
    return Value(false);
}

}  // namespace pepgen
