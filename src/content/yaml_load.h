/// Loads the YAML of front matter, pepgen.yaml and statistics blocks, first
/// refusing what yaml-cpp would let pass: a key repeated in one map, aliases,
/// nesting past a fixed depth and forbidden characters written as escapes.
#pragma once

#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "util/diagnostic.h"

namespace pepgen {

/// Deepest nesting of maps and lists accepted (as for JSON data).
constexpr int kMaxYamlDepth = 64;

/// Parses text; every problem is reported against `file`, with line_base the
/// file line of the text's first line and `label` opening each message
/// ("YAML front matter"). Returns nothing when anything was reported.
std::optional<YAML::Node> load_yaml(const std::string& text, const std::string& file, int line_base,
                                    const std::string& label, Diagnostics& diags);

}  // namespace pepgen
