#include <catch2/catch.hpp>

#include "model/provinces.h"

using namespace pepgen;

TEST_CASE("provinces are found under their common spellings", "[provinces]") {
    for (const char* name : {"DI Aceh", "Aceh", "Sumatra Utara", "SUMATERA UTARA", "Kep. Bangka Belitung",
                             "DI Yogyakarta", "Daerah Istimewa Yogyakarta", "DKI Jakarta", "Papua Barat", "Papua"}) {
        INFO(name);
        CHECK(find_province(name));
    }
    CHECK(std::string(find_province("Sumatra Utara")->abbr) == "SUMUT");
    CHECK(std::string(find_province("Papua")->abbr) == "PAPUA");
    CHECK_FALSE(find_province("Atlantis"));
}
