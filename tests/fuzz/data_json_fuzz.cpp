// data_json_fuzz: the input is written, separately, as
//   (1) data/penilaian/2025-1.json,
//   (2) data/lsp.json,
//   (3) data/statistik/x.json,
//   (4) data/terbitan/rilis-001.json (a release of the valid round),
//   (5) data/terbitan/ralat.json (beside that release)
// of five otherwise-valid projects (one scratch directory each, created once;
// only the fuzzed file is overwritten per input), then for each
//
//   load_data -> validate_data, validate_stats, check_consistency + describe
//   on every loaded dataset -> (no errors, as `build` requires) compute and
//   the planners that show that file (rounds/LSPs/exports, or statistics).
//
// The round input is also read by load_round and by the tree reader alone
// (load_round_by_tree): the one-pass reader (data/round_reader.h) must give
// the tree's round with no message, or leave the file to the tree, so both
// must agree on the round and on every message.
//
// The content is the repository's catalogue shape (27 indicators, ik_maks
// 350, four categories), LSPs lsp-contoh-01..04, and a report page embedding
// dataset "x" with default columns in every chart kind, so that any dataset
// with a text and a numeric column is drawn as bars, a tile map, stacked bars
// and lines.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "content/content_loader.h"
#include "data/data_loader.h"
#include "data/round_cache.h"
#include "fuzz_pipeline.h"
#include "scoring/publication.h"
#include "site/plan_versions.h"

namespace fs = std::filesystem;
using namespace pepgen;
using namespace pepgen::fuzz;

namespace {

enum class Slot { round, registry, dataset, release, corrections };

struct Project {
    Slot slot;
    fs::path root;
    fs::path target;  ///< the file the input replaces
};

struct State {
    Content content;
    std::vector<Project> projects;
};

void write_valid_data(const fs::path& root) {
    Fixture::write_meta(root);
    write_file(root / "data/lsp.json", Fixture::full_registry());
    write_file(root / "data/penilaian/2025-1.json", Fixture::full_round());
    write_file(root / "data/statistik/x.json", Fixture::dataset_x());
}

State& state() {
    static State* s = [] {
        auto* st = new State;
        const auto content_root = scratch_root() / "data-content";
        Fixture::write_full_content(content_root);
        Diagnostics diags;
        st->content = load_content(content_root, diags);
        const struct { Slot slot; const char* dir; const char* file; } slots[] = {
            {Slot::round, "data-round", "data/penilaian/2025-1.json"},
            {Slot::registry, "data-registry", "data/lsp.json"},
            {Slot::dataset, "data-dataset", "data/statistik/x.json"},
            {Slot::release, "data-release", "data/terbitan/rilis-001.json"},
            {Slot::corrections, "data-corrections", "data/terbitan/ralat.json"},
        };
        for (const auto& sl : slots) {
            Project p{sl.slot, scratch_root() / sl.dir, scratch_root() / sl.dir / sl.file};
            write_valid_data(p.root);
            st->projects.push_back(p);
        }
        const Data data = load_data(st->projects[0].root, st->content.indicators, diags);
        validate_all(st->content, data, diags);
        require_clean(diags, "data projects");
        return st;
    }();
    return *s;
}

void run(const Content& content, const Project& p) {
    Diagnostics diags;
    const Data data = load_data(p.root, content.indicators, diags);
    validate_all(content, data, diags);
    for (const auto& ds : data.datasets)
        for (const auto& f : check_consistency(ds).findings) check_figure_text("describe()", describe(ds, f));
    format_all(diags);
    if (diags.has_errors()) return;  // `build` stops here

    const auto computed = compute_all(content, data);
    // As load_project: released figures that changed are reported, never published.
    report_unrecorded_changes(figure_changes(expected_figures(data.ledger),
                                             published_figures(content, data, computed.results), content.indicators),
                              content, data, diags);
    format_all(diags);
    if (diags.has_errors()) return;
    const SiteModel model(content, data, computed.results, computed.findings);
    SitePlan plan;
    switch (p.slot) {
        case Slot::release:
        case Slot::corrections:
            plan_errata(model, plan);
            plan_versions(model, plan);
            [[fallthrough]];
        case Slot::round:
        case Slot::registry:
            plan_home(model, plan);
            plan_lsps(model, plan);
            plan_print_pages(model, plan);
            plan_rounds(model, plan);
            plan_exports(model, plan);
            plan_not_found(model, plan);
            plan_search(model, plan);
            plan_downloads(model, plan);
            break;
        case Slot::dataset:
            plan_stats(model, plan);
            break;
    }
    plan_discovery(model, plan);
    check_figures(plan);
}

/// Both round readers give the same round and messages for the input (see the top of this file).
void check_round_readers(const Content& content, const Project& p, std::string_view input) {
    Diagnostics by_tree, by_load;
    const auto tree = load_round_by_tree(p.root, p.target, content.indicators, by_tree, std::string(input));
    const auto loaded = load_round(p.root, p.target, content.indicators, by_load, std::string(input));
    if (encode_loaded_round("", LoadedRound{tree, by_tree}) != encode_loaded_round("", LoadedRound{loaded, by_load})) {
        std::fprintf(stderr, "data_json_fuzz: load_round differs from the tree reader on this round file\n");
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)state();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    State& st = state();
    const std::string_view input(reinterpret_cast<const char*>(bytes), size);
    arm_figure_oracle(input);
    for (const auto& p : st.projects) {
        write_file(p.target, input);
        run(st.content, p);
        if (p.slot == Slot::round) check_round_readers(st.content, p, input);
    }
    return 0;
}
