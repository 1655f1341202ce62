/// `pepgen publish` (build without drafts and record a release) and
/// `pepgen correct` (record changed released figures as a correction).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace pepgen {

struct PublishOptions {
    std::filesystem::path output;
    std::optional<std::string> base_url;
    std::optional<std::string> date;  ///< default: today
};

int run_publish(const std::filesystem::path& root, const PublishOptions& options, std::ostream& out, std::ostream& err);

struct CorrectOptions {
    std::string reason;
    std::string basis = "lainnya";
    std::optional<std::string> date;  ///< default: today
    bool dry_run = false;             ///< --coba: show what would be recorded
};

int run_correct(const std::filesystem::path& root, const CorrectOptions& options, std::ostream& out, std::ostream& err);

}  // namespace pepgen
