/// The command-line commands. Each returns the process exit code:
/// 0 success (warnings allowed), 1 content or data errors, 2 wrong usage.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace pepgen {

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace pepgen
