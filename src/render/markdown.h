/// Markdown to HTML with cmark-gfm (tables, strikethrough, autolinks).
/// Raw HTML is never passed through and unsafe URLs are dropped, so text
/// from data or content cannot inject markup.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace pepgen {

/// Returns the HTML of the index-th embed block of the document.
using EmbedRenderer = std::function<std::string(std::size_t index)>;

/// Block Markdown to HTML. Relative links ending in '/' get 'index.html'
/// appended so that the site also works opened from disk. With an embed
/// renderer, each ```statistik block is replaced by what it returns.
std::string render_markdown(const std::string& markdown, const EmbedRenderer& embeds = {});

/// The text of a Markdown document without markup (for the search index).
std::string markdown_plain_text(const std::string& markdown);

/// A one-paragraph text (a recommendation, a rubric criterion) without the
/// surrounding <p>; falls back to block output when it has several blocks.
std::string render_markdown_inline(const std::string& markdown);

}  // namespace pepgen
