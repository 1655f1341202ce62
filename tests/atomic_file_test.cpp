#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "test_support.h"
#include "util/atomic_file.h"

using namespace pepgen;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& p) {
    struct stat st{};
    ::stat(p.c_str(), &st);
    return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("a file is replaced whole, keeping its mode, and nothing is left beside it", "[atomic_file]") {
    test::TempDir dir;
    const auto file = dir / "data/penilaian/2027-1.json";
    REQUIRE(write_file_atomically(file, "satu").empty());
    CHECK(test::read_file(file) == "satu");
    ::chmod(file.c_str(), 0640);
    REQUIRE(write_file_atomically(file, "dua").empty());
    CHECK(test::read_file(file) == "dua");
    CHECK(mode_of(file) == 0640);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(file.parent_path())) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("a file kept as a symlink is written where it points and stays a link", "[atomic_file]") {
    test::TempDir dir;
    test::write_file(dir / "arsip/2027-1.json", "lama");
    fs::create_directories(dir / "data/penilaian");
    fs::create_symlink("../../arsip/2027-1.json", dir / "data/penilaian/2027-1.json");
    REQUIRE(write_file_atomically(dir / "data/penilaian/2027-1.json", "baru").empty());
    CHECK(fs::is_symlink(dir / "data/penilaian/2027-1.json"));
    CHECK(test::read_file(dir / "arsip/2027-1.json") == "baru");
}

TEST_CASE("a planted link at the old temporary name is not followed", "[atomic_file]") {
    test::TempDir dir;
    test::write_file(dir / "korban.txt", "jangan ditimpa");
    fs::create_directories(dir / "data");
    // The name the previous version used: ".<name>.tmp-<pid>".
    fs::create_symlink(dir / "korban.txt", dir / ("data/.lsp.json.tmp-" + std::to_string(::getpid())));
    REQUIRE(write_file_atomically(dir / "data/lsp.json", "[]").empty());
    CHECK(test::read_file(dir / "korban.txt") == "jangan ditimpa");
    CHECK(test::read_file(dir / "data/lsp.json") == "[]");
}
