// The folders of src/ are the stages of the pipeline, and includes only go
// down: a folder may include itself and the folders before it in kLayers.
// A new folder, or an include that reaches up, fails here with the file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

/// Lowest first. util and model are shared by all; format holds data formats
/// (Indonesian numbers, JSON, CSV, Markdown parsing); content and data load;
/// scoring, stats and validate check and compute; worksheet reads the team's
/// sheets; render and site plan and write pages; cli is the commands.
const std::vector<std::string> kLayers = {"util",     "model",    "format", "content", "data", "scoring", "stats",
                                          "validate", "worksheet", "render", "site",    "cli",  "."};

struct Include {
    std::string file, from, to;
};

std::vector<Include> folder_includes(const fs::path& src) {
    std::vector<Include> out;
    const std::regex include(R"(^\s*#\s*include\s+"([^/"]+)/)");
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        if (!e.is_regular_file()) continue;
        const auto rel = e.path().lexically_relative(src);
        const auto from = rel.has_parent_path() ? rel.begin()->string() : std::string(".");
        std::ifstream in(e.path());
        std::smatch m;
        for (std::string line; std::getline(in, line);)
            if (std::regex_search(line, m, include) && m[1] != from)
                out.push_back({rel.generic_string(), from, m[1]});
    }
    return out;
}

/// Each include that goes up or sideways, or names a folder not in the order.
std::vector<std::string> violations(const std::vector<Include>& includes, const std::vector<std::string>& order) {
    std::map<std::string, std::size_t> rank;
    for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    std::vector<std::string> out;
    for (const auto& inc : includes) {
        if (!rank.count(inc.from) || !rank.count(inc.to))
            out.push_back(inc.file + ": folder '" + (rank.count(inc.from) ? inc.to : inc.from) +
                          "' has no place in kLayers (tests/include_graph_test.cpp)");
        else if (rank[inc.to] >= rank[inc.from])
            out.push_back(inc.file + ": " + inc.from + "/ includes " + inc.to + "/, which is not below it");
    }
    return out;
}

}  // namespace

TEST_CASE("src/ folders include only the folders below them", "[layers]") {
    const auto includes = folder_includes(fs::path(PEPGEN_SOURCE_DIR) / "src");
    REQUIRE(includes.size() > 100);
    const auto found = violations(includes, kLayers);
    for (const auto& v : found) UNSCOPED_INFO(v);
    CHECK(found.empty());
}

TEST_CASE("the layer check catches an include that reaches up, and a cycle", "[layers]") {
    const std::vector<std::string> order = {"util", "model", "render"};
    CHECK(violations({{"model/a.h", "model", "util"}}, order).empty());
    CHECK(violations({{"util/a.h", "util", "render"}}, order).size() == 1);
    CHECK(violations({{"model/a.h", "model", "render"}, {"render/b.h", "render", "model"}}, order).size() == 1);
    CHECK(violations({{"extra/c.h", "extra", "util"}}, order).size() == 1);
}
