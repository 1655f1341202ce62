#include <catch2/catch.hpp>

#include "render/tile_map.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("every province tile is drawn with its name, value and a legend", "[tile_map]") {
    TileMap m;
    m.id = "peta";
    m.title = "LSP per provinsi";
    m.description = "Makin gelap makin banyak.";
    m.unit = "LSP";
    m.tiles = {{"DI Aceh", 27, "27"}, {"DKI Jakarta", 331, "331"}, {"Papua", 7, "7"}, {"Atlantis", 1, "1"},
               {"Bali", std::nullopt, "\u2013"}};
    const auto svg = render_tile_map(m);
    CHECK_THAT(svg, Contains("<title id=\"peta-t\">LSP per provinsi</title>"));
    CHECK_THAT(svg, Contains("<title>DI Aceh: 27</title>"));
    CHECK_THAT(svg, Contains(">DKI</text>"));
    CHECK_THAT(svg, Contains("<title>DKI Jakarta: 331</title>"));
    CHECK_THAT(svg, Contains("tile tile-none"));
    CHECK_FALSE(Catch::contains(svg, "Atlantis"));
    CHECK_THAT(svg, Contains(">LSP</text>"));
    // The largest value gets the darkest class.
    const auto dki = svg.find("<title>DKI Jakarta");
    CHECK(svg.rfind("tile tile-4", dki) != std::string::npos);
}

TEST_CASE("quantile breaks are ascending and cover the maximum", "[tile_map]") {
    const auto b = quantile_breaks({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5);
    REQUIRE(b.size() == 5);
    CHECK(b.front() == 2);
    CHECK(b.back() == 10);
    CHECK(quantile_breaks({5, 5, 5}, 5) == std::vector<double>{5});
    CHECK(quantile_breaks({}, 5).empty());
}
