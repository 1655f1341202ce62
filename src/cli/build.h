/// `pepgen build`, and the whole build as one call for the commands that
/// rebuild (serve) and for tests (into a disk in memory).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "cli/data_lock.h"
#include "cli/project.h"
#include "site/disk.h"
#include "site/plan.h"
#include "util/diagnostic.h"

namespace pepgen {

struct BuildOptions {
    std::filesystem::path output;
    std::optional<std::string> base_url;  ///< --base-url; overrides pepgen.yaml's alamat_situs
    bool progress = true;                 ///< show progress when stderr is a terminal
    bool incremental = true;              ///< reuse what the previous build made from unchanged inputs
    Disk* disk = nullptr;                 ///< where the output goes; the real disk when null (tests: a MemoryDisk)
    bool include_drafts = true;           ///< false for publish: draft rounds are left out entirely
    /// publish: the release being made, shown on the pages as if already in the ledger.
    std::optional<Release> release;
    /// --verifikasi: after building, build everything again in memory from nothing and
    /// compare it with the output folder, byte for byte (a stale page is an error).
    bool verify = false;
    /// The caller already holds data/ (publish, which changes data/ and then builds): not taken again.
    bool data_held = false;
    /// How long to wait for a command changing data/ (read_project_data) before giving up.
    std::chrono::milliseconds data_wait = kDataWait;
    /// Where the build says, at once, that it is waiting for data/ (the terminal); nowhere when null.
    std::ostream* notices = nullptr;
    /// serve: the next build follows the user's next edit. Pages new to the output folder get the
    /// keys a later build compares (content keys, each run of a long list's rows) as if a previous
    /// version were there, so that first edit renders only what it changed. A plain build into a
    /// new folder skips them: at 2,000 LSPs they are about a tenth of its CPU.
    bool expect_corrections = false;
    /// Rows per part of long lists (kRowsPerPart): tests make their few rows many parts.
    std::size_t rows_per_part = kRowsPerPart;
};

struct BuildSummary {
    std::size_t pages = 0, files = 0, assets = 0;
    std::size_t written = 0;    ///< files whose bytes changed
    std::size_t unchanged = 0;  ///< files kept from the previous build as they were
    std::size_t rendered = 0;   ///< pages put through the templates (the others' data had not changed)
    bool up_to_date = false;    ///< nothing to do: inputs unchanged since the last build
    std::size_t verified = 0;   ///< --verifikasi: files compared with a full build, all equal
};

/// Builds the whole site again in memory, from nothing, and compares every
/// file with the output folder: each file that differs, is missing or should
/// not be there is an error. The check that an incremental build left nothing stale.
bool verify_against_full_build(const std::filesystem::path& root, const BuildOptions& options, Diagnostics& diags,
                               std::size_t* compared = nullptr);

/// Load, validate, compute, plan, render and publish. All problems go to
/// diags; on failure the output is left exactly as it was.
bool build_site(const std::filesystem::path& root, const BuildOptions& options, Diagnostics& diags,
                BuildSummary* summary = nullptr);

int run_build(const std::filesystem::path& root, const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace pepgen
