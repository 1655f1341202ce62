/// The evaluation team's commands: scaffold a round with its worksheet, and
/// import a filled worksheet into the round file.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace pepgen {

struct NewRoundOptions {
    std::string period;
    std::string kind = "rutin";
    std::optional<std::string> date;   ///< default: today
};

int run_new_round(const std::filesystem::path& root, const NewRoundOptions& options, std::ostream& out,
                  std::ostream& err);

struct ImportOptions {
    std::filesystem::path worksheet;
    std::string period;
    std::optional<std::string> kind;   ///< for a round file that does not exist yet
    std::optional<std::string> date;
};

int run_import(const std::filesystem::path& root, const ImportOptions& options, std::ostream& out, std::ostream& err);

/// Where `new penilaian` puts a round's worksheet.
std::filesystem::path worksheet_path(const std::filesystem::path& root, const std::string& period);

/// Today's date in the local time zone, YYYY-MM-DD.
std::string today_iso();

}  // namespace pepgen
