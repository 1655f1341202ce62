// The downloads page: every open-data file of the site, with the data dictionary.
#include "format/indonesian.h"
#include "site/page_context.h"

namespace pepgen {

void plan_downloads(const SiteModel& model, SitePlan& plan) {
    const std::string path = Links::site().section("unduh");
    const Links links(path);
    auto ctx = base_context(model, path, "Unduh Data dan Kamus Data", "",
                            "Semua angka di situs ini dalam format terbuka, beserta arti setiap kolomnya.");
    ctx.set("all_href", links.all_json());
    std::vector<Value> rounds;
    for (std::size_t i = model.data.rounds.size(); i-- > 0;) {
        const auto& r = model.data.rounds[i];
        rounds.push_back(Value()
                             .set("title", r.title)
                             .set("href", links.round(r.period))
                             .set("json_href", links.export_json(r.period))
                             .set("csv_href", links.round_csv(r.period))
                             .set("count", format_int(static_cast<std::int64_t>(model.results.rounds[i].sheets.size()))));
    }
    ctx.set("rounds", Value::list(std::move(rounds)));
    std::vector<Value> lsps;
    for (const auto& l : model.data.lsps)
        lsps.push_back(Value().set("name", l.name).set("href", links.lsp(l.id)).set("json_href", links.lsp_json(l.id)));
    ctx.set("lsps", Value::list(std::move(lsps)));
    std::vector<Value> sets;
    for (const auto& ds : model.data.datasets)
        sets.push_back(Value().set("title", ds.title).set("href", links.dataset(ds.id))
                           .set("json_href", links.dataset_json(ds.id)));
    ctx.set("datasets", Value::list(sets));
    ctx.set("has_datasets", !sets.empty());
    ctx.set("feed_href", links.feed());
    ctx.set("sitemap_href", links.sitemap());
    const auto& dict = model.content.data_dictionary;
    ctx.set("dictionary", dict ? page_body(model, *dict, path) : Value::list());
    ctx.set("dictionary_source", dict ? Value(dict->source_file) : Value(false));
    ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Unduh data", links.section("unduh")}}));
    plan.page(path, "downloads", std::move(ctx));
}

}  // namespace pepgen
