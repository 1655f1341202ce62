// The errata page (ralat/): every correction of a released figure, newest
// first, and the releases they fall between.
#include "format/indonesian.h"
#include "site/page_context.h"
#include "site/publication_context.h"

namespace pepgen {

void plan_errata(const SiteModel& model, SitePlan& plan) {
    const auto path = errata_path();
    const Links links(path);
    auto ctx = base_context(model, path, "Ralat", "",
                            "Setiap koreksi atas angka yang sudah terbit: tanggal, alasan, angka lama dan baru.");
    const auto& ledger = model.data.ledger;
    std::vector<Value> corrections;
    for (auto it = ledger.corrections.rbegin(); it != ledger.corrections.rend(); ++it) {
        auto v = correction_value(model, *it, links);
        // Which release first carried it, if any yet.
        std::string in_release;
        for (const auto& r : ledger.releases)
            if (in_release.empty() && r.corrections >= static_cast<std::size_t>(it->number))
                in_release = "rilis " + format_int(r.number) + " (" + format_date(r.date) + ")";
        v.set("in_release", Value::nonempty(in_release));
        corrections.push_back(std::move(v));
    }
    ctx.set("has_corrections", !corrections.empty());
    ctx.set("corrections", Value::list(std::move(corrections)));
    std::vector<Value> releases;
    for (auto it = ledger.releases.rbegin(); it != ledger.releases.rend(); ++it) {
        std::size_t sheets = 0;
        for (const auto& r : it->rounds) sheets += r.sheets.size();
        releases.push_back(Value()
                               .set("number", format_int(it->number))
                               .set("date", format_date(it->date))
                               .set("iso_date", it->date)
                               .set("rounds", format_int(static_cast<std::int64_t>(it->rounds.size())))
                               .set("sheets", format_int(static_cast<std::int64_t>(sheets)))
                               .set("corrections", format_int(static_cast<std::int64_t>(it->corrections)))
                               .set("sha256", it->sha256));
    }
    ctx.set("has_releases", !releases.empty());
    ctx.set("releases", Value::list(std::move(releases)));
    ctx.set("pending", model.results.publication.pending_corrections > 0);
    ctx.set("publication_guide_href", publication_guide_href(model, links));
    ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Ralat", links.section("ralat")}}));
    plan.page(path, "errata", std::move(ctx));
}

}  // namespace pepgen
