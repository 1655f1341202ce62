/// What the previous build left in an output folder, looked at on a thread of its own while
/// the project loads: its manifest, and which of the files it lists are on disk exactly as it
/// recorded them. The planner can then keep a national site's thousands of unchanged files
/// without a system call each. Only a hint to SiteWriter::begin, which uses it only while the
/// manifest on disk is still the one read here.
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>
#include <thread>
#include <vector>

#include "site/disk.h"
#include "site/manifest.h"

namespace pepgen {

class OutputSurvey {
public:
    struct Found {
        std::filesystem::path folder;             ///< the output folder, resolved as the writer resolves it
        std::optional<FileStamp> manifest_stamp;  ///< of the manifest read; nullopt when none was read whole
        Manifest manifest;
        /// One per manifest.files entry, in order: the file is on disk with the stamp recorded for it.
        std::vector<bool> as_left;
    };

    /// Starts looking at `output` (as given on the command line).
    OutputSurvey(Disk& disk, std::filesystem::path output);
    /// Stops looking, if it has not finished, and waits.
    ~OutputSurvey();
    OutputSurvey(const OutputSurvey&) = delete;
    OutputSurvey& operator=(const OutputSurvey&) = delete;

    /// Waits for the look to end. The caller may move what it needs out of it.
    Found& wait();

private:
    void look(Disk& disk, const std::filesystem::path& output);

    Found found_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace pepgen
