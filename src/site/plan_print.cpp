// The print archive of a round: every scorecard of the round on A4 pages,
// split into parts a browser prints comfortably.
#include <algorithm>
#include <memory>

#include "render/charts.h"
#include "format/indonesian.h"
#include "render/markdown.h"
#include "scoring/schedule.h"
#include "site/page_context.h"
#include "site/page_keys.h"
#include "site/publication_context.h"

namespace pepgen {

namespace {

/// Each indicator's cell as a card prints it, for every score it can have and for none: a few
/// hundred values, shared by every card of the build instead of built again for each (a national
/// archive prints over a million cells).
struct IndicatorCells {
    std::vector<std::vector<Value>> scored;  ///< [indicator][score 0..maximum]
    std::vector<Value> unscored;             ///< [indicator]
};

Value indicator_cell(const Indicator& ind, const std::string& max_text, std::optional<int> score, bool weak) {
    return Value::object(4)
        .set("code", ind.code)
        .set("score", score ? format_int(*score) : std::string("\u2013"))
        .set("max", max_text)
        .set("weak", weak);
}

IndicatorCells indicator_cells(const SiteModel& model) {
    IndicatorCells cells;
    for (const auto& ind : model.content.indicators) {
        const auto max_text = format_int(ind.max_score);
        auto& row = cells.scored.emplace_back();
        for (int score = 0; score <= ind.max_score; ++score) row.push_back(Value::shared(indicator_cell(ind, max_text, score, below_half(score, ind.max_score))));
        cells.unscored.push_back(Value::shared(indicator_cell(ind, max_text, std::nullopt, false)));
    }
    return cells;
}

/// The archive's card: what a scorecard says about one round, compactly.
Value print_card(const SiteModel& model, const Lsp& lsp, std::size_t round_index, const SheetResult& s,
                 const Links& links, const IndicatorCells& cells) {
    const auto& round = model.data.rounds[round_index];
    const auto& rr = model.results.rounds[round_index];
    const ScoreSheet* sheet = &source_sheet(model.data, rr, s);
    auto card = Value::object(20);
    card.set("lsp_id", lsp.id)
        .set("lsp_name", lsp.name)
        .set("href", links.lsp(lsp.id))
        .set("type", lsp.type)
        .set("province", lsp.province)
        .set("licence_number", lsp.licence_number)
        .set("licence_expired", licence_expired_on(lsp, round.date))
        .set("complete", s.complete)
        .set("ik", ik_text(s))
        .set("category", category_badge(model, s))
        .set("rank", rank_text(s, rr))
        .set("change", change_text(model, s));
    std::string missing;
    for (const auto& m : s.missing) missing += (missing.empty() ? "" : ", ") + m;
    card.set("missing", missing);
    std::vector<Value> groups;
    groups.reserve(s.groups.size());
    const auto& indicators = model.content.indicators;
    for (const auto& gs : s.groups) {
        std::vector<Value> scores;
        scores.reserve(indicators.size());
        for (std::size_t k = 0; k < indicators.size(); ++k) {
            if (indicators[k].group != gs.group) continue;
            const auto score = sheet->score(k);
            const bool weak = s.weak_at[k] != 0;
            const auto& scored = cells.scored[k];
            // The shared cell, unless the score lies outside the indicator's range (validation refuses that).
            if (!score && !weak) scores.push_back(cells.unscored[k]);
            else if (score && *score >= 0 && static_cast<std::size_t>(*score) < scored.size() &&
                     weak == below_half(*score, indicators[k].max_score))
                scores.push_back(scored[static_cast<std::size_t>(*score)]);
            else
                scores.push_back(indicator_cell(indicators[k], format_int(indicators[k].max_score), score, weak));
        }
        groups.push_back(Value::object(5)
                             .set("label", group_info(gs.group).label)
                             .set("score", format_int(gs.score))
                             .set("max", format_int(gs.max))
                             .set("percent", gs.complete ? format_percent(gs.percent, 1) : std::string("belum lengkap"))
                             .set("indicators", Value::list(std::move(scores))));
    }
    card.set("groups", Value::list(std::move(groups)));
    Value recs = Value::list();
    for (const auto& r : sheet->recommendations_markdown) recs.push_back(Value().set("html", render_markdown_inline(r)));
    card.set("has_recommendations", !recs.items().empty());
    card.set("recommendations", std::move(recs));
    auto corrections = sheet_corrections(model, round.period, lsp.id, links);
    card.set("has_corrections", !corrections.items().empty());
    card.set("corrections", std::move(corrections));
    auto disputes = disputes_value(*sheet, links);
    card.set("has_disputes", !disputes.items().empty());
    card.set("disputes", std::move(disputes));
    return card;
}

}  // namespace

void plan_print_pages(const SiteModel& model, SitePlan& plan) {
    std::shared_ptr<const IndicatorCells> cells;  // made when the first round needs it
    for (std::size_t i = 0; i < model.data.rounds.size(); ++i) {
        const auto& period = model.data.rounds[i].period;
        // As on the round page; shared by the parts, which are made on render threads.
        const auto sheets = std::make_shared<const std::vector<const SheetResult*>>(
            ranked_sheets(model, model.results.rounds[i]));
        if (!cells) cells = std::make_shared<const IndicatorCells>(indicator_cells(model));
        const std::size_t parts = std::max<std::size_t>(1, (sheets->size() + kPrintPageSize - 1) / kPrintPageSize);
        const auto* part_keys = i < model.keys.pages.print_parts.size() ? &model.keys.pages.print_parts[i] : nullptr;
        for (std::size_t part = 0; part < parts; ++part) {
            const auto path = Links::site().print_part(period, part);
            const auto key = part_keys && part < part_keys->size() ? record_page_key(model, "print_round", (*part_keys)[part])
                                                                    : std::string();
            if (plan.unchanged(path, key)) continue;
            plan.page_later(path, "print_round", [&model, i, sheets, parts, part, path, cells]() -> Value {
                const auto& round = model.data.rounds[i];
                const Links links(path);
                auto ctx = base_context(model, path, "Kartu skor " + round.title, "penilaian",
                                        "Semua kartu skor " + round.title + " untuk dicetak dan diarsipkan.");
                ctx.set("draft", draft_notice(model, round));
                ctx.set("publication", round_publication(model, round, links));
                const auto first = part * kPrintPageSize, last = std::min(sheets->size(), first + kPrintPageSize);
                std::vector<Value> cards;
                cards.reserve(last - first);
                for (std::size_t k = first; k < last; ++k)
                    cards.push_back(print_card(model, model.lsp_of(model.results.rounds[i], *(*sheets)[k]), i,
                                               *(*sheets)[k], links, *cells));
                ctx.set("cards", Value::list(std::move(cards)));
                ctx.set("round_title", round.title);
                ctx.set("round_date", format_date(round.date));
                ctx.set("round_kind", kind_label(round.kind));
                ctx.set("source", round.source_file);
                ctx.set("count", format_int(static_cast<std::int64_t>(sheets->size())));
                ctx.set("round_href", links.round(round.period));
                ctx.set("has_parts", parts > 1);
                ctx.set("part_text", "Bagian " + format_int(static_cast<std::int64_t>(part + 1)) + " dari " +
                                         format_int(static_cast<std::int64_t>(parts)) + ": LSP ke-" +
                                         format_int(static_cast<std::int64_t>(first + 1)) + " sampai " +
                                         format_int(static_cast<std::int64_t>(last)));
                Value part_links = Value::list();
                const std::string here_to_root = links.root();
                for (std::size_t p = 0; p < parts; ++p)
                    part_links.push_back(Value()
                                             .set("label", format_int(static_cast<std::int64_t>(p + 1)))
                                             .set("href", here_to_root + Links::site().print_part(round.period, p))
                                             .set("current", p == part));
                ctx.set("parts", std::move(part_links));
                ctx.set("default_scores", model.content.categories.default_scores);
                ctx.set("default_scores_note", model.content.categories.default_scores_note);
                ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Penilaian", links.section("penilaian")},
                                          {round.title, links.round(round.period)}, {"Cetak", links.print(round.period)}}));
                return ctx;
            }, key, Load::light, "cards");
        }
    }
}

}  // namespace pepgen
