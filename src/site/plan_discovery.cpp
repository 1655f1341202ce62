// How the site is found and followed: sitemap.xml, robots.txt and an Atom
// feed with an entry per published round. With a base URL every address in
// them is absolute; without one they are relative to the site root.
#include <algorithm>

#include "format/indonesian.h"
#include "site/page_context.h"
#include "util/text.h"

namespace pepgen {

namespace {

bool listed(const std::string& path) {
    // Print pages repeat the scorecards; the 404 page is no destination.
    return path != "404.html" && path.find("/cetak/") == std::string::npos;
}

std::string feed_summary(const SiteModel& model, std::size_t index) {
    const auto& round = model.data.rounds[index];
    const auto& rr = model.results.rounds[index];
    std::string s = kind_label(round.kind) + ", " + format_date(round.date) + ": " +
                    format_int(static_cast<std::int64_t>(rr.sheets.size())) + " LSP dinilai";
    const auto& cats = model.content.categories.categories;
    for (std::size_t c = 0; c < cats.size(); ++c) s += "; " + cats[c].name + " " + format_int(rr.category_counts[c]);
    if (rr.incomplete_count > 0) s += "; belum lengkap " + format_int(rr.incomplete_count);
    return s + ".";
}

}  // namespace

void plan_discovery(const SiteModel& model, SitePlan& plan) {
    const auto& base = model.base_url;
    std::vector<std::string> paths;
    for (const auto& p : plan.page_paths)
        if (listed(p)) paths.push_back(p);
    std::sort(paths.begin(), paths.end());

    std::string sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& p : paths) sitemap += "  <url><loc>" + xml_escape(canonical_url(base, p)) + "</loc></url>\n";
    sitemap += "</urlset>\n";
    plan.file("sitemap.xml", sitemap);

    std::string robots = "User-agent: *\nAllow: /\n";
    robots += "Sitemap: " + (base.empty() ? std::string("sitemap.xml") : base + "sitemap.xml") + "\n";
    plan.file("robots.txt", robots);

    // Atom: newest round first; 'updated' is the newest round's date, never the build time.
    const auto& rounds = model.data.rounds;
    const std::string site_id = base.empty() ? "urn:pepgen:situs" : base;
    std::string updated = "1970-01-01";
    for (const auto& r : rounds) updated = std::max(updated, r.date);
    std::string feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"id\">\n";
    feed += "  <title>" + xml_escape(model.content.config.title + " — penilaian") + "</title>\n";
    feed += "  <subtitle>Setiap putaran PEP Bersama yang diterbitkan.</subtitle>\n";
    feed += "  <id>" + xml_escape(site_id) + "</id>\n";
    feed += "  <updated>" + updated + "T00:00:00Z</updated>\n";
    feed += "  <author><name>" + xml_escape(model.content.config.publisher) + "</name></author>\n";
    feed += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(base.empty() ? std::string("index.html") : base) + "\"/>\n";
    if (!base.empty()) feed += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(base + "feed.xml") + "\"/>\n";
    for (std::size_t i = rounds.size(); i-- > 0;) {
        const auto& r = rounds[i];
        const auto page = "penilaian/" + r.period + "/index.html";
        const auto url = canonical_url(base, page);
        feed += "  <entry>\n";
        feed += "    <title>" + xml_escape(r.title) + "</title>\n";
        feed += "    <id>" + xml_escape(base.empty() ? "urn:pepgen:penilaian:" + r.period : url) + "</id>\n";
        feed += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(base.empty() ? page : url) + "\"/>\n";
        feed += "    <updated>" + r.date + "T00:00:00Z</updated>\n";
        feed += "    <summary>" + xml_escape(feed_summary(model, i)) + "</summary>\n";
        feed += "  </entry>\n";
    }
    feed += "</feed>\n";
    plan.file("feed.xml", feed);
}

}  // namespace pepgen
