/// Markdown parsed with cmark-gfm (tables, strikethrough, autolinks), and the
/// ```statistik embed blocks in it: the content stage reads the blocks, the
/// renderer turns the same tree into HTML, so both see the same document.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <cmark-gfm.h>

namespace pepgen {

/// Fenced code blocks with this info string embed a statistics table.
inline constexpr const char* kEmbedInfo = "statistik";

/// cmark's safe default: raw HTML is never passed through.
inline constexpr int kMarkdownOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

struct ParsedMarkdown {
    cmark_parser* parser;
    cmark_node* doc;
    ~ParsedMarkdown();
};

std::unique_ptr<ParsedMarkdown> parse_markdown(const std::string& markdown);

/// The embed blocks of a parsed document, in document order.
std::vector<cmark_node*> embed_nodes(cmark_node* root);

struct EmbedBlock {
    std::string body;   ///< the block's text (YAML)
    int line = 0;       ///< 1-based line of the opening fence within the Markdown
};

/// The ```statistik blocks of a document, in the order render_markdown meets them.
std::vector<EmbedBlock> find_embed_blocks(const std::string& markdown);

}  // namespace pepgen
