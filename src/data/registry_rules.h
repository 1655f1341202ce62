/// What makes one registry entry acceptable, wherever it comes from (data/lsp.json
/// or the registry workbook): the loader and the workbook import apply the same
/// rules, so an import can never write a registry the build refuses.
#pragma once

#include <string>
#include <vector>

#include "model/types.h"

namespace pepgen {

struct FieldProblem {
    std::string field;    ///< the JSON field name ("jenis", "lisensi_terbit")
    std::string message;  ///< Indonesian, starting with the field ("jenis 'P4' tidak dikenal; …")
    bool error = true;    ///< false: a warning
};

/// Problems of one entry's values (required fields absent are the reader's to report).
std::vector<FieldProblem> lsp_problems(const Lsp& lsp);

}  // namespace pepgen
