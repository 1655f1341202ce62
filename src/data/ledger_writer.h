/// Writes the publication ledger's files (data/terbitan/) in the layout the
/// loader reads: one release file, the correction log, archived bytes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/publication.h"

namespace pepgen {

/// A release file's text; `catalogue` orders each sheet's scores.
std::string release_json(const Release& release, const std::vector<std::string>& catalogue);

/// The correction log's text (data/terbitan/ralat.json).
std::string corrections_json(const std::vector<Correction>& corrections);

/// Keeps bytes under data/terbitan/arsip/<sha256>; an existing file (same
/// name, so same bytes) is left as it is. Empty on success, else the message.
std::string archive_bytes(const std::filesystem::path& root, const std::string& sha256, const std::string& bytes);

}  // namespace pepgen
