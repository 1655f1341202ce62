// The LSP directory and one scorecard per LSP: identity and licence, the
// newest periodic result by group and indicator, history, recommendations.
#include <algorithm>
#include <memory>

#include "render/charts.h"
#include "format/indonesian.h"
#include "render/markdown.h"
#include "render/value_digest.h"
#include "scoring/schedule.h"
#include "site/page_context.h"
#include "site/page_keys.h"
#include "site/publication_context.h"

namespace pepgen {

namespace {

Value history_rows(const SiteModel& model, const Lsp& lsp, const Links& links) {
    std::vector<Value> rows;
    auto it = model.results.history.find(lsp.id);
    if (it == model.results.history.end()) return Value::list(std::move(rows));
    for (auto at = it->second.rbegin(); at != it->second.rend(); ++at) {
        const auto& round = model.data.rounds[at->round];
        const auto& rr = model.results.rounds[at->round];
        const auto* s = &rr.sheets[at->sheet];
        Value row;
        row.set("period", round.period)
            .set("title", round.title)
            .set("href", links.round(round.period))
            .set("date", format_date(round.date))
            .set("kind", kind_label(round.kind))
            .set("incidental", round.kind == RoundKind::insidental)
            .set("ik", ik_text(*s))
            .set("category", category_badge(model, *s))
            .set("rank", rank_text(*s, rr))
            .set("change", change_text(model, *s))
            .set("licence_expired", licence_expired_on(lsp, round.date))
            .set("source", round.source_file);
        const auto* sp = model.results.publication.sheet(round.period, lsp.id);
        row.set("corrected", sp && !sp->corrections.empty());
        rows.push_back(std::move(row));
    }
    return Value::list(std::move(rows));
}

/// `means`: round_mean_texts of every round, made once for all scorecards.
Value scorecard(const SiteModel& model, const Lsp& lsp, std::size_t round_index, const Links& links,
                const std::vector<RoundMeanTexts>& means_of) {
    const auto& round = model.data.rounds[round_index];
    const auto& rr = model.results.rounds[round_index];
    const auto& s = *rr.find(lsp.id);
    const ScoreSheet* sheet = &source_sheet(model.data, rr, s);

    Value card;
    card.set("licence_expired", licence_expired_on(lsp, round.date))
        .set("licence_valid_until", format_date(lsp.licence_valid_until))
        .set("lsp_id", lsp.id)
        .set("lsp_name", lsp.name)
        .set("period", round.period)
        .set("round_title", round.title)
        .set("round_href", links.round(round.period))
        .set("categories_href", links.categories(round.period))
        .set("date", format_date(round.date))
        .set("source", round.source_file)
        .set("complete", s.complete)
        .set("ik", ik_text(s))
        .set("index_max", format_int(model.content.categories.index_max))
        .set("category", category_badge(model, s))
        .set("rank", rank_text(s, rr))
        .set("change", change_text(model, s))
        .set("up", s.move == Move::up)
        .set("down", s.move == Move::down);
    std::string missing;
    for (const auto& m : s.missing) missing += (missing.empty() ? "" : ", ") + m;
    card.set("missing", missing);

    const auto& means = means_of[round_index];
    BarChart chart;
    chart.id = "kelompok-" + lsp.id;
    chart.title = "Capaian per kelompok indikator, " + lsp.name + ", " + round.title;
    chart.max_value = 100;
    std::string desc;
    std::vector<Value> groups;
    for (const auto& gs : s.groups) {
        const auto& g = group_info(gs.group);
        std::vector<Value> rows;
        for (std::size_t k = 0; k < model.content.indicators.size(); ++k) {
            const auto& ind = model.content.indicators[k];
            if (ind.group != gs.group) continue;
            const auto score = sheet->score(k);
            const bool scored = score.has_value();
            Value r;
            r.set("code", ind.code)
                .set("title", ind.title)
                .set("href", links.indicator(ind.code))
                .set("max", format_int(ind.max_score))
                .set("scored", scored);
            r.set("round_mean", means.indicators[k]);
            if (scored) {
                r.set("score", format_int(*score))
                    .set("percent", indicator_percent_text(model, k, score))
                    .set("weak", s.weak_at[k] != 0);
            } else {
                r.set("score", "belum dinilai").set("percent", "\u2013").set("weak", false);
            }
            rows.push_back(std::move(r));
        }
        const auto pct = gs.complete ? format_percent(gs.percent, 1) : std::string("belum lengkap");
        chart.items.push_back({g.label, gs.complete ? gs.percent : 0, pct, "bar-group"});
        desc += (desc.empty() ? "" : "; ") + std::string(g.label) + " " + format_int(gs.score) + " dari " +
                format_int(gs.max) + " (" + pct + ")";
        Value grp;
        grp.set("round_mean", means.group_points[static_cast<std::size_t>(gs.group)])
            .set("round_mean_percent", means.group_percents[static_cast<std::size_t>(gs.group)])
            .set("label", g.label)
            .set("gloss", g.gloss)
            .set("score", format_int(gs.score))
            .set("max", format_int(gs.max))
            .set("percent", pct)
            .set("complete", gs.complete)
            .set("indicators", Value::list(std::move(rows)));
        groups.push_back(std::move(grp));
    }
    chart.description = "Skor per kelompok terhadap skor maksimumnya: " + desc + ".";
    card.set("round_title_short", round.period);
    card.set("groups", Value::list(std::move(groups)));
    card.set("group_chart", render_bar_chart(chart));

    // The team's recommendations first, then every indicator below half its maximum.
    std::vector<Value> team;
    for (const auto& r : sheet->recommendations_markdown) team.push_back(Value().set("html", render_markdown_inline(r)));
    card.set("has_team_recommendations", !team.empty());
    const bool any_recommendation = !team.empty();
    card.set("team_recommendations", Value::list(std::move(team)));
    card.set("notes_html", render_markdown(sheet->notes_markdown));
    card.set("has_notes", !sheet->notes_markdown.empty());
    std::vector<Value> weak;
    for (std::size_t k = 0; k < model.content.indicators.size() && k < s.weak_at.size(); ++k) {
        if (!s.weak_at[k]) continue;
        const auto* ind = &model.content.indicators[k];
        const auto& code = ind->code;
        const int v = *sheet->score(k);
        Value w;
        w.set("code", code)
            .set("title", ind->title)
            .set("href", links.indicator(code))
            .set("score", format_int(v))
            .set("max", format_int(ind->max_score));
        weak.push_back(std::move(w));
    }
    card.set("has_weak", !weak.empty());
    card.set("has_recommendations", any_recommendation || !weak.empty());
    card.set("weak", Value::list(std::move(weak)));
    card.set("publication", round_publication(model, round, links));
    // This LSP's own corrections in this round (the round's may be of others).
    std::string own_last;
    if (const auto* sp = model.results.publication.sheet(round.period, lsp.id))
        for (int n : sp->corrections) own_last = std::max(own_last, model.data.ledger.corrections[static_cast<std::size_t>(n) - 1].date);
    card.set("sheet_corrected", !own_last.empty());
    card.set("sheet_last_correction", own_last.empty() ? std::string() : format_date(own_last));
    auto disputes = disputes_value(*sheet, links);
    bool open = false;
    for (const auto& d : sheet->disputes) open = open || d.status == "terbuka";
    card.set("dispute_open", open);
    card.set("has_disputes", !disputes.items().empty());
    card.set("disputes", std::move(disputes));
    return card;
}

/// Every correction that touched this LSP, round by round, newest first.
Value correction_history(const SiteModel& model, const Lsp& lsp, const Links& links) {
    std::vector<Value> out;
    auto it = model.results.history.find(lsp.id);
    if (it == model.results.history.end()) return Value::list();
    for (auto at = it->second.rbegin(); at != it->second.rend(); ++at) {
        const auto& round = model.data.rounds[at->round];
        const auto list = sheet_corrections(model, round.period, lsp.id, links);
        for (const auto& c : list.items()) {
            Value v = c;
            v.set("round_title", round.title).set("round_href", links.round(round.period));
            out.push_back(std::move(v));
        }
    }
    return Value::list(std::move(out));
}

/// The registry's list, each LSP with its current result, made when read. A page made in parts
/// keys each row by what it shows (the LSP's record, and the round, IK and category of its
/// current result) and makes only the rows it renders. Not by the sheet's digest: a corrected
/// score moves the rank of LSPs tied with it, which the list does not show.
class LspRows final : public LazyItems {
public:
    LspRows(const SiteModel& model, std::vector<const Lsp*> sorted, const std::string& path)
        : model_(model), sorted_(std::move(sorted)), links_(path), keyed_(!model.keys.pages.meta.empty()) {
        if (keyed_) context_ = row_key_context(model, links_);
    }
    std::size_t size() const override { return sorted_.size(); }
    Value make(std::size_t i) const override {
        const auto* lsp = sorted_[i];
        Value r;
        r.set("name", lsp->name)
            .set("id", lsp->id)
            .set("href", links_.lsp(lsp->id))
            .set("type", lsp->type)
            .set("province", lsp->province);
        const auto current = model_.results.current_round(lsp->id);
        r.set("evaluated", current.has_value());
        r.set("category_key", "belum-dinilai");
        if (current) {
            const auto& s = *model_.results.rounds[*current].find(lsp->id);
            const auto badge = category_badge(model_, s);
            r.set("ik", ik_text(s)).set("category", badge).set("period", model_.data.rounds[*current].period);
            r.set("category_key", badge.get("key")->text());
        }
        return r;
    }
    bool keyed() const override { return keyed_; }
    std::uint64_t key(std::size_t i) const override {
        const auto* lsp = sorted_[i];
        ValueFeed feed(context_);
        for (const auto* field : {&lsp->id, &lsp->name, &lsp->type, &lsp->province}) feed.text(*field);
        const auto current = model_.results.current_round(lsp->id);
        feed.number(current ? *current : ~std::uint64_t{0});
        if (current) {
            // As make() shows them: ik_text and category_badge.
            const auto& s = *model_.results.rounds[*current].find(lsp->id);
            feed.number(s.complete);
            feed.number(s.ik ? static_cast<std::uint64_t>(*s.ik) : ~std::uint64_t{0});
            feed.number(s.category ? *s.category : ~std::uint64_t{0});
        }
        return feed.digest();
    }

private:
    const SiteModel& model_;
    std::vector<const Lsp*> sorted_;
    const Links links_;
    bool keyed_ = false;
    std::uint64_t context_ = 0;
};

Value lsp_list_page(const SiteModel& model, const std::vector<const Lsp*>& sorted, const std::string& path) {
    const Links links(path);
    auto ctx = base_context(model, path, "Daftar LSP", "lsp",
                            "LSP terlisensi bidang jasa konstruksi beserta hasil penilaian kinerja terakhirnya.");
    ctx.set("count", format_int(static_cast<std::int64_t>(sorted.size())));
    ctx.set("lsps", Value::lazy(std::make_shared<LspRows>(model, sorted, path)));
    ctx.set("filter", filter_context(model, true));
    ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Daftar LSP", links.section("lsp")}}));
    return ctx;
}

}  // namespace

void plan_lsps(const SiteModel& model, SitePlan& plan) {
    std::vector<const Lsp*> sorted;
    for (const auto& lsp : model.data.lsps) sorted.push_back(&lsp);
    std::sort(sorted.begin(), sorted.end(), [](const Lsp* a, const Lsp* b) { return name_order_less(*a, *b); });
    {
        // Every LSP in the registry, with its current result: heavy at national scale.
        const std::string path = Links::site().section("lsp");
        const auto& value = model.keys.pages.lsp_list;
        const auto key = value.empty() ? std::string() : record_page_key(model, "lsps", value);
        if (!plan.unchanged(path, key))
            plan.page_later(path, "lsps", [&model, sorted, path] { return lsp_list_page(model, sorted, path); }, key,
                            Load::heavy, "lsps");
    }
    std::shared_ptr<const std::vector<RoundMeanTexts>> means;  // made when the first scorecard is planned
    for (const auto* lsp : sorted) {
        const std::string path = Links::site().lsp(lsp->id);
        const auto value = model.keys.pages.lsp.find(lsp->id);
        const auto key = value == model.keys.pages.lsp.end() ? std::string() : record_page_key(model, "scorecard", value->second);
        if (plan.unchanged(path, key)) continue;
        // Made on a render thread: 2,000 of these are most of a national build.
        if (!means) {
            std::vector<RoundMeanTexts> all;
            for (const auto& rr : model.results.rounds) all.push_back(round_mean_texts(model, rr));
            means = std::make_shared<const std::vector<RoundMeanTexts>>(std::move(all));
        }
        plan.page_later(path, "scorecard", [&model, lsp, path, means]() -> Value {
            const Links links(path);
            auto ctx = base_context(model, path, lsp->name, "lsp",
                                    "Kartu skor kinerja " + lsp->name + " dalam PEP Bersama.");
            Value id;
            id.set("name", lsp->name)
                .set("id", lsp->id)
                .set("type", lsp->type)
                .set("province", lsp->province)
                .set("city", lsp->city)
                .set("address", lsp->address)
                .set("licence_number", lsp->licence_number)
                .set("licence_issued", format_date(lsp->licence_issued))
                .set("has_licence_issued", !lsp->licence_issued.empty())
                .set("licence_valid_until", format_date(lsp->licence_valid_until))
                .set("website", lsp->website)
                .set("has_website", !lsp->website.empty());
            ctx.set("lsp", id);
            const auto current = model.results.current_round(lsp->id);
            ctx.set("evaluated", current.has_value());
            ctx.set("card", current ? scorecard(model, *lsp, *current, links, *means) : Value(false));
            // Incidental rounds newer than the periodic result are shown beside it.
            std::vector<Value> later;
            auto hist = model.results.history.find(lsp->id);
            if (hist != model.results.history.end())
                for (const auto& at : hist->second)
                    if (const auto r = at.round; (!current || r > *current) && model.data.rounds[r].kind == RoundKind::insidental) {
                        const auto& s = model.results.rounds[r].sheets[at.sheet];
                        Value inc;
                        inc.set("title", model.data.rounds[r].title)
                            .set("href", links.round(model.data.rounds[r].period))
                            .set("date", format_date(model.data.rounds[r].date))
                            .set("ik", ik_text(s))
                            .set("category", category_badge(model, s));
                        later.push_back(std::move(inc));
                    }
            ctx.set("later_incidental", Value::list(later));
            ctx.set("has_later_incidental", !later.empty());
            ctx.set("history", history_rows(model, *lsp, links));
            ctx.set("history_json_href", links.lsp_json(lsp->id));
            auto corrections = correction_history(model, *lsp, links);
            ctx.set("has_corrections", !corrections.items().empty());
            ctx.set("corrections", std::move(corrections));
            ctx.set("publication_guide_href", publication_guide_href(model, links));
            ctx.set("default_scores", model.content.categories.default_scores);
            ctx.set("default_scores_note", model.content.categories.default_scores_note);
            for (const auto& g : model.content.guides)
                if (g.source_file == model.content.categories_file) ctx.set("guide_index_href", links.guide(g.slug));
            ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Daftar LSP", links.section("lsp")}, {lsp->name, links.lsp(lsp->id)}}));
            return ctx;
        }, key);
    }
}

}  // namespace pepgen
