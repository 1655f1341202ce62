#include <catch2/catch.hpp>

#include "site/manifest.h"
#include "test_support.h"

using namespace pepgen;

TEST_CASE("a manifest reads back what was written, stamps included", "[manifest]") {
    Manifest m;
    m.inputs = "abc123";
    m.files["index.html"] = ManifestEntry{0x1234, "k1|c1", FileStamp{10, 1700000000123456789, 1700000000223456789, 42}};
    m.files["lsp/a/index.html"] = ManifestEntry{0xffffffffffffffffull, "", std::nullopt};
    const auto back = parse_manifest(format_manifest(m));
    CHECK(back.inputs == "abc123");
    REQUIRE(back.files.size() == 2);
    CHECK(back.files.at("index.html").hash == 0x1234);
    CHECK(back.files.at("index.html").key == "k1|c1");
    CHECK(back.files.at("index.html").stamp == m.files["index.html"].stamp);
    CHECK(back.files.at("lsp/a/index.html").hash == 0xffffffffffffffffull);
    CHECK_FALSE(back.files.at("lsp/a/index.html").stamp);
}

TEST_CASE("a manifest of the previous format is read, its files without stamps", "[manifest]") {
    const auto m = parse_manifest("# masukan x\nindex.html\t00000000000000ff\tkunci\nlama.html\n");
    CHECK(m.inputs == "x");
    REQUIRE(m.files.size() == 2);
    CHECK(m.files.at("index.html").hash == 0xff);
    CHECK(m.files.at("index.html").key == "kunci");
    CHECK_FALSE(m.files.at("index.html").stamp);
    CHECK(m.files.count("lama.html") == 1);
}

TEST_CASE("manifest lines that would reach outside the folder, or are damaged, are not pepgen's", "[manifest]") {
    const auto m = parse_manifest(
        "../luar.txt\t01\t\n/etc/passwd\t01\t\na/../../b\t01\t\n.pepgen-manifest\t01\t\n"
        "a//b\t01\t\nbukan-hash\tzz\t\nok.html\t01\tk\t1\t2\t3\t4\nstempel-rusak.html\t01\tk\t1\tx\t3\t4\n");
    CHECK(m.files.size() == 2);
    CHECK(m.files.at("ok.html").stamp == FileStamp{1, 2, 3, 4});
    CHECK_FALSE(m.files.at("stempel-rusak.html").stamp);
}

TEST_CASE("a stamp is taken of regular files only, never through a symlink", "[manifest]") {
    test::TempDir dir;
    test::write_file(dir / "a.txt", "abc");
    std::filesystem::create_symlink(dir / "a.txt", dir / "link");
    const auto s = stamp_of((dir / "a.txt").c_str());
    REQUIRE(s);
    CHECK(s->size == 3);
    CHECK_FALSE(stamp_of((dir / "link").c_str()));
    CHECK_FALSE(stamp_of(dir.path().c_str()));
    CHECK_FALSE(stamp_of((dir / "none").c_str()));
}
