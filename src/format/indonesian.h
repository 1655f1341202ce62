/// Indonesian number, money, percentage and date formats: 1.821, 98,96%,
/// Rp86.911.383.000, 21 November 2026. The only place the site formats figures.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pepgen {

std::string format_int(std::int64_t value);                      ///< 1.821
std::string format_decimal(double value, int decimals);           ///< 98,96 ; rounds half away from zero
/// A computed figure rounded to a whole number (1.821); unlike format_int(std::llround(v)) it stays right
/// beyond the int64 range (a recomputed sum or product can get there) and prints "–" for NaN or infinity.
std::string format_whole(double value);
std::string format_rupiah_whole(double value);                    ///< Rp86.911.383.000, same rounding
std::string format_percent(double value, int decimals);           ///< 98,96%
std::string format_rupiah(std::int64_t value);                    ///< Rp86.911.383.000
std::string format_signed(std::int64_t value);                    ///< +5, −3, 0 (true minus sign)
/// YYYY-MM-DD -> "21 November 2026"; returns the input unchanged if it is not a date.
std::string format_date(const std::string& iso);
std::string month_name(int month);                                ///< 1 -> Januari
std::string weekday_name(int day);                                ///< 1 -> Senin … 7 -> Minggu
int weekday_number(std::string_view name);                        ///< "Kamis" -> 4; 0 if not a day's name

}  // namespace pepgen
