#include "worksheet/workbook_names.h"

namespace pepgen {

std::string column_letter(std::size_t i) {
    std::string out;
    for (++i; i > 0; i = (i - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (i - 1) % 26));
    return out;
}

std::string cell_name(std::size_t row, std::size_t column) { return column_letter(column) + std::to_string(row + 1); }

const std::vector<std::string>& registry_columns() {
    static const std::vector<std::string> columns = {"id", "nama", "jenis", "provinsi", "kota", "nomor_lisensi",
                                                     "lisensi_terbit", "lisensi_berlaku_sampai", "situs_web", "alamat"};
    return columns;
}

}  // namespace pepgen
