#include <catch2/catch.hpp>

#include "format/stat_values.h"

using namespace pepgen;

TEST_CASE("figures use the dataset's Indonesian formats", "[stat_values]") {
    StatColumn rp{"a", "A", ColumnType::rupiah, "", -1, {}};
    StatColumn pct{"b", "B", ColumnType::percent, "", 2, {}};
    StatColumn n{"c", "C", ColumnType::number, "", -1, {}};
    CHECK(format_stat(86911383000, rp) == "Rp86.911.383.000");
    CHECK(format_stat(98.96, pct) == "98,96%");
    CHECK(format_stat(100, pct) == "100,00%");
    CHECK(format_stat(1821, n) == "1.821");
    CHECK(format_stat(8.4, n) == "8,4");
    CHECK(format_stat_short(189589783000, rp) == "Rp190 miliar");
    CHECK(format_stat_short(8691138300, rp) == "Rp8,7 miliar");
}

TEST_CASE("decimals_of reads how a figure was written", "[stat_values]") {
    CHECK(decimals_of(98.96) == 2);
    CHECK(decimals_of(8.4) == 1);
    CHECK(decimals_of(100) == 0);
    CHECK(decimals_of(1821) == 0);
}
