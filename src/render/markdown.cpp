#include "render/markdown.h"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string_view>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "format/markdown_parse.h"

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

/// A marker no author can type by accident: it depends on the whole document.
std::string embed_marker(const std::string& markdown, std::size_t index) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : markdown) h = (h ^ c) * 1099511628211ull;
    return "PEPGEN-SEMAT-" + std::to_string(h) + "-" + std::to_string(index);
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
}

/// GFM tables as the theme wants them: column alignment as classes (the
/// align attribute is obsolete HTML) and each table in a scroll container
/// that a keyboard can reach.
void tidy_tables(std::string& html) {
    if (html.find("<table") == std::string::npos) return;
    for (const char* cell : {"<th", "<td"}) {
        replace_all(html, std::string(cell) + " align=\"right\"", std::string(cell) + " class=\"num\"");
        replace_all(html, std::string(cell) + " align=\"center\"", std::string(cell) + " class=\"tengah\"");
        replace_all(html, std::string(cell) + " align=\"left\"", cell);
    }
    replace_all(html, "<table>", "<div class=\"table-wrap\" tabindex=\"0\"><table>");
    replace_all(html, "</table>", "</table></div>");
}

}  // namespace

std::string markdown_plain_text(const std::string& markdown) {
    auto p = parse_markdown(markdown);
    for (cmark_node* node : embed_nodes(p->doc)) {
        cmark_node_unlink(node);
        cmark_node_free(node);
    }
    char* text = cmark_render_plaintext(p->doc, kMarkdownOptions, 0);
    std::string out(text ? text : "");
    std::free(text);
    std::string folded;
    bool space = false;
    for (char c : out) {
        const bool ws = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (ws) {
            space = !folded.empty();
            continue;
        }
        if (space) folded += ' ';
        space = false;
        folded += c;
    }
    return folded;
}

namespace {

/// The document's HTML; with `cut`, each embed block becomes a paragraph
/// holding only its marker (returned in `markers`), where the caller cuts.
std::string render_html(const std::string& markdown, bool cut, std::vector<std::string>& markers) {
    auto p = parse_markdown(markdown);
    fix_links(p->doc);
    if (cut) {
        const auto nodes = embed_nodes(p->doc);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            markers.push_back(embed_marker(markdown, i));
            cmark_node* para = cmark_node_new(CMARK_NODE_PARAGRAPH);
            cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(text, markers.back().c_str());
            cmark_node_append_child(para, text);
            cmark_node_replace(nodes[i], para);
            cmark_node_free(nodes[i]);
        }
    }
    char* html = cmark_render_html(p->doc, kMarkdownOptions, cmark_parser_get_syntax_extensions(p->parser));
    std::string out(html ? html : "");
    std::free(html);
    tidy_tables(out);
    return out;
}

}  // namespace

std::string render_markdown(const std::string& markdown) {
    // A team's note is mostly one plain sentence: one paragraph, as the parser would write it.
    if (is_plain_inline(markdown)) return "<p>" + render_markdown_inline(markdown) + "</p>\n";
    std::vector<std::string> none;
    return render_html(markdown, false, none);
}

std::vector<std::string> render_markdown_parts(const std::string& markdown) {
    std::vector<std::string> markers;
    const auto html = render_html(markdown, true, markers);
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (const auto& marker : markers) {
        // The marker is its own paragraph, except in a tight list, where cmark
        // writes paragraphs without <p>: then the cut is at the bare marker.
        std::string needle = "<p>" + marker + "</p>";
        auto pos = html.find(needle, from);
        if (pos == std::string::npos) pos = html.find(needle = marker, from);
        if (pos == std::string::npos) {  // cannot happen: markers are plain letters and digits
            parts.emplace_back();
            continue;
        }
        parts.push_back(html.substr(from, pos - from));
        from = pos + needle.size();
    }
    parts.push_back(html.substr(from));
    return parts;
}

bool is_plain_inline(const std::string& markdown) {
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    // A letter first: no list, heading, quote, fence, table, HTML or link definition begins with one.
    if (markdown.empty() || !letter(markdown.front()) || markdown.back() == ' ') return false;
    for (const char c : markdown)
        if (!letter(c) && !(c >= '0' && c <= '9') && std::string_view(" ,.;:()/%+-=?'\"").find(c) == std::string_view::npos)
            return false;
    // GFM's autolinks: "www." and "scheme://" ("a@b" has a character refused above).
    std::string lower(markdown);
    for (auto& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower.find("www.") == std::string::npos && lower.find("://") == std::string::npos;
}

std::string render_markdown_inline(const std::string& markdown) {
    if (is_plain_inline(markdown)) {
        std::string html;
        html.reserve(markdown.size() + 8);
        for (const char c : markdown) {
            if (c == '"') html.append("&quot;");
            else html.push_back(c);
        }
        return html;
    }
    std::string html = render_markdown(markdown);
    while (!html.empty() && html.back() == '\n') html.pop_back();
    const std::string open = "<p>", close = "</p>";
    if (html.size() >= 7 && html.compare(0, 3, open) == 0 && html.compare(html.size() - 4, 4, close) == 0 &&
        html.find("<p>", 3) == std::string::npos)
        return html.substr(3, html.size() - 7);
    return html;
}

}  // namespace pepgen
