#include <catch2/catch.hpp>

#include "render/charts.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("bar charts carry a text alternative and escape labels", "[charts]") {
    BarChart c;
    c.id = "uji";
    c.title = "Jumlah <LSP>";
    c.description = "Sangat Baik 4 LSP; Baik 9 LSP.";
    c.items = {{"Sangat Baik", 4, "4 LSP", "cat-0"}, {"<b>Baik</b>", 9, "9 LSP", "cat-1"}};
    const auto svg = render_bar_chart(c);
    CHECK_THAT(svg, Contains("role=\"img\""));
    CHECK_THAT(svg, Contains("aria-labelledby=\"uji-t uji-d\""));
    CHECK_THAT(svg, Contains("<title id=\"uji-t\">Jumlah &lt;LSP&gt;</title>"));
    CHECK_THAT(svg, Contains("<desc id=\"uji-d\">Sangat Baik 4 LSP; Baik 9 LSP.</desc>"));
    CHECK_THAT(svg, Contains("&lt;b&gt;Baik&lt;/b&gt;"));
    CHECK_FALSE(Catch::contains(svg, "<b>"));
}

TEST_CASE("bar lengths are proportional to values", "[charts]") {
    BarChart c;
    c.id = "p";
    c.items = {{"a", 10, "10", ""}, {"b", 5, "5", ""}, {"c", 0, "0", ""}};
    const auto svg = render_bar_chart(c);
    CHECK_THAT(svg, Contains("width=\"170.0\" height=\"22.0\""));
    CHECK_THAT(svg, Contains("width=\"85.0\" height=\"22.0\""));
    CHECK_THAT(svg, Contains("width=\"0.0\" height=\"22.0\""));
}
