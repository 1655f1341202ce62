/// The record pepgen keeps in an output folder of the files it wrote: each
/// file's content hash and input keys, and what the file looked like on disk
/// when pepgen left it, so the next build can tell a file it may trust from
/// one that was changed behind its back.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

struct stat;  // <sys/stat.h>

namespace pepgen {

/// Name of the manifest, kept in the output folder.
inline constexpr const char* kManifestName = ".pepgen-manifest";
/// The folder in the output where a build stages its files (see SiteWriter).
inline constexpr const char* kStagingName = ".pepgen-staging";
/// Written into the staging folder once every file of a build is staged: from
/// then on the commit is decided, and a build killed during it is finished by
/// the next one. It lists the previous build's files that are to go.
inline constexpr const char* kCommitMarker = ".pepgen-commit";

/// What stat() said of a file: any change to its bytes changes one of these
/// (a rewrite changes the inode or ctime even when size and mtime are forged).
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    bool operator==(const FileStamp&) const = default;
};

struct ManifestEntry {
    std::uint64_t hash = 0;
    std::string key;                  ///< "<input key>" or "<input key>|<content key>"; may be empty
    std::optional<FileStamp> stamp;   ///< absent in older manifests: the file is then re-read
    /// Where read_manifest found the entry's line in Manifest::text (with its newline); size 0 otherwise.
    std::uint32_t line_at = 0, line_size = 0;
};

struct Manifest {
    std::string inputs;  ///< fingerprint of every input of the build that wrote it
    std::map<std::string, ManifestEntry> files;
    /// The text read_manifest parsed, kept so that the next manifest copies the lines of entries
    /// that did not change instead of writing them again (format_manifest); empty otherwise.
    std::string text{};
};

/// Reads a manifest. Lines it cannot use (a damaged or hand-edited file, a
/// path that is absolute or climbs out with "..") are skipped: such a path is
/// then simply not pepgen's, so nothing outside the folder is ever touched.
Manifest parse_manifest(std::string_view text);
/// The same, keeping the text and where each entry's line lies in it (for format_manifest).
Manifest read_manifest(std::string text);
/// Only the input fingerprint of a manifest (parse_manifest(text).inputs), read from its header
/// without going through the thousands of lines after it.
std::string manifest_inputs(std::string_view text);
/// The manifest's text. With `previous` (read by read_manifest), an entry equal to the previous
/// manifest's entry for the same path is written as the line that entry was read from: a
/// correction's build keeps thousands of entries and changes a few dozen. Such a line reads back
/// as the same entry (parse_manifest read it so), so the text always reads back as `manifest`.
std::string format_manifest(const Manifest& manifest, const Manifest* previous = nullptr);

/// The stamp of a regular file that is not a symlink; nullopt otherwise.
std::optional<FileStamp> stamp_of(const char* path);
/// The same from an lstat already made (one system call, not two).
FileStamp stamp_of(const struct stat& st);

}  // namespace pepgen
