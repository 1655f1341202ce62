/// Writes the LSP registry back to data/lsp.json, fields in the file's own
/// order, optional ones left out when empty: the same registry, the same bytes.
#pragma once

#include <string>
#include <vector>

#include "model/types.h"

namespace pepgen {

std::string registry_json(const std::vector<Lsp>& lsps);

}  // namespace pepgen
