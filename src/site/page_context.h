/// Helpers shared by the planners: relative links for a page, the context
/// every page carries (navigation, banners), and values shown in many places
/// (category badges, IK, changes).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "site/plan.h"

namespace pepgen {

/// Relative links from one page; every link ends in index.html so the site
/// also works opened straight from disk.
class Links {
public:
    explicit Links(const std::string& page_path);
    /// Links from a page that may be served at any address (404.html): from the
    /// base URL when there is one.
    static Links from_root(const std::string& root) {
        Links l("");
        l.root_ = root;
        return l;
    }
    const std::string& root() const { return root_; }
    std::string home() const { return root_ + "index.html"; }
    std::string section(const std::string& dir) const { return root_ + dir + "/index.html"; }
    std::string lsp(const std::string& id) const { return root_ + "lsp/" + id + "/index.html"; }
    std::string indicator(const std::string& code) const;
    std::string guide(const std::string& slug) const { return prose("panduan", slug); }
    std::string round(const std::string& period) const { return root_ + "penilaian/" + period + "/index.html"; }
    std::string categories(const std::string& period) const {
        return root_ + "kategori/" + period + "/index.html";
    }
    std::string export_json(const std::string& period) const { return root_ + "data/indeks-" + period + ".json"; }
    std::string asset(const std::string& rel) const { return root_ + "assets/" + rel; }
    std::string lsp_json(const std::string& id) const { return root_ + "data/lsp/" + id + ".json"; }
    std::string round_csv(const std::string& period) const { return root_ + "data/hasil-" + period + ".csv"; }
    std::string print(const std::string& period) const { return print_part(period, 0); }
    /// Part `part` (0-based) of a round's print archive.
    std::string print_part(const std::string& period, std::size_t part) const {
        return root_ + "penilaian/" + period + "/cetak/" + (part == 0 ? std::string() : std::to_string(part + 1) + "/") +
               "index.html";
    }
    /// A prose page (guidance, a statistics report) in its section folder.
    std::string prose(const std::string& dir, const std::string& slug) const {
        return root_ + dir + "/" + slug + "/index.html";
    }
    std::string dataset(const std::string& id) const { return root_ + "statistik/tabel/" + id + "/index.html"; }
    std::string dataset_json(const std::string& id) const { return root_ + "data/statistik/" + id + ".json"; }
    std::string all_json() const { return root_ + "data/semua.json"; }
    std::string feed() const { return root_ + "feed.xml"; }
    std::string not_found() const { return root_ + "404.html"; }
    std::string sitemap() const { return root_ + "sitemap.xml"; }

    /// Addresses from the site's root: the paths pages and files are written to.
    static const Links& site() {
        static const Links top("");
        return top;
    }

private:
    std::string root_;
};

/// The context every page starts from: site title, navigation, banners.
/// `section` is the navigation entry to mark current ("beranda", "lsp", ...;
/// empty for pages outside the navigation).
Value base_context(const SiteModel& model, const std::string& page_path, const std::string& title,
                            const std::string& section, const std::string& description, const Links* links = nullptr);

/// Choices for the table filters: provinces and types from the registry,
/// categories from the category table (plus "belum lengkap"/"belum dinilai").
Value filter_context(const SiteModel& model, bool with_category);

/// Breadcrumbs: pairs of label and href; the last one is the current page.
Value crumbs(const std::vector<std::pair<std::string, std::string>>& items);

/// The public address of a page: base URL + path without "index.html".
std::string canonical_url(const std::string& base_url, const std::string& page_path);

/// {name, key, css, range, condition} of a category, or "belum lengkap".
Value category_badge(const SiteModel& model, const SheetResult& s);
/// What a table row shows besides its own record and results, for rows keyed by PageKeys
/// (Value::lazy): every round's name, the category badges, and where its links lead from.
std::uint64_t row_key_context(const SiteModel& model, const Links& links);

/// "+5 · naik kategori", or an explanation when there is nothing to compare.
std::string change_text(const SiteModel& model, const SheetResult& s);

/// A round's sheets in rank order; incomplete sheets last, by LSP name (RoundResult::ranked).
std::vector<const SheetResult*> ranked_sheets(const SiteModel& model, const RoundResult& rr);
/// The order LSPs are listed in by name on every page: by name, then by id where names are equal.
inline bool name_order_less(const Lsp& a, const Lsp& b) { return a.name != b.name ? a.name < b.name : a.id < b.id; }

std::string ik_text(const SheetResult& s);
/// Indicator k's score as a percentage of its maximum ("40,0%"), or a dash when not scored.
std::string indicator_percent_text(const SiteModel& model, std::size_t k, std::optional<int> score);
std::string rank_text(const SheetResult& s, const RoundResult& rr);
std::string kind_label(RoundKind kind);
std::string range_text(int from, int to);

}  // namespace pepgen
