#include <catch2/catch.hpp>

#include "site/disk.h"
#include "test_support.h"

using namespace pepgen;
namespace fs = std::filesystem;

TEST_CASE("the real disk makes a folder and any missing parents, and accepts one that is there", "[disk]") {
    test::TempDir dir;
    Disk& disk = real_disk();
    CHECK(disk.make_dirs(dir / "a").empty());                 // the parent is there
    CHECK(disk.make_dirs(dir / "b/c/d").empty());             // parents missing
    CHECK(disk.make_dirs(dir / "b/c/d").empty());             // there already
    CHECK(fs::is_directory(dir / "a"));
    CHECK(fs::is_directory(dir / "b/c/d"));
    fs::create_directory_symlink(dir / "a", dir / "ke-a");
    CHECK(disk.make_dirs(dir / "ke-a").empty());              // a link to a folder is a folder, as for create_directories
    test::write_file(dir / "berkas", "x");
    CHECK_FALSE(disk.make_dirs(dir / "berkas").empty());      // a file in the way
    CHECK_FALSE(disk.make_dirs(dir / "berkas/e").empty());    // a file on the way
    CHECK(test::read_file(dir / "berkas") == "x");
}
