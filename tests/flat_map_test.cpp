#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>

#include "util/flat_map.h"

using namespace pepgen;

TEST_CASE("a flat map keeps its keys sorted and unique, like std::map, whatever the insertion order", "[flat_map]") {
    std::mt19937 rng(7);
    FlatMap<std::string, int> flat;
    std::map<std::string, int> reference;
    for (int i = 0; i < 500; ++i) {
        const auto key = "K" + std::to_string(rng() % 120);
        flat[key] += i;
        reference[key] += i;
    }
    REQUIRE(flat.size() == reference.size());
    auto it = reference.begin();
    for (const auto& [key, value] : flat) {
        CHECK(key == it->first);
        CHECK(value == it->second);
        ++it;
    }
    CHECK(flat.count("K7") == reference.count("K7"));
    CHECK(flat.find("tidak-ada") == flat.end());
    CHECK_THROWS_AS(flat.at("tidak-ada"), std::out_of_range);
    CHECK(flat.at(reference.begin()->first) == reference.begin()->second);
}
