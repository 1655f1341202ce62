/// Loads the publication ledger (data/terbitan/): release files, the
/// correction log and the archived bytes of every released data file.
#pragma once

#include <filesystem>

#include "model/types.h"
#include "util/diagnostic.h"

namespace pepgen {

/// Absent folder: an empty ledger (nothing published yet). Each file's own
/// shape is checked here; how the files agree with each other and with the
/// rounds is validate_ledger's work.
Ledger load_ledger(const std::filesystem::path& root, Diagnostics& diags);

/// A release's file name: rilis-001.json.
std::string release_file_name(int number);

/// A released data file's site path: "data/" and lower-case names, never
/// under data/versi/ (where archived versions are published).
bool is_archivable_path(const std::string& path);

}  // namespace pepgen
