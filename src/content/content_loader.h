/// Loads content/ (guidance pages, indicator files, category table, home
/// text) and pepgen.yaml into plain values. Checks each file's own shape;
/// cross-file rules live in validate/.
#pragma once

#include <filesystem>

#include "util/diagnostic.h"
#include "model/types.h"

namespace pepgen {

Content load_content(const std::filesystem::path& root, Diagnostics& diags);

}  // namespace pepgen
