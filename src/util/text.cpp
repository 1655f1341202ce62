#include "util/text.h"

#include <algorithm>
#include <bit>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace pepgen {

std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t len = 0;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

std::size_t invalid_utf8_offset(std::string_view s) {
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto len = utf8_sequence(s, i, cp);
        if (len == 0 || cp == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

bool is_valid_utf8(std::string_view s) { return invalid_utf8_offset(s) == std::string_view::npos; }

bool is_forbidden_char(char32_t cp) {
    if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
    if (cp >= 0x7F && cp <= 0x9F) return true;
    if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
    return (cp & 0xFFFE) == 0xFFFE;
}

std::optional<TextFault> find_text_fault(std::string_view s) {
    int line = 1;
    std::size_t line_start = 0;
    // Data files run to tens of MB: plain ASCII takes the short path, and the
    // column is only counted once a fault is found.
    const auto fault = [&](TextFault::Kind kind, std::size_t at, char32_t cp) {
        int column = 1;
        for (std::size_t k = line_start; k < at; ++k)
            if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) ++column;
        return TextFault{kind, at, line, column, cp};
    };
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        // Eight printable ASCII bytes at a time (most of a data file): none has its high bit set,
        // none is below 0x20, none is DEL. Anything else is looked at byte by byte below.
        constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        while (s.size() - i >= 8) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            const std::uint64_t below_space = (w - 0x20 * ones) & ~w & highs;
            const std::uint64_t del = w ^ (0x7F * ones);
            if (const auto stop = (w & highs) | below_space | ((del - ones) & ~del & highs)) {
                // On to the first byte that needs a look (a borrow can only flag bytes above it).
                if constexpr (std::endian::native == std::endian::little)
                    i += static_cast<std::size_t>(std::countr_zero(stop)) / 8;
                break;
            }
            i += 8;
        }
        if (i == s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\r') {
            ++i;
            continue;
        }
        if (c == '\n') {
            ++line;
            line_start = ++i;
            continue;
        }
        const auto len = utf8_sequence(s, i, cp);
        if (len == 0 || cp == 0) return fault(TextFault::invalid_utf8, i, 0);
        if (is_forbidden_char(cp)) return fault(TextFault::forbidden_char, i, cp);
        i += len;
    }
    return std::nullopt;
}

std::string describe_text_fault(const TextFault& fault) {
    const std::string where = "kolom " + std::to_string(fault.column) + " (bita ke-" + std::to_string(fault.offset + 1) + ")";
    if (fault.kind == TextFault::invalid_utf8)
        return "teks bukan UTF-8 yang sah (atau memuat karakter NUL) mulai " + where + "; simpan ulang sebagai UTF-8";
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(fault.cp));
    const bool control = fault.cp < 0xA0;
    return std::string(control ? "karakter kendali " : "karakter non-karakter Unicode ") + code + " di " + where +
           " tidak diperbolehkan; hapus karakter itu";
}

bool is_slug(std::string_view s) { return slug_problem(s).empty(); }

std::string slug_problem(std::string_view s) {
    if (s.size() > kMaxSlugLength)
        return "terlalu panjang (" + std::to_string(s.size()) + " karakter; batas " + std::to_string(kMaxSlugLength) +
               "); pendekkan";
    bool ok = !s.empty() && s.front() != '-' && s.back() != '-';
    char prev = 0;
    for (char c : s) {
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') && !(c == '-' && prev == '-');
        prev = c;
    }
    return ok ? std::string() : "hanya boleh berisi huruf kecil, angka dan tanda hubung";
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto len = utf8_sequence(s, i, cp);
        if (len == 0) {
            ++i;
            continue;
        }
        const bool xml_char = cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
        if (xml_char) {
            switch (cp) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&apos;"; break;
                default: out.append(s, i, len);
            }
        }
        i += len;
    }
    return out;
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string to_upper_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

bool is_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    const int y = std::stoi(std::string(s.substr(0, 4)));
    const int m = std::stoi(std::string(s.substr(5, 2)));
    const int d = std::stoi(std::string(s.substr(8, 2)));
    if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int dim = days[m - 1] + (m == 2 && leap ? 1 : 0);
    return d <= dim;
}

namespace {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
long days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

}  // namespace

std::string add_days(std::string_view iso, int days) {
    if (!is_iso_date(iso)) return std::string(iso);
    const int y0 = std::stoi(std::string(iso.substr(0, 4)));
    const unsigned m0 = static_cast<unsigned>(std::stoi(std::string(iso.substr(5, 2))));
    const unsigned d0 = static_cast<unsigned>(std::stoi(std::string(iso.substr(8, 2))));
    long z = days_from_civil(y0, m0, d0) + days + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const long y = static_cast<long>(yoe) + era * 400 + (m <= 2);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
    return buf;
}

std::optional<std::string> normalize_base_url(const std::string& url, std::string& error) {
    const bool https = url.rfind("https://", 0) == 0, http = url.rfind("http://", 0) == 0;
    if (!https && !http) {
        error = "'" + url + "' harus diawali https:// atau http://";
        return std::nullopt;
    }
    const auto host_start = url.find("://") + 3;
    if (host_start >= url.size() || url[host_start] == '/') {
        error = "'" + url + "' tidak memuat nama host";
        return std::nullopt;
    }
    for (char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`' ||
            c == '?' || c == '#') {
            error = "'" + url + "' memuat karakter yang tidak boleh ada di alamat dasar (spasi, kutip, <, >, ?, #)";
            return std::nullopt;
        }
    }
    return url.back() == '/' ? url : url + "/";
}

int line_of_offset(std::string_view text, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

std::optional<std::string> nearest_match(std::string_view word, const std::vector<std::string>& candidates) {
    const auto a = to_lower_ascii(word);
    const std::size_t allowed = std::max<std::size_t>(1, a.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    bool tied = false;
    std::vector<std::size_t> prev, cur;
    for (const auto& candidate : candidates) {
        const auto b = to_lower_ascii(candidate);
        if (b == a) continue;
        if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > allowed) continue;
        prev.resize(b.size() + 1);
        cur.resize(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            cur[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j)
                cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            std::swap(prev, cur);
        }
        if (prev[b.size()] < best_distance) {
            best_distance = prev[b.size()];
            best = candidate;
            tied = false;
        } else if (prev[b.size()] == best_distance) {
            tied = true;
        }
    }
    return tied ? std::nullopt : best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    const auto near = nearest_match(word, candidates);
    return near ? "; mungkin maksudnya " + *near + "?" : std::string();
}

}  // namespace pepgen
