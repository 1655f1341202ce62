#include <catch2/catch.hpp>

#include "site/writer.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

TEST_CASE("publishing writes every entry and a manifest", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    REQUIRE(publish_site(out, {{"index.html", "beranda", {}}, {"lsp/a/index.html", "a", {}}}, d));
    CHECK(test::read_file(out / "index.html") == "beranda");
    CHECK(test::read_file(out / "lsp/a/index.html") == "a");
    CHECK(test::read_file(out / kManifestName) == "index.html\nlsp/a/index.html\n");
}

TEST_CASE("a rebuild removes stale pages but keeps the user's own files", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    REQUIRE(publish_site(out, {{"index.html", "v1", {}}, {"lsp/lama/index.html", "lama", {}}}, d));
    test::write_file(out / "CNAME", "kinerja.contoh.example\n");
    test::write_file(out / ".git/HEAD", "ref: refs/heads/main\n");
    test::write_file(out / "lsp/catatan.txt", "milik pengguna");
    REQUIRE(publish_site(out, {{"index.html", "v2", {}}}, d));
    CHECK(test::read_file(out / "index.html") == "v2");
    CHECK_FALSE(fs::exists(out / "lsp/lama/index.html"));
    CHECK(test::read_file(out / "CNAME") == "kinerja.contoh.example\n");
    CHECK(test::read_file(out / ".git/HEAD") == "ref: refs/heads/main\n");
    CHECK(test::read_file(out / "lsp/catatan.txt") == "milik pengguna");
    CHECK(d.items().empty());
}

TEST_CASE("a user file in the way of a page stops the publish and changes nothing", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    test::write_file(out / "index.html", "halaman buatan tangan");
    const auto before = test::snapshot(out);
    Diagnostics d;
    CHECK_FALSE(publish_site(out, {{"index.html", "baru", {}}}, d));
    CHECK_THAT(test::all_messages(d), Contains("bukan buatan pepgen"));
    CHECK(test::snapshot(out) == before);
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().filename() == "site");  // no staging directory left behind
}

TEST_CASE("unsafe output paths are refused before anything is written", "[writer]") {
    test::TempDir dir;
    Diagnostics d;
    CHECK_FALSE(publish_site(dir / "site", {{"../luar.html", "x", {}}}, d));
    CHECK_FALSE(publish_site(dir / "site", {{"/etc/x", "x", {}}}, d));
    CHECK_FALSE(fs::exists(dir / "luar.html"));
    CHECK_FALSE(fs::exists(dir / "site"));
}

TEST_CASE("output locations that would destroy the project are refused", "[writer]") {
    test::TempDir dir;
    fs::create_directories(dir / "content");
    Diagnostics d;
    CHECK_FALSE(check_output_location(dir.path(), dir.path(), d));
    CHECK_FALSE(check_output_location(dir.path(), dir / "content", d));
    CHECK_FALSE(check_output_location(dir.path(), dir / "data" / "x", d));
    CHECK_FALSE(check_output_location(dir.path(), "/", d));
    CHECK(check_output_location(dir.path(), dir / "site", d));
    CHECK(check_output_location(dir.path(), dir / "../elsewhere", d));
    CHECK(d.error_count() == 4);
}
