// How the site is found and followed: sitemap.xml, robots.txt and an Atom
// feed with an entry per published round. With a base URL every address in
// them is absolute; without one they are relative to the site root.
#include <algorithm>
#include <cstdio>
#include <set>

#include "format/indonesian.h"
#include "site/page_context.h"
#include "site/page_keys.h"
#include "site/publication_context.h"
#include "validate/validate_ledger.h"
#include "util/fingerprint.h"
#include "util/text.h"

namespace pepgen {

namespace {

bool listed(const std::string& path) {
    // Print pages repeat the scorecards; the 404 page is no destination.
    return path != Links::site().not_found() && path.find("/cetak/") == std::string::npos;
}

}  // namespace

void plan_discovery(const SiteModel& model, SitePlan& plan) {
    const auto& base = model.base_url;
    std::vector<std::string> paths;
    for (const auto& p : plan.page_paths)
        if (listed(p) && !plan.unlisted.count(p)) paths.push_back(p);
    std::sort(paths.begin(), paths.end());

    // XML documents: the theme owns the markup; every text here is XML-escaped
    // (which also drops what XML 1.0 forbids) and placed with {{{ }}}.
    // The sitemap shows the listed pages' paths and nothing else (the address is in the site key).
    std::string listed_paths;
    for (const auto& p : paths) listed_paths.append(p).push_back('\n');
    const auto sitemap_key =
        page_key(model, "sitemap",
                 fingerprint_hex(fingerprint(listed_paths)) + fingerprint_hex(fingerprint(listed_paths, 0x9e3779b97f4a7c15ull)));
    if (!plan.unchanged("sitemap.xml", sitemap_key, false)) {
        Value urls = Value::list();
        for (const auto& p : paths) urls.push_back(Value().set("loc", xml_escape(canonical_url(base, p))));
        plan.document("sitemap.xml", "sitemap", Value().set("urls", std::move(urls)), sitemap_key);
    }

    std::string robots = "User-agent: *\nAllow: /\n";
    robots += "Sitemap: " + (base.empty() ? std::string("sitemap.xml") : base + "sitemap.xml") + "\n";
    plan.file("robots.txt", robots);

    // Atom: newest round first; 'updated' is the newest round's date, never the build time.
    const auto& rounds = model.data.rounds;
    const auto& corrections = model.data.ledger.corrections;
    std::string updated = "1970-01-01";
    for (const auto& r : rounds)
        if (!r.draft) updated = std::max(updated, r.date);
    for (const auto& c : corrections) updated = std::max(updated, c.date);
    Value feed;
    feed.set("title", xml_escape(model.content.config.title))
        .set("id", xml_escape(base.empty() ? std::string("urn:pepgen:situs") : base))
        .set("updated", updated)
        .set("publisher", xml_escape(model.content.config.publisher))
        .set("home", xml_escape(base.empty() ? std::string("index.html") : base));
    if (base.empty()) feed.set("self", false);
    else feed.set("self", xml_escape(base + "feed.xml"));
    // Rounds and corrections, newest first (a draft is no publication).
    std::vector<std::pair<std::string, Value>> dated;
    const auto& cats = model.content.categories.categories;
    for (std::size_t i = rounds.size(); i-- > 0;) {
        const auto& r = rounds[i];
        if (r.draft) continue;
        const auto& rr = model.results.rounds[i];
        const auto page = Links::site().round(r.period);
        const auto url = canonical_url(base, page);
        Value counts = Value::list();
        for (std::size_t c = 0; c < cats.size(); ++c)
            counts.push_back(Value().set("name", xml_escape(cats[c].name)).set("count", format_int(rr.category_counts[c])));
        Value entry;
        entry.set("title", xml_escape(r.title))
            .set("id", xml_escape(base.empty() ? "urn:pepgen:penilaian:" + r.period : url))
            .set("href", xml_escape(base.empty() ? page : url))
            .set("date", r.date)
            .set("kind", xml_escape(kind_label(r.kind)))
            .set("date_text", xml_escape(format_date(r.date)))
            .set("count", format_int(static_cast<std::int64_t>(rr.sheets.size())))
            .set("categories", std::move(counts));
        if (rr.incomplete_count > 0) entry.set("incomplete", format_int(rr.incomplete_count));
        else entry.set("incomplete", false);
        entry.set("is_round", true).set("is_correction", false).set("summary", false);
        dated.emplace_back(r.date + "|0|" + r.period, std::move(entry));
    }
    for (const auto& c : corrections) {
        const auto page = errata_path();
        const auto anchor = "#ralat-" + std::to_string(c.number);
        const auto url = canonical_url(base, page) + anchor;
        std::string who, what;
        std::set<std::string> named;
        for (const auto& ch : c.changes) {
            auto it = model.lsp_by_id.find(ch.lsp_id);
            const auto name = it == model.lsp_by_id.end() ? ch.lsp_id : it->second->name;
            if (named.insert(name).second) who += (who.empty() ? "" : ", ") + name;
            what += (what.empty() ? "" : "; ") + name + " (" + ch.period + ") " + describe_change(ch);
        }
        Value entry;
        entry.set("title", xml_escape("Ralat " + std::to_string(c.number) + ": " + who))
            .set("id", xml_escape(base.empty() ? "urn:pepgen:ralat:" + std::to_string(c.number) : url))
            .set("href", xml_escape(base.empty() ? page + anchor : url))
            .set("date", c.date)
            .set("summary", xml_escape(format_date(c.date) + ": " + what + ". Alasan: " + c.reason + " (dasar: " +
                                       basis_label(c.basis) + ")."))
            .set("is_round", false)
            .set("is_correction", true)
            // The round entries' fields, absent here (the theme's keys are checked on every entry).
            .set("kind", false)
            .set("date_text", false)
            .set("count", false)
            .set("categories", Value::list())
            .set("incomplete", false);
        char order[16];
        std::snprintf(order, sizeof order, "%08d", c.number);
        dated.emplace_back(c.date + "|1|" + order, std::move(entry));
    }
    std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    Value entries = Value::list();
    for (auto& [order, entry] : dated) entries.push_back(std::move(entry));
    feed.set("entries", std::move(entries));
    plan.document("feed.xml", "feed", std::move(feed));
}

}  // namespace pepgen
