#include "format/indonesian.h"

#include <cmath>
#include <cstdio>

#include "util/text.h"

namespace pepgen {

namespace {

std::string group_thousands(std::string digits) {
    std::string out;
    const int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += '.';
        out += digits[static_cast<std::size_t>(i)];
    }
    return out;
}

}  // namespace

std::string format_int(std::int64_t value) {
    if (value >= 0 && value < 1000) return std::to_string(value);  // most figures: scores, ranks, counts
    const bool negative = value < 0;
    // Via unsigned so INT64_MIN does not overflow.
    const std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    return (negative ? "-" : "") + group_thousands(std::to_string(mag));
}

std::string format_decimal(double value, int decimals) {
    if (!std::isfinite(value)) return "–";
    if (std::abs(value) >= 1e18) {
        // Beyond what the integer path below can hold (a computed sum or product, never a figure from a
        // data file). A double carries about 15 significant digits; print those and zeros after them, so
        // 9e17 x 9e17 reads 810.000..., not the binary noise %.0f would show.
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.14e", std::abs(value));  // d.dddddddddddddde+XX
        const std::string text(buf);
        const auto e = text.find('e');
        const int exponent = std::stoi(text.substr(e + 1));
        std::string digits = text.substr(0, 1) + text.substr(2, e - 2);
        digits.resize(static_cast<std::size_t>(exponent) + 1, '0');
        return (value < 0 ? "-" : "") + group_thousands(digits);
    }
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    const double scale = std::pow(10.0, decimals);
    // Round half away from zero on the decimal value as printed in sources
    // (98.955 -> 98,96), nudging by a tiny epsilon against binary error.
    double scaled = std::abs(value) * scale;
    scaled = std::floor(scaled + 0.5 + 1e-9);
    const bool negative = value < 0 && scaled > 0;
    const auto whole = static_cast<std::uint64_t>(scaled / scale);
    const auto frac = static_cast<std::uint64_t>(scaled - static_cast<double>(whole) * scale + 0.5);
    std::string out = (negative ? "-" : "") + group_thousands(std::to_string(whole));
    if (decimals > 0) {
        std::string f = std::to_string(frac);
        while (static_cast<int>(f.size()) < decimals) f.insert(f.begin(), '0');
        out += "," + f;
    }
    return out;
}

std::string format_whole(double value) { return format_decimal(value, 0); }

std::string format_rupiah_whole(double value) {
    if (!std::isfinite(value)) return "\u2013";
    const std::string digits = format_whole(value);
    if (digits == "0" || digits[0] != '-') return "Rp" + digits;
    return "-Rp" + digits.substr(1);
}

std::string format_percent(double value, int decimals) { return format_decimal(value, decimals) + "%"; }

std::string format_rupiah(std::int64_t value) {
    // format_int handles INT64_MIN; negating it here would overflow.
    if (value < 0) return "-Rp" + format_int(value).substr(1);
    return "Rp" + format_int(value);
}

std::string format_signed(std::int64_t value) {
    if (value > 0) return "+" + format_int(value);
    if (value < 0) return "\u2212" + format_int(-value);
    return "0";
}

std::string month_name(int month) {
    static const char* names[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                  "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
    if (month < 1 || month > 12) return "";
    return names[month - 1];
}

namespace {
const char* const day_names[] = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};
}

std::string weekday_name(int day) { return day >= 1 && day <= 7 ? day_names[day - 1] : ""; }

int weekday_number(std::string_view name) {
    for (int i = 0; i < 7; ++i)
        if (name == day_names[i]) return i + 1;
    return 0;
}

std::string format_date(const std::string& iso) {
    if (!is_iso_date(iso)) return iso;
    const int month = std::stoi(iso.substr(5, 2));
    const int day = std::stoi(iso.substr(8, 2));
    return std::to_string(day) + " " + month_name(month) + " " + iso.substr(0, 4);
}

}  // namespace pepgen
