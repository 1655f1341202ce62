// workbook_fuzz: the input is a file handed to `pepgen import`, read as a
// workbook when its content says it is one:
//
//   workbook_format -> read_workbook (liborcus, plus our own pass over an
//   .ods file's content.xml) -> workbook_sheet_table -> import_worksheet
//   -> (accepted) merge_worksheet into round 2025-1 -> validate_round
//
// Oracles besides the sanitizers: every cell read has a kind that matches its
// text (a number's text is its plain or date form); rows keep their sheet
// order; an accepted sheet makes a round the build accepts (import_oracle.h).
// Seeds: workbooks written by pepgen and saved by LibreOffice.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "import_oracle.h"
#include "worksheet/workbook_reader.h"
#include "worksheet/worksheet.h"

using namespace pepgen;
using namespace pepgen::fuzz;
using namespace pepgen::fuzz::import_oracle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(bytes), size);
    const auto format = workbook_format(input);
    if (format == WorkbookFormat::none) return 0;
    const State& st = state();  // the project, loaded on the first workbook
    arm_figure_oracle(input);
    std::string error;
    const auto book = read_workbook(input, format, error);
    if (!book) {
        if (error.empty()) fail("a workbook refused without a reason", "");
        return 0;
    }
    for (const auto& sheet : book->sheets) {
        for (const auto& row : sheet.rows)
            for (const auto& cell : row)
                if ((cell.kind == WorkbookCell::Kind::empty) != (cell.text.empty() && cell.kind == WorkbookCell::Kind::empty))
                    fail("an empty cell with text", sheet.name);
        const auto table = workbook_sheet_table(sheet);
        for (std::size_t i = 1; i < table.rows.size(); ++i)
            if (table.rows[i].row <= table.rows[i - 1].row) fail("rows out of sheet order", sheet.name);
        Diagnostics diags;
        const auto imported = import_worksheet(table, "x.xlsx", st.content, st.lsps, diags);
        format_all(diags);
        if (imported) check_accepted(st, *imported);
    }
    return 0;
}
