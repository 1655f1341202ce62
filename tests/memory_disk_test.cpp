// site/memory_disk: the in-memory Disk behaves as the real one where publishing relies on it (files,
// folders, renames, symlinks, locks, listing) and injects failures and stops (fail_writes, stop_after, revive).
#include <catch2/catch.hpp>

#include <cerrno>

#include "site/memory_disk.h"
#include "util/files.h"

using namespace pepgen;
using Kind = Disk::Kind;

namespace {

std::string read_or(MemoryDisk& disk, const std::string& path, std::string* error = nullptr) {
    std::string e;
    auto bytes = disk.read(path, e);
    if (error) *error = e;
    return bytes ? *bytes : "<" + e + ">";
}

}  // namespace

TEST_CASE("a new disk has only its root folder", "[memory_disk]") {
    MemoryDisk disk;
    CHECK(disk.lstat("/").kind == Kind::directory);
    CHECK(disk.lstat("/a").kind == Kind::missing);
    std::string e;
    CHECK(disk.list("/", e).empty());
    CHECK(e.empty());
    CHECK(disk.changes() == 0);
}

TEST_CASE("files written through a sink or Disk::write read back, with size and mode", "[memory_disk]") {
    MemoryDisk disk;
    REQUIRE(disk.make_dirs("/site/lsp") == "");
    auto sink = disk.create("/site/lsp/a.html");
    sink->write("satu ");
    sink->write("dua");
    CHECK(sink->close() == "");
    CHECK(read_or(disk, "/site/lsp/a.html") == "satu dua");
    const auto info = disk.lstat("/site/lsp/a.html");
    CHECK(info.kind == Kind::file);
    CHECK(info.mode == 0644);
    CHECK(info.stamp.size == 8);
    // Creating again truncates.
    CHECK(disk.write("/site/lsp/a.html", "baru") == "");
    CHECK(read_or(disk, "/site/lsp/a.html") == "baru");
    // Paths are normalised.
    CHECK(read_or(disk, "/site/./lsp//a.html") == "baru");
}

TEST_CASE("each write gets a later stamp, as a file system's clock would give", "[memory_disk]") {
    MemoryDisk disk;
    disk.write("/a", "x");
    const auto first = disk.lstat("/a").stamp;
    disk.write("/a", "x");
    const auto second = disk.lstat("/a").stamp;
    CHECK(second.size == first.size);
    CHECK(second.mtime_ns > first.mtime_ns);
    CHECK_FALSE(second == first);
}

TEST_CASE("reading or creating where there is no file fails with the system's reason", "[memory_disk]") {
    MemoryDisk disk;
    disk.add_dir("/d");
    std::string e;
    CHECK(read_or(disk, "/tidak-ada", &e) == "<" + system_reason(ENOENT) + ">");
    CHECK(read_or(disk, "/d", &e) == "<" + system_reason(EISDIR) + ">");
    CHECK(disk.create("/tidak/ada.html")->close() == "berkas tidak dapat ditulis: " + system_reason(ENOENT));
    CHECK(disk.create("/d")->close() == "berkas tidak dapat ditulis: " + system_reason(EISDIR));
    CHECK(disk.lstat("/tidak").kind == Kind::missing);
    CHECK(disk.lstat("/d").kind == Kind::directory);
}

TEST_CASE("make_dirs makes every missing parent, and refuses to make a folder over a file", "[memory_disk]") {
    MemoryDisk disk;
    CHECK(disk.make_dirs("/a/b/c") == "");
    CHECK(disk.lstat("/a").kind == Kind::directory);
    CHECK(disk.lstat("/a/b/c").kind == Kind::directory);
    CHECK(disk.lstat("/a/b/c").mode == 0755);
    CHECK(disk.make_dirs("/a/b") == "");  // already there
    disk.add_file("/a/f", "x");
    CHECK(disk.make_dirs("/a/f/g") == "folder tidak dapat dibuat: " + system_reason(EEXIST));
    disk.add_dir("/rahasia", 0700);
    CHECK(disk.lstat("/rahasia").mode == 0700);
}

TEST_CASE("list names a folder's own entries, sorted, and fails on a file", "[memory_disk]") {
    MemoryDisk disk;
    disk.add_file("/s/b.html", "");
    disk.add_file("/s/a/x.html", "");
    disk.add_file("/s/c", "");
    disk.add_file("/s-lain/z", "");  // a sibling whose name starts the same is not inside
    std::string e;
    CHECK(disk.list("/s", e) == std::vector<std::string>{"a", "b.html", "c"});
    CHECK(e.empty());
    CHECK(disk.list("/", e) == std::vector<std::string>{"s", "s-lain"});
    CHECK(disk.list("/s/c", e).empty());
    CHECK(e == system_reason(ENOTDIR));
}

TEST_CASE("a folder's contents are found past siblings that sort between it and them", "[memory_disk]") {
    // "/s-lain" and "/s.tmp" sort after "/s" but before "/s/a": '-' and '.' come before '/'.
    MemoryDisk disk;
    disk.add_file("/s/a", "A");
    disk.add_file("/s-lain/z", "Z");
    disk.add_file("/s.tmp", "T");
    std::string e;
    CHECK(disk.list("/s", e) == std::vector<std::string>{"a"});
    CHECK_FALSE(disk.remove_empty_dir("/s"));  // not empty
    CHECK(disk.lstat("/s/a").kind == Kind::file);
    CHECK(disk.snapshot("/s") == "== a (1)\nA\n");
    CHECK(disk.rename("/s", "/t") == "");
    CHECK(read_or(disk, "/t/a") == "A");
    CHECK(disk.lstat("/s/a").kind == Kind::missing);
    CHECK(read_or(disk, "/s-lain/z") == "Z");  // the siblings stay where they were
    CHECK(read_or(disk, "/s.tmp") == "T");
    disk.add_file("/t-x", "X");
    disk.remove_tree("/t");
    CHECK(disk.lstat("/t").kind == Kind::missing);
    CHECK(disk.lstat("/t/a").kind == Kind::missing);  // no orphan left behind
    CHECK(read_or(disk, "/t-x") == "X");
}

TEST_CASE("rename replaces a file, moves a whole folder, and refuses what the system refuses", "[memory_disk]") {
    MemoryDisk disk;
    disk.add_file("/a/baru", "B");
    disk.add_file("/a/lama", "L");
    CHECK(disk.rename("/a/baru", "/a/lama") == "");
    CHECK(read_or(disk, "/a/lama") == "B");
    CHECK(disk.lstat("/a/baru").kind == Kind::missing);

    disk.add_file("/staging/lsp/x.html", "X");
    disk.add_file("/staging/index.html", "I");
    CHECK(disk.rename("/staging", "/site") == "");
    CHECK(read_or(disk, "/site/lsp/x.html") == "X");
    CHECK(read_or(disk, "/site/index.html") == "I");
    CHECK(disk.lstat("/staging").kind == Kind::missing);
    CHECK(disk.lstat("/staging/lsp/x.html").kind == Kind::missing);

    CHECK(disk.rename("/tidak-ada", "/b") == system_reason(ENOENT));
    CHECK(disk.rename("/a/lama", "/tidak/ada") == system_reason(ENOENT));
    CHECK(disk.rename("/a/lama", "/site") == system_reason(EISDIR));
    CHECK(disk.rename("/site", "/site/lsp/dalam") == system_reason(EINVAL));
    CHECK(read_or(disk, "/site/lsp/x.html") == "X");  // a refused rename moved nothing
}

TEST_CASE("exchange swaps two files in one change, and refuses what is missing or not a file", "[memory_disk]") {
    MemoryDisk disk;
    disk.add_file("/a/baru", "B");
    disk.add_file("/a/lama", "L");
    const auto baru = disk.lstat("/a/baru").stamp.inode, lama = disk.lstat("/a/lama").stamp.inode;
    const auto before = disk.changes();
    CHECK(disk.exchange("/a/baru", "/a/lama") == "");
    CHECK(disk.changes() == before + 1);
    CHECK(read_or(disk, "/a/lama") == "B");
    CHECK(read_or(disk, "/a/baru") == "L");
    CHECK(disk.lstat("/a/lama").stamp.inode == baru);  // the file moved, not its bytes
    CHECK(disk.lstat("/a/baru").stamp.inode == lama);
    CHECK(disk.exchange("/a/baru", "/tidak-ada") == system_reason(ENOENT));
    disk.add_dir("/d");
    CHECK(disk.exchange("/a/baru", "/d") == system_reason(EINVAL));
    CHECK(read_or(disk, "/a/baru") == "L");  // a refused exchange moved nothing
    disk.stop_after(0);
    CHECK_THROWS_AS(disk.exchange("/a/baru", "/a/lama"), MemoryDisk::Stopped);
}

TEST_CASE("remove_file, remove_empty_dir and remove_tree remove only what they say", "[memory_disk]") {
    MemoryDisk disk;
    disk.add_file("/s/a/x", "x");
    disk.add_dir("/s/kosong");
    CHECK_FALSE(disk.remove_file("/s/a"));         // a folder
    CHECK_FALSE(disk.remove_file("/s/tidak-ada"));
    CHECK_FALSE(disk.remove_empty_dir("/s/a"));    // not empty
    CHECK_FALSE(disk.remove_empty_dir("/s/a/x"));  // a file
    CHECK(disk.remove_empty_dir("/s/kosong"));
    CHECK(disk.remove_file("/s/a/x"));
    CHECK(disk.remove_empty_dir("/s/a"));
    disk.add_file("/t/b/c", "c");
    disk.add_file("/tt", "tetangga");
    disk.remove_tree("/t");
    CHECK(disk.lstat("/t").kind == Kind::missing);
    CHECK(disk.lstat("/t/b/c").kind == Kind::missing);
    CHECK(read_or(disk, "/tt") == "tetangga");
}

TEST_CASE("a symlink is seen as itself by lstat and create, and followed inside a path", "[memory_disk]") {
    MemoryDisk disk;
    disk.add_file("/nyata/a.html", "A");
    disk.add_symlink("/situs", "/nyata");
    disk.add_symlink("/tautan.html", "/nyata/a.html");
    CHECK(disk.lstat("/situs").kind == Kind::symlink);
    CHECK(disk.lstat("/situs/a.html").kind == Kind::file);  // through the folder link
    CHECK(read_or(disk, "/situs/a.html") == "A");
    CHECK(disk.resolve("/situs") == std::filesystem::path("/nyata"));
    CHECK(disk.resolve("/tautan.html") == std::filesystem::path("/nyata/a.html"));
    CHECK(disk.resolve("/nyata/a.html") == std::filesystem::path("/nyata/a.html"));
    CHECK_FALSE(disk.resolve("/tidak-ada"));
    // Writing at a symlink never writes through it.
    CHECK(disk.create("/tautan.html")->close() == "berkas tidak dapat ditulis: " + system_reason(ELOOP));
    CHECK(read_or(disk, "/nyata/a.html") == "A");
    // A dangling or looping link resolves to nothing.
    disk.add_symlink("/putus", "/hilang");
    disk.add_symlink("/x", "/y");
    disk.add_symlink("/y", "/x");
    CHECK_FALSE(disk.resolve("/putus"));
    CHECK_FALSE(disk.resolve("/x"));
}

TEST_CASE("a folder's lock is held once until released", "[memory_disk]") {
    MemoryDisk disk;
    disk.add_dir("/site");
    bool busy = true;
    std::string e;
    auto first = disk.lock("/site", Disk::LockKind::exclusive, busy, e);
    REQUIRE(first);
    CHECK_FALSE(busy);
    auto second = disk.lock("/site/", Disk::LockKind::exclusive, busy, e);  // the same folder, written otherwise
    CHECK_FALSE(second);
    CHECK(busy);
    CHECK(e == system_reason(EWOULDBLOCK));
    first.reset();
    auto third = disk.lock("/site", Disk::LockKind::exclusive, busy, e);
    CHECK(third);
    CHECK_FALSE(busy);
}

TEST_CASE("a folder's shared lock has any number of holders, and none while it is held exclusively", "[memory_disk]") {
    MemoryDisk disk;
    disk.add_dir("/data");
    bool busy = true;
    std::string e;
    auto a = disk.lock("/data", Disk::LockKind::shared, busy, e);
    auto b = disk.lock("/data", Disk::LockKind::shared, busy, e);
    REQUIRE(a);
    REQUIRE(b);
    CHECK_FALSE(disk.lock("/data", Disk::LockKind::exclusive, busy, e));
    CHECK(busy);
    a.reset();
    CHECK_FALSE(disk.lock("/data", Disk::LockKind::exclusive, busy, e));  // b still reads
    b.reset();
    auto only = disk.lock("/data", Disk::LockKind::exclusive, busy, e);
    REQUIRE(only);
    CHECK_FALSE(disk.lock("/data", Disk::LockKind::shared, busy, e));
    CHECK(busy);
    only.reset();
    CHECK(disk.lock("/data", Disk::LockKind::shared, busy, e));
}

TEST_CASE("fail_writes makes every write fail with the reason given, until turned off", "[memory_disk]") {
    MemoryDisk disk;
    disk.add_file("/ada", "lama");
    auto open = disk.create("/terbuka");  // opened before the disk filled up
    disk.fail_writes(ENOSPC);
    CHECK(disk.write("/baru", "x") == "berkas tidak dapat ditulis: " + system_reason(ENOSPC));
    CHECK(disk.lstat("/baru").kind == Kind::missing);
    open->write("x");
    CHECK(open->close() == "berkas tidak dapat ditulis: " + system_reason(ENOSPC));
    CHECK(disk.make_dirs("/folder") == "folder tidak dapat dibuat: " + system_reason(ENOSPC));
    CHECK(read_or(disk, "/ada") == "lama");
    disk.fail_writes(0);
    CHECK(disk.write("/baru", "x") == "");
    CHECK(read_or(disk, "/baru") == "x");
}

TEST_CASE("stop_after kills the process at the n-th change and revive shows the disk it left", "[memory_disk]") {
    MemoryDisk disk;
    disk.add_file("/site/index.html", "lama");
    const long before = disk.changes();
    disk.stop_after(2);  // changes 0 and 1 happen, change 2 throws
    bool busy = false;
    std::string e;
    auto lock = disk.lock("/site", Disk::LockKind::exclusive, busy, e);
    REQUIRE(lock);
    CHECK(disk.write("/site/a.html", "A") == "");  // create (0) and write (1)
    CHECK_THROWS_AS(disk.rename("/site/a.html", "/site/index.html"), MemoryDisk::Stopped);
    CHECK(disk.changes() == before + 3);
    // What happens after the stop never happened.
    disk.write("/site/b.html", "B");
    disk.revive();
    CHECK(read_or(disk, "/site/a.html") == "A");
    CHECK(read_or(disk, "/site/index.html") == "lama");
    CHECK(disk.lstat("/site/b.html").kind == Kind::missing);
    // The dead process's lock is gone.
    auto again = disk.lock("/site", Disk::LockKind::exclusive, busy, e);
    CHECK(again);
    lock.reset();
}

TEST_CASE("a lock taken before revive, released after it, leaves the new holders' locks alone", "[memory_disk]") {
    // The dead process's handle is dropped late (a test's unwinding): the folder stays with whoever holds it now.
    MemoryDisk disk;
    disk.add_dir("/data");
    bool busy = false;
    std::string e;
    auto dead_exclusive = disk.lock("/data", Disk::LockKind::exclusive, busy, e);
    REQUIRE(dead_exclusive);
    disk.revive();
    auto writer = disk.lock("/data", Disk::LockKind::exclusive, busy, e);
    REQUIRE(writer);
    dead_exclusive.reset();
    CHECK_FALSE(disk.lock("/data", Disk::LockKind::exclusive, busy, e));
    CHECK(busy);
    CHECK_FALSE(disk.lock("/data", Disk::LockKind::shared, busy, e));
    writer.reset();

    auto dead_shared = disk.lock("/data", Disk::LockKind::shared, busy, e);
    REQUIRE(dead_shared);
    disk.revive();
    auto reader = disk.lock("/data", Disk::LockKind::shared, busy, e);
    REQUIRE(reader);
    dead_shared.reset();
    CHECK_FALSE(disk.lock("/data", Disk::LockKind::exclusive, busy, e));  // the reader still reads
    CHECK(busy);
    reader.reset();
    CHECK(disk.lock("/data", Disk::LockKind::exclusive, busy, e));
}

TEST_CASE("a snapshot lists files with their bytes and folders with their mode, minus skipped entries",
          "[memory_disk]") {
    MemoryDisk disk;
    disk.add_file("/site/index.html", "beranda");
    disk.add_file("/site/lsp/a.html", "a");
    disk.add_file("/site/.manifest", "m");
    disk.add_file("/lain/x", "x");
    CHECK(disk.snapshot("/site", {".manifest"}) ==
          "== index.html (7)\nberanda\n"
          "== lsp/ 493\n"  // 0755
          "== lsp/a.html (1)\na\n");
    CHECK(disk.snapshot("/site").find("== .manifest (1)\nm\n") != std::string::npos);
    CHECK(disk.nodes().count("/lain/x") == 1);
}
