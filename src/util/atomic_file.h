/// Writing a single project file (a round, a worksheet) so that a crash or a
/// failure never leaves it half-written: temp file beside it, then rename.
#pragma once

#include <filesystem>
#include <string>

namespace pepgen {

/// Returns an empty string on success, else an Indonesian error message.
std::string write_file_atomically(const std::filesystem::path& path, const std::string& bytes);

}  // namespace pepgen
