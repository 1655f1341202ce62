/// The rules every text field and list of data/ obeys wherever it comes from (a
/// JSON file or an imported worksheet): import accepts exactly what build accepts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pepgen {

/// Why `s` cannot be kept as a text field, in Indonesian, to follow the field's
/// name ("memuat karakter kendali U+0007 …", "memuat non-karakter Unicode U+FFFE …", "terlalu panjang (…)"); empty when it can.
std::string text_field_problem(std::string_view s);

/// "terlalu banyak <what> (n; batas …)" when n is over kMaxEntries, else empty.
std::string entry_count_problem(std::size_t n, const std::string& what);

}  // namespace pepgen
