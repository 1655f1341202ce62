#include "cli/project.h"

#include "content/content_loader.h"
#include "data/data_loader.h"
#include "validate/validate.h"
#include "validate/validate_stats.h"

namespace pepgen {

Project load_project(const std::filesystem::path& root, Diagnostics& diags) {
    Project p;
    p.content = load_content(root, diags);
    p.data = load_data(root, p.content.indicators, diags);
    validate_content(p.content, diags);
    validate_data(p.content, p.data, diags);
    validate_stats(p.content, p.data, diags);
    // Each dataset is checked once: its findings are warnings (shown by
    // `check` even while other files have errors) and the pages' notes.
    p.stat_checks = check_datasets(p.data.datasets, diags);
    validate_schedule(p.data, diags);
    if (!diags.has_errors()) p.results = compute(p.content, p.data);
    return p;
}

}  // namespace pepgen
