/// The page plan: every output file of the site, as a template name plus the
/// data it is rendered with, or finished bytes for data files. Pages are
/// handed to a sink as soon as they are planned, so a build renders them on
/// other threads meanwhile and never holds every page's data at once.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/value.h"

#include "model/types.h"
#include "scoring/scoring.h"
#include "site/part_stream.h"
#include "site/incremental_keys.h"
#include "stats/consistency.h"

namespace pepgen {

/// How much memory a page's or file's data takes while it is made. A heavy one
/// (a whole round's table or export: tens of megabytes at national scale) is made
/// one at a time while other threads make light ones, which bounds peak memory.
enum class Load { light, heavy };

struct PlannedPage {
    std::string path;            ///< relative to the output root, e.g. "lsp/lsp-contoh-01/index.html"
    std::string template_name;   ///< theme template, e.g. "scorecard"
    Value context;
    std::string key;             ///< the inputs it depends on (empty: always rebuilt)
    /// When set, makes `context` on the thread that renders the page. It may
    /// read the SiteModel (which outlives the build) but nothing of the planner's stack.
    std::function<Value()> make_context;
    /// false for a document that is not an HTML page (sitemap.xml, feed.xml):
    /// its template is rendered alone, without the layout.
    bool with_layout = true;
    Load load = Load::light;
    /// A list of thousands of rows in the page's data ("rows"): the page is written in parts of
    /// `rows_per_part` rows, and after a change only the parts whose rows changed are rendered.
    std::string list_in_parts = {};
    std::size_t rows_per_part = 0;
};

/// Rows per part of a long list on a page or in a download (SitePlan::rows_per_part): a correction
/// moves a few rows of a round's table; smaller parts make less of it again but lengthen the manifest.
inline constexpr std::size_t kRowsPerPart = 32;

struct PlannedFile {
    std::string path;
    std::string bytes;
    std::string key;
    std::function<std::string()> make_bytes;  ///< when set, makes `bytes` on a worker thread (as make_context)
    Load load = Load::light;
    /// When set, makes the file part by part into the stream, on the thread that writes it: a large
    /// file never exists as one string, and a part the previous build's file has is copied from it
    /// (a round's download made again only in the runs of rows that changed).
    std::function<void(PartStream&)> stream = {};
};

/// A project file published as it is (a dataset's JSON).
class SitePlan {
public:
    /// Rows per part of long lists (kRowsPerPart; tests make small lists long in parts).
    std::size_t rows_per_part = kRowsPerPart;
    /// Without sinks, pages and files are kept in `pages` and `files`.
    std::function<void(PlannedPage&&)> page_sink;
    std::function<void(PlannedFile&&)> file_sink;

    /// Asked before building a page or file: true when the previous build's
    /// copy can be kept because its inputs (key) are unchanged.
    std::function<bool(const std::string& path, const std::string& key)> reuse;

    void page(std::string path, std::string template_name, Value context, std::string key = {});
    void file(std::string path, std::string bytes, std::string key = {});
    /// A data file made from a theme template without the layout (XML feeds):
    /// the theme owns its markup, the planner gives the data. Counted as a file.
    void document(std::string path, std::string template_name, Value context, std::string key = {});
    /// The same, with the context or bytes made later, on the thread that writes them: the many
    /// per-LSP pages and files are then put together in parallel. Without sinks, made at once.
    void page_later(std::string path, std::string template_name, std::function<Value()> make_context,
                    std::string key = {}, Load load = Load::light, std::string list_in_parts = {});
    void file_later(std::string path, std::function<std::string()> make_bytes, std::string key = {},
                    Load load = Load::light);
    /// A file made part by part on a worker (PlannedFile::stream); made whole in `files` when
    /// there is no sink.
    void file_streamed(std::string path, std::function<void(PartStream&)> stream, std::string key = {},
                       Load load = Load::heavy);
    /// Call before building: true when the page need not be built at all.
    bool unchanged(const std::string& path, const std::string& key, bool is_page = true);

    std::vector<PlannedPage> pages;
    std::vector<PlannedFile> files;
    std::vector<std::string> page_paths;  ///< every page planned, in order (for the sitemap)
    /// Pages kept out of the sitemap and the search index (a draft round's: noindex).
    std::set<std::string> unlisted;
    std::size_t file_count = 0;           ///< data files planned, kept or made
};

/// Read-only view of everything the planners need, with look-ups.
struct SiteModel {
    const Content& content;
    const Data& data;
    const Results& results;
    const std::map<std::string, DatasetCheck>& stat_checks;  ///< dataset id -> its consistency check
    std::unordered_map<std::string, const Lsp*> lsp_by_id;
    /// The registered LSP of every sheet, joined once: [Data round index][position in that
    /// RoundResult's sheets], null when not registered. A national run lists 100,000 sheets on
    /// several pages each; looking each up by id there reached into a 10,000-entry table every time.
    std::vector<std::vector<const Lsp*>> sheet_lsp;
    std::unordered_map<std::string, const Indicator*> indicator_by_code;
    std::map<std::string, const Dataset*> dataset_by_id;
    /// Each category's badge, then "incomplete", then "no category" (category_badge): shared
    /// by every row that shows one, not built again per row.
    std::vector<Value> badges;
    InputKeys keys;  ///< empty keys: every page is built
    /// The site's public address: pepgen.yaml's alamat_situs, or --base-url
    /// when given ("" when unknown: links and feeds stay relative).
    std::string base_url;

    SiteModel(const Content& c, const Data& d, const Results& r,
              const std::map<std::string, DatasetCheck>& checks);

    /// The registered LSP of `s`, a sheet of `rr` (found by id when it is not one of rr's
    /// sheets); null when it is not registered.
    const Lsp* registered(const RoundResult& rr, const SheetResult& s) const;
    /// The same, for pages that list only registered LSPs' sheets (validate refuses the others):
    /// throws std::out_of_range naming the id otherwise.
    const Lsp& lsp_of(const RoundResult& rr, const SheetResult& s) const;
};

SitePlan plan_site(const SiteModel& model);
/// The same, with pages and files going to the plan's sinks.
void plan_site_into(const SiteModel& model, SitePlan& plan);

// One planner per page family; each appends to the plan.
void plan_home(const SiteModel& model, SitePlan& plan);
void plan_guides(const SiteModel& model, SitePlan& plan);
void plan_indicators(const SiteModel& model, SitePlan& plan);
void plan_lsps(const SiteModel& model, SitePlan& plan);
/// Each round's print archive (penilaian/<periode>/cetak/).
void plan_print_pages(const SiteModel& model, SitePlan& plan);
void plan_rounds(const SiteModel& model, SitePlan& plan);
void plan_exports(const SiteModel& model, SitePlan& plan);
void plan_stats(const SiteModel& model, SitePlan& plan);
void plan_not_found(const SiteModel& model, SitePlan& plan);
void plan_search(const SiteModel& model, SitePlan& plan);
void plan_downloads(const SiteModel& model, SitePlan& plan);
/// ralat/: every correction, newest first, and the releases.
void plan_errata(const SiteModel& model, SitePlan& plan);
/// Runs last: lists the pages planned so far.
void plan_discovery(const SiteModel& model, SitePlan& plan);

/// Prose pages of one folder at <dir>/<slug>/: body with embeds, table of
/// contents, previous/next; `extra` adds page-specific context. With a
/// `value_key` (all the pages show besides the site's inputs), a page whose
/// key is unchanged since the last build is kept without being planned.
void plan_prose_pages(const SiteModel& model, const std::vector<GuidePage>& pages, const std::string& dir,
                      const std::string& label, SitePlan& plan,
                      const std::function<void(const GuidePage&, Value&)>& extra, const std::string& value_key = {});

/// A prose page's body for its template: a list of {html, embed} parts, each
/// HTML followed by the data of the ```statistik block that stands after it
/// (false after the last).
Value page_body(const SiteModel& model, const GuidePage& page, const std::string& page_path);

}  // namespace pepgen
