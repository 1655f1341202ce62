#include "site/plan.h"
#include "site/plan_versions.h"

namespace pepgen {

bool SitePlan::unchanged(const std::string& path, const std::string& key, bool is_page) {
    if (!reuse || key.empty() || !reuse(path, key)) return false;
    if (is_page) page_paths.push_back(path);
    else ++file_count;
    return true;
}

void SitePlan::page(std::string path, std::string template_name, Value context, std::string key) {
    page_paths.push_back(path);
    PlannedPage p{std::move(path), std::move(template_name), std::move(context), std::move(key), {}};
    if (page_sink) page_sink(std::move(p));
    else pages.push_back(std::move(p));
}

void SitePlan::document(std::string path, std::string template_name, Value context, std::string key) {
    ++file_count;
    PlannedPage p{std::move(path), std::move(template_name), std::move(context), std::move(key), {}, false};
    if (page_sink) page_sink(std::move(p));
    else pages.push_back(std::move(p));
}

void SitePlan::file(std::string path, std::string bytes, std::string key) {
    ++file_count;
    PlannedFile f{std::move(path), std::move(bytes), std::move(key), {}};
    if (file_sink) file_sink(std::move(f));
    else files.push_back(std::move(f));
}

void SitePlan::page_later(std::string path, std::string template_name, std::function<Value()> make_context,
                          std::string key, Load load, std::string list_in_parts) {
    if (!page_sink) {
        page(std::move(path), std::move(template_name), make_context(), std::move(key));
        return;
    }
    page_paths.push_back(path);
    page_sink(PlannedPage{std::move(path), std::move(template_name), {}, std::move(key), std::move(make_context), true, load,
                          std::move(list_in_parts), rows_per_part});
}

void SitePlan::file_later(std::string path, std::function<std::string()> make_bytes, std::string key, Load load) {
    if (!file_sink) {
        file(std::move(path), make_bytes(), std::move(key));
        return;
    }
    ++file_count;
    file_sink(PlannedFile{std::move(path), {}, std::move(key), std::move(make_bytes), load});
}

void SitePlan::file_streamed(std::string path, std::function<void(PartStream&)> stream, std::string key, Load load) {
    if (!file_sink) {
        // Everything made: there is no earlier file to keep parts from.
        struct Whole final : PartStream {
            std::string bytes;
            bool keep(const std::string&) override { return false; }
            void add(const std::string&, std::string_view part) override { bytes += part; }
        } whole;
        stream(whole);
        file(std::move(path), std::move(whole.bytes), std::move(key));
        return;
    }
    ++file_count;
    PlannedFile f{std::move(path), {}, std::move(key), {}, load};
    f.stream = std::move(stream);
    file_sink(std::move(f));
}

void plan_site_into(const SiteModel& model, SitePlan& plan) {
    // The heavy pages and files (whole rounds) first: they run one at a time, so they
    // must start early, beside the thousands of light ones, not be left for the end.
    // No page depends on the order (the sitemap sorts); discovery must come last.
    plan_rounds(model, plan);
    plan_exports(model, plan);
    plan_home(model, plan);
    plan_guides(model, plan);
    plan_indicators(model, plan);
    plan_lsps(model, plan);
    plan_print_pages(model, plan);
    plan_stats(model, plan);
    plan_not_found(model, plan);
    plan_search(model, plan);
    plan_downloads(model, plan);
    plan_errata(model, plan);
    plan_versions(model, plan);
    plan_discovery(model, plan);
}

SitePlan plan_site(const SiteModel& model) {
    SitePlan plan;
    plan_site_into(model, plan);
    return plan;
}

}  // namespace pepgen
