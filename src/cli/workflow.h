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
    std::optional<std::string> kind;   ///< default: what the period code says (2027-i1: insidental)
    std::optional<std::string> date;   ///< default: today
    bool csv = false;                  ///< a CSV worksheet instead of an .xlsx workbook
};

int run_new_round(const std::filesystem::path& root, const NewRoundOptions& options, std::ostream& out,
                  std::ostream& err);

struct ImportOptions {
    std::filesystem::path worksheet;
    std::optional<std::string> period; ///< required for a CSV; must agree with a workbook's own
    std::optional<std::string> kind;   ///< for a round file that does not exist yet
    std::optional<std::string> date;
    bool dry_run = false;              ///< --coba: show the changes, write nothing
};

int run_import(const std::filesystem::path& root, const ImportOptions& options, std::ostream& out, std::ostream& err);

/// `pepgen export lsp`: the registry as lembar-kerja/lsp.xlsx (never over an existing one).
int run_export_registry(const std::filesystem::path& root, std::ostream& out, std::ostream& err);

/// Where `new penilaian` puts a round's worksheet (.xlsx, or .csv).
std::filesystem::path worksheet_path(const std::filesystem::path& root, const std::string& period, bool csv = false);


}  // namespace pepgen
