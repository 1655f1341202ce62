/// A theme directory: Mustache page templates, partials and a layout, all
/// compiled once, plus static assets copied as they are.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/diagnostic.h"

namespace pepgen {

namespace mustache = kainjow::mustache;

class Theme {
public:
    /// Loads themes/<name>/templates/*.mustache, templates/partials/*.mustache
    /// and lists themes/<name>/assets/. Reports every template that fails to parse.
    static std::unique_ptr<Theme> load(const std::filesystem::path& root, const std::string& name,
                                       Diagnostics& diags);

    bool has_template(const std::string& name) const { return templates_.count(name) > 0; }

    /// Renders page template `name` with `context`, then the layout around it
    /// (the page's HTML is given to the layout as {{{content}}}).
    std::string render_page(const std::string& name, const mustache::data& context) const;

    /// Asset files: path relative to assets/ -> absolute source path.
    const std::map<std::string, std::filesystem::path>& assets() const { return assets_; }

private:
    std::string render(const std::string& source, const mustache::data& context) const;

    std::map<std::string, std::string> templates_;  ///< name -> source
    std::map<std::string, std::string> partials_;
    std::map<std::string, mustache::data> partial_data_;
    std::map<std::string, std::filesystem::path> assets_;
};

}  // namespace pepgen
