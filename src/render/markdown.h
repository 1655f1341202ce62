/// Markdown to HTML with cmark-gfm (tables, strikethrough, autolinks).
/// Raw HTML is never passed through and unsafe URLs are dropped, so text
/// from data or content cannot inject markup.
#pragma once

#include <string>

namespace pepgen {

/// Block Markdown to HTML. Relative links ending in '/' get 'index.html'
/// appended so that the site also works opened from disk.
std::string render_markdown(const std::string& markdown);

/// A one-paragraph text (a recommendation, a rubric criterion) without the
/// surrounding <p>; falls back to block output when it has several blocks.
std::string render_markdown_inline(const std::string& markdown);

}  // namespace pepgen
