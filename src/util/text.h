/// Small text helpers used across stages: UTF-8 checks, slugs, escaping.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pepgen {

/// True when s is well-formed UTF-8 (no overlongs, no surrogates, no NUL).
bool is_valid_utf8(std::string_view s);
/// Offset of the first byte that breaks is_valid_utf8 (a NUL or an ill-formed
/// sequence), or npos: lets a message name the line.
std::size_t invalid_utf8_offset(std::string_view s);

/// Length of the well-formed UTF-8 sequence starting at s[i] and its code
/// point, or 0 when the bytes there are not one (overlong, surrogate, cut off).
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp);

/// Characters no input text may carry, because some output format (XML 1.0
/// above all) cannot hold them: controls other than tab, newline and CR
/// (C0, DEL, C1) and the Unicode noncharacters (U+FDD0..U+FDEF, U+xFFFE/F).
bool is_forbidden_char(char32_t cp);

/// The first thing in s that is not clean text: invalid UTF-8 (NUL
/// included) or a forbidden character, with where it starts.
struct TextFault {
    enum Kind { invalid_utf8, forbidden_char } kind;
    std::size_t offset;  ///< byte offset in s
    int line;            ///< 1-based
    int column;          ///< 1-based, in characters
    char32_t cp = 0;     ///< the character, for forbidden_char
};
std::optional<TextFault> find_text_fault(std::string_view s);
/// Indonesian description of a fault, with column and what to do (the line
/// goes to the diagnostic's own line field).
std::string describe_text_fault(const TextFault& fault);

/// Lowercase letters, digits and single hyphens between them: "lsp-contoh-07".
bool is_slug(std::string_view s);
constexpr std::size_t kMaxSlugLength = 100;
/// Why s is not a slug, in Indonesian ("terlalu panjang ...", "hanya boleh
/// berisi ..."), for messages that start "<what> 'value' "; empty when it is.
std::string slug_problem(std::string_view s);

/// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view s);

/// Escapes for XML 1.0 text; drops characters XML forbids and bytes that
/// are not UTF-8, so the result is always well-formed character data.
std::string xml_escape(std::string_view s);

std::string to_lower_ascii(std::string_view s);
std::string to_upper_ascii(std::string_view s);
std::string trim(std::string_view s);

/// True for a real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view s);
/// The date `days` days after a YYYY-MM-DD date (before it when negative).
std::string add_days(std::string_view iso, int days);

/// An absolute http(s) address ending in '/', or nothing with `error` set.
std::optional<std::string> normalize_base_url(const std::string& url, std::string& error);

/// 1-based line number of a byte offset in text.
int line_of_offset(std::string_view text, std::size_t offset);

/// The candidate nearest to `word` by edit distance (ASCII case ignored),
/// when it is close enough to be a likely typo: at most a third of the
/// word's length, and at least one edit allowed. Nothing when two candidates
/// are equally near: a guess between them would mislead.
std::optional<std::string> nearest_match(std::string_view word, const std::vector<std::string>& candidates);
/// "; mungkin maksudnya X?" for the nearest_match, to end a message naming an unknown word; else empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace pepgen
