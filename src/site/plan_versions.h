/// Archived versions of the released data files: which file changed in which
/// release, at what stable address, and the checksums and data package over them.
#pragma once

#include <string>
#include <vector>

#include "site/plan.h"

namespace pepgen {

struct FileVersion {
    std::string path;            ///< the file's current address, "data/indeks-2026-1.json"
    int release = 0;             ///< the release that published these bytes first
    std::string sha256;
    std::size_t bytes = 0;
    std::string versioned_path;  ///< "data/versi/1/indeks-2026-1.json"
    bool removed = false;        ///< the file is no longer published from this release on
};

/// Every version of every released file, release by release, in path order.
std::vector<FileVersion> file_versions(const Ledger& ledger);

/// data/versi/…, SHA256SUMS and datapackage.json (nothing before the first release).
void plan_versions(const SiteModel& model, SitePlan& plan);

}  // namespace pepgen
