/// Small text helpers used across stages: UTF-8 checks, slugs, escaping.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pepgen {

/// True when s is well-formed UTF-8 (no overlongs, no surrogates, no NUL).
bool is_valid_utf8(std::string_view s);
/// Offset of the first byte that breaks is_valid_utf8 (a NUL or an ill-formed
/// sequence), or npos: lets a message name the line.
std::size_t invalid_utf8_offset(std::string_view s);

/// Lowercase letters, digits and single hyphens between them: "lsp-contoh-07".
bool is_slug(std::string_view s);

/// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view s);

/// Escapes for XML 1.0 text; drops characters XML forbids.
std::string xml_escape(std::string_view s);

std::string to_lower_ascii(std::string_view s);
std::string to_upper_ascii(std::string_view s);
std::string trim(std::string_view s);

/// True for a real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view s);

/// An absolute http(s) address ending in '/', or nothing with `error` set.
std::optional<std::string> normalize_base_url(const std::string& url, std::string& error);

/// 1-based line number of a byte offset in text.
int line_of_offset(std::string_view text, std::size_t offset);

}  // namespace pepgen
