/// The only code that touches the output directory. A build is written to a
/// staging directory beside the output and swapped in with one atomic
/// rename, so readers and a failed build only ever see a whole site. A file
/// whose bytes did not change is hard-linked from the previous build rather
/// than written, so it keeps its modification time and uploads skip it.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace pepgen {

/// Name of the list of files pepgen wrote, kept in the output directory so
/// the next build knows which files are its own and which belong to the user.
inline constexpr const char* kManifestName = ".pepgen-manifest";

/// A fast 64-bit content fingerprint for change detection (not security).
std::uint64_t fingerprint(std::string_view bytes, std::uint64_t seed = 1469598103934665603ull);

class SiteWriter {
public:
    /// Prepares the staging directory and reads the previous build's manifest.
    static std::unique_ptr<SiteWriter> begin(const std::filesystem::path& output, Diagnostics& diags);
    ~SiteWriter();

    /// The input fingerprint recorded by the previous build ("" if none).
    const std::string& previous_inputs() const { return previous_inputs_; }
    /// True when the previous build's files are all still in place.
    bool previous_intact() const;

    /// If the previous build wrote `path` from inputs with this key, links it
    /// into the new site and returns true: the caller need not render it.
    /// Thread-safe.
    bool reuse(const std::string& path, const std::string& key);
    /// The second chance, once a page's data is made: if the previous build
    /// rendered `path` from the same data (content_key), links it and records
    /// it under the new input key. Thread-safe.
    bool reuse_content(const std::string& path, const std::string& key, const std::string& content_key);
    /// Writes (or links, when the bytes are unchanged) one file. Thread-safe.
    /// A page's key may be "<input key>|<content key>" (see reuse_content).
    bool write(const std::string& path, const std::string& bytes, const std::string& key = {});
    /// The same for a large file made of parts: each part is made and written
    /// in turn, so the file never exists as one string. Parts are fingerprinted
    /// one by one: the same parts (as the same data make) keep the previous file. Thread-safe.
    bool write_parts(const std::string& path, const std::vector<std::function<std::string()>>& parts,
                     const std::string& key = {});

    /// Carries over the user's own files, writes the manifest and swaps the
    /// new site in. On failure the old output is untouched.
    bool commit(const std::string& inputs, Diagnostics& diags);

    std::size_t written() const { return written_; }
    std::size_t linked() const { return linked_; }

private:
    struct Entry {
        std::uint64_t hash = 0;
        std::string key;
    };
    SiteWriter() = default;
    bool link_previous(const std::string& path);
    /// Links the previous build's file and records it under `entry`.
    bool keep_previous(const std::string& path, Entry entry);
    /// Records `path` as part of the new site; false (and an error) if it already is.
    bool record(const std::string& path, Entry entry);
    /// True (and an error) for a path that must not be written.
    bool refuse_unsafe(const std::string& path);
    /// The previous build wrote the same bytes to `path`, and its file is still there.
    bool same_as_previous(const std::string& path, std::uint64_t hash, std::uintmax_t size) const;
    void fail(const std::string& path, const std::string& message);

    std::filesystem::path output_, staging_;
    std::map<std::string, Entry> previous_;
    std::string previous_inputs_;
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;
    std::vector<std::pair<std::string, std::string>> errors_;
    std::size_t written_ = 0, linked_ = 0;
    bool committed_ = false;
};

/// Refuses output directories that would destroy the project: the root
/// itself, content/, data/, themes/, anything containing them, or "/".
bool check_output_location(const std::filesystem::path& root, const std::filesystem::path& output,
                           Diagnostics& diags);

/// Relative, no "..", no absolute or empty parts: safe to join to the output.
bool is_safe_relative_path(const std::string& p);

}  // namespace pepgen
