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

TEST_CASE("the real disk appends a run of another file, never through a link, and names a short file", "[disk]") {
    test::TempDir dir;
    Disk& disk = real_disk();
    const std::string old(3 << 20, 'a');  // longer than one step of the copy
    test::write_file(dir / "lama", "KEPALA" + old + "EKOR");
    {
        auto sink = disk.create(dir / "baru");
        sink->write("<");
        CHECK(sink->append_from(dir / "lama", 6, old.size()).empty());
        sink->write(">");
        CHECK(sink->append_from(dir / "lama", 0, 6).empty());
        CHECK(sink->close().empty());
    }
    CHECK(test::read_file(dir / "baru") == "<" + old + ">KEPALA");

    auto sink = disk.create(dir / "lain");
    // The previous file is shorter than its record says: the run cannot be promised.
    CHECK(sink->append_from(dir / "lama", old.size(), 100) == "berkas lebih pendek dari yang tercatat");
    fs::create_symlink(dir / "lama", dir / "tautan");
    CHECK_FALSE(sink->append_from(dir / "tautan", 0, 6).empty());
    CHECK_FALSE(sink->append_from(dir / "tidak-ada", 0, 6).empty());
}

TEST_CASE("the real disk looks at many files below a folder as lstat looks at each", "[disk]") {
    test::TempDir dir;
    Disk& disk = real_disk();
    test::write_file(dir / "lsp/a/index.html", "a");
    test::write_file(dir / "b.json", "bb");
    fs::create_symlink(dir / "b.json", dir / "tautan");
    const std::vector<std::string_view> rels = {"lsp/a/index.html", "b.json", "tidak-ada", "tautan", "lsp", "b.json/x"};
    for (const auto& folder : {dir.path(), fs::path(dir.path().string() + "/")}) {
        const auto infos = disk.lstat_below(folder, rels);
        REQUIRE(infos.size() == rels.size());
        for (std::size_t i = 0; i < rels.size(); ++i) {
            INFO(rels[i]);
            const auto one = disk.lstat(dir / std::string(rels[i]));
            CHECK(infos[i].kind == one.kind);
            CHECK(infos[i].stamp == one.stamp);
            CHECK(infos[i].error == one.error);
        }
    }
    CHECK(disk.lstat_below(dir.path(), {}).empty());
}

TEST_CASE("a run from a file on another file system is appended whole", "[disk]") {
    // Some kernels copy between file systems, others refuse and the bytes go through the
    // process: either way they must all arrive.
    const fs::path shm = "/dev/shm";
    if (!fs::is_directory(shm)) return;
    test::TempDir dir;
    const auto source = shm / ("pepgen-uji-" + dir.path().filename().string());
    const std::string old(1500000, 'b');
    test::write_file(source, "x" + old + "y");
    {
        auto sink = real_disk().create(dir / "baru");
        CHECK(sink->append_from(source, 1, old.size()).empty());
        CHECK(sink->close().empty());
    }
    fs::remove(source);
    CHECK(test::read_file(dir / "baru") == old);
}
