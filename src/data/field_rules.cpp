#include "data/field_rules.h"

#include <cstdio>

#include "util/files.h"

namespace pepgen {

std::size_t control_char_offset(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        if ((u < 0x20 && u != '\n' && u != '\t' && u != '\r') || u == 0x7F) return i;
    }
    return std::string_view::npos;
}

std::string text_field_problem(std::string_view s) {
    if (const auto at = control_char_offset(s); at != std::string_view::npos) {
        std::size_t chars = 0;  // characters, not bytes, before it: what a person counts
        for (std::size_t i = 0; i < at; ++i) chars += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(s[at])));
        return std::string("memuat karakter kendali ") + code + " (karakter ke-" + std::to_string(chars + 1) +
               ") yang tidak diperbolehkan; hapus karakter itu";
    }
    if (s.size() > kMaxTextFieldBytes)
        return "terlalu panjang (" + std::to_string(s.size()) + " bita; batas " + std::to_string(kMaxTextFieldBytes) +
               " bita); persingkat teksnya";
    return {};
}

std::string entry_count_problem(std::size_t n, const std::string& what) {
    if (n <= kMaxEntries) return {};
    return "terlalu banyak " + what + " (" + std::to_string(n) + "; batas " + std::to_string(kMaxEntries) + ")";
}

}  // namespace pepgen
