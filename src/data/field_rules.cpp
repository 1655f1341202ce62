#include "data/field_rules.h"

#include <cstdio>

#include "util/files.h"
#include "util/text.h"

namespace pepgen {

std::string text_field_problem(std::string_view s) {
    if (const auto fault = find_text_fault(s)) {
        if (fault->kind == TextFault::invalid_utf8) return "bukan teks UTF-8 yang sah; simpan ulang sebagai UTF-8";
        std::size_t chars = 0;  // characters, not bytes, before it: what a person counts
        for (std::size_t i = 0; i < fault->offset; ++i) chars += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(fault->cp));
        return std::string(fault->cp < 0xA0 ? "memuat karakter kendali " : "memuat non-karakter Unicode ") + code +
               " (karakter ke-" + std::to_string(chars + 1) + ") yang tidak diperbolehkan; hapus karakter itu";
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
