// bench/render_floor: how long kainjow alone takes to render a project's pages.
//
// Plans the site as `pepgen build` does, turns each page's data into kainjow's
// own data type (not timed) and times only kainjow's rendering of the page and
// its layout, on one thread. No loading, no page data, no exports, no writing
// is counted: the result is a lower bound for any build that renders these
// pages with kainjow. Every page is checked to come out byte for byte as
// pepgen renders it, so the figure is for exactly the pages pepgen writes.
// pepgen's own renderer (kainjow over page data, Theme::render_page) is timed
// on the same pages for comparison.
//
// Usage: pepgen_render_floor --root PROJECT
// Prints key=value lines (bench/run.sh reads them).

#include <time.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <kainjow/mustache.hpp>

#include "cli/project.h"
#include "render/theme.h"
#include "site/plan.h"

namespace mustache = kainjow::mustache;
using pepgen::Value;

namespace {

double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

mustache::data native(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::text: return mustache::data(v.text());
        case Value::Kind::flag: return mustache::data(v.flag());
        case Value::Kind::list: {
            mustache::data list{mustache::data::type::list};
            for (const auto& item : v.items()) list.push_back(native(item));
            return list;
        }
        case Value::Kind::object: break;
    }
    mustache::data object;
    for (const auto& [key, field] : v.fields())
        if (!Value::is_base_key(key)) object.set(key, native(field));
    // An over() object (a shared row shown one folder higher): its base's fields it does not set.
    if (const auto* base = v.base())
        for (const auto& [key, field] : base->fields())
            if (!v.get(key) || v.get(key) == &field) object.set(key, native(field));
    return object;
}

struct Sink {
    std::string text;
    Sink& operator<<(const std::string& s) {
        text += s;
        return *this;
    }
};

class NativeRenderer {
public:
    explicit NativeRenderer(const pepgen::Theme& theme) : theme_(theme) {}

    /// The page as render_page makes it (render_document: without the layout);
    /// `seconds` grows by the time spent in kainjow.
    std::string render_page(const std::string& name, const mustache::data& context, bool with_layout,
                            double& seconds) {
        const auto t0 = thread_cpu_seconds();
        const auto body = render(name, context, nullptr);
        std::string page;
        if (!with_layout) page = body;
        else if (body.empty()) page = render("layout", context, &body);
        else page = pepgen::Theme::splice_body(render("layout", context, &pepgen::Theme::content_mark()), body);
        seconds += thread_cpu_seconds() - t0;
        return page;
    }

private:
    std::string render(const std::string& name, const mustache::data& context, const std::string* content) {
        auto& tmpl = compiled_[name];
        if (!tmpl) tmpl = std::make_unique<mustache::mustache>(theme_.source(name));
        mustache::context<std::string> ctx(&context);
        mustache::data extra;
        if (content) {
            extra.set("content", *content);
            ctx.push(&extra);
        }
        Sink sink;
        tmpl->render(ctx, sink);
        return std::move(sink.text);
    }

    const pepgen::Theme& theme_;
    std::map<std::string, std::unique_ptr<mustache::mustache>> compiled_;
};

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path root = ".";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--root" && i + 1 < argc) root = argv[++i];
        else {
            std::fprintf(stderr, "usage: pepgen_render_floor --root PROJECT\n");
            return 2;
        }
    }
    pepgen::Diagnostics diags;
    auto project = pepgen::load_project(root, diags);
    std::unique_ptr<pepgen::Theme> theme;
    if (!diags.has_errors()) theme = pepgen::Theme::load(root, project.content.config.theme, diags);
    if (diags.has_errors() || !theme) {
        for (const auto& d : diags.items())
            if (d.severity == pepgen::Severity::error) std::fprintf(stderr, "%s\n", pepgen::Diagnostics::format(d).c_str());
        return 1;
    }
    pepgen::SiteModel model(project.content, project.data, *project.results, project.stat_checks);

    NativeRenderer renderer(*theme);
    double seconds = 0, pepgen_seconds = 0;
    std::size_t pages = 0, bytes = 0, mismatches = 0;
    pepgen::SitePlan plan;
    plan.page_sink = [&](pepgen::PlannedPage&& page) {
        if (page.make_context) page.context = page.make_context();
        const auto data = native(page.context);
        const auto html = renderer.render_page(page.template_name, data, page.with_layout, seconds);
        const auto t0 = thread_cpu_seconds();
        const auto ours = page.with_layout ? theme->render_page(page.template_name, page.context)
                                           : theme->render_document(page.template_name, page.context);
        pepgen_seconds += thread_cpu_seconds() - t0;
        if (html != ours) {
            if (mismatches++ == 0) std::fprintf(stderr, "render_floor: %s differs from pepgen's page\n", page.path.c_str());
        }
        ++pages;
        bytes += html.size();
    };
    plan.file_sink = [](pepgen::PlannedFile&&) {};  // data files are not rendered with kainjow
    pepgen::plan_site_into(model, plan);

    std::printf("pages=%zu\nhtml_bytes=%zu\nkainjow_cpu_seconds=%.3f\nns_per_byte=%.2f\npepgen_render_cpu_seconds=%.3f\n"
                "mismatches=%zu\n",
                pages, bytes, seconds, bytes ? seconds * 1e9 / static_cast<double>(bytes) : 0.0, pepgen_seconds,
                mismatches);
    return mismatches == 0 ? 0 : 1;
}
