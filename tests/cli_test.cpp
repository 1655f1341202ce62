#include <catch2/catch.hpp>

#include <sstream>

#include "cli/commands.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

namespace {

int run(std::vector<std::string> args, std::string& out, std::string& err) {
    std::ostringstream o, e;
    const int code = run_cli(args, o, e);
    out = o.str();
    err = e.str();
    return code;
}

}  // namespace

TEST_CASE("usage errors exit 2 with a message", "[cli]") {
    std::string out, err;
    CHECK(run({}, out, err) == 2);
    CHECK_THAT(err, Contains("Penggunaan"));
    CHECK(run({"terbitkan"}, out, err) == 2);
    CHECK_THAT(err, Contains("perintah tidak dikenal: terbitkan"));
    CHECK(run({"build", "--cepat"}, out, err) == 2);
    CHECK_THAT(err, Contains("opsi tidak dikenal untuk build: --cepat"));
    CHECK(run({"check", "--output", "x"}, out, err) == 2);
    CHECK(run({"build", "--root"}, out, err) == 2);
    CHECK_THAT(err, Contains("--root memerlukan nilai"));
    CHECK(run({"check", "--root", "/tidak/ada"}, out, err) == 2);
}

// Not named "--help ...": Catch would read a test name starting with "--" as
// its own option, print its help and pass without running the test.
TEST_CASE("the help and version options exit 0", "[cli]") {
    std::string out, err;
    CHECK(run({"--help"}, out, err) == 0);
    CHECK_THAT(out, Contains("pepgen build"));
    out.clear();
    CHECK(run({"--version"}, out, err) == 0);
    CHECK(out == "pepgen " PEPGEN_VERSION "\n");
}

TEST_CASE("check validates without writing", "[cli]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    std::string out, err;
    CHECK(run({"check", "--root", dir.path().string()}, out, err) == 0);
    CHECK_THAT(out, Contains("3 indikator, 3 LSP, 3 penilaian"));
    CHECK_THAT(err, Contains("0 galat, 1 peringatan"));
    CHECK_FALSE(std::filesystem::exists(dir / "site"));
}
