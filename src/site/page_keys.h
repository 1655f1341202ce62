/// Keys for the pages a national site has thousands of (scorecards, LSP
/// files, round pages, print parts, round exports), made from the records and
/// formatted figures each one shows rather than from whole input files: after
/// one score changes, only the pages whose shown figures moved are planned again.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "site/plan.h"

namespace pepgen {

/// Scorecards per printable page: a whole national round on one page would be
/// tens of megabytes that no browser prints comfortably.
constexpr std::size_t kPrintPageSize = 100;

/// The keys of every such page (PageKeys, in incremental_keys.h), or empty
/// keys when `model.keys` is empty (a full build).
PageKeys page_keys(const SiteModel& model);

/// The key a page is kept by: what it shows (`value`), the templates it is
/// rendered with (the page's and the layout's, partials inlined) and the rest
/// of the site's inputs it reads (content, configuration, ledger). Empty when `value` is.
std::string page_key(const SiteModel& model, const std::string& template_name, const std::string& value);
/// The same for a page of records (a scorecard, the LSP list, a round's pages, a print page, an
/// indicator's page), over InputKeys::records: no guide's, statistics page's or home page's text.
std::string record_page_key(const SiteModel& model, const std::string& template_name, const std::string& value);
/// The same for a data file, which no template makes: `kind` names its format. Instead of the
/// site's inputs it reads InputKeys::data: a download shows no guide, statistics page or theme.
std::string file_key(const SiteModel& model, const std::string& kind, const std::string& value);

/// The round means a scorecard prints beside the LSP's own scores: per
/// indicator (catalogue order), then per group (circular order) as points and
/// as a percentage. One function for the page and its key, so they cannot differ.
struct RoundMeanTexts {
    std::vector<std::string> indicators;
    std::vector<std::string> group_points, group_percents;
};
RoundMeanTexts round_mean_texts(const SiteModel& model, const RoundResult& rr);

}  // namespace pepgen
