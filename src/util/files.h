/// Reading the project tree: whole files with a size limit, and directory
/// listings in a fixed order so output never depends on the file system.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

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

ReadResult read_text_file(const std::filesystem::path& path, std::uintmax_t max_bytes = kMaxInputBytes);

/// Regular files directly in dir whose name ends with ext, sorted by name.
std::vector<std::filesystem::path> list_files(const std::filesystem::path& dir, const std::string& ext);

/// Path of p relative to root, with forward slashes, for messages.
std::string display_path(const std::filesystem::path& root, const std::filesystem::path& p);

}  // namespace pepgen
