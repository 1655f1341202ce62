#include <catch2/catch.hpp>

#include "render/markdown.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("GFM tables render", "[markdown]") {
    const auto html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n");
    CHECK_THAT(html, Contains("<table>"));
    CHECK_THAT(html, Contains("<td>1</td>"));
}

TEST_CASE("raw HTML and unsafe links never pass through", "[markdown]") {
    const auto html = render_markdown(
        "<script>alert(1)</script>\n\nteks <img src=x onerror=alert(1)> [klik](javascript:alert(1)) "
        "[data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)\n");
    CHECK_FALSE(Catch::contains(html, "<script"));
    CHECK_FALSE(Catch::contains(html, "<img"));
    CHECK_FALSE(Catch::contains(html, "javascript:"));
    CHECK_FALSE(Catch::contains(html, "vbscript:"));
    CHECK_FALSE(Catch::contains(html, "data:text/html"));
    CHECK_THAT(html, Contains("raw HTML omitted"));
}

TEST_CASE("relative directory links get index.html so the site works from disk", "[markdown]") {
    const auto html = render_markdown("[M01](../../indikator/m01/) [luar](https://contoh.example/a/) [tabel](../x/#bagian)");
    CHECK_THAT(html, Contains("href=\"../../indikator/m01/index.html\""));
    CHECK_THAT(html, Contains("href=\"https://contoh.example/a/\""));
    CHECK_THAT(html, Contains("href=\"../x/index.html#bagian\""));
}

TEST_CASE("inline rendering drops the single paragraph wrapper", "[markdown]") {
    CHECK(render_markdown_inline("Lengkapi **bukti** surveilans.") == "Lengkapi <strong>bukti</strong> surveilans.");
    CHECK_THAT(render_markdown_inline("satu\n\ndua"), Contains("<p>dua</p>"));
}
