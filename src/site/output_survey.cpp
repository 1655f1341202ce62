#include "site/output_survey.h"

#include "site/output_folder.h"

namespace fs = std::filesystem;

namespace pepgen {

OutputSurvey::OutputSurvey(Disk& disk, fs::path output)
    : thread_([this, &disk, output = std::move(output)] { look(disk, output); }) {}

OutputSurvey::~OutputSurvey() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

OutputSurvey::Found& OutputSurvey::wait() {
    if (thread_.joinable()) thread_.join();
    return found_;
}

void OutputSurvey::look(Disk& disk, const fs::path& output) {
    found_.folder = resolve_output_path(disk, output);
    const auto manifest_path = found_.folder / kManifestName;
    // The bytes belong to the stamp only if the manifest was not replaced while being read.
    const auto before = disk.lstat(manifest_path);
    if (before.kind != Disk::Kind::file) return;
    std::string error;
    auto text = disk.read(manifest_path, error);
    const auto after = disk.lstat(manifest_path);
    if (!text || after.kind != Disk::Kind::file || after.stamp != before.stamp) return;
    found_.manifest = read_manifest(std::move(*text));
    const auto& files = found_.manifest.files;
    found_.as_left.reserve(files.size());
    // Asked in batches, so that a build that no longer needs the look can stop it soon.
    constexpr std::size_t kBatch = 256;
    std::vector<std::string_view> paths;
    std::vector<const ManifestEntry*> entries;
    for (auto it = files.begin(); it != files.end() && !stop_;) {
        paths.clear();
        entries.clear();
        for (; it != files.end() && entries.size() < kBatch; ++it) {
            // A file with no recorded stamp is never as left: it is not looked at.
            if (it->second.stamp) paths.push_back(it->first);
            entries.push_back(&it->second);
        }
        const auto infos = disk.lstat_below(found_.folder, paths);
        std::size_t k = 0;
        for (const auto* entry : entries) {
            const auto* info = entry->stamp ? &infos[k++] : nullptr;
            found_.as_left.push_back(info && info->kind == Disk::Kind::file && info->stamp == *entry->stamp);
        }
    }
    // Stopped half way, it knows nothing: an unfinished look must not be mistaken for a whole one.
    if (found_.as_left.size() == found_.manifest.files.size()) found_.manifest_stamp = before.stamp;
}

}  // namespace pepgen
