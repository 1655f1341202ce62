// National statistics: report pages from content/statistik/, a page per
// dataset in data/statistik/ (so a new data file needs no code), and the
// datasets themselves as downloads.
#include "format/indonesian.h"
#include "render/markdown.h"
#include "site/page_context.h"
#include "site/page_keys.h"
#include "site/stat_embed.h"

namespace pepgen {

namespace {

EmbedLinks dataset_links(const Dataset& ds, const Links& links, bool on_own_page) {
    return {links.dataset_json(ds.id), on_own_page ? std::string() : links.dataset(ds.id)};
}

const DatasetCheck& check_of(const SiteModel& model, const std::string& id) {
    static const DatasetCheck none;
    auto it = model.stat_checks.find(id);
    return it == model.stat_checks.end() ? none : it->second;
}

bool has_checks(const Dataset& ds) {
    if (ds.total_label || !ds.statements.empty()) return true;
    for (const auto& col : ds.columns)
        if (col.formula.kind != Formula::Kind::none) return true;
    return false;
}

/// The chart a dataset gets on its own page: every column of one unit (no
/// chart when no column has a known unit); a map for one figure per
/// province, stacked bars for parts the source totals, else bars side by side.
EmbedSpec default_spec(const Dataset& ds) {
    EmbedSpec spec;
    spec.dataset = ds.id;
    const int label = embed_label_column(ds, spec);
    const auto values = embed_value_columns(ds, spec);
    if (label < 0 || values.empty()) spec.chart = ChartKind::none;
    else if (values.size() == 1 && ds.columns[static_cast<std::size_t>(label)].key == "provinsi") spec.chart = ChartKind::tile_map;
    else if (values.size() > 1 && parts_total_column(ds, values) >= 0) spec.chart = ChartKind::stacked_bar;
    else spec.chart = ChartKind::bar;
    return spec;
}

}  // namespace

Value page_body(const SiteModel& model, const GuidePage& page, const std::string& page_path) {
    const Links links(page_path);
    const auto parts = render_markdown_parts(page.body_markdown);
    std::vector<Value> body;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        Value embed(false);
        if (i < page.embeds.size()) {
            const auto& spec = page.embeds[i];
            auto it = model.dataset_by_id.find(spec.dataset);
            if (it != model.dataset_by_id.end())  // else validation has already refused this page
                embed = stat_embed_context(*it->second, spec, check_of(model, spec.dataset), "tabel-" + std::to_string(i + 1),
                                           dataset_links(*it->second, links, false));
        }
        body.push_back(Value().set("html", parts[i]).set("embed", std::move(embed)));
    }
    return Value::list(std::move(body));
}

void plan_stats(const SiteModel& model, SitePlan& plan) {
    const auto& pages = model.content.stats_pages;
    const auto& datasets = model.data.datasets;
    // These pages show the content, the configuration and the statistics tables (with their
    // consistency checks, made from the tables alone): nothing of the rounds or the registry.
    const auto& tables = model.keys.datasets;
    const std::string index_path = Links::site().section("statistik");
    const auto index_key = page_key(model, "stats", tables);
    if (!plan.unchanged(index_path, index_key)) {
        const auto& path = index_path;
        const Links links(path);
        auto ctx = base_context(model, path, "Statistik Nasional", "statistik",
                                "Angka nasional sertifikasi profesi, setiap angkanya dari satu berkas data.");
        std::vector<Value> items;
        for (const auto& p : pages)
            items.push_back(Value().set("title", p.title).set("summary", p.summary).set("href", links.prose("statistik", p.slug)));
        ctx.set("pages", Value::list(items));
        ctx.set("has_pages", !items.empty());
        std::vector<Value> rows;
        for (const auto& ds : datasets) {
            const auto& f = check_of(model, ds.id).findings;
            Value r;
            r.set("title", ds.title)
                .set("year", ds.year > 0 ? std::to_string(ds.year) : std::string("\u2013"))
                .set("source", ds.source_part.empty() ? ds.source_document : ds.source_part)
                .set("href", links.dataset(ds.id))
                .set("data_href", links.dataset_json(ds.id))
                .set("rows", format_int(static_cast<std::int64_t>(ds.rows.size())))
                .set("inconsistent", !f.empty())
                .set("finding_count", format_int(static_cast<std::int64_t>(f.size())))
                // "Consistent" only where something was recomputed: a table with no
                // printed total, formula or stated figure has nothing to agree with.
                .set("checked", has_checks(ds));
            rows.push_back(std::move(r));
        }
        ctx.set("datasets", Value::list(rows));
        ctx.set("has_datasets", !rows.empty());
        ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Statistik", links.section("statistik")}}));
        plan.page(path, "stats", std::move(ctx), index_key);
    }
    plan_prose_pages(model, pages, "statistik", "Statistik", plan, {}, tables);
    for (const auto& ds : datasets) {
        plan.file(Links::site().dataset_json(ds.id), ds.published_json);
        const std::string path = Links::site().dataset(ds.id);
        const auto key = page_key(model, "dataset", tables);
        if (plan.unchanged(path, key)) continue;
        const Links links(path);
        auto ctx = base_context(model, path, ds.title, "statistik", ds.note.empty() ? ds.title : ds.note);
        ctx.set("title", ds.title);
        ctx.set("note", ds.note);
        ctx.set("year", ds.year > 0 ? std::to_string(ds.year) : std::string());
        ctx.set("embed", stat_embed_context(ds, default_spec(ds), check_of(model, ds.id), "tabel", dataset_links(ds, links, true)));
        ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Statistik", links.section("statistik")}, {ds.title, links.dataset(ds.id)}}));
        plan.page(path, "dataset", std::move(ctx), key);
    }
}

}  // namespace pepgen
