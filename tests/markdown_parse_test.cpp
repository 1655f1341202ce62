// format/markdown_parse: the cmark-gfm tree (parse_markdown with tables, strikethrough, autolinks)
// and the ```statistik blocks in it (embed_nodes, find_embed_blocks).
#include <catch2/catch.hpp>

#include "format/markdown_parse.h"

using namespace pepgen;

namespace {

/// The type names of every node of the document, in document order ("paragraph", "table", ...).
std::vector<std::string> node_types(const std::string& markdown) {
    auto p = parse_markdown(markdown);
    std::vector<std::string> out;
    cmark_iter* iter = cmark_iter_new(p->doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE)
        if (ev == CMARK_EVENT_ENTER) out.push_back(cmark_node_get_type_string(cmark_iter_get_node(iter)));
    cmark_iter_free(iter);
    return out;
}

bool has(const std::vector<std::string>& types, const std::string& type) {
    return std::find(types.begin(), types.end(), type) != types.end();
}

}  // namespace

TEST_CASE("the GFM extensions are on: tables, strikethrough and autolinks", "[markdown_parse]") {
    CHECK(has(node_types("| a | b |\n|---|---|\n| 1 | 2 |\n"), "table"));
    CHECK(has(node_types("~~coret~~\n"), "strikethrough"));
    CHECK(has(node_types("Lihat www.contoh.id sekarang.\n"), "link"));
    // Without the table extension these would be one paragraph of text.
    CHECK_FALSE(has(node_types("| a | b |\n| 1 | 2 |\n"), "table"));  // no delimiter row: no table
}

TEST_CASE("raw HTML is parsed as an HTML node but the options keep it out of the output", "[markdown_parse]") {
    CHECK((kMarkdownOptions & CMARK_OPT_UNSAFE) == 0);
    CHECK((kMarkdownOptions & CMARK_OPT_VALIDATE_UTF8) != 0);
    CHECK(has(node_types("<script>x</script>\n"), "html_block"));
}

TEST_CASE("broken UTF-8 is replaced, never passed on", "[markdown_parse]") {
    const auto blocks = find_embed_blocks("```statistik\ndata: a\xC3\n```\n");
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].body == "data: a\xEF\xBF\xBD\n");  // U+FFFD
}

TEST_CASE("statistik blocks are found in document order with the line of their opening fence", "[markdown_parse]") {
    const std::string md =
        "# Judul\n"                        // 1
        "\n"                               // 2
        "```statistik\n"                   // 3
        "data: satu\n"                     // 4
        "```\n"                            // 5
        "\n"                               // 6
        "> ~~~ statistik tambahan\n"       // 7: in a quote, tilde fence, more words after the info
        "> data: dua\n"                    // 8
        "> ~~~\n"                          // 9
        "\n"                               // 10
        "- butir\n"                        // 11
        "\n"                               // 12
        "  ```statistik\n"                 // 13: in a list item
        "  data: tiga\n"                   // 14
        "  ```\n";                         // 15
    const auto blocks = find_embed_blocks(md);
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0].body == "data: satu\n");
    CHECK(blocks[0].line == 3);
    CHECK(blocks[1].body == "data: dua\n");
    CHECK(blocks[1].line == 7);
    CHECK(blocks[2].body == "data: tiga\n");
    CHECK(blocks[2].line == 13);
}

TEST_CASE("other code blocks are no embeds, however close their info string", "[markdown_parse]") {
    const std::string md =
        "```json\n{}\n```\n\n"
        "```statistik-lain\ndata: x\n```\n\n"
        "```Statistik\ndata: x\n```\n\n"
        "    statistik\n    data: x\n\n"  // an indented code block has no info string
        "`statistik`\n";
    CHECK(find_embed_blocks(md).empty());
    auto p = parse_markdown(md);
    CHECK(embed_nodes(p->doc).empty());
}

TEST_CASE("embed_nodes returns the code block nodes themselves, for the renderer to cut at", "[markdown_parse]") {
    auto p = parse_markdown("Teks.\n\n```statistik\ndata: a\n```\n\nLagi.\n\n```statistik\ndata: b\n```\n");
    const auto nodes = embed_nodes(p->doc);
    REQUIRE(nodes.size() == 2);
    for (auto* node : nodes) {
        CHECK(cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK);
        CHECK(std::string(cmark_node_get_fence_info(node)) == "statistik");
    }
    CHECK(std::string(cmark_node_get_literal(nodes[1])) == "data: b\n");
    CHECK(cmark_node_get_start_line(nodes[1]) == 9);
    // An empty document has none.
    auto empty = parse_markdown("");
    CHECK(embed_nodes(empty->doc).empty());
}
