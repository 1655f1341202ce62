// content_load_fuzz: the input is written as content/indikator/M01.md and as
// content/panduan/a.md of a small otherwise-valid project (one scratch
// directory per process, the two files overwritten per input), then
//
//   load_content -> validate_content, validate_data, validate_stats
//   -> (no errors, as `build` requires) compute, check_consistency, plan_site.
//
// The rest of the project: indicators P01 (20) and D01 (10), the category
// table in content/panduan/indeks.md (ik_maks 40), a statistics report page,
// two LSPs, three rounds and dataset "x" (see fuzz_support.cpp). With the
// repository's M01.md as input the whole project is valid.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/content_loader.h"
#include "data/data_loader.h"
#include "fuzz_pipeline.h"

namespace fs = std::filesystem;
using namespace pepgen;
using namespace pepgen::fuzz;

namespace {

struct State {
    fs::path root;
    fs::path indicator_file;
    fs::path guide_file;
};

State& state() {
    static State* s = [] {
        auto* st = new State;  // reachable for the whole run
        st->root = scratch_root() / "content-project";
        st->indicator_file = st->root / "content/indikator/M01.md";
        st->guide_file = st->root / "content/panduan/a.md";
        Fixture::write_small_content(st->root);
        Fixture::write_meta(st->root);
        write_file(st->root / "data/lsp.json", Fixture::small_registry());
        Fixture::write_small_rounds(st->root);
        write_file(st->root / "data/statistik/x.json", Fixture::dataset_x());
        Diagnostics diags;
        const Content content = load_content(st->root, diags);
        const Data data = load_data(st->root, content.indicators, diags);
        validate_all(content, data, diags);
        require_clean(diags, "content-project");
        return st;
    }();
    return *s;
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
    write_file(st.indicator_file, input);
    write_file(st.guide_file, input);

    Diagnostics diags;
    const Content content = load_content(st.root, diags);
    // Scores are read against the catalogue just loaded, as the build does.
    const Data data = load_data(st.root, content.indicators, diags);
    validate_all(content, data, diags);
    format_all(diags);
    if (diags.has_errors()) return 0;  // `build` stops here

    const auto computed = compute_all(content, data);
    const SiteModel model(content, data, computed.results, computed.findings);
    const auto plan = plan_site(model);
    check_figures(plan);
    return 0;
}
