#include <catch2/catch.hpp>

#include <random>

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

namespace {

bool same_files(const Manifest& a, const Manifest& b) {
    if (a.inputs != b.inputs || a.files.size() != b.files.size()) return false;
    for (auto x = a.files.begin(), y = b.files.begin(); x != a.files.end(); ++x, ++y)
        if (x->first != y->first || x->second.hash != y->second.hash || x->second.key != y->second.key ||
            x->second.stamp != y->second.stamp)
            return false;
    return true;
}

}  // namespace

TEST_CASE("a manifest written from the previous one's lines is the manifest written whole", "[manifest]") {
    // A correction keeps thousands of entries: their lines are copied from the previous manifest.
    // Whatever changed (added, dropped, a new hash, key or stamp), the text is byte for byte
    // the one written entry by entry, and reads back as the new manifest.
    for (unsigned seed = 1; seed <= 40; ++seed) {
        std::mt19937 rng(seed);
        auto stamp = [&]() -> std::optional<FileStamp> {
            if (rng() % 8 == 0) return std::nullopt;
            return FileStamp{rng() % 100000, static_cast<std::int64_t>(rng()), static_cast<std::int64_t>(rng()), rng() % 1000};
        };
        Manifest before;
        before.inputs = "masukan-" + std::to_string(seed);
        for (int i = 0; i < 200; ++i)
            before.files["f/" + std::to_string(rng() % 400) + ".html"] =
                ManifestEntry{rng(), rng() % 3 ? "k" + std::to_string(rng() % 50) : "", stamp()};
        const auto previous = read_manifest(format_manifest(before));
        REQUIRE_FALSE(previous.text.empty());
        REQUIRE(same_files(previous, before));
        Manifest after;
        after.inputs = rng() % 2 ? before.inputs : "lain";
        for (const auto& [path, e] : before.files) {
            const auto roll = rng() % 10;
            if (roll == 0) continue;                                         // gone
            ManifestEntry next{e.hash, e.key, e.stamp};
            if (roll == 1) next.hash ^= 1;                                   // new bytes
            if (roll == 2) next.key += "|x";                                 // new key
            if (roll == 3) next.stamp = stamp();                             // installed anew
            after.files[path] = next;
        }
        for (int i = 0; i < 10; ++i) after.files["baru/" + std::to_string(rng() % 50) + ".html"] = ManifestEntry{rng(), "b", stamp()};
        INFO("seed " << seed);
        const auto copied = format_manifest(after, &previous);
        CHECK(copied == format_manifest(after));
        CHECK(same_files(parse_manifest(copied), after));
    }
}

TEST_CASE("lines are copied only from a manifest in this format, as each line read", "[manifest]") {
    // An older manifest (no header of this format) keeps no text: every line is written anew.
    const auto old = read_manifest("# masukan x\nindex.html\t00000000000000ff\tkunci\n");
    CHECK(old.text.empty());
    CHECK(old.files.at("index.html").line_size == 0);
    // A hand-edited one in this format: a damaged line is skipped and never copied; an entry read
    // from an odd line (no stamp) is copied only while the new entry equals it, and reads back the same.
    Manifest m;
    m.inputs = "x";
    m.files["a.html"] = ManifestEntry{1, "k", FileStamp{1, 2, 3, 4}};
    auto text = format_manifest(m);
    text += "../luar.html\t01\tk\n";
    text += "b.html\t02\tk\t1\tx\t3\t4\n";  // a damaged stamp: read without one
    text += "c.html\t03\tk\t5\t6\t7\t8";       // no newline at the end: not a whole line
    const auto previous = read_manifest(text);
    REQUIRE(previous.files.size() == 3);
    CHECK(previous.files.at("c.html").line_size == 0);
    Manifest next = m;
    next.files["b.html"] = ManifestEntry{2, "k", std::nullopt};
    next.files["c.html"] = ManifestEntry{3, "k", FileStamp{5, 6, 7, 8}};
    const auto written = format_manifest(next, &previous);
    CHECK_THAT(written, Catch::Matchers::Contains("b.html\t02\tk\t1\tx\t3\t4\n"));
    CHECK_THAT(written, !Catch::Matchers::Contains("luar"));
    CHECK(same_files(parse_manifest(written), next));
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
