/// Loads content/ (guidance pages, indicator files, category table, home
/// text) and pepgen.yaml into plain values. Checks each file's own shape;
/// cross-file rules live in validate/.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "util/diagnostic.h"
#include "model/types.h"

namespace pepgen {

/// What one load_content read, file by file: lets a cache keep what was loaded
/// under exactly the bytes it came from (content/content_cache.h).
class ContentReads {
public:
    /// A file read (project path, fingerprint of its bytes), or one that could not be read.
    void note(std::string file, std::optional<std::uint64_t> bytes);
    const std::map<std::string, std::uint64_t>& files() const { return files_; }
    bool unreadable() const { return unreadable_; }

private:
    std::mutex mutex_;
    std::map<std::string, std::uint64_t> files_;
    bool unreadable_ = false;
};

Content load_content(const std::filesystem::path& root, Diagnostics& diags, ContentReads* reads = nullptr);

}  // namespace pepgen
