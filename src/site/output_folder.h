/// Which folders pepgen may build into, and one build at a time per folder.
/// pepgen publishes into a folder that is missing, empty, one it built before
/// (its manifest says so), or one that holds only what a static host keeps
/// beside a site; anything else belongs to someone and is refused.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <optional>
#include <string_view>

#include "util/diagnostic.h"
#include "site/disk.h"

namespace pepgen {

/// Top-level names a static host keeps beside a site: a git checkout of the
/// publishing branch, GitHub/Codeberg Pages settings, ACME and other
/// well-known files. pepgen never writes to them and leaves them as they are.
const std::vector<std::string>& host_kept_names();

/// Names of pepgen's own bookkeeping in an output folder (manifest, staging).
bool is_pepgen_entry(const std::string& name);

/// The top-level entry a commit marker's "W<TAB>name" line moves whole from the staged tree into
/// the output (a first build's), or nothing: for any other line, and for a name that is not one
/// plain top-level name, is pepgen's own or a host's. The writer's commit and OutputFolder read
/// the marker through this one function.
std::optional<std::string> whole_move_name(std::string_view line);

/// The top-level entries of a folder without a manifest that stop a build:
/// everything but host_kept_names() and pepgen's own entries. Sorted.
std::vector<std::string> foreign_entries(std::vector<std::string> names);

/// The output folder, held for one build: resolved through a symlink,
/// created if missing (and removed again if the build publishes nothing),
/// and locked so a second build into it waits for nobody and is refused.
class OutputFolder {
public:
    /// Refuses (with diagnostics naming `shown`) a path that is not a folder,
    /// a folder marked read-only, a folder of someone else's files, or one
    /// another build holds.
    static std::unique_ptr<OutputFolder> open(Disk& disk, const std::filesystem::path& output,
                                              const std::string& shown, Diagnostics& diags);
    ~OutputFolder();
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }
    /// The build published: folders it created are the site's now.
    void keep() { created_.clear(); }

private:
    explicit OutputFolder(Disk& disk) : disk_(disk) {}
    Disk& disk_;
    std::filesystem::path path_;
    std::vector<std::filesystem::path> created_;  ///< folders made for this build, outermost first
    std::unique_ptr<Disk::Lock> lock_;
};

/// Resolves the output as given on the command line: "site/" and "site/."
/// name the folder itself, and a symlink is followed to the folder it names.
std::filesystem::path resolve_output_path(Disk& disk, const std::filesystem::path& output);

}  // namespace pepgen
