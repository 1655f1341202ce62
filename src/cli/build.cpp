#include "cli/build.h"

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

}  // namespace

int run_check(const fs::path& root, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    auto project = load_project(root, diags);
    if (!diags.has_errors()) Theme::load(root, project.content.config.theme, diags);
    print_diagnostics(diags, err);
    if (diags.has_errors()) return 1;
    out << "Pemeriksaan selesai: " << project.content.indicators.size() << " indikator, "
        << project.data.lsps.size() << " LSP, " << project.data.rounds.size() << " penilaian; tidak ada galat.\n";
    return 0;
}

int run_build(const fs::path& root, const BuildOptions& options, std::ostream& out, std::ostream& err) {
    const auto& output = options.output;
    Diagnostics diags;
    if (!check_output_location(root, output, diags)) {
        print_diagnostics(diags, err);
        return 1;
    }
    auto project = load_project(root, diags);
    std::unique_ptr<Theme> theme;
    if (!diags.has_errors()) theme = Theme::load(root, project.content.config.theme, diags);
    if (diags.has_errors() || !theme) {
        print_diagnostics(diags, err);
        err << "Situs tidak dibangun; isi " << output.string() << " tidak diubah.\n";
        return 1;
    }
    if (options.base_url) project.content.config.base_url = *options.base_url;
    const SiteModel model(project.content, project.data, *project.results, project.stat_findings);
    const auto plan = plan_site(model);
    std::vector<OutputEntry> entries;
    entries.reserve(plan.pages.size() + plan.files.size() + theme->assets().size());
    for (const auto& page : plan.pages) {
        if (!theme->has_template(page.template_name)) {
            diags.error("themes/" + project.content.config.theme + "/templates",
                        "templat " + page.template_name + ".mustache tidak ditemukan");
            continue;
        }
        entries.push_back({page.path, theme->render_page(page.template_name, page.context), {}});
    }
    for (const auto& file : plan.files) entries.push_back({file.path, file.bytes, {}});
    for (const auto& copy : plan.copies) entries.push_back({copy.path, {}, root / copy.source});
    for (const auto& [rel, source] : theme->assets()) entries.push_back({"assets/" + rel, {}, source});
    if (!diags.has_errors()) publish_site(output, entries, diags);
    print_diagnostics(diags, err);
    if (diags.has_errors()) {
        err << "Situs tidak dibangun; isi " << output.string() << " tidak diubah.\n";
        return 1;
    }
    out << "Situs dibangun di " << output.string() << ": " << plan.pages.size() << " halaman, " << plan.files.size()
        << " berkas data, " << theme->assets().size() << " aset.\n";
    return 0;
}

}  // namespace pepgen
