// Pages around the data: 404, search (with its build-time index) and the
// downloads page with the data dictionary.
#include "format/indonesian.h"
#include "format/json_pretty.h"
#include "render/markdown.h"
#include "site/page_context.h"
#include "util/text.h"

namespace json = boost::json;

namespace pepgen {

namespace {

std::string shorten(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // stay on a character boundary
    const auto space = text.rfind(' ', cut);
    if (space != std::string::npos && space > max_bytes / 2) cut = space;
    return text.substr(0, cut) + "\u2026";
}

json::object entry(const std::string& kind, const std::string& title, const std::string& url, const std::string& text) {
    return json::object{{"j", kind}, {"t", title}, {"u", url}, {"x", text}};
}

/// Everything worth finding, as {j: kind, t: title, u: url from the site root, x: text}.
std::string search_index(const SiteModel& model) {
    json::array items;
    for (const auto& lsp : model.data.lsps) {
        std::string text = lsp.id + " · " + lsp.type + " · " + lsp.province;
        if (!lsp.city.empty()) text += " · " + lsp.city;
        if (auto current = model.results.current_round(lsp.id)) {
            const auto& s = *model.results.rounds[*current].find(lsp.id);
            text += " · IK " + ik_text(s);
            if (s.category) text += " · " + model.content.categories.categories[*s.category].name;
        }
        items.emplace_back(entry("LSP", lsp.name, "lsp/" + lsp.id + "/index.html", text));
    }
    for (const auto& ind : model.content.indicators)
        items.emplace_back(entry("Indikator", ind.code + " " + ind.title, "indikator/" + to_lower_ascii(ind.code) + "/index.html",
                                 ind.summary + " " + shorten(markdown_plain_text(ind.body_markdown), 300)));
    for (const auto& g : model.content.guides)
        items.emplace_back(entry("Panduan", g.title, "panduan/" + g.slug + "/index.html",
                                 g.summary + " " + shorten(markdown_plain_text(g.body_markdown), 400)));
    for (const auto& p : model.content.stats_pages)
        items.emplace_back(entry("Statistik", p.title, "statistik/" + p.slug + "/index.html",
                                 p.summary + " " + shorten(markdown_plain_text(p.body_markdown), 300)));
    for (const auto& ds : model.data.datasets)
        items.emplace_back(entry("Tabel data", ds.title, "statistik/tabel/" + ds.id + "/index.html", ds.note));
    for (const auto& r : model.data.rounds)
        items.emplace_back(entry("Penilaian", r.title, "penilaian/" + r.period + "/index.html",
                                 kind_label(r.kind) + " · " + format_date(r.date)));
    // A script file, not JSON, so the search also works when the site is opened from disk.
    return "window.PEPGEN_CARI = " + pretty_json(items);
}

}  // namespace

void plan_extra_pages(const SiteModel& model, SitePlan& plan) {
    const auto& base = model.base_url;
    {
        // 404.html is served at whatever address was asked for, so its links
        // are absolute when the site's address is known.
        const std::string path = "404.html";
        const Links links = base.empty() ? Links(path) : Links::from_root(base);
        auto ctx = base_context(model, path, "Halaman tidak ditemukan", "", "Alamat yang diminta tidak ada di situs ini.", &links);
        ctx.set("canonical", false);  // served at many addresses; none is canonical
        ctx.set("lsps_href", links.section("lsp"));
        ctx.set("search_action", links.section("cari"));
        plan.page(path, "404", std::move(ctx));
    }
    {
        const std::string path = "cari/index.html";
        const Links links(path);
        auto ctx = base_context(model, path, "Cari", "", "Cari LSP, indikator, panduan dan statistik.");
        ctx.set("index_src", "indeks.js");
        ctx.set("search_script", links.asset("cari.js"));
        ctx.set("lsps_href", links.section("lsp"));
        ctx.set("indicators_href", links.section("indikator"));
        ctx.set("guides_href", links.section("panduan"));
        ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Cari", links.section("cari")}}));
        plan.page(path, "search", std::move(ctx));
        plan.file("cari/indeks.js", search_index(model));
    }
    {
        const std::string path = "unduh/index.html";
        const Links links(path);
        auto ctx = base_context(model, path, "Unduh Data dan Kamus Data", "",
                                "Semua angka di situs ini dalam format terbuka, beserta arti setiap kolomnya.");
        ctx.set("all_href", links.root() + "data/semua.json");
        std::vector<Value> rounds;
        for (std::size_t i = model.data.rounds.size(); i-- > 0;) {
            const auto& r = model.data.rounds[i];
            rounds.push_back(Obj()
                                 .set("title", r.title)
                                 .set("href", links.round(r.period))
                                 .set("json_href", links.export_json(r.period))
                                 .set("csv_href", links.round_csv(r.period))
                                 .set("count", format_int(static_cast<std::int64_t>(model.results.rounds[i].sheets.size()))));
        }
        ctx.set("rounds", list_of(std::move(rounds)));
        std::vector<Value> lsps;
        for (const auto& l : model.data.lsps)
            lsps.push_back(Obj().set("name", l.name).set("href", links.lsp(l.id)).set("json_href", links.lsp_json(l.id)));
        ctx.set("lsps", list_of(std::move(lsps)));
        std::vector<Value> sets;
        for (const auto& ds : model.data.datasets)
            sets.push_back(Obj().set("title", ds.title).set("href", links.root() + "statistik/tabel/" + ds.id + "/index.html")
                               .set("json_href", links.root() + "data/statistik/" + ds.id + ".json"));
        ctx.set("datasets", list_of(sets));
        ctx.set("has_datasets", !sets.empty());
        ctx.set("feed_href", links.root() + "feed.xml");
        ctx.set("sitemap_href", links.root() + "sitemap.xml");
        const auto& dict = model.content.data_dictionary;
        ctx.set("dictionary_html", dict ? render_page_markdown(model, *dict, path) : std::string());
        ctx.set("dictionary_source", dict ? Value(dict->source_file) : Value(false));
        ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Unduh data", links.section("unduh")}}));
        plan.page(path, "downloads", std::move(ctx));
    }
}

}  // namespace pepgen
