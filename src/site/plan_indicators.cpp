// The indicator catalogue and a page per indicator: rubric, evidence, and
// how LSPs scored on it in the newest periodic round.
#include <algorithm>
#include <cstdint>
#include <memory>

#include "format/indonesian.h"
#include "render/markdown.h"
#include "site/page_context.h"
#include "site/page_keys.h"
#include "util/text.h"

namespace pepgen {

namespace {

std::optional<double> latest_mean(const SiteModel& model, const std::string& code) {
    if (!model.results.latest_periodic) return std::nullopt;
    for (const auto& m : model.results.rounds[*model.results.latest_periodic].indicator_means)
        if (m.code == code) return m.mean;
    return std::nullopt;
}

void add_score_note(const SiteModel& model, Value& ctx) {
    ctx.set("default_scores", model.content.categories.default_scores);
    ctx.set("default_scores_note", model.content.categories.default_scores_note);
}

/// Each sheet of the newest periodic round (by its place in RoundResult::sheets): its LSP, the
/// place of its LSP in name order (name_order_less, as the LSP list), and its score and weak flag
/// on every indicator. Made once for all indicator pages, in the sheets' own order: at national
/// scale 27 pages list 10,000 rows, and each page reading every sheet again went to memory each time.
struct NameOrder {
    std::vector<const Lsp*> lsp;         ///< null when the sheet's LSP is not registered
    std::vector<std::uint32_t> position;
    std::size_t indicators = 0;
    std::vector<std::optional<int>> scores;  ///< [sheet * indicators + indicator]
    std::vector<char> weak;                  ///< the same places: scored below half its maximum
};

NameOrder name_order(const SiteModel& model) {
    NameOrder order;
    if (!model.results.latest_periodic) return order;
    const auto& rr = model.results.rounds[*model.results.latest_periodic];
    const auto n = model.content.indicators.size();
    order.indicators = n;
    order.lsp.reserve(rr.sheets.size());
    order.scores.reserve(rr.sheets.size() * n);
    order.weak.reserve(rr.sheets.size() * n);
    std::vector<std::uint32_t> by_name;
    for (const auto& s : rr.sheets) {
        order.lsp.push_back(model.registered(rr, s));
        if (order.lsp.back()) by_name.push_back(static_cast<std::uint32_t>(order.lsp.size() - 1));
        const auto& sheet = source_sheet(model.data, rr, s);
        for (std::size_t i = 0; i < n; ++i) {
            order.scores.push_back(sheet.score(i));
            order.weak.push_back(i < s.weak_at.size() ? s.weak_at[i] : 0);
        }
    }
    std::sort(by_name.begin(), by_name.end(),
              [&order](std::uint32_t a, std::uint32_t b) { return name_order_less(*order.lsp[a], *order.lsp[b]); });
    order.position.assign(rr.sheets.size(), 0);
    for (std::size_t k = 0; k < by_name.size(); ++k) order.position[by_name[k]] = static_cast<std::uint32_t>(k);
    return order;
}

/// One indicator's page: its rubric, and every LSP scored on it in the newest round.
Value indicator_page(const SiteModel& model, std::size_t i, const std::string& path, const NameOrder& names) {
    const auto& inds = model.content.indicators;
    const auto& ind = inds[i];
    const auto latest = model.results.latest_periodic;
    const Links links(path);
    const auto& g = group_info(ind.group);
    auto ctx = base_context(model, path, ind.code + " " + ind.title, "indikator", ind.summary);
    ctx.set("code", ind.code);
    ctx.set("title", ind.title);
    ctx.set("summary", ind.summary);
    ctx.set("group_label", g.label);
    ctx.set("group_gloss", g.gloss);
    ctx.set("max", format_int(ind.max_score));
    ctx.set("body_html", render_markdown(ind.body_markdown));
    ctx.set("source", ind.source_file);
    add_score_note(model, ctx);

    const std::vector<int> no_counts(ind.rubric.size(), 0);
    const auto& level_counts = latest ? model.results.rounds[*latest].indicator_means[i].level_counts : no_counts;
    struct Scored {
        int score;
        std::uint32_t name_position;
        bool weak;
        const Lsp* lsp;
    };
    std::vector<Scored> scored;
    int unscored = 0;
    if (latest) {
        for (std::size_t k = 0; k < names.lsp.size(); ++k) {
            if (!names.lsp[k]) continue;
            const auto at = k * names.indicators + i;
            const auto& score = names.scores[at];
            if (!score) {
                ++unscored;
                continue;
            }
            scored.push_back({*score, names.position[k], names.weak[at] != 0, names.lsp[k]});
        }
    }
    std::vector<Value> levels;
    for (std::size_t l = ind.rubric.size(); l-- > 0;) {
        const auto& lv = ind.rubric[l];
        Value r;
        r.set("range", range_text(lv.from, lv.to))
            .set("label", lv.label)
            .set("criteria_html", render_markdown_inline(lv.criteria))
            .set("count", format_int(level_counts[l]));
        levels.push_back(std::move(r));
    }
    ctx.set("has_rubric", !levels.empty());
    ctx.set("rubric", Value::list(std::move(levels)));
    std::vector<Value> evidence;
    for (const auto& e : ind.evidence) evidence.push_back(Value().set("html", render_markdown_inline(e)));
    ctx.set("evidence", Value::list(evidence));
    ctx.set("has_evidence", !evidence.empty());

    ctx.set("has_latest", latest.has_value());
    ctx.set("latest", false);  // replaced below when there is a latest round
    if (latest) {
        const auto& round = model.data.rounds[*latest];
        // Highest score first, then by name.
        std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
            return a.score != b.score ? a.score > b.score : a.name_position < b.name_position;
        });
        const auto& stats = model.results.rounds[*latest].indicator_means[i];
        std::vector<Value> rows;
        rows.reserve(scored.size());
        for (const auto& [score, name_position, weak, lsp] : scored) {
            Value r;
            r.set("name", lsp->name)
                .set("href", links.lsp(lsp->id))
                .set("score", format_int(score))
                .set("percent", indicator_percent_text(model, i, score))
                .set("weak", weak);
            rows.push_back(std::move(r));
        }
        Value lr;
        lr.set("title", round.title)
            .set("date", format_date(round.date))
            .set("href", links.round(round.period))
            .set("source", round.source_file)
            .set("rows", Value::list(std::move(rows)))
            .set("scored_count", format_int(static_cast<std::int64_t>(scored.size())))
            .set("unscored_count", format_int(unscored))
            .set("has_unscored", unscored > 0)
            .set("below_half", format_int(stats.below_half))
            .set("mean", stats.mean ? format_decimal(*stats.mean, 1) : std::string("\u2013"));
        ctx.set("latest", std::move(lr));
    }
    ctx.set("prev", i > 0 ? Value().set("title", inds[i - 1].code + " " + inds[i - 1].title)
                                     .set("href", links.indicator(inds[i - 1].code))
                          : Value(false));
    ctx.set("next", i + 1 < inds.size() ? Value().set("title", inds[i + 1].code + " " + inds[i + 1].title)
                                               .set("href", links.indicator(inds[i + 1].code))
                                        : Value(false));
    ctx.set("crumbs", crumbs({{"Beranda", links.home()},
                              {"Indikator", links.section("indikator")},
                              {ind.code, links.indicator(ind.code)}}));
    return ctx;
}

}  // namespace

void plan_indicators(const SiteModel& model, SitePlan& plan) {
    const auto& inds = model.content.indicators;
    const auto latest = model.results.latest_periodic;
    {
        const std::string path = Links::site().section("indikator");
        const Links links(path);
        auto ctx = base_context(model, path, "Katalog Indikator", "indikator",
                                "Indikator PEP Bersama per kelompok, dengan skor maksimum dan rubriknya.");
        std::vector<Value> groups;
        for (const auto& g : all_groups()) {
            std::vector<Value> rows;
            int max_sum = 0;
            for (const auto& ind : inds) {
                if (ind.group != g.group) continue;
                max_sum += ind.max_score;
                const auto mean = latest_mean(model, ind.code);
                Value r;
                r.set("code", ind.code)
                    .set("title", ind.title)
                    .set("summary", ind.summary)
                    .set("max", format_int(ind.max_score))
                    .set("mean", mean ? format_decimal(*mean, 1) : std::string("\u2013"))
                    .set("href", links.indicator(ind.code));
                rows.push_back(std::move(r));
            }
            if (rows.empty()) continue;
            Value grp;
            grp.set("label", g.label)
                .set("gloss", g.gloss)
                .set("key", g.key)
                .set("count", format_int(static_cast<std::int64_t>(rows.size())))
                .set("max", format_int(max_sum))
                .set("indicators", Value::list(std::move(rows)));
            groups.push_back(std::move(grp));
        }
        ctx.set("groups", Value::list(std::move(groups)));
        ctx.set("index_max", format_int(model.content.categories.index_max));
        ctx.set("indicator_count", format_int(static_cast<std::int64_t>(inds.size())));
        if (latest) ctx.set("latest_title", model.data.rounds[*latest].title);
        ctx.set("has_latest", latest.has_value());
        add_score_note(model, ctx);
        ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Indikator", links.section("indikator")}}));
        plan.page(path, "indicators", std::move(ctx));
    }
    std::shared_ptr<const NameOrder> names;  // made when the first page needs it
    for (std::size_t i = 0; i < inds.size(); ++i) {
        const auto& ind = inds[i];
        const std::string path = Links::site().indicator(ind.code);
        const auto& values = model.keys.pages.indicators;
        const auto key = i < values.size() ? record_page_key(model, "indicator", values[i]) : std::string();
        if (plan.unchanged(path, key)) continue;
        // Lists every LSP scored in the newest round: heavy at national scale.
        if (!names) names = std::make_shared<const NameOrder>(name_order(model));
        plan.page_later(path, "indicator", [&model, i, path, names] { return indicator_page(model, i, path, *names); },
                        key, Load::heavy, "rows");
    }
}

}  // namespace pepgen
