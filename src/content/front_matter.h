/// Splits a Markdown file into its YAML front matter (between `---` lines)
/// and body, and reads typed fields from the YAML with located diagnostics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "util/diagnostic.h"

namespace pepgen {

struct FrontMatterDoc {
    YAML::Node meta;        ///< always a map when returned
    std::string body;       ///< the Markdown after the closing `---`
    int meta_line = 2;      ///< file line of the first YAML line
    int body_line = 1;      ///< file line of the first body line
};

/// Reports malformed or missing front matter against `file` and returns nothing.
std::optional<FrontMatterDoc> split_front_matter(const std::string& text, const std::string& file,
                                                 Diagnostics& diags);

/// Reads fields of one YAML map, reporting each problem with its file line.
class FieldReader {
public:
    FieldReader(const YAML::Node& map, std::string file, int line_base, Diagnostics& diags,
                std::string context = {});

    std::optional<std::string> text(const std::string& key, bool required);
    std::optional<int> integer(const std::string& key, bool required);
    std::optional<bool> boolean(const std::string& key, bool required);
    /// A list of scalar strings; missing gives an empty list (or an error if required).
    std::vector<std::string> text_list(const std::string& key, bool required);
    /// The node of a list of maps; invalid node when missing or not a list.
    YAML::Node map_list(const std::string& key, bool required);

    /// A reader over a nested map, sharing this reader's file and diagnostics.
    FieldReader nested(const YAML::Node& map, std::string context) const;

    /// File line of a node (for nested readers).
    int line_of(const YAML::Node& node) const;
    int line_base() const { return line_base_; }
    void error(const YAML::Node& at, const std::string& message);
    const std::string& file() const { return file_; }

private:
    std::string where(const std::string& key) const;
    YAML::Node get(const std::string& key, bool required);

    YAML::Node map_;
    std::string file_;
    int line_base_;
    Diagnostics& diags_;
    std::string context_;
};

}  // namespace pepgen
