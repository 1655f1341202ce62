// worksheet_csv_fuzz: the input is a filled worksheet, imported as `pepgen
// import` does, against the repository's catalogue shape (27 indicators) and
// the registry lsp-contoh-01..04, all loaded once per process:
//
//   detect_delimiter, read_csv -> import_worksheet -> (accepted) merge_worksheet
//   into the fixture round 2025-1 -> validate_round -> round_json
//
// Nothing is written per input. Oracles besides the sanitizers:
//  - every row and cell of read_csv is located consistently (a row starts on
//    its first cell's line, cells never go back a line, a spreadsheet row is
//    never after its text line);
//  - an accepted worksheet makes a round the build accepts: validate_round
//    reports no error, every note and recommendation passes the build's
//    text_field_problem, and round_json is JSON whose scores are the merged ones.
#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "content/content_loader.h"
#include "data/data_loader.h"
#include "data/field_rules.h"
#include "data/round_writer.h"
#include "fuzz_support.h"
#include "fuzz_pipeline.h"
#include "validate/validate.h"
#include "worksheet/csv_reader.h"
#include "worksheet/worksheet.h"

using namespace pepgen;
using namespace pepgen::fuzz;

namespace {

struct State {
    Content content;
    std::vector<Lsp> lsps;
    std::set<std::string> registry;
    Round round;
};

State& state() {
    static State* s = [] {
        auto* st = new State;
        const auto root = scratch_root() / "worksheet";
        Fixture::write_full_content(root);
        Fixture::write_meta(root);
        write_file(root / "data/lsp.json", Fixture::full_registry());
        write_file(root / "data/penilaian/2025-1.json", Fixture::full_round());
        Diagnostics diags;
        st->content = load_content(root, diags);
        st->lsps = load_registry(root, diags);
        auto round = load_round(root, root / "data/penilaian/2025-1.json", st->content.indicators, diags);
        require_clean(diags, "worksheet project");
        if (!round) std::abort();
        st->round = std::move(*round);
        for (const auto& lsp : st->lsps) st->registry.insert(lsp.id);
        return st;
    }();
    return *s;
}

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "\n==== pepgen fuzz harness: worksheet_csv_fuzz: %s\n%s\n", what, detail.c_str());
    std::fflush(stderr);
    std::abort();
}

void check_locations(const CsvTable& table) {
    for (const auto& row : table.rows) {
        if (row.cells.size() != row.cell_lines.size()) fail("cells and cell lines differ in number", "");
        if (row.row < 1 || row.row > row.line) fail("spreadsheet row after its text line", std::to_string(row.row));
        if (!row.cell_lines.empty() && row.cell_lines.front() != row.line) fail("row does not start at its first cell", "");
        for (std::size_t i = 1; i < row.cell_lines.size(); ++i)
            if (row.cell_lines[i] < row.cell_lines[i - 1]) fail("cell lines go back", std::to_string(i));
    }
    if (table.error && (table.error->line < 1 || table.error->line > table.error->stop_line))
        fail("CSV error located after the line where reading stopped", std::to_string(table.error->line));
}

void check_round(const State& st, Round& round) {
    Diagnostics diags;
    validate_round(st.content, &st.registry, round, diags);
    format_all(diags);
    if (diags.has_errors()) {
        std::string all;
        for (const auto& d : diags.items()) all += Diagnostics::format(d) + "\n";
        fail("an accepted worksheet makes a round the build rejects", all);
    }
    for (const auto& sheet : round.sheets) {
        if (!text_field_problem(sheet.notes_markdown).empty()) fail("note the build rejects", sheet.lsp_id);
        for (const auto& r : sheet.recommendations_markdown)
            if (!text_field_problem(r).empty()) fail("recommendation the build rejects", sheet.lsp_id);
    }
    const auto text = round_json(round, st.content.indicators);
    boost::system::error_code ec;
    const auto doc = boost::json::parse(text, ec);
    if (ec) fail("round_json is not JSON", text.substr(0, 400));
    const auto& hasil = doc.at("hasil").as_array();
    if (hasil.size() != round.sheets.size()) fail("round_json lost sheets", "");
    for (std::size_t i = 0; i < hasil.size(); ++i) {
        const auto& skor = hasil[i].at("skor").as_object();
        for (std::size_t k = 0; k < st.content.indicators.size(); ++k) {
            const auto& code = st.content.indicators[k].code;
            const auto value = round.sheets[i].score(k);
            const auto* v = skor.if_contains(code);
            const bool same = v && (value ? v->is_int64() && v->as_int64() == *value : v->is_null());
            if (!same) fail("round_json changed a score", round.sheets[i].lsp_id + " " + code);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)state();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const State& st = state();
    const std::string input(reinterpret_cast<const char*>(bytes), size);
    arm_figure_oracle(input);  // messages quote cells: digits typed in the input are not a computed figure
    (void)detect_delimiter(input);
    check_locations(read_csv(input));
    Diagnostics diags;
    const auto imported = import_worksheet(input, "x.csv", st.content, st.lsps, diags);
    format_all(diags);
    if (!imported) return 0;
    Round round = st.round;
    merge_worksheet(round.sheets, *imported, st.lsps);
    round.sheet_index.clear();
    check_round(st, round);
    return 0;
}
