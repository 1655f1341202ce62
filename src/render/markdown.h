/// Markdown to HTML with cmark-gfm (tables, strikethrough, autolinks).
/// Raw HTML is never passed through and unsafe URLs are dropped, so text
/// from data or content cannot inject markup.
#pragma once

#include <string>
#include <vector>

namespace pepgen {

/// Block Markdown to HTML. Relative links ending in '/' get 'index.html'
/// appended so that the site also works opened from disk.
std::string render_markdown(const std::string& markdown);

/// The same HTML cut where each ```statistik block stands: n embed blocks give
/// n + 1 parts, part i being what comes before embed i, so a template can put
/// each embed's own markup between them.
std::vector<std::string> render_markdown_parts(const std::string& markdown);

/// The text of a Markdown document without markup (for the search index).
std::string markdown_plain_text(const std::string& markdown);

/// A one-paragraph text (a recommendation, a rubric criterion) without the
/// surrounding <p>; falls back to block output when it has several blocks.
std::string render_markdown_inline(const std::string& markdown);

/// True for text Markdown leaves as it is but for escaping `"`: one line of ASCII letters, digits,
/// spaces and plain punctuation that starts no block, marks nothing inline and is no autolink.
/// render_markdown_inline writes such text without the parser (a national print archive has
/// tens of thousands of recommendations).
bool is_plain_inline(const std::string& markdown);

}  // namespace pepgen
