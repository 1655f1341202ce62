#include "render/markdown.h"

#include <cstdlib>
#include <memory>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

namespace pepgen {

namespace {

bool is_relative_url(const std::string& url) {
    if (url.empty() || url[0] == '/' || url[0] == '#') return false;
    const auto colon = url.find(':');
    const auto slash = url.find('/');
    return colon == std::string::npos || (slash != std::string::npos && slash < colon);
}

void fix_links(cmark_node* root) {
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter);
        if (cmark_node_get_type(node) != CMARK_NODE_LINK) continue;
        const char* raw = cmark_node_get_url(node);
        if (!raw) continue;
        std::string url(raw);
        const auto hash = url.find('#');
        std::string path = url.substr(0, hash);
        const std::string frag = hash == std::string::npos ? "" : url.substr(hash);
        if (!is_relative_url(path) || path.empty() || path.back() != '/') continue;
        path += "index.html";
        cmark_node_set_url(node, (path + frag).c_str());
    }
    cmark_iter_free(iter);
}

}  // namespace

std::string render_markdown(const std::string& markdown) {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
    const int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;  // default = safe: no raw HTML
    cmark_parser* parser = cmark_parser_new(options);
    for (const char* name : {"table", "strikethrough", "autolink"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, ext);
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    cmark_node* doc = cmark_parser_finish(parser);
    fix_links(doc);
    char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
    std::string out(html ? html : "");
    std::free(html);
    cmark_node_free(doc);
    cmark_parser_free(parser);
    return out;
}

std::string render_markdown_inline(const std::string& markdown) {
    std::string html = render_markdown(markdown);
    while (!html.empty() && html.back() == '\n') html.pop_back();
    const std::string open = "<p>", close = "</p>";
    if (html.size() >= 7 && html.compare(0, 3, open) == 0 && html.compare(html.size() - 4, 4, close) == 0 &&
        html.find("<p>", 3) == std::string::npos)
        return html.substr(3, html.size() - 7);
    return html;
}

}  // namespace pepgen
