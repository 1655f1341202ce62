/// `pepgen build` and `pepgen check`.
#pragma once

#include <filesystem>
#include <iosfwd>

namespace pepgen {

int run_build(const std::filesystem::path& root, const std::filesystem::path& output, std::ostream& out,
              std::ostream& err);
int run_check(const std::filesystem::path& root, std::ostream& out, std::ostream& err);

}  // namespace pepgen
