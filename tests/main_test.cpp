// The test runner, and a check on the tests themselves: CTest runs each test
// case by passing its name to the runner, so a name the runner reads as
// something else would "pass" without running.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "cli/tool_commands.h"

// In process, run_cli has every command, as pepgen-alat does.
int main(int argc, char* argv[]) {
    pepgen::register_tool_commands();
    return Catch::Session().run(argc, argv);
}

TEST_CASE("every test name reaches its test when CTest passes it to the runner", "[tests]") {
    const auto& tests = Catch::getRegistryHub().getTestCaseRegistry().getAllTests();
    REQUIRE(tests.size() > 100);
    for (const auto& test : tests) {
        const auto& name = test.getTestCaseInfo().name;
        INFO(name);
        // "-" starts an option (the runner prints its help and exits 0); "~"
        // excludes; "[" starts a tag; "*" is a wildcard; a comma separates names.
        CHECK_FALSE(name.empty());
        CHECK(name.find_first_of("-~[*", 0) != 0);
        CHECK(name.find_first_of("[]*") == std::string::npos);
    }
}
