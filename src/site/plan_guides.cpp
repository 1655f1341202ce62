// Guidance pages from content/panduan/, their index, and the category table
// on the page that defines it.
#include "format/indonesian.h"
#include "render/markdown.h"
#include "site/page_context.h"
#include "site/page_keys.h"

namespace pepgen {

namespace {

Value category_table(const SiteModel& model) {
    std::vector<Value> rows;
    const auto& cats = model.content.categories.categories;
    for (std::size_t i = 0; i < cats.size(); ++i) {
        Value r;
        r.set("name", cats[i].name)
            .set("key", cats[i].key)
            .set("css", "cat-" + std::to_string(i))
            .set("range", range_text(cats[i].min, cats[i].max))
            .set("condition", cats[i].condition);
        rows.push_back(std::move(r));
    }
    return Value::list(std::move(rows));
}

}  // namespace

void plan_guides(const SiteModel& model, SitePlan& plan) {
    const auto& guides = model.content.guides;
    // The guidance shows content/ and pepgen.yaml (the site's key), and the statistics tables its
    // pages embed: nothing of the rounds or the registry, so a correction plans none of it again.
    const auto& tables = model.keys.datasets;
    {
        const std::string path = Links::site().section("panduan");
        const auto key = page_key(model, "guides", "panduan");
        if (!plan.unchanged(path, key)) {
            const Links links(path);
            auto ctx = base_context(model, path, "Panduan PEP Bersama", "panduan",
                                    "Ketentuan pemantauan, evaluasi dan penilaian kinerja LSP terlisensi bidang jasa konstruksi.");
            std::vector<Value> items;
            for (const auto& g : guides) {
                Value item;
                item.set("title", g.title).set("summary", g.summary).set("href", links.guide(g.slug));
                items.push_back(std::move(item));
            }
            ctx.set("guides", Value::list(std::move(items)));
            ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Panduan", links.section("panduan")}}));
            ctx.set("indicators_href", links.section("indikator"));
            plan.page(path, "guides", std::move(ctx), key);
        }
    }
    plan_prose_pages(model, guides, "panduan", "Panduan", plan, [&](const GuidePage& g, Value& ctx) {
        if (g.source_file != model.content.categories_file) return;
        ctx.set("categories", category_table(model));
        ctx.set("has_categories", true);
        ctx.set("index_max", format_int(model.content.categories.index_max));
        ctx.set("default_scores", model.content.categories.default_scores);
        ctx.set("default_scores_note", model.content.categories.default_scores_note);
    }, tables);
}

void plan_prose_pages(const SiteModel& model, const std::vector<GuidePage>& pages, const std::string& dir,
                      const std::string& label, SitePlan& plan,
                      const std::function<void(const GuidePage&, Value&)>& extra, const std::string& value_key) {
    auto href = [&](const Links& links, const GuidePage& p) { return links.prose(dir, p.slug); };
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const auto& g = pages[i];
        const std::string path = Links::site().prose(dir, g.slug);
        const auto key = page_key(model, "guide", value_key);
        if (plan.unchanged(path, key)) continue;
        const Links links(path);
        auto ctx = base_context(model, path, g.title, dir, g.summary);
        ctx.set("title", g.title);
        ctx.set("summary", g.summary);
        ctx.set("body", page_body(model, g, path));
        ctx.set("source", g.source_file);
        std::vector<Value> toc;
        for (const auto& other : pages)
            toc.push_back(Value().set("title", other.title).set("href", href(links, other)).set("current", other.slug == g.slug));
        ctx.set("toc", Value::list(std::move(toc)));
        ctx.set("toc_title", label);
        // Every key the template names is set, false when there is nothing: a missing key is a typo.
        ctx.set("prev", i > 0 ? Value().set("title", pages[i - 1].title).set("href", href(links, pages[i - 1])) : Value(false));
        ctx.set("next", i + 1 < pages.size() ? Value().set("title", pages[i + 1].title).set("href", href(links, pages[i + 1]))
                                             : Value(false));
        ctx.set("has_categories", false);
        ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {label, links.section(dir)}, {g.title, href(links, g)}}));
        if (extra) extra(g, ctx);
        plan.page(path, "guide", std::move(ctx), key);
    }
}

}  // namespace pepgen
