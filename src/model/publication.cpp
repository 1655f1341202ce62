#include "model/publication.h"

namespace pepgen {

const std::vector<CorrectionBasis>& correction_bases() {
    static const std::vector<CorrectionBasis> bases = {
        {"sanggahan", "sanggahan LSP"},
        {"kesalahan-data", "kesalahan data"},
        {"kesalahan-hitung", "kesalahan hitung"},
        {"lainnya", "lainnya"},
    };
    return bases;
}

const char* basis_label(const std::string& key) {
    for (const auto& b : correction_bases())
        if (key == b.key) return b.label;
    return "lainnya";
}

}  // namespace pepgen
