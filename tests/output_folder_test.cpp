#include <catch2/catch.hpp>

#include "site/output_folder.h"

using namespace pepgen;

TEST_CASE("only what a static host keeps may stand in an output folder pepgen has not built", "[output]") {
    CHECK(foreign_entries({}).empty());
    CHECK(foreign_entries({".git", "CNAME", ".nojekyll", ".domains", ".well-known", ".pepgen-staging"}).empty());
    CHECK(foreign_entries({"CNAME", "notes.txt", ".ssh", "index.html"}) ==
          std::vector<std::string>{".ssh", "index.html", "notes.txt"});
    CHECK(foreign_entries({".gitignore", "cname"}) == std::vector<std::string>{".gitignore", "cname"});
}
