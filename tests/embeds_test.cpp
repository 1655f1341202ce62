#include <catch2/catch.hpp>

#include "content/embeds.h"
#include "render/markdown.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("statistik blocks are parsed with their file lines", "[embeds]") {
    const std::string md =
        "Teks.\n\n```statistik\ndata: lsp-uji\ngrafik: peta\nnilai: jumlah\n```\n\n- butir\n\n"
        "  ```statistik\n  data: lain\n  grafik: batang-bertumpuk\n  nilai: [a, b]\n  tabel: tidak\n  judul: Judul\n  ```\n"
        "\n```json\n{\"bukan\": \"embed\"}\n```\n";
    Diagnostics d;
    const auto specs = parse_embeds(md, "content/statistik/x.md", 5, d);
    INFO(test::all_messages(d));
    CHECK(d.items().empty());
    REQUIRE(specs.size() == 2);
    CHECK(specs[0].dataset == "lsp-uji");
    CHECK(specs[0].chart == ChartKind::tile_map);
    CHECK(specs[0].value_columns == std::vector<std::string>{"jumlah"});
    CHECK(specs[0].line == 7);
    CHECK(specs[1].chart == ChartKind::stacked_bar);
    CHECK(specs[1].value_columns == std::vector<std::string>{"a", "b"});
    CHECK_FALSE(specs[1].table);
    CHECK(specs[1].title == "Judul");
}

TEST_CASE("bad embed options are reported at their line", "[embeds]") {
    Diagnostics d;
    parse_embeds("```statistik\ngrafik: pai\nwarna: merah\n```\n\n```statistik\n[tidak: valid\n```\n", "p.md", 1, d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("p.md:2: galat: blok statistik: kolom 'data' wajib diisi"));
    CHECK_THAT(text, Contains("p.md:2: galat: blok statistik: grafik 'pai' tidak dikenal"));
    CHECK_THAT(text, Contains("p.md:3: galat: blok statistik: pilihan 'warna' tidak dikenal"));
    CHECK_THAT(text, Contains("p.md:8: galat: blok statistik: YAML tidak valid"));
}

TEST_CASE("render_markdown_parts cuts at each embed and leaves everything else", "[embeds]") {
    const std::string md = "Awal.\n\n```statistik\ndata: a\n```\n\n```statistik\ndata: b\n```\n\n```\nkode biasa\n```\n";
    const auto parts = render_markdown_parts(md);
    REQUIRE(parts.size() == 3);
    CHECK(parts[0] == "<p>Awal.</p>\n");
    CHECK(parts[1] == "\n");  // two embeds in a row: only the line between them
    CHECK_THAT(parts[2], Contains("<pre><code>kode biasa"));
    for (const auto& part : parts) CHECK_FALSE(Catch::contains(part, "PEPGEN-SEMAT"));
    // Without a renderer the block stays a readable code block.
    CHECK_THAT(render_markdown(md), Contains("<pre><code class=\"language-statistik\">data: a"));
}
