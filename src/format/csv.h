/// CSV for spreadsheets set to Indonesian: UTF-8 with a byte-order mark,
/// semicolon-separated (their list separator, since the comma is the decimal
/// mark), CRLF line ends, and text that a spreadsheet would run as a formula
/// neutralised.
#pragma once

#include <string>
#include <vector>

namespace pepgen {

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

/// One text cell: quoted when needed; a leading = + - @ tab or CR gets a
/// leading apostrophe so the spreadsheet shows it as text.
std::string csv_text(const std::string& s);

/// Joins already-encoded cells with ';' and ends the line with CRLF.
std::string csv_row(const std::vector<std::string>& cells);

}  // namespace pepgen
