// The downloads page: every open-data file of the site, with the data dictionary.
#include "format/indonesian.h"
#include "site/page_context.h"
#include "site/page_keys.h"
#include "site/plan_versions.h"

namespace pepgen {

namespace {

/// What the page shows besides the site's inputs (the ledger, the data dictionary): the registry,
/// the statistics tables, and each round's name, period, draft flag and number of sheets.
std::string downloads_value(const SiteModel& model) {
    std::string value = model.keys.registry + "|" + model.keys.datasets;
    for (std::size_t i = 0; i < model.data.rounds.size(); ++i) {
        const auto& r = model.data.rounds[i];
        value += "|" + r.period + "\x1f" + r.title + "\x1f" + (r.draft ? "d" : "t") + "\x1f" +
                 std::to_string(model.results.rounds[i].sheets.size());
    }
    return value;
}

}  // namespace

void plan_downloads(const SiteModel& model, SitePlan& plan) {
    const std::string path = Links::site().section("unduh");
    const auto key = page_key(model, "downloads", downloads_value(model));
    if (plan.unchanged(path, key)) return;  // a correction to a score changes nothing here
    const Links links(path);
    auto ctx = base_context(model, path, "Unduh Data dan Kamus Data", "",
                            "Semua angka di situs ini dalam format terbuka, beserta arti setiap kolomnya.");
    ctx.set("all_href", links.all_json());
    std::vector<Value> rounds;
    for (std::size_t i = model.data.rounds.size(); i-- > 0;) {
        const auto& r = model.data.rounds[i];
        if (r.draft) continue;  // no download carries a draft
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
    // Every version of every released file, release by release, newest first.
    const auto versions = file_versions(model.data.ledger);
    std::vector<Value> releases;
    for (auto r = model.data.ledger.releases.rbegin(); r != model.data.ledger.releases.rend(); ++r) {
        std::vector<Value> files;
        for (const auto& v : versions) {
            if (v.release != r->number) continue;
            Value f;
            f.set("path", v.path).set("removed", v.removed);
            f.set("href", v.removed ? Value(false) : Value(links.root() + v.versioned_path));
            f.set("sha256", v.sha256).set("bytes", format_int(static_cast<std::int64_t>(v.bytes)));
            files.push_back(std::move(f));
        }
        releases.push_back(Value()
                               .set("number", format_int(r->number))
                               .set("date", format_date(r->date))
                               .set("iso_date", r->date)
                               .set("count", format_int(static_cast<std::int64_t>(files.size())))
                               .set("total", format_int(static_cast<std::int64_t>(r->files.size())))
                               .set("files", Value::list(std::move(files))));
    }
    ctx.set("has_versions", !releases.empty());
    ctx.set("versions", Value::list(std::move(releases)));
    ctx.set("datapackage_href", links.root() + "datapackage.json");
    ctx.set("sums_href", links.root() + "SHA256SUMS");
    ctx.set("feed_href", links.feed());
    ctx.set("sitemap_href", links.sitemap());
    const auto& dict = model.content.data_dictionary;
    ctx.set("dictionary", dict ? page_body(model, *dict, path) : Value::list());
    ctx.set("dictionary_source", dict ? Value(dict->source_file) : Value(false));
    ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Unduh data", links.section("unduh")}}));
    plan.page(path, "downloads", std::move(ctx), key);
}

}  // namespace pepgen
