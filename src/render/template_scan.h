/// Which names a Mustache template looks up inside the sections over one list: what a
/// piece of a long list can read besides its own rows (Theme::render_page_in_parts).
#pragma once

#include <optional>
#include <set>
#include <string>

namespace pepgen {

/// The first segment of every name looked up inside the section `{{#list}}` (at any
/// depth), partials already inlined. Nothing when the template has more than one such
/// section, changes delimiters, names `list` inside it, or cannot be read as tags: the
/// caller then renders the list whole.
std::optional<std::set<std::string>> names_inside_sections(const std::string& source, const std::string& list);

}  // namespace pepgen
