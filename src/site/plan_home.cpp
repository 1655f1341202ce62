// Home page: the newest periodic round at a glance and the way onward.
#include "format/indonesian.h"
#include "render/markdown.h"
#include "site/page_context.h"
#include "scoring/schedule.h"
#include "site/round_charts.h"

namespace pepgen {

namespace {

Value round_link(const SiteModel& model, std::size_t index, const Links& links) {
    const auto& round = model.data.rounds[index];
    const auto& rr = model.results.rounds[index];
    Value r;
    r.set("title", round.title)
        .set("period", round.period)
        .set("date", format_date(round.date))
        .set("kind", kind_label(round.kind))
        .set("href", links.round(round.period))
        .set("categories_href", links.categories(round.period))
        .set("count", format_int(static_cast<std::int64_t>(rr.sheets.size())));
    return r;
}

}  // namespace

void plan_home(const SiteModel& model, SitePlan& plan) {
    const std::string path = Links::site().home();
    const Links links(path);
    const auto& home = model.content.home;
    auto ctx = base_context(model, path, home.title, "beranda", home.summary);
    ctx.set("intro_html", render_markdown(home.body_markdown));
    ctx.set("summary", home.summary);
    const auto latest = model.results.latest_periodic;
    ctx.set("has_latest", latest.has_value());
    if (latest) {
        const auto& rr = model.results.rounds[*latest];
        Value latest_ctx = round_link(model, *latest, links);
        add_round_summary(model, rr, path, "beranda", latest_ctx);
        latest_ctx.set("source", model.data.rounds[*latest].source_file);
        latest_ctx.set("export_href", links.export_json(model.data.rounds[*latest].period));
        ctx.set("latest", latest_ctx);
    }
    std::vector<Value> rounds;
    for (std::size_t i = model.data.rounds.size(); i-- > 0 && rounds.size() < 6;)
        if (!model.data.rounds[i].draft) rounds.push_back(round_link(model, i, links));
    ctx.set("rounds", Value::list(rounds));
    ctx.set("has_rounds", !rounds.empty());
    const auto years = schedule_by_year(model.data);
    std::vector<Value> year_rows;
    for (std::size_t i = years.size(); i-- > 0;) {
        const auto& y = years[i];
        std::vector<Value> periodic;
        for (auto r : y.periodic)
            periodic.push_back(Value().set("title", model.data.rounds[r].period).set("href", links.round(model.data.rounds[r].period)));
        const bool last = i + 1 == years.size();
        Value row;
        row.set("year", std::to_string(y.year))
            .set("count", format_int(static_cast<std::int64_t>(y.periodic.size())))
            .set("incidental", format_int(static_cast<std::int64_t>(y.incidental.size())))
            .set("rounds", Value::list(std::move(periodic)))
            .set("meets", y.meets_minimum())
            .set("status", y.meets_minimum() ? std::string("memenuhi")
                                             : last ? std::string("belum memenuhi (tahun berjalan)") : std::string("kurang dari dua"));
        year_rows.push_back(std::move(row));
    }
    ctx.set("schedule", Value::list(year_rows));
    ctx.set("has_schedule", !year_rows.empty());
    ctx.set("has_latest_missing", false);
    if (latest) {
        const auto missing = missing_from_round(model.data, model.data.rounds[*latest]);
        ctx.set("latest_missing_count", format_int(static_cast<std::int64_t>(missing.size())));
        ctx.set("has_latest_missing", !missing.empty());
        ctx.set("latest_missing_href", links.round(model.data.rounds[*latest].period) + "#tidak-dinilai");
    }
    ctx.set("lsp_count", format_int(static_cast<std::int64_t>(model.data.lsps.size())));
    ctx.set("indicator_count", format_int(static_cast<std::int64_t>(model.content.indicators.size())));
    ctx.set("index_max", format_int(model.content.categories.index_max));
    ctx.set("guides_href", links.section("panduan"));
    ctx.set("indicators_href", links.section("indikator"));
    ctx.set("lsps_href", links.section("lsp"));
    ctx.set("categories_href", links.section("kategori"));
    ctx.set("rounds_href", links.section("penilaian"));
    ctx.set("stats_href", links.section("statistik"));
    plan.page(path, "home", std::move(ctx));
}

}  // namespace pepgen
