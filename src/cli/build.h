/// `pepgen build` and `pepgen check`.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace pepgen {

struct BuildOptions {
    std::filesystem::path output;
    std::optional<std::string> base_url;  ///< --base-url; overrides pepgen.yaml's alamat_situs
};

int run_build(const std::filesystem::path& root, const BuildOptions& options, std::ostream& out, std::ostream& err);
int run_check(const std::filesystem::path& root, std::ostream& out, std::ostream& err);

}  // namespace pepgen
