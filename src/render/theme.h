/// A theme directory: Mustache page templates, partials and a layout, plus
/// static assets copied as they are. Partials are inlined when the theme is
/// loaded and every template is parsed once; each rendering thread renders
/// its own copy of the parsed tree (kainjow's render is not const).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "util/diagnostic.h"
#include "render/value.h"
#include "util/made_part.h"

namespace kainjow::mustache {
template <typename StringType>
class basic_mustache;
}

namespace pepgen {

/// How a page's long list is cut into parts: every section over `list` (a round's table of
/// thousands of LSPs) is made `rows` rows at a time, each run keyed by what it shows.
struct ListParts {
    std::string list;
    std::size_t rows = 32;
    /// What else every key depends on: the templates, the program and the site's inputs.
    std::uint64_t seed = 0;
    KeptPart kept;  ///< what need not be rendered
};

class Theme {
public:
    /// Loads themes/<name>/templates/*.mustache, templates/partials/*.mustache
    /// and lists themes/<name>/assets/. Reports every template that fails.
    static std::unique_ptr<Theme> load(const std::filesystem::path& root, const std::string& name,
                                       Diagnostics& diags);

    bool has_template(const std::string& name) const { return templates_.count(name) > 0; }

    /// Renders page template `name` with `context`, then the layout around it
    /// (the page's HTML is given to the layout as {{{content}}}). Thread-safe.
    std::string render_page(const std::string& name, const Value& context) const;
    /// The same page as render_page, byte for byte once the parts are joined (kept parts
    /// taken from the previous file), with only the parts `how.kept` does not have rendered.
    /// The first and last run of a list are always made, as is everything around the lists.
    /// A template whose rows cannot be told apart in the output (a row without a line
    /// break, a list named inside itself, two sections over the list, other delimiters)
    /// gets one part: the whole page.
    std::vector<MadePart> render_page_in_parts(const std::string& name, const Value& context,
                                               const ListParts& how) const;
    /// Renders template `name` alone, without the layout (sitemap.xml, feed.xml). Thread-safe.
    std::string render_document(const std::string& name, const Value& context) const {
        return render(name, context, nullptr);
    }

    /// Asset files: path relative to assets/ -> absolute source path.
    const std::map<std::string, std::filesystem::path>& assets() const { return assets_; }

    /// Identifies the templates' text, so a build can tell when they changed.
    const std::string& fingerprint() const { return fingerprint_; }

    /// A template's text with its partials inlined, as it is compiled (for bench/render_floor and page keys).
    const std::string& source(const std::string& name) const { return templates_.at(name); }
    /// Every template, by name, with its partials inlined.
    const std::map<std::string, std::string>& sources() const { return templates_; }

    /// render_page renders the layout with this mark as {{{content}}}, then
    /// splice_body puts the page's HTML wherever the mark came out.
    static const std::string& content_mark();
    static std::string splice_body(const std::string& frame, const std::string& body);

    struct ListTracker;

private:
    std::string render(const std::string& name, const Value& context, const std::string* content,
                       ListTracker* tracker = nullptr) const;

    std::map<std::string, std::string> templates_;  ///< name -> source with partials inlined
    std::map<std::string, std::shared_ptr<const kainjow::mustache::basic_mustache<std::string>>> parsed_;
    std::map<std::string, std::filesystem::path> assets_;
    std::string fingerprint_;
    std::size_t id_ = 0;  ///< distinguishes themes in the per-thread template cache
};

}  // namespace pepgen
