/// One command at a time changes a project's data/: import, new penilaian, correct and publish
/// read files there, change them and write them back. Two at once would each write over the
/// other's change, and both would report success.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>

#include "site/disk.h"

namespace pepgen {

struct DataHold {
    bool ok = false;                    ///< false: refused, with the reason already on `err`
    std::unique_ptr<Disk::Lock> lock;   ///< null when the project has no data/ yet (nothing to hold)
};

/// Holds <root>/data for as long as the result lives (flock on the folder: the system lets go
/// when the process ends, so a killed command never leaves the project locked). Refuses at
/// once, rather than waiting, when another pepgen command holds it.
DataHold hold_project_data(const std::filesystem::path& root, std::ostream& err);

}  // namespace pepgen
