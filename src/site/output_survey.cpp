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
    found_.as_left.reserve(found_.manifest.files.size());
    for (const auto& [path, entry] : found_.manifest.files) {
        if (stop_) break;
        const auto info = entry.stamp ? disk.lstat(found_.folder / path) : Disk::Info{};
        found_.as_left.push_back(info.kind == Disk::Kind::file && info.stamp == *entry.stamp);
    }
    // Stopped half way, it knows nothing: an unfinished look must not be mistaken for a whole one.
    if (found_.as_left.size() == found_.manifest.files.size()) found_.manifest_stamp = before.stamp;
}

}  // namespace pepgen
