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

namespace {

/// What the Markdown parser makes of a document: a final line break changes nothing in Markdown,
/// but no text with one takes the short way.
std::string parsed(const std::string& markdown) { return render_markdown(markdown + "\n"); }

/// What the Markdown parser makes of a one-paragraph text, without the paragraph.
std::string parsed_inline(const std::string& markdown) {
    std::string html = parsed(markdown);
    while (!html.empty() && html.back() == '\n') html.pop_back();
    if (html.rfind("<p>", 0) == 0 && html.size() >= 7 && html.compare(html.size() - 4, 4, "</p>") == 0 &&
        html.find("<p>", 3) == std::string::npos)
        return html.substr(3, html.size() - 7);
    return html;
}

}  // namespace

TEST_CASE("text the parser would leave alone is written without it, inline or as a paragraph, as the parser would", "[markdown]") {
    // Typical recommendations take the short way.
    for (const std::string plain : {"Perbarui SOP pemeliharaan kompetensi asesor.", "Tambah TUK (minimal 2) di provinsi",
                                    "Rapat tinjauan: 2 kali/tahun; target 90% lulus \"tepat waktu\"", "Skor 10-15 = cukup?"}) {
        INFO(plain);
        CHECK(is_plain_inline(plain));
        CHECK(render_markdown_inline(plain) == parsed_inline(plain));
        CHECK(render_markdown(plain) == parsed(plain));
    }
    // Anything the parser could read as markup does not.
    for (const std::string marked : {"Perbaiki *SOP*", "1. Perbaiki SOP", "- butir", "# Judul", "> kutipan",
                                     "Lihat www.bnsp.go.id", "Lihat https://bnsp.go.id", "surel a@b.id", "A&amp;B",
                                     "a <b>", "[tautan](x)", "a_b_", "kode `x`", "baris\nbaru", " awal spasi", "akhir spasi ",
                                     "~~coret~~", "a | b", "a\\b", "", "Ä"}) {
        INFO(marked);
        CHECK_FALSE(is_plain_inline(marked));
    }
    // Random texts over an alphabet of letters, digits and every character Markdown gives meaning to:
    // wherever the short way is taken, its bytes are the parser's.
    const std::string alphabet = "aAwW.:/1 9,;()%+-=?'\"*_[]!<>&#`~|@\\\n\t";
    std::uint64_t state = 20261130;
    auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::size_t>(state >> 33);
    };
    std::size_t plain = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        for (std::size_t n = 1 + next() % 24; n-- > 0;) text += alphabet[next() % alphabet.size()];
        if (next() % 2) text[0] = 'a' + static_cast<char>(next() % 26);
        if (!is_plain_inline(text)) continue;
        ++plain;
        INFO(text);
        REQUIRE(render_markdown_inline(text) == parsed_inline(text));
        REQUIRE(render_markdown(text) == parsed(text));
    }
    CHECK(plain > 500);
}
