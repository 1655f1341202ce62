#include "cli/check.h"

#include <ostream>
#include <string>

#include "cli/project.h"
#include "render/theme.h"
#include "site/link_check.h"

namespace fs = std::filesystem;

namespace pepgen {

void print_diagnostics(const Diagnostics& diags, std::ostream& err) {
    if (diags.items().empty()) return;
    // One write: std::cerr is unbuffered, and a national round can carry hundreds of warnings.
    std::string text;
    for (const auto& d : diags.items()) text += Diagnostics::format(d) + "\n";
    text += std::to_string(diags.error_count()) + " galat, " + std::to_string(diags.warning_count()) + " peringatan\n";
    err << text;
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

int run_check_links(const fs::path& site, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (!fs::is_directory(site, ec)) {
        err << site.string() << ": galat: situs belum dibangun; jalankan pepgen build dulu\n";
        return 1;
    }
    Diagnostics diags;
    const auto checked = check_site_links(site, diags);
    print_diagnostics(diags, err);
    if (diags.has_errors()) return 1;
    out << "Tautan diperiksa: " << checked << " tautan internal di " << site.string() << ", semuanya berfungsi.\n";
    return 0;
}

}  // namespace pepgen
