#include "format/markdown_parse.h"

#include <mutex>

#include <cmark-gfm-core-extensions.h>

namespace pepgen {

namespace {

bool is_embed(cmark_node* node) {
    if (cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK) return false;
    const char* info = cmark_node_get_fence_info(node);
    if (!info) return false;
    std::string word(info);
    const auto end = word.find_first_of(" \t");
    return word.substr(0, end) == kEmbedInfo;
}

}  // namespace

ParsedMarkdown::~ParsedMarkdown() {
    cmark_node_free(doc);
    cmark_parser_free(parser);
}

std::unique_ptr<ParsedMarkdown> parse_markdown(const std::string& markdown) {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
    cmark_parser* parser = cmark_parser_new(kMarkdownOptions);
    for (const char* name : {"table", "strikethrough", "autolink"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, ext);
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    return std::unique_ptr<ParsedMarkdown>(new ParsedMarkdown{parser, cmark_parser_finish(parser)});
}

std::vector<cmark_node*> embed_nodes(cmark_node* root) {
    std::vector<cmark_node*> out;
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE)
        if (ev == CMARK_EVENT_ENTER && is_embed(cmark_iter_get_node(iter))) out.push_back(cmark_iter_get_node(iter));
    cmark_iter_free(iter);
    return out;
}

std::vector<EmbedBlock> find_embed_blocks(const std::string& markdown) {
    auto p = parse_markdown(markdown);
    std::vector<EmbedBlock> out;
    for (cmark_node* node : embed_nodes(p->doc)) {
        const char* literal = cmark_node_get_literal(node);
        out.push_back({literal ? literal : "", cmark_node_get_start_line(node)});
    }
    return out;
}

}  // namespace pepgen
