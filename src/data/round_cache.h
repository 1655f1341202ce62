/// Round files as an earlier build parsed and checked them, kept in the
/// project's .pepgen-cache/ so that a correction to one round does not read
/// every other round again. An entry counts only for the same bytes, the same
/// indicator catalogue and the same program, and gives back the file's messages too.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/types.h"
#include "util/diagnostic.h"

namespace pepgen {

/// The project's cache folder, beside content/ and data/; never published, safe to delete.
inline constexpr const char* kRoundCacheDir = ".pepgen-cache";

/// Where entries live and which program wrote them.
struct RoundCache {
    std::filesystem::path dir;  ///< <project>/.pepgen-cache/penilaian
    std::string program;        ///< program_identity(): another build of pepgen never reads these entries
    /// false for a build from scratch (--penuh, and the reference build of --verifikasi):
    /// every file is read again, and the entries are renewed from what was read.
    bool read = true;
    /// The build's scan of the inputs (project path -> fingerprint of the bytes): an entry is
    /// looked up by it without reading the file. Entries are kept only under the fingerprint of
    /// the bytes actually read, so an entry never stands for other bytes than its own.
    const std::map<std::string, std::uint64_t>* fingerprints = nullptr;
};

/// What loading one round file gave: the round (none when it had errors) and every message.
struct LoadedRound {
    std::optional<Round> round;
    Diagnostics diags;
};

/// Names exactly what a loaded round depends on: the program, the catalogue's codes in order, the
/// file's bytes (by their fingerprint, util/fingerprint.h, as scan_inputs takes it).
std::string round_cache_key(std::string_view program, const std::vector<Indicator>& catalogue,
                            std::uint64_t content);

std::string encode_loaded_round(const std::string& key, const LoadedRound& loaded);
/// Nothing when the bytes were written for another key, by another format, or are damaged.
std::optional<LoadedRound> decode_loaded_round(std::string_view bytes, const std::string& key);

/// The entry for a round file (by its name), if one was kept for this key.
std::optional<LoadedRound> find_cached_round(const RoundCache& cache, const std::string& file_name,
                                             const std::string& key);
/// Keeps an entry, replacing the file's earlier one at once (write, then rename). A
/// cache that cannot be written is no error: the next build reads the file again.
void keep_cached_round(const RoundCache& cache, const std::string& file_name, const std::string& key,
                       const LoadedRound& loaded);

/// The registry (data/lsp.json) as an earlier build read and checked it: every LSP it
/// accepted and every message, kept beside the round entries (.pepgen-cache/lsp.bin).
struct LoadedRegistry {
    bool loaded = false;  ///< Data::registry_loaded
    std::vector<Lsp> lsps;
    Diagnostics diags;
};
/// The program and the file's bytes: nothing else goes into reading the registry.
std::string registry_cache_key(std::string_view program, std::uint64_t content);
std::string encode_loaded_registry(const std::string& key, const LoadedRegistry& loaded);
std::optional<LoadedRegistry> decode_loaded_registry(std::string_view bytes, const std::string& key);
std::optional<LoadedRegistry> find_cached_registry(const RoundCache& cache, const std::string& key);
void keep_cached_registry(const RoundCache& cache, const std::string& key, const LoadedRegistry& loaded);

/// Removes entries of round files that are gone and what a killed build left half
/// written (a temporary file whose process no longer runs).
void tidy_round_cache(const RoundCache& cache, const std::vector<std::string>& file_names);

}  // namespace pepgen
