/// What the last scan of the inputs found of each file (its stamp and fingerprint), so
/// that a build reads again only the files whose stamp changed. Kept in .pepgen-cache/masukan.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>

#include "site/manifest.h"

namespace pepgen {

struct InputMemo {
    std::filesystem::path file;  ///< where it is kept; empty: every file is read
    bool trust = true;           ///< false: every file is read again, and the memo renewed (--penuh)
    /// A file changed less than this before it was looked at is not remembered: a second change
    /// within the same tick of the file system's clock would leave its stamp as it was.
    std::chrono::seconds settle{3};
};

struct MemoEntry {
    FileStamp stamp;
    std::uint64_t hash = 0;
    bool operator==(const MemoEntry&) const = default;
};

/// Project-relative path -> entry; empty when the memo is missing, damaged or of another format.
std::unordered_map<std::string, MemoEntry> read_input_memo(const std::filesystem::path& file);
/// Replaces the memo at once (write_cache_file: never through a link, only into a real .pepgen-cache/).
void write_input_memo(const std::filesystem::path& file, const std::map<std::string, MemoEntry>& entries);

}  // namespace pepgen
