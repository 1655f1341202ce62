/// Reads an .xlsx or .ods workbook (liborcus) into plain cells: each cell's
/// text or number, and whether a spreadsheet shows that number as a date, so
/// import can tell a score from a value the spreadsheet changed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pepgen {

enum class WorkbookFormat { none, xlsx, ods };

/// What the bytes are, judged by their content (a name can lie): an .xlsx or
/// .ods package, or neither.
WorkbookFormat workbook_format(std::string_view bytes);

struct WorkbookCell {
    enum class Kind { empty, text, number, boolean };
    Kind kind = Kind::empty;
    std::string text;     ///< text cells; for the others, the value written plainly (dates as YYYY-MM-DD)
    double number = 0;    ///< number and boolean cells
    bool date = false;    ///< a number shown with a date or time format
    bool formula = false; ///< the value is a formula's saved result
};

struct WorkbookSheet {
    std::string name;
    std::vector<std::vector<WorkbookCell>> rows;  ///< up to the last row and column holding something
};

struct Workbook {
    std::vector<WorkbookSheet> sheets;
    const WorkbookSheet* sheet(const std::string& name) const;
};

/// The workbook's sheets and cells. On failure (not a workbook after all, a
/// damaged package), nothing and `error` says why in Indonesian.
std::optional<Workbook> read_workbook(const std::string& bytes, WorkbookFormat format, std::string& error);

/// The most one part of a workbook package (a sheet's XML) may hold once
/// unpacked; twice this for all parts. A round of 50,000 LSPs stays well below.
inline constexpr std::uint64_t kMaxWorkbookPartBytes = 256ull * 1024 * 1024;

/// Why a ZIP package cannot be handed to the reader (its directory missing or
/// damaged, or parts claiming more than the limits once unpacked); empty when it can.
std::string zip_size_problem(std::string_view bytes);

}  // namespace pepgen
