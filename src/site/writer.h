/// The only code that touches the output directory. A build is written to a
/// staging directory beside the output and swapped in with one atomic
/// rename, so readers and a failed build only ever see a whole site.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace pepgen {

struct OutputEntry {
    std::string path;                 ///< relative, forward slashes
    std::string bytes;                ///< content, when source is empty
    std::filesystem::path source;     ///< file to copy as it is (theme assets)
};

/// Name of the list of files pepgen wrote, kept in the output directory so
/// the next build knows which files are its own and which belong to the user.
inline constexpr const char* kManifestName = ".pepgen-manifest";

/// Publishes entries as the new content of `output`. Files in the old output
/// that pepgen did not write (CNAME, .git, ...) are carried over untouched;
/// a new file that would replace one of them is an error. On any error the
/// old output is left exactly as it was and false is returned.
bool publish_site(const std::filesystem::path& output, const std::vector<OutputEntry>& entries, Diagnostics& diags);

/// Refuses output directories that would destroy the project: the root
/// itself, content/, data/, themes/, anything containing them, or "/".
bool check_output_location(const std::filesystem::path& root, const std::filesystem::path& output,
                           Diagnostics& diags);

}  // namespace pepgen
