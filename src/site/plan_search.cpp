// The search page and its index, made at build time so that searching works
// without a server and from disk.
#include <boost/json.hpp>

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
        items.emplace_back(entry("LSP", lsp.name, Links::site().lsp(lsp.id), text));
    }
    for (const auto& ind : model.content.indicators)
        items.emplace_back(entry("Indikator", ind.code + " " + ind.title, Links::site().indicator(ind.code),
                                 ind.summary + " " + shorten(markdown_plain_text(ind.body_markdown), 300)));
    for (const auto& g : model.content.guides)
        items.emplace_back(entry("Panduan", g.title, Links::site().guide(g.slug),
                                 g.summary + " " + shorten(markdown_plain_text(g.body_markdown), 400)));
    for (const auto& p : model.content.stats_pages)
        items.emplace_back(entry("Statistik", p.title, Links::site().prose("statistik", p.slug),
                                 p.summary + " " + shorten(markdown_plain_text(p.body_markdown), 300)));
    for (const auto& ds : model.data.datasets)
        items.emplace_back(entry("Tabel data", ds.title, Links::site().dataset(ds.id), ds.note));
    for (const auto& r : model.data.rounds)
        if (!r.draft)  // a draft is for the LSPs' check, not for finding
            items.emplace_back(entry("Penilaian", r.title, Links::site().round(r.period),
                                 kind_label(r.kind) + " · " + format_date(r.date)));
    // A script file, not JSON, so the search also works when the site is opened from disk.
    return "window.PEPGEN_CARI = " + pretty_json(items);
}

}  // namespace

void plan_search(const SiteModel& model, SitePlan& plan) {
    const std::string path = Links::site().section("cari");
    const Links links(path);
    auto ctx = base_context(model, path, "Cari", "", "Cari LSP, indikator, panduan dan statistik.");
    ctx.set("index_src", "indeks.js");
    ctx.set("search_script", links.asset("cari.js"));
    ctx.set("lsps_href", links.section("lsp"));
    ctx.set("indicators_href", links.section("indikator"));
    ctx.set("guides_href", links.section("panduan"));
    ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Cari", links.section("cari")}}));
    plan.page(path, "search", std::move(ctx));
    // Every LSP's entry: made on a render thread, beside the pages, not on the planner's.
    plan.file_later("cari/indeks.js", [&model] { return search_index(model); });
}

}  // namespace pepgen
