// render_fuzz: text from content and data all the way into HTML.
//
// Once per process a small valid project is written and loaded (three
// indicators, two LSPs, three rounds, dataset "x", a report page, the
// repository's themes/ copied from PEPGEN_SOURCE_DIR) and the theme loaded.
// Per input, the bytes are split on NUL into the strings below and put into a
// copy of the in-memory Content/Data, made as valid as the loaders would make
// them (UTF-8 repaired, JSON text without control characters, required fields
// non-empty, websites starting with https://). Then, as `build` does:
// validate (stop on errors), compute, check_consistency, plan_site, and
// Theme::render_page for every page. Every page must pass check_html_safe
// (fuzz_support.h): no foreign <script>, no on*= attribute, no javascript: URL.
// The JSON exports must stay valid JSON.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "content/content_loader.h"
#include "content/embeds.h"
#include "data/data_loader.h"
#include "fuzz_pipeline.h"
#include "render/theme.h"
#include "util/text.h"

namespace fs = std::filesystem;
using namespace pepgen;
using namespace pepgen::fuzz;

namespace {

// Input fields, in order (split on NUL).
enum Field : std::size_t {
    kLspName,         // data/lsp.json nama of lsp-a
    kProvince,        // provinsi of lsp-a
    kNotes,           // catatan (Markdown) of lsp-a's sheets
    kRecommendation,  // rekomendasi (Markdown); \x01 separates several
    kLabel,           // dataset x: text cell of the label column (a province name)
    kDatasetTitle,    // judul of dataset x
    kColumnTitle,     // judul of a numeric column
    kDatasetNote,     // keterangan, sumber.dokumen
    kRoundTitle,      // judul of every round
    kTeam,            // tim nama/instansi
    kCategory,        // category nama and kondisi (YAML)
    kIndicatorTitle,  // indicator judul and ringkasan (YAML)
    kIndicatorBody,   // indicator Markdown body
    kCriteria,        // rubric label and kriteria (YAML, Markdown inline)
    kEvidence,        // bukti (YAML, Markdown inline); \x01 separates several
    kGuideBody,       // guidance page Markdown, may hold ```statistik blocks
    kSiteTitle,       // pepgen.yaml judul/penerbit, home judul/ringkasan
    kLspDetails,      // kota, alamat, nomor_lisensi
    kWebsite,         // situs_web, after "https://"
    kStatsBody,       // statistics report Markdown (with embeds), home body
    kUnit,            // satuan, total label, statement label/sumber, sumber.bagian
    kFieldCount
};

struct State {
    fs::path root;
    Content content;
    Data data;
    std::unique_ptr<Theme> theme;
};

void render_and_check(const State& st, const Content& content, const Data& data);

State& state() {
    static State* s = [] {
        auto* st = new State;
        st->root = scratch_root() / "render-project";
        Fixture::write_small_content(st->root);
        Fixture::write_meta(st->root);
        write_file(st->root / "data/lsp.json", Fixture::small_registry());
        Fixture::write_small_rounds(st->root);
        write_file(st->root / "data/statistik/x.json", Fixture::dataset_x());
        Fixture::copy_themes(st->root);
        Diagnostics diags;
        st->content = load_content(st->root, diags);
        st->data = load_data(st->root, st->content.indicators, diags);
        validate_all(st->content, st->data, diags);
        st->theme = Theme::load(st->root, st->content.config.theme, diags);
        require_clean(diags, "render-project");
        if (!st->theme) std::abort();
        // The checker must accept the theme's own output.
        render_and_check(*st, st->content, st->data);
        return st;
    }();
    return *s;
}

std::vector<std::string> split_on(const std::string& s, char sep) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == sep) out.emplace_back();
        else out.back() += c;
    }
    return out;
}

bool blank(const std::string& s) { return trim(s).empty(); }

/// Puts the input's strings where the loaders would have put them.
bool apply(const std::vector<std::string>& raw, Content& c, Data& d, Diagnostics& diags) {
    std::vector<std::string> f(kFieldCount);
    std::vector<bool> given(kFieldCount, false);
    for (std::size_t i = 0; i < raw.size() && i < kFieldCount; ++i) {
        f[i] = raw[i];
        given[i] = true;
    }
    auto json_text = [&](Field k) { return clean_text(f[k]); };  // as JsonFields::text accepts
    auto yaml_text = [&](Field k) { return repair_utf8(f[k]); }; // any UTF-8 from a YAML scalar
    auto body = [&](Field k) { return repair_utf8(f[k]); };      // a file's Markdown body

    Lsp& lsp = d.lsps.at(0);
    if (given[kLspName] && !blank(json_text(kLspName))) lsp.name = json_text(kLspName);
    if (given[kProvince] && !blank(json_text(kProvince))) lsp.province = json_text(kProvince);
    if (given[kLspDetails]) {
        const auto v = json_text(kLspDetails);
        lsp.city = v;
        lsp.address = v;
        if (!blank(v)) lsp.licence_number = v;
    }
    if (given[kWebsite]) lsp.website = "https://" + json_text(kWebsite);

    for (auto& round : d.rounds) {
        if (given[kRoundTitle] && !json_text(kRoundTitle).empty()) round.title = json_text(kRoundTitle);
        if (given[kTeam] && !blank(json_text(kTeam))) round.team.push_back({json_text(kTeam), json_text(kTeam)});
        for (auto& sheet : round.sheets) {
            if (sheet.lsp_id != lsp.id) continue;
            if (given[kNotes]) sheet.notes_markdown = json_text(kNotes);
            if (given[kRecommendation]) {
                sheet.recommendations_markdown.clear();
                for (const auto& r : split_on(f[kRecommendation], '\x01')) sheet.recommendations_markdown.push_back(clean_text(r));
            }
        }
    }

    Dataset& ds = d.datasets.at(0);
    if (given[kLabel]) ds.rows.at(0).at(0).text = json_text(kLabel);
    if (given[kDatasetTitle] && !blank(json_text(kDatasetTitle))) ds.title = json_text(kDatasetTitle);
    if (given[kColumnTitle] && !blank(json_text(kColumnTitle))) ds.columns.at(1).title = json_text(kColumnTitle);
    if (given[kDatasetNote]) {
        ds.note = json_text(kDatasetNote);
        if (!blank(ds.note)) ds.source_document = ds.note;
    }
    if (given[kUnit]) {
        const auto v = json_text(kUnit);
        for (auto& col : ds.columns) col.unit = v;
        ds.total_label = v;
        ds.source_part = v;
        for (auto& st : ds.statements) {
            if (!blank(v)) st.label = v;
            st.source = v;
        }
    }

    if (given[kSiteTitle]) {
        c.config.title = yaml_text(kSiteTitle);
        c.config.publisher = yaml_text(kSiteTitle);
        c.home.title = yaml_text(kSiteTitle);
        c.home.summary = yaml_text(kSiteTitle);
    }
    if (given[kCategory])
        for (auto& cat : c.categories.categories) {
            cat.name = yaml_text(kCategory);
            cat.condition = yaml_text(kCategory);
        }
    Indicator& ind = c.indicators.at(0);
    if (given[kIndicatorTitle]) {
        ind.title = yaml_text(kIndicatorTitle);
        ind.summary = yaml_text(kIndicatorTitle);
    }
    if (given[kIndicatorBody]) ind.body_markdown = body(kIndicatorBody);
    if (given[kCriteria])
        for (auto& level : ind.rubric) {
            level.label = yaml_text(kCriteria);
            level.criteria = yaml_text(kCriteria);
        }
    if (given[kEvidence]) {
        ind.evidence.clear();
        for (const auto& e : split_on(f[kEvidence], '\x01')) ind.evidence.push_back(repair_utf8(e));
    }
    if (given[kGuideBody]) {
        GuidePage& g = c.guides.at(0);
        g.body_markdown = body(kGuideBody);
        g.embeds = parse_embeds(g.body_markdown, g.source_file, 5, diags);
    }
    if (given[kStatsBody]) {
        GuidePage& p = c.stats_pages.at(0);
        p.body_markdown = body(kStatsBody);
        p.embeds = parse_embeds(p.body_markdown, p.source_file, 5, diags);
        c.home.body_markdown = p.body_markdown;
    }
    return true;
}

void check_json(const std::string& path, const std::string& text) {
    boost::system::error_code ec;
    (void)boost::json::parse(text, ec);
    if (ec) {
        std::fprintf(stderr, "\n==== INVALID JSON export %s: %s\n%s\n", path.c_str(), ec.message().c_str(),
                     text.substr(0, 600).c_str());
        std::abort();
    }
}

void render_and_check(const State& st, const Content& content, const Data& data) {
    const auto computed = compute_all(content, data);
    const SiteModel model(content, data, computed.results, computed.findings);
    const auto plan = plan_site(model);
    for (const auto& page : plan.pages) {
        if (!st.theme->has_template(page.template_name)) {
            std::fprintf(stderr, "pepgen fuzz harness: theme has no template %s\n", page.template_name.c_str());
            std::abort();
        }
        const auto start = std::chrono::steady_clock::now();
        const auto html = page.with_layout ? st.theme->render_page(page.template_name, page.context)
                                           : st.theme->render_document(page.template_name, page.context);
        check_html_safe(page.path, html);
        check_figure_text(page.path, html);
        if (verbose())
            std::fprintf(stderr, "render %-40s %7zu bytes %6.1f ms\n", page.path.c_str(), html.size(),
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    const std::string search_prefix = "window.PEPGEN_CARI = ";
    for (const auto& file : plan.files) {
        const auto& p = file.path;
        check_figure_text(p, file.bytes);
        if (p.size() > 5 && p.compare(p.size() - 5, 5, ".json") == 0) check_json(p, file.bytes);
        else if (p == "cari/indeks.js" && file.bytes.rfind(search_prefix, 0) == 0)
            check_json(p, file.bytes.substr(search_prefix.size()));
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)state();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const State& st = state();
    arm_figure_oracle(std::string_view(reinterpret_cast<const char*>(bytes), size));
    Content content = st.content;
    Data data = st.data;
    Diagnostics diags;
    if (!apply(split_fields(bytes, size, kFieldCount), content, data, diags)) return 0;
    validate_all(content, data, diags);
    format_all(diags);
    if (diags.has_errors()) return 0;  // `build` renders nothing then
    render_and_check(st, content, data);
    return 0;
}
