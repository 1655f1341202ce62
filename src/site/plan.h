/// The page plan: every output file of the site, as a template name plus the
/// context it is rendered with (or finished bytes, for data exports).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/types.h"
#include "scoring/scoring.h"

namespace pepgen {

namespace mustache = kainjow::mustache;

struct PlannedPage {
    std::string path;            ///< relative to the output root, e.g. "lsp/lsp-contoh-01/index.html"
    std::string template_name;   ///< theme template, e.g. "scorecard"
    mustache::data context;
};

struct PlannedFile {
    std::string path;
    std::string bytes;
};

struct SitePlan {
    std::vector<PlannedPage> pages;
    std::vector<PlannedFile> files;
};

/// Read-only view of everything the planners need, with look-ups.
struct SiteModel {
    const Content& content;
    const Data& data;
    const Results& results;
    std::map<std::string, const Lsp*> lsp_by_id;
    std::map<std::string, const Indicator*> indicator_by_code;

    SiteModel(const Content& c, const Data& d, const Results& r);
};

SitePlan plan_site(const SiteModel& model);

// One planner per page family; each appends to the plan.
void plan_home(const SiteModel& model, SitePlan& plan);
void plan_guides(const SiteModel& model, SitePlan& plan);
void plan_indicators(const SiteModel& model, SitePlan& plan);
void plan_lsps(const SiteModel& model, SitePlan& plan);
void plan_rounds(const SiteModel& model, SitePlan& plan);
void plan_exports(const SiteModel& model, SitePlan& plan);

}  // namespace pepgen
