/// Reading the project tree: whole files with a size limit, and directory
/// listings in a fixed order so output never depends on the file system.
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "util/diagnostic.h"

namespace pepgen {

/// Inputs larger than this are refused rather than read (absurd input guard).
constexpr std::uintmax_t kMaxInputBytes = 64ull * 1024 * 1024;
/// A Markdown page body; far above any real page, and it keeps cmark-gfm's
/// slow cases (very wide tables) from turning into a hang.
constexpr std::size_t kMaxPageBytes = 1024 * 1024;
/// One text field in data/ (a name, a note, a recommendation).
constexpr std::size_t kMaxTextFieldBytes = 64 * 1024;
/// LSPs in the registry or sheets in one round: BNSP licenses about 1,821
/// LSPs in all sectors, so this only stops absurd input.
constexpr std::size_t kMaxEntries = 50000;

struct ReadResult {
    std::optional<std::string> text;
    std::string error;  ///< Indonesian, set when text is empty
};

/// Reads a whole regular file. Anything else (a folder, FIFO, device) is
/// refused without blocking on it; errors carry the system's reason.
/// The system's own words for an errno value ("No space left on device"),
/// for messages about files that could not be read or written.
std::string system_reason(int err);

ReadResult read_text_file(const std::filesystem::path& path, std::uintmax_t max_bytes = kMaxInputBytes);
/// The fingerprint (util/fingerprint.h) of what read_text_file would read, read a block at a
/// time; nothing where read_text_file gives no text.
std::optional<std::uint64_t> fingerprint_text_file(const std::filesystem::path& path,
                                                   std::uintmax_t max_bytes = kMaxInputBytes);

/// Reads an input of the project at root; refused when the path leads out of
/// the project through a symlink, so nothing outside it gets published.
ReadResult read_project_file(const std::filesystem::path& root, const std::filesystem::path& path,
                             std::uintmax_t max_bytes = kMaxInputBytes);

/// A text input of the project (read_project_file), reported against its
/// path unless it is clean UTF-8 text (find_text_fault: line and column of
/// the first bad byte or character). A leading BOM is allowed and kept.
std::optional<std::string> read_input_text(const std::filesystem::path& root, const std::filesystem::path& path,
                                           Diagnostics& diags, std::uintmax_t max_bytes = kMaxInputBytes);
/// The same checks on text already read from that input (read_project_file): the caller that read
/// it to look it up (a cache) hands it on, so what is checked and parsed is exactly what was looked up.
std::optional<std::string> check_input_text(const std::filesystem::path& root, const std::filesystem::path& path,
                                            std::string text, Diagnostics& diags);

/// Where p really leads when that is outside root (through a symlink on the
/// way), or nothing when it stays inside.
std::optional<std::filesystem::path> leaves_project(const std::filesystem::path& root, const std::filesystem::path& p);

/// Remembers folders by device and inode while a walk follows linked folders: a folder met a
/// second time (a link back up, or two links to one folder) is not entered again.
class FolderVisits {
public:
    /// True the first time this folder (wherever its path leads) is met; false after, or when it cannot be looked at.
    bool first(const std::filesystem::path& dir);

private:
    std::set<std::pair<std::uint64_t, std::uint64_t>> seen_;
};

/// Whether anything is at p, a dangling symlink included (so it gets read and
/// reported instead of being taken for absent).
bool entry_exists(const std::filesystem::path& p);

/// Files directly in dir whose name ends with ext (hidden ones aside), sorted
/// by name. An absent dir gives none; a dir that is not a readable folder, or
/// an entry so named that is not a regular file (folder, FIFO, dangling
/// symlink), is reported as an error against its path relative to root.
std::vector<std::filesystem::path> list_files(const std::filesystem::path& root, const std::filesystem::path& dir,
                                              const std::string& ext, Diagnostics& diags);

/// Path of p relative to root, with forward slashes, for messages.
std::string display_path(const std::filesystem::path& root, const std::filesystem::path& p);

/// Writes an entry of pepgen's cache (.pepgen-cache/), replacing the earlier one at once (write,
/// then rename), only inside real folders of pepgen's own making (`dirs`, each made if missing):
/// never through a link, never over a user's file. No fsync: a torn entry must fail its own check.
/// The temporary name carries the pid, so a killed build's leftovers can be told from a running one's.
/// A cache that cannot be written is no error: nothing is reported.
void write_cache_file(std::initializer_list<std::filesystem::path> dirs, const std::filesystem::path& target,
                      const std::string& bytes);
/// Reads an entry of pepgen's cache by the same rule: only when every one of `dirs` is a real folder
/// and `file` a regular file, none of them a link (a planted link could stand in for any file).
std::optional<std::string> read_cache_file(std::initializer_list<std::filesystem::path> dirs,
                                           const std::filesystem::path& file);
/// The same into `buffer`, whose memory is reused: a correction reads eleven ~1 MB round entries,
/// and fresh memory for each costs more than reading them. False when there is no entry to take.
bool read_cache_file_into(std::initializer_list<std::filesystem::path> dirs, const std::filesystem::path& file,
                          std::string& buffer);

}  // namespace pepgen
