/// The only code that changes an output folder. Pages are rendered into a
/// staging folder inside it; only once the whole build has succeeded are the
/// changed files moved into place, each with one rename, and the files of the
/// previous build that are gone removed. Into a folder pepgen has not built
/// before, the site is staged as its own tree and each top-level entry moved whole. Files whose bytes did not change are
/// not touched (same inode and mtime, so uploads skip them), and nothing that
/// is not pepgen's (a git checkout, CNAME, ...) is ever moved, changed or removed.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "util/diagnostic.h"
#include "site/disk.h"
#include "site/part_stream.h"
#include "util/fingerprint.h"
#include "site/manifest.h"

namespace pepgen {

class DiscardBin;
class OutputFolder;
class OutputSurvey;

/// One part of a file made in parts, as the manifest lists it (writer.cpp).
struct ListedPart;

class SiteWriter {
public:
    /// Takes the output folder (see OutputFolder), finishes a commit that a
    /// killed build left half done, and prepares the staging folder.
    /// `verify_all` re-reads every file of the previous build instead of
    /// trusting the stamps in the manifest (pepgen build --penuh). A commit
    /// moves what is left of its staging folder into `bin` when it can
    /// (it is removed there and then otherwise). A `survey` of the same folder,
    /// taken earlier in the build, spares reuse() a look at each file it found as
    /// the manifest recorded it, as long as the manifest is still the one it read.
    static std::unique_ptr<SiteWriter> begin(const std::filesystem::path& output, Diagnostics& diags,
                                             bool verify_all = false, Disk& disk = real_disk(),
                                             DiscardBin* bin = nullptr, OutputSurvey* survey = nullptr);
    ~SiteWriter();

    /// True when the folder holds exactly what the manifest says, built from
    /// `inputs`: every file there with the stamp it was left with, and no
    /// commit left unfinished. Reads, never writes, takes no lock.
    static bool up_to_date(const std::filesystem::path& output, const std::string& inputs,
                           Disk& disk = real_disk());

    /// The input fingerprint recorded by the previous build ("" if none).
    const std::string& previous_inputs() const { return previous_.inputs; }

    /// If the previous build wrote `path` from inputs with this key and the
    /// file is still as it left it, keeps it and returns true: the caller need
    /// not render it. Thread-safe.
    bool reuse(const std::string& path, const std::string& key);
    /// The second chance, once a page's data is made: if the previous build
    /// rendered `path` from the same data (content_key), keeps it under the
    /// new input key. Thread-safe.
    bool reuse_content(const std::string& path, const std::string& key, const std::string& content_key);
    /// The previous build wrote `path`: only then can a content key spare rendering it (reuse_content).
    bool had(const std::string& path) const { return previous(path) != nullptr; }
    /// Stages one file, unless the file on disk already has these bytes.
    /// A page's key may be "<input key>|<content key>". Thread-safe.
    bool write(const std::string& path, const std::string& bytes, const std::string& key = {});
    /// The same for a large file made part by part: `produce` hands each part to the stream as it
    /// is made, so the file never exists as one string, and a part whose key the previous build's
    /// file (unchanged on disk) also has is copied from it. Thread-safe.
    bool write_streamed(const std::string& path, const std::function<void(PartStream&)>& produce,
                        const std::string& key = {});
    /// The keys of the parts write_streamed would copy from the previous build's file: where each sits
    /// there (offset, length) and its bytes' fingerprint. The same answer all build long. Thread-safe.
    struct KeptPart {
        std::uint64_t offset = 0;
        std::size_t length = 0;
        std::uint64_t print = 0;
        bool operator==(const KeptPart&) const = default;
    };
    using KeptParts = std::unordered_map<std::string, KeptPart>;
    KeptParts kept_parts(const std::string& path);

    /// Moves the staged files into place, removes the previous build's files
    /// that are no longer part of the site, and records the manifest. With
    /// any error before it, nothing in the output changes.
    bool commit(const std::string& inputs, Diagnostics& diags);

    std::size_t written() const { return written_; }
    std::size_t unchanged() const { return unchanged_; }

    /// Drops the staging folder of a build that will not commit (see
    /// abandon_active_writers); waits for a commit under way to finish.
    void abandon();

private:
    struct Guard;
    struct OnDisk {
        std::uint64_t hash = 0;
        FileStamp stamp;
    };
    explicit SiteWriter(Disk& disk);
    /// The hash and stamp of the previous build's file as it is on disk now;
    /// nullopt when it is gone or is no longer a regular file.
    std::optional<OnDisk> on_disk(const std::string& path);
    bool keep(const std::string& path, ManifestEntry entry);
    /// The fingerprint a manifest records for a file with these bytes, as `recorded` was made:
    /// whole, or part by part (write_streamed).
    static std::uint64_t fingerprint_of_file(std::string_view bytes, const ManifestEntry& recorded);
    /// A file made in parts whose print differs from the one on disk (of the same size) may still
    /// hold the same bytes, cut into other parts: true if the file on disk, cut as `parts`, has `print`.
    bool same_bytes_cut_otherwise(const std::string& path, const std::vector<ListedPart>& parts,
                                  std::uint64_t print);
    bool record(const std::string& path, ManifestEntry entry);
    bool refuse_unsafe(const std::string& path);
    void fail(const std::string& path, const std::string& message);
    bool check_in_the_way(Diagnostics& diags);

    Disk& disk_;
    DiscardBin* bin_ = nullptr;
    std::unique_ptr<OutputFolder> folder_;
    std::filesystem::path output_, staging_;
    std::string shown_;
    Manifest previous_;
    struct Previous {
        const ManifestEntry* entry = nullptr;
        bool as_left = false;  ///< the survey found it on disk with the stamp the manifest records
    };
    /// previous_.files by path, hashed: asked for every one of a national site's files.
    std::unordered_map<std::string_view, Previous> previous_by_path_;
    const Previous* previous_record(const std::string& path) const;
    const ManifestEntry* previous(const std::string& path) const;
    bool verify_all_ = false;
    std::mutex mutex_;
    std::unordered_map<std::string, std::optional<OnDisk>> on_disk_;
    std::map<std::string, ManifestEntry> entries_;
    std::map<std::string, std::string> staged_;  ///< path → name of its new bytes in the staging folder
    std::atomic<std::size_t> next_staged_{0};
    /// The name in the staging folder of the next file staged (see kStagingShards).
    std::string next_staged_name();
    /// No previous build: files are staged at their own paths below one folder of the staging
    /// folder, and the commit moves each top-level entry whole (see roll_forward).
    bool whole_ = false;
    std::unordered_set<std::string> staged_dirs_;  ///< folders made in the staging tree (whole_)
    /// Where `path`'s new bytes go in the staging folder; nullopt (with the reason recorded) if it cannot be made.
    std::optional<std::string> stage(const std::string& path);
    /// The top-level names of the files staged so far (whole_: what the commit moves).
    std::set<std::string> staged_tops() const;
    std::unique_ptr<Guard> guard_;
    std::vector<std::pair<std::string, std::string>> errors_;
    std::size_t written_ = 0, unchanged_ = 0;
    bool decided_ = false;  ///< the commit marker is written: the next build finishes this commit
    bool committed_ = false;
};

/// Refuses output folders that would destroy the project: the root itself,
/// content/, data/, themes/, anything containing them or inside them, anything
/// inside .pepgen-cache/ (pepgen deletes there), or "/".
bool check_output_location(const std::filesystem::path& root, const std::filesystem::path& output,
                           Diagnostics& diags);

/// Relative, no "..", no absolute or empty parts: safe to join to the output.
bool is_safe_relative_path(const std::string& p);

/// Removes the staging folders of builds in progress in this process, so a
/// build stopped by Ctrl+C or SIGTERM leaves nothing behind; a commit under
/// way is finished first. For the signal-handling thread of a command.
void abandon_active_writers();

}  // namespace pepgen
