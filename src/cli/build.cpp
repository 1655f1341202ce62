#include "cli/build.h"

#include <unistd.h>

#include <cstdio>
#include <ostream>

#include "cli/project.h"
#include "render/theme.h"
#include "site/plan.h"
#include "site/writer.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

void print_diagnostics(const Diagnostics& diags, std::ostream& err) {
    for (const auto& d : diags.items()) err << Diagnostics::format(d) << "\n";
    if (!diags.items().empty())
        err << diags.error_count() << " galat, " << diags.warning_count() << " peringatan\n";
}

/// "Merender 120/2100" on a terminal, rewritten in place; silent otherwise.
class Progress {
public:
    Progress(bool enabled, const char* what, std::size_t total)
        : enabled_(enabled && ::isatty(STDERR_FILENO)), what_(what), total_(total) {}
    void step(std::size_t done) {
        if (!enabled_ || (done % 50 != 0 && done != total_)) return;
        std::fprintf(stderr, "\r%s %zu/%zu", what_, done, total_);
        std::fflush(stderr);
    }
    ~Progress() {
        if (enabled_) std::fprintf(stderr, "\r\033[K");
    }

private:
    bool enabled_;
    const char* what_;
    std::size_t total_;
};

}  // namespace

bool build_site(const fs::path& root, const BuildOptions& options, Diagnostics& diags, BuildSummary* summary) {
    if (!check_output_location(root, options.output, diags)) return false;
    auto project = load_project(root, diags);
    std::unique_ptr<Theme> theme;
    if (!diags.has_errors()) theme = Theme::load(root, project.content.config.theme, diags);
    if (diags.has_errors() || !theme) return false;
    if (options.base_url) project.content.config.base_url = *options.base_url;
    const SiteModel model(project.content, project.data, *project.results, project.stat_findings);
    const auto plan = plan_site(model);
    std::vector<OutputEntry> entries;
    entries.reserve(plan.pages.size() + plan.files.size() + plan.copies.size() + theme->assets().size());
    Progress progress(options.progress, "Merender halaman", plan.pages.size());
    for (const auto& page : plan.pages) {
        if (!theme->has_template(page.template_name)) {
            diags.error("themes/" + project.content.config.theme + "/templates",
                        "templat " + page.template_name + ".mustache tidak ditemukan");
            continue;
        }
        entries.push_back({page.path, theme->render_page(page.template_name, page.context), {}});
        progress.step(entries.size());
    }
    for (const auto& file : plan.files) entries.push_back({file.path, file.bytes, {}});
    for (const auto& copy : plan.copies) entries.push_back({copy.path, {}, root / copy.source});
    for (const auto& [rel, source] : theme->assets()) entries.push_back({"assets/" + rel, {}, source});
    if (diags.has_errors() || !publish_site(options.output, entries, diags)) return false;
    if (summary) {
        summary->pages = plan.pages.size();
        summary->files = plan.files.size() + plan.copies.size();
        summary->assets = theme->assets().size();
    }
    return true;
}

int run_check(const fs::path& root, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    auto project = load_project(root, diags);
    if (!diags.has_errors()) Theme::load(root, project.content.config.theme, diags);
    print_diagnostics(diags, err);
    if (diags.has_errors()) return 1;
    out << "Pemeriksaan selesai: " << project.content.indicators.size() << " indikator, "
        << project.data.lsps.size() << " LSP, " << project.data.rounds.size() << " penilaian, "
        << project.data.datasets.size() << " tabel statistik; tidak ada galat.\n";
    return 0;
}

int run_build(const fs::path& root, const BuildOptions& options, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    BuildSummary summary;
    const bool ok = build_site(root, options, diags, &summary);
    print_diagnostics(diags, err);
    if (!ok) {
        err << "Situs tidak dibangun; isi " << options.output.string() << " tidak diubah.\n";
        return 1;
    }
    out << "Situs dibangun di " << options.output.string() << ": " << summary.pages << " halaman, " << summary.files
        << " berkas data, " << summary.assets << " aset.\n";
    return 0;
}

}  // namespace pepgen
