/// Checks a built site the way a reader would follow it: every internal
/// href/src must name a file in the site, and every #fragment an id in the
/// page it points to.
#pragma once

#include <filesystem>

#include "site/disk.h"
#include "util/diagnostic.h"

namespace pepgen {

/// Returns the number of links checked; each broken one is an error naming
/// the page and the link.
std::size_t check_site_links(const std::filesystem::path& site, Diagnostics& diags, Disk& disk = real_disk());

}  // namespace pepgen
