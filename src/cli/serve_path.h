/// Which file of the built site a preview request names: the request target
/// decoded and checked (pure), then opened inside the site without following
/// any symlink, so that no request can reach a file outside it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pepgen {

/// The site-relative file a request target names: "/" -> "index.html",
/// "/lsp/a/?x=1" -> "lsp/a/index.html", "/%61ssets/style.css" -> "assets/style.css".
/// nullopt for any target that is not a plain path or that could lead out of
/// the site, whatever its encoding: not starting with '/' (absolute URLs, '*'),
/// a malformed %-escape, a decoded NUL, control character or backslash, an
/// empty segment ("//etc/passwd", "%2f"), a segment starting with '.' ('.',
/// '..', and hidden files such as the manifest, which a built site never
/// publishes). Decoded exactly once: "%252e" names a file called "%2e".
/// The result is never empty, never absolute, and has none of those segments.
std::optional<std::string> resolve_request_target(std::string_view target);

struct SiteFile {
    std::string name;   ///< the file actually read: "index.html" when rel named a folder
    std::string bytes;
};

/// Reads rel (a result of resolve_request_target) under site. Every component
/// is opened relative to the one before with O_NOFOLLOW, so a symlink anywhere
/// in the site (to a file or a folder, inside or outside) is never followed;
/// only regular files are read, and a folder yields its index.html.
/// nullopt when there is no such file.
std::optional<SiteFile> read_site_file(const std::filesystem::path& site, const std::string& rel);

}  // namespace pepgen
