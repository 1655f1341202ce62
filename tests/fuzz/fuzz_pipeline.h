/// The stages `pepgen build` runs after loading (validate, compute, check the
/// statistics, plan), as the fuzz targets use them.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "util/diagnostic.h"
#include "model/types.h"
#include "render/value.h"
#include "scoring/scoring.h"
#include "site/plan.h"
#include "stats/consistency.h"
#include "validate/validate.h"
#include "validate/validate_ledger.h"
#include "validate/validate_stats.h"

namespace pepgen::fuzz {

/// INT64_MIN as format_int writes it, which is what std::llround returns on
/// x86-64 for a value beyond the int64 range (the C++ result is unspecified).
/// The loaders refuse figures of 10^18 and more, so pepgen should never show
/// this number: seeing it means a recomputed figure went through an
/// out-of-range conversion (finding F5). Inputs that contain the digits
/// themselves are not checked, so typed text cannot trigger it.
inline constexpr const char* kInt64MinText = "9.223.372.036.854.775.808";

/// Set per input by the harness: false when the input itself holds the digits.
inline bool& figure_oracle_enabled() {
    static bool enabled = true;
    return enabled;
}

inline void arm_figure_oracle(std::string_view input) {
    figure_oracle_enabled() = !set_aside("F5") && input.find("223.372.036") == std::string_view::npos &&
                              input.find("223372036") == std::string_view::npos;
}

inline void check_figure_text(const std::string& where, const std::string& text) {
    if (!figure_oracle_enabled()) return;
    const auto at = text.find(kInt64MinText);
    if (at == std::string::npos) return;
    const auto from = at > 200 ? at - 200 : 0;
    std::fprintf(stderr, "\n==== OUT-OF-RANGE FIGURE in %s: '%s' is INT64_MIN, from std::llround of a value beyond "
                         "the int64 range\n---- excerpt ----\n%s\n---- end ----\n",
                 where.c_str(), kInt64MinText, text.substr(from, 400).c_str());
    std::fflush(stderr);
    std::abort();
}

inline void check_figure_value(const std::string& where, const Value& v) {
    switch (v.kind()) {
        case Value::Kind::text: check_figure_text(where, v.text()); break;
        case Value::Kind::flag: break;
        case Value::Kind::list:
            for (const auto& item : v.items()) check_figure_value(where, item);
            break;
        case Value::Kind::object:
            for (const auto& [key, field] : v.fields()) check_figure_value(where, field);
            break;
    }
}

/// Every planned page's data and every data file.
inline void check_figures(const SitePlan& plan) {
    for (const auto& page : plan.pages) check_figure_value(page.path, page.context);
    for (const auto& file : plan.files) check_figure_text(file.path, file.bytes);
}

/// The checks load_project (src/cli/project.cpp) runs after loading, in its
/// order; returns the datasets' consistency checks.
inline std::map<std::string, DatasetCheck> validate_all(const Content& content, const Data& data, Diagnostics& diags) {
    validate_content(content, diags);
    validate_data(content, data, diags);
    validate_stats(content, data, diags);
    auto checks = check_datasets(data.datasets, diags);
    validate_schedule(data, diags);
    validate_ledger(content, data, "2026-01-01", false, diags);
    return checks;
}

/// Formats every diagnostic (the text `pepgen check` prints); prints them in verbose mode.
inline void format_all(const Diagnostics& diags) {
    for (const auto& d : diags.items()) {
        const auto line = Diagnostics::format(d);
        if (verbose()) std::fprintf(stderr, "%s\n", line.c_str());
        check_figure_text("diagnostic", line);
    }
}

/// What `build` computes once there are no errors.
struct Computed {
    Results results;
    std::map<std::string, DatasetCheck> findings;
};

inline Computed compute_all(const Content& content, const Data& data) {
    Diagnostics warnings;
    Computed c{compute(content, data), check_datasets(data.datasets, warnings)};
    for (const auto& d : warnings.items()) check_figure_text("describe()", d.message);
    return c;
}

/// Aborts with the diagnostics when a fixture that must be valid is not:
/// the harness would otherwise fuzz an error path only.
inline void require_clean(const Diagnostics& diags, const char* what) {
    if (!diags.has_errors()) return;
    std::fprintf(stderr, "pepgen fuzz harness: fixture %s is not valid:\n", what);
    for (const auto& d : diags.items()) std::fprintf(stderr, "  %s\n", Diagnostics::format(d).c_str());
    std::abort();
}

}  // namespace pepgen::fuzz
