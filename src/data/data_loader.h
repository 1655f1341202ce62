/// Loads data/ (meta flag, LSP registry, one file per evaluation round) into
/// plain values. Checks each file's own shape; cross-file rules live in validate/.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "util/diagnostic.h"
#include "data/round_cache.h"
#include "model/types.h"

namespace pepgen {

/// Scores are read against `catalogue` (the loaded indicators): each lands at
/// its indicator's position, unknown codes are kept apart for validation.
/// With a cache, a round file an earlier build read in the same bytes is taken from it.
Data load_data(const std::filesystem::path& root, const std::vector<Indicator>& catalogue, Diagnostics& diags,
               const RoundCache* cache = nullptr);

/// The registry alone (data/lsp.json), for commands that need no rounds.
std::vector<Lsp> load_registry(const std::filesystem::path& root, Diagnostics& diags);

/// One round file: read from disk, or `text`, its bytes as the caller already read them.
std::optional<Round> load_round(const std::filesystem::path& root, const std::filesystem::path& path,
                                const std::vector<Indicator>& catalogue, Diagnostics& diags,
                                std::optional<std::string> text = std::nullopt);

/// load_round without its one-pass reader: `text` always through the JSON tree (tests hold the two to
/// the same result).
std::optional<Round> load_round_by_tree(const std::filesystem::path& root, const std::filesystem::path& path,
                                        const std::vector<Indicator>& catalogue, Diagnostics& diags, std::string text);

/// A round's period: four-digit year, a hyphen, then a slug ("2026-1", "2026-i1").
bool is_period(const std::string& s);
/// The kind a period code names: "2027-i1" (an i after the year) is incidental, any other routine.
RoundKind kind_of_period(const std::string& period);

}  // namespace pepgen
