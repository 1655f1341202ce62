#include <catch2/catch.hpp>

#include "site/discard_bin.h"
#include "site/memory_disk.h"
#include "site/writer.h"
#include "test_support.h"

using namespace pepgen;
namespace fs = std::filesystem;

namespace {

bool publish_with_bin(MemoryDisk& disk, DiscardBin& bin, const fs::path& out,
                      const std::vector<std::pair<std::string, std::string>>& files, Diagnostics& d) {
    auto w = SiteWriter::begin(out, d, false, disk, &bin);
    if (!w) return false;
    for (const auto& [path, bytes] : files) w->write(path, bytes);
    return w->commit("uji", d);
}

/// Every file below `dir`, as path → bytes.
std::map<std::string, std::string> files_below(const MemoryDisk& disk, const fs::path& dir) {
    std::map<std::string, std::string> out;
    const auto prefix = dir.generic_string() + "/";
    for (const auto& [path, node] : disk.nodes())
        if (node.kind == Disk::Kind::file && path.rfind(prefix, 0) == 0) out[path.substr(prefix.size())] = node.bytes;
    return out;
}

}  // namespace

TEST_CASE("a commit leaves the replaced files' old versions in the bin, outside the output folder", "[discard_bin]") {
    MemoryDisk disk;
    disk.add_dir("/proyek");
    const fs::path out = "/proyek/site", bin_dir = "/proyek/.pepgen-cache/buang";
    Diagnostics d;
    {
        DiscardBin bin(disk, bin_dir);
        REQUIRE(publish_with_bin(disk, bin, out, {{"index.html", "v1"}, {"a/index.html", "a"}}, d));
    }
    DiscardBin bin(disk, bin_dir);
    REQUIRE(publish_with_bin(disk, bin, out, {{"index.html", "v2"}, {"a/index.html", "a"}}, d));
    std::string error;
    CHECK(disk.read(out / "index.html", error) == "v2");
    // Nothing superseded is left where an upload would publish it.
    CHECK(disk.lstat(out / ".pepgen-staging").kind == Disk::Kind::missing);
    for (const auto& [path, bytes] : files_below(disk, out)) CHECK(bytes != "v1");
    // The old version waits in the bin, in a folder of this build's.
    const auto kept = files_below(disk, bin_dir);
    bool old_version = false;
    for (const auto& [path, bytes] : kept) old_version = old_version || bytes == "v1";
    CHECK(old_version);
    CHECK(disk.list(bin_dir, error).size() == 2);  // one folder per commit

    // The next build empties the bin beside its own work.
    DiscardBin next(disk, bin_dir);
    next.empty_in_background();
    next.wait();
    CHECK(disk.list(bin_dir, error).empty());
    CHECK(disk.read(out / "index.html", error) == "v2");
}

TEST_CASE("a bin behind a link, or on no real folder, is not used: the commit removes its staging itself",
          "[discard_bin]") {
    MemoryDisk disk;
    disk.add_dir("/proyek");
    disk.add_dir("/lain");
    disk.add_file("/lain/penting.txt", "milik orang lain");
    // .pepgen-cache/ is a link to a folder elsewhere: nothing is moved or deleted through it.
    disk.add_symlink("/proyek/.pepgen-cache", "/lain");
    const fs::path out = "/proyek/site";
    Diagnostics d;
    DiscardBin bin(disk, "/proyek/.pepgen-cache/buang");
    REQUIRE(publish_with_bin(disk, bin, out, {{"index.html", "v1"}}, d));
    REQUIRE(publish_with_bin(disk, bin, out, {{"index.html", "v2"}}, d));
    CHECK(disk.lstat(out / ".pepgen-staging").kind == Disk::Kind::missing);
    CHECK(disk.lstat("/lain/buang").kind == Disk::Kind::missing);
    // Emptying does not follow the link either.
    disk.add_dir("/lain/buang/1");
    disk.add_file("/lain/buang/1/x", "x");
    bin.empty_in_background();
    bin.wait();
    std::string error;
    CHECK(disk.read("/lain/buang/1/x", error) == "x");
    CHECK(disk.read("/lain/penting.txt", error) == "milik orang lain");

    // The bin folder itself a link: refused the same way.
    MemoryDisk other;
    other.add_dir("/p/.pepgen-cache");
    other.add_dir("/lain");
    other.add_symlink("/p/.pepgen-cache/buang", "/lain");
    DiscardBin linked(other, "/p/.pepgen-cache/buang");
    other.add_dir("/p/staging");
    CHECK_FALSE(linked.take("/p/staging"));
    CHECK(other.lstat("/p/staging").kind == Disk::Kind::directory);

    // A project folder that is not there: nothing is made.
    MemoryDisk empty;
    empty.add_dir("/x/staging");
    DiscardBin nowhere(empty, "/tidak-ada/.pepgen-cache/buang");
    CHECK_FALSE(nowhere.take("/x/staging"));
    CHECK(empty.lstat("/tidak-ada").kind == Disk::Kind::missing);
}

TEST_CASE("the bin is made on first use, and two folders taken get names of their own", "[discard_bin]") {
    MemoryDisk disk;
    disk.add_dir("/p");
    disk.add_file("/p/s1/a", "1");
    disk.add_file("/p/s2/a", "2");
    DiscardBin bin(disk, "/p/.pepgen-cache/buang");
    REQUIRE(bin.take("/p/s1"));
    REQUIRE(bin.take("/p/s2"));
    std::string error;
    CHECK(disk.list("/p/.pepgen-cache/buang", error).size() == 2);
    CHECK(disk.lstat("/p/s1").kind == Disk::Kind::missing);
    // On the real disk too, in a temporary project.
    test::TempDir dir;
    test::write_file(dir / "site/.pepgen-staging/0", "lama");
    DiscardBin real(real_disk(), dir / ".pepgen-cache/buang");
    REQUIRE(real.take(dir / "site/.pepgen-staging"));
    CHECK_FALSE(fs::exists(dir / "site/.pepgen-staging"));
    real.empty_in_background();
    real.wait();
    CHECK(fs::is_empty(dir / ".pepgen-cache/buang"));
}
