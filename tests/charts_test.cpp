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

TEST_CASE("stacked bars have a legend, a segment per value and totals", "[charts]") {
    StackedBarChart c{"tumpuk", "Per bulan", "Januari 11; Februari 13.", {"Januari", "Februari"},
                      {{"LSP P1", {8, 13}}, {"LSP P2", {std::nullopt, std::nullopt}}, {"LSP P3", {3, std::nullopt}}},
                      {"11", "13"}};
    const auto svg = render_stacked_bar_chart(c);
    CHECK_THAT(svg, Contains("<desc id=\"tumpuk-d\">Januari 11; Februari 13.</desc>"));
    CHECK_THAT(svg, Contains(">LSP P2</text>"));
    CHECK_THAT(svg, Contains(">Februari</text>"));
    CHECK_THAT(svg, Contains(">13</text>"));
    // Januari: P1 and P3 segments; Februari: P1 only; blanks draw nothing.
    std::size_t segments = 0;
    for (auto pos = svg.find("<rect class=\"series-"); pos != std::string::npos; pos = svg.find("<rect class=\"series-", pos + 1))
        ++segments;
    CHECK(segments == 3 + 3);  // 3 legend swatches + 3 segments
}

TEST_CASE("line charts draw one path per series with distinct markers", "[charts]") {
    LineChart c{"garis", "Anggaran", "Turun.", {"2019", "2020", "2021"},
                {{"Pagu", {189.0, 152.0, 86.0}}, {"Realisasi", {180.0, 148.0, 86.0}}}, {}};
    c.format_tick = [](double v) { return "Rp" + std::to_string(static_cast<int>(v)); };
    const auto svg = render_line_chart(c);
    CHECK_THAT(svg, Contains("<path class=\"line series-0\" d=\"M"));
    CHECK_THAT(svg, Contains("<path class=\"line series-1\" d=\"M"));
    CHECK_THAT(svg, Contains("<circle class=\"marker series-0\""));
    CHECK_THAT(svg, Contains("<rect class=\"marker series-1\""));
    CHECK_THAT(svg, Contains(">Rp200</text>"));
    CHECK_THAT(svg, Contains(">2021</text>"));
}

TEST_CASE("long labels are shortened in charts", "[charts]") {
    BarChart c;
    c.id = "panjang";
    c.items = {{"Pengembangan Sistem dan Pelaksanaan Sertifikasi Kompetensi Profesi", 1, "1", ""}};
    const auto svg = render_bar_chart(c);
    // The full text stays as the label's SVG title.
    CHECK_THAT(svg, Contains(">Pengembangan Sistem dan P\u2026<title>Pengembangan Sistem dan Pelaksanaan Sertifikasi "
                             "Kompetensi Profesi</title></text>"));
}

TEST_CASE("a bar chart's one series and a grouped chart's every series have a legend entry", "[charts]") {
    BarChart c;
    c.id = "b";
    c.legend = "Jumlah (LSP)";
    c.items = {{"Bali", 3, "3", ""}};
    CHECK_THAT(render_bar_chart(c), Contains(">Jumlah (LSP)</text>"));
    GroupedBarChart g{"g", "t", "d", {"2019", "2020"}, {{"Pagu (rupiah)", {10, 20}}, {"Realisasi (rupiah)", {9, 19}}},
                      {{"Rp10", "Rp20"}, {"Rp9", "Rp19"}}};
    const auto svg = render_grouped_bar_chart(g);
    CHECK_THAT(svg, Contains(">Pagu (rupiah)</text>"));
    CHECK_THAT(svg, Contains(">Realisasi (rupiah)</text>"));
    CHECK_THAT(svg, Contains("<rect class=\"series-1\""));
    CHECK_THAT(svg, Contains(">Rp19</text>"));
}

TEST_CASE("line chart category labels go on two rows when one row would make them touch", "[charts]") {
    LineChart c;
    c.id = "l";
    c.categories = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                    "November", "Desember"};
    c.series = {{"Jumlah", std::vector<std::optional<double>>(12, 1.0)}};
    const auto svg = render_line_chart(c);
    // Two rows: the second row's labels sit 15 units lower than the first's.
    const auto first = svg.find(">Januari</text>"), second = svg.find(">Februari</text>");
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    auto y_in = [](const std::string& text, std::size_t at) {
        const auto y = text.rfind(" y=\"", at);
        return std::stod(text.substr(y + 4));
    };
    auto y_of = [&](std::size_t at) { return y_in(svg, at); };
    CHECK(y_of(second) - y_of(first) == Approx(15));
    LineChart years = c;
    years.categories = {"2019", "2020", "2021"};
    years.series = {{"Jumlah", {1.0, 2.0, 3.0}}};
    const auto short_svg = render_line_chart(years);
    CHECK(y_in(short_svg, short_svg.find(">2020</text>")) == Approx(y_in(short_svg, short_svg.find(">2019</text>"))));
}

TEST_CASE("nice axis steps", "[charts]") {
    CHECK(nice_step(189.6, 4) == 50);
    CHECK(nice_step(10, 4) == 5);
    CHECK(nice_step(0, 4) == 1);
}

TEST_CASE("line charts of extreme values finish with a bounded axis (fuzzing regression F4)", "[charts]") {
    for (double v : {4.9e-320, 1.7e308}) {
        LineChart c{"x", "t", "d", {"a", "b"}, {{"s", {v, v}}}, {}};
        const auto svg = render_line_chart(c);
        CHECK(std::count(svg.begin(), svg.end(), '\n') == 0);
        std::size_t ticks = 0;
        for (auto pos = svg.find("class=\"grid\""); pos != std::string::npos; pos = svg.find("class=\"grid\"", pos + 1)) ++ticks;
        CHECK(ticks <= 13);
    }
}
