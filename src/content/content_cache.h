/// content/ and pepgen.yaml as an earlier build loaded them, kept in .pepgen-cache/konten.bin:
/// a correction to a score then does not parse forty YAML front matters again. An entry counts
/// only for the same program and the same bytes of everything below content/.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "content/content_loader.h"
#include "model/types.h"
#include "util/diagnostic.h"

namespace pepgen {

/// What loading content/ gave: the content and every message.
struct LoadedContent {
    Content content;
    Diagnostics diags;
};

/// Names what the content depends on: the program and every entry the scan found below
/// content/ (files by their bytes, folders and links by what they are) and pepgen.yaml.
std::string content_cache_key(std::string_view program, const std::map<std::string, std::uint64_t>& scan);

/// Whether what load_content read is exactly what the scan fingerprinted: every file read has the
/// scan's fingerprint, and every file the scan saw that the loader reads was read. Otherwise
/// something changed in between, and an entry under the scan's key would stand for other bytes.
bool content_reads_match(const ContentReads& reads, const std::map<std::string, std::uint64_t>& scan);

std::string encode_loaded_content(const std::string& key, const LoadedContent& loaded);
/// Nothing when the bytes were written for another key, by another format, or are damaged.
std::optional<LoadedContent> decode_loaded_content(std::string_view bytes, const std::string& key);

/// Where the entry lives and what it is looked up by (the build's round cache gives the same).
struct ContentCache {
    std::filesystem::path file;  ///< <project>/.pepgen-cache/konten.bin
    std::string program;         ///< program_identity()
    bool read = true;            ///< false for a build from scratch: content/ is loaded, the entry renewed
    /// The build's scan (project path -> fingerprint); without one, content/ is loaded and nothing kept.
    const std::map<std::string, std::uint64_t>* fingerprints = nullptr;
};

/// load_content through the cache: taken from the entry when the scan's fingerprints name it,
/// else loaded and kept when the bytes read are the scan's.
Content load_content_cached(const std::filesystem::path& root, Diagnostics& diags, const ContentCache& cache);

}  // namespace pepgen
