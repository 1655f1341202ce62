// util/id_index: an id's position by a sorted table of hashes, checked against the ids themselves.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "util/id_index.h"

using namespace pepgen;

TEST_CASE("every id is found at its position, and an id not in the list is not", "[id_index]") {
    std::vector<std::string> ids;
    for (int i = 0; i < 5000; ++i) ids.push_back("lsp-" + std::to_string(i * 7919 % 10007));
    const auto at = [&](std::size_t k) -> const std::string& { return ids[k]; };
    const IdIndex index(ids.size(), at);
    REQUIRE(index.size() == ids.size());
    for (std::size_t k = 0; k < ids.size(); ++k) {
        const auto found = index.find(ids[k], at);
        REQUIRE(found);
        CHECK(*found == k);
    }
    CHECK_FALSE(index.find("lsp-x", at));
    CHECK_FALSE(index.find("", at));
}

TEST_CASE("a repeated id is found at its first position, as a map's first insert would be", "[id_index]") {
    const std::vector<std::string> ids = {"b", "a", "b", "c", "a"};
    const auto at = [&](std::size_t k) -> const std::string& { return ids[k]; };
    const IdIndex index(ids.size(), at);
    CHECK(*index.find("a", at) == 1);
    CHECK(*index.find("b", at) == 0);
    CHECK(*index.find("c", at) == 3);
}

TEST_CASE("the ids decide, not the hash: ids changed after indexing are not found by their old names", "[id_index]") {
    std::vector<std::string> ids = {"lsp-a", "lsp-b"};
    const auto at = [&](std::size_t k) -> const std::string& { return ids[k]; };
    IdIndex index(ids.size(), at);
    ids[1] = "lsp-z";
    CHECK_FALSE(index.find("lsp-b", at));
    CHECK(*index.find("lsp-a", at) == 0);
    index.clear();
    CHECK(index.empty());
    CHECK_FALSE(index.find("lsp-a", at));
    CHECK(IdIndex().empty());
}
