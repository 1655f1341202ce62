// data_lock: one command at a time holds a project's data/.
#include <catch2/catch.hpp>

#include <sstream>

#include "cli/data_lock.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

TEST_CASE("data/ is held by one command at a time; a project without data/ has nothing to hold", "[data_lock]") {
    test::TempDir dir;
    std::ostringstream err;
    {
        const auto none = hold_project_data(dir.path(), err);
        CHECK(none.ok);
        CHECK_FALSE(none.lock);
    }
    fs::create_directories(dir / "data");
    {
        const auto first = hold_project_data(dir.path(), err);
        REQUIRE(first.ok);
        CHECK(first.lock);
        CHECK(err.str().empty());
        const auto second = hold_project_data(dir.path(), err);
        CHECK_FALSE(second.ok);
        CHECK_THAT(err.str(), Contains("data: galat: perintah pepgen lain sedang mengubah data proyek ini") &&
                                  Contains("tunggu sampai selesai, lalu ulangi"));
    }
    // Let go when the holder is done.
    const auto again = hold_project_data(dir.path(), err);
    CHECK(again.ok);
    CHECK(again.lock);
}
