/// `pepgen serve`: a live preview on 127.0.0.1 that rebuilds when content/,
/// data/, themes/ or pepgen.yaml change, reloads open pages, and shows build
/// errors in the browser instead of a stale page.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

namespace pepgen {

/// port 0 picks a free port. Runs until SIGINT or SIGTERM.
int run_serve(const std::filesystem::path& root, int port, std::ostream& out, std::ostream& err);

/// A signature of every input file (path, size, modification time): when it
/// changes, the site is rebuilt.
std::string input_signature(const std::filesystem::path& root);

}  // namespace pepgen
