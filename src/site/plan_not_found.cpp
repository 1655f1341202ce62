// The page served for an address the site does not have.
#include "site/page_context.h"

namespace pepgen {

void plan_not_found(const SiteModel& model, SitePlan& plan) {
    const auto& base = model.base_url;
    // 404.html is served at whatever address was asked for, so its links
    // are absolute when the site's address is known.
    const std::string path = Links::site().not_found();
    const Links links = base.empty() ? Links(path) : Links::from_root(base);
    auto ctx = base_context(model, path, "Halaman tidak ditemukan", "", "Alamat yang diminta tidak ada di situs ini.", &links);
    ctx.set("canonical", false);  // served at many addresses; none is canonical
    ctx.set("lsps_href", links.section("lsp"));
    ctx.set("search_action", links.section("cari"));
    plan.page(path, "404", std::move(ctx));
}

}  // namespace pepgen
