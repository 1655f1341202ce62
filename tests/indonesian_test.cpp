#include <cmath>
#include <catch2/catch.hpp>

#include "format/indonesian.h"

using namespace pepgen;

TEST_CASE("integers use a dot between thousands", "[format]") {
    CHECK(format_int(0) == "0");
    CHECK(format_int(999) == "999");
    CHECK(format_int(1821) == "1.821");
    CHECK(format_int(51101) == "51.101");
    CHECK(format_int(-1234567) == "-1.234.567");
    CHECK(format_int(INT64_MIN) == "-9.223.372.036.854.775.808");
}

TEST_CASE("decimals use a comma and round half away from zero", "[format]") {
    CHECK(format_decimal(98.96, 2) == "98,96");
    CHECK(format_decimal(98.955, 2) == "98,96");
    CHECK(format_decimal(0.5, 0) == "1");
    CHECK(format_decimal(1234.5, 1) == "1.234,5");
    CHECK(format_decimal(72.0, 1) == "72,0");
    CHECK(format_decimal(-2.25, 1) == "-2,3");
    CHECK(format_decimal(0.004, 2) == "0,00");
}

TEST_CASE("percentages, rupiah and signed changes", "[format]") {
    CHECK(format_percent(98.96, 2) == "98,96%");
    CHECK(format_rupiah(86911383000) == "Rp86.911.383.000");
    CHECK(format_signed(5) == "+5");
    CHECK(format_signed(-3) == "\u22123");
    CHECK(format_signed(0) == "0");
}

TEST_CASE("dates are written with the Indonesian month name", "[format]") {
    CHECK(format_date("2026-11-21") == "21 November 2026");
    CHECK(format_date("2025-01-05") == "5 Januari 2025");
    CHECK(format_date("2025-08-17") == "17 Agustus 2025");
    CHECK(format_date("bukan tanggal") == "bukan tanggal");
}

TEST_CASE("extreme figures never overflow (fuzzing regressions F2, F3)", "[format]") {
    CHECK(format_rupiah(INT64_MIN) == "-Rp9.223.372.036.854.775.808");
    CHECK(format_decimal(1e20, 2) == "100.000.000.000.000.000.000");
    CHECK(format_decimal(-3e30, 0) == "-3.000.000.000.000.000.000.000.000.000.000");
}

TEST_CASE("computed whole figures stay right beyond the int64 range (fuzzing regression F5)", "[format]") {
    CHECK(format_whole(1821.4) == "1.821");
    CHECK(format_whole(2.5) == "3");
    CHECK(format_whole(-0.4) == "0");
    // 9e17 squared, as a recomputed product: std::llround would give INT64_MIN here.
    CHECK(format_whole(9e17 * 9e17) == "810.000.000.000.000.000.000.000.000.000.000.000");
    CHECK(format_whole(1e19) == "10.000.000.000.000.000.000");
    CHECK(format_whole(std::nan("")) == "\u2013");
    CHECK(format_rupiah_whole(86911383000.0) == "Rp86.911.383.000");
    CHECK(format_rupiah_whole(-2e19) == "-Rp20.000.000.000.000.000.000");
    CHECK(format_rupiah_whole(-0.2) == "Rp0");
}
