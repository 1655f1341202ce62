/// `pepgen check` (content and data, nothing written) and `pepgen check
/// --links` (every internal link of a built site).
#pragma once

#include <filesystem>
#include <iosfwd>

#include "util/diagnostic.h"

namespace pepgen {

int run_check(const std::filesystem::path& root, std::ostream& out, std::ostream& err);
/// `pepgen check --links`: every internal link of a built site resolves.
int run_check_links(const std::filesystem::path& site, std::ostream& out, std::ostream& err);

/// Every diagnostic, one per line, then the counts.
void print_diagnostics(const Diagnostics& diags, std::ostream& err);

}  // namespace pepgen
