/// One command at a time changes a project's data/: import, new penilaian, correct and publish
/// read files there, change them and write them back. Two at once would each write over the
/// other's change, and both would report success. A build reads data/ under a shared hold, so
/// it never publishes a project half way through such a change (a round file already corrected
/// beside a ledger that does not yet record why).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "site/disk.h"

namespace pepgen {

/// How long one side waits for the other. A build holds data/ only while it loads (well under
/// a second at national scale); a command changing data/ holds it for a few seconds at most.
inline constexpr std::chrono::milliseconds kDataWait{30000};

struct DataHold {
    bool ok = false;                    ///< false: refused, with the reason already on `err`
    std::unique_ptr<Disk::Lock> lock;   ///< null when the project has no data/ yet (nothing to hold)
};

/// Holds <root>/data for as long as the result lives (flock on the folder: the system lets go
/// when the process ends, so a killed command never leaves the project locked). Refuses at
/// once when another command changing data/ holds it; waits, up to `wait`, for builds reading it,
/// saying so once on `err` when it starts to wait.
DataHold hold_project_data(const std::filesystem::path& root, std::ostream& err,
                           std::chrono::milliseconds wait = kDataWait);

struct DataRead {
    std::string problem;                ///< empty: read away (the lock, if any, is held)
    std::unique_ptr<Disk::Lock> lock;   ///< shared: builds (and serve) do not wait for one another
};

/// A reader's hold on <root>/data (a build while it loads the project, check, a dry run, export).
/// Waits, up to `wait`, for a command changing data/ to finish, saying so once on `notice` (if
/// any) when it starts to wait; after that, `problem` says why the reader cannot go on.
DataRead read_project_data(const std::filesystem::path& root, std::chrono::milliseconds wait = kDataWait,
                           std::ostream* notice = nullptr);

enum class DataUse { read, change };

/// For a command as a whole: one that changes data/ holds it as hold_project_data does; one that
/// only reads it (check, a dry run, export) as read_project_data does. Either way a refusal is
/// written to `err`, naming data/.
DataHold use_project_data(const std::filesystem::path& root, DataUse use, std::ostream& err);

}  // namespace pepgen
