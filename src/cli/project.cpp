#include "cli/project.h"

#include <algorithm>
#include <set>

#include "content/content_cache.h"
#include "data/data_loader.h"
#include "validate/validate.h"
#include "validate/validate_ledger.h"
#include "validate/validate_stats.h"
#include "util/today.h"

namespace pepgen {

Project load_project(const std::filesystem::path& root, Diagnostics& diags, const ProjectOptions& options) {
    Project p;
    if (const auto& rc = options.round_cache)  // content's entry lies beside the registry's (.pepgen-cache/)
        p.content = load_content_cached(root, diags,
                                        ContentCache{rc->dir.parent_path() / "konten.bin", rc->program, rc->read, rc->fingerprints});
    else
        p.content = load_content(root, diags);
    p.data = load_data(root, p.content.indicators, diags, options.round_cache ? &*options.round_cache : nullptr);
    if (!options.include_drafts) {
        auto& rounds = p.data.rounds;
        for (const auto& r : rounds)
            if (r.draft) p.drafts_left_out.push_back(r.period);
        rounds.erase(std::remove_if(rounds.begin(), rounds.end(), [](const Round& r) { return r.draft; }), rounds.end());
    }
    validate_content(p.content, diags);
    validate_data(p.content, p.data, diags);
    validate_stats(p.content, p.data, diags);
    // Each dataset is checked once: its findings are warnings (shown by
    // `check` even while other files have errors) and the pages' notes.
    p.stat_checks = check_datasets(p.data.datasets, diags);
    validate_schedule(p.data, diags);
    validate_ledger(p.content, p.data, options.today.empty() ? today_iso() : options.today, options.allow_unrecorded,
                    diags);
    if (diags.has_errors()) return p;
    p.results = compute(p.content, p.data);
    // Only released rounds can hold an unrecorded change: the others' figures are not gathered
    // (at national scale that is half a million scores on every build).
    const auto expected = expected_figures(p.data.ledger);
    std::set<std::string> released;
    for (const auto& [period, round] : expected) released.insert(period);
    p.unrecorded = figure_changes(expected, published_figures(p.content, p.data, *p.results, &released),
                                  p.content.indicators);
    if (!options.allow_unrecorded) {
        report_unrecorded_changes(p.unrecorded, p.content, p.data, diags);
        if (diags.has_errors()) p.results.reset();
    }
    return p;
}

}  // namespace pepgen
