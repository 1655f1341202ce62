#include "model/provinces.h"

#include "util/text.h"

namespace pepgen {

namespace {

// Roughly west to east, north to south; the 34 provinces of the 2021 report
// plus the four Papua provinces created in 2022.
const ProvinceInfo kProvinces[] = {
    {"Aceh", "ACEH", 0, 0},
    {"Sumatera Utara", "SUMUT", 1, 1},
    {"Riau", "RIAU", 2, 1},
    {"Kepulauan Riau", "KEPRI", 3, 1},
    {"Sumatera Barat", "SUMBAR", 1, 2},
    {"Jambi", "JAMBI", 2, 2},
    {"Kepulauan Bangka Belitung", "BABEL", 3, 2},
    {"Bengkulu", "BKL", 1, 3},
    {"Sumatera Selatan", "SUMSEL", 2, 3},
    {"Lampung", "LPG", 2, 4},
    {"DKI Jakarta", "DKI", 4, 4},
    {"Banten", "BANTEN", 3, 5},
    {"Jawa Barat", "JABAR", 4, 5},
    {"Jawa Tengah", "JATENG", 5, 5},
    {"DI Yogyakarta", "DIY", 5, 6},
    {"Jawa Timur", "JATIM", 6, 5},
    {"Bali", "BALI", 7, 5},
    {"Nusa Tenggara Barat", "NTB", 8, 5},
    {"Nusa Tenggara Timur", "NTT", 9, 5},
    {"Kalimantan Barat", "KALBAR", 5, 2},
    {"Kalimantan Tengah", "KALTENG", 6, 3},
    {"Kalimantan Selatan", "KALSEL", 7, 3},
    {"Kalimantan Timur", "KALTIM", 7, 2},
    {"Kalimantan Utara", "KALTARA", 7, 1},
    {"Sulawesi Utara", "SULUT", 10, 1},
    {"Gorontalo", "GTLO", 9, 1},
    {"Sulawesi Tengah", "SULTENG", 9, 2},
    {"Sulawesi Barat", "SULBAR", 8, 2},
    {"Sulawesi Selatan", "SULSEL", 8, 3},
    {"Sulawesi Tenggara", "SULTRA", 9, 3},
    {"Maluku Utara", "MALUT", 11, 1},
    {"Maluku", "MALUKU", 11, 3},
    {"Papua Barat Daya", "PBD", 12, 1},
    {"Papua Barat", "PABAR", 12, 2},
    {"Papua", "PAPUA", 13, 2},
    {"Papua Tengah", "PTENG", 13, 3},
    {"Papua Pegunungan", "PPEG", 14, 2},
    {"Papua Selatan", "PSEL", 14, 3},
};

/// Lowercase letters only, with common variants unified.
std::string normalise(const std::string& name) {
    std::string s;
    for (char c : to_lower_ascii(name))
        if ((c >= 'a' && c <= 'z') || c == ' ') s += c;
        else if (c == '.' || c == '-') s += ' ';
    std::string words, w;
    auto flush = [&] {
        if (w.empty()) return;
        if (w == "sumatra") w = "sumatera";
        if (w == "kep") w = "kepulauan";
        if (w == "prov" || w == "provinsi") w.clear();
        if (!w.empty()) words += (words.empty() ? "" : " ") + w;
        w.clear();
    };
    for (char c : s) {
        if (c == ' ') flush();
        else w += c;
    }
    flush();
    if (words == "daerah istimewa yogyakarta" || words == "di yogyakarta" || words == "yogyakarta") return "di yogyakarta";
    if (words == "di aceh" || words == "nanggroe aceh darussalam" || words == "nad") return "aceh";
    if (words == "jakarta" || words == "dki jakarta" || words == "daerah khusus ibukota jakarta") return "dki jakarta";
    if (words == "bangka belitung") return "kepulauan bangka belitung";
    return words;
}

}  // namespace

std::optional<ProvinceInfo> find_province(const std::string& name) {
    // Asked once per LSP of the registry: the official names are normalised once.
    static const auto official = [] {
        std::vector<std::string> keys;
        for (const auto& p : kProvinces) keys.push_back(normalise(p.name));
        return keys;
    }();
    const auto key = normalise(name);
    for (std::size_t i = 0; i < official.size(); ++i)
        if (official[i] == key) return kProvinces[i];
    return std::nullopt;
}

std::vector<std::string> province_names() {
    std::vector<std::string> out;
    for (const auto& p : kProvinces) out.push_back(p.name);
    return out;
}

}  // namespace pepgen
