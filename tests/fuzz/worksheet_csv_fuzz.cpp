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
#include "import_oracle.h"

using namespace pepgen;
using namespace pepgen::fuzz;
using namespace pepgen::fuzz::import_oracle;

namespace {

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
    if (imported) check_accepted(st, *imported);
    return 0;
}
