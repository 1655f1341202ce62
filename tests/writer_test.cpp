#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <set>
#include <thread>

#include "site/writer.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

/// One whole build's worth of writing.
bool publish_site(const fs::path& out, const std::vector<std::pair<std::string, std::string>>& files, Diagnostics& d) {
    auto w = SiteWriter::begin(out, d);
    if (!w) return false;
    for (const auto& [path, bytes] : files) w->write(path, bytes);
    return w->commit("uji", d);
}

}  // namespace

TEST_CASE("publishing writes every entry and a manifest", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    REQUIRE(publish_site(out, {{"index.html", "beranda"}, {"lsp/a/index.html", "a"}}, d));
    CHECK(test::read_file(out / "index.html") == "beranda");
    CHECK(test::read_file(out / "lsp/a/index.html") == "a");
    const auto manifest = test::read_file(out / kManifestName);
    CHECK_THAT(manifest, Contains("# masukan uji\n"));
    CHECK_THAT(manifest, Contains("index.html\t"));
    CHECK_THAT(manifest, Contains("lsp/a/index.html\t"));
}

TEST_CASE("a rebuild removes stale pages but keeps the user's own files", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    REQUIRE(publish_site(out, {{"index.html", "v1"}, {"lsp/lama/index.html", "lama"}}, d));
    test::write_file(out / "CNAME", "kinerja.contoh.example\n");
    test::write_file(out / ".git/HEAD", "ref: refs/heads/main\n");
    test::write_file(out / "lsp/catatan.txt", "milik pengguna");
    REQUIRE(publish_site(out, {{"index.html", "v2"}}, d));
    CHECK(test::read_file(out / "index.html") == "v2");
    CHECK_FALSE(fs::exists(out / "lsp/lama/index.html"));
    CHECK(test::read_file(out / "CNAME") == "kinerja.contoh.example\n");
    CHECK(test::read_file(out / ".git/HEAD") == "ref: refs/heads/main\n");
    CHECK(test::read_file(out / "lsp/catatan.txt") == "milik pengguna");
    CHECK(d.items().empty());
}

TEST_CASE("an output folder given with a trailing slash is rebuilt in place", "[writer]") {
    test::TempDir dir;
    Diagnostics d;
    for (const auto& out : {(dir / "site/").string(), (dir / "site/./").string(), (dir / "site").string()}) {
        INFO(out);
        REQUIRE(publish_site(out, {{"index.html", out}}, d));
        CHECK(test::read_file(dir / "site/index.html") == out);
        CHECK(d.items().empty());
    }
    // Nothing was staged inside the site, nor left beside it.
    std::vector<std::string> beside;
    for (const auto& e : fs::directory_iterator(dir.path())) beside.push_back(e.path().filename().string());
    CHECK(beside == std::vector<std::string>{"site"});
    std::set<std::string> inside;
    for (const auto& e : fs::directory_iterator(dir / "site")) inside.insert(e.path().filename().string());
    CHECK(inside == std::set<std::string>{"index.html", kManifestName});
}

TEST_CASE("a user file in the way of a page stops the publish and changes nothing", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    test::write_file(out / "index.html", "halaman buatan tangan");
    const auto before = test::snapshot(out);
    Diagnostics d;
    CHECK_FALSE(publish_site(out, {{"index.html", "baru"}}, d));
    CHECK_THAT(test::all_messages(d), Contains("bukan buatan pepgen"));
    CHECK(test::snapshot(out) == before);
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().filename() == "site");  // no staging directory left behind
}

TEST_CASE("unsafe output paths are refused before anything is written", "[writer]") {
    test::TempDir dir;
    Diagnostics d;
    CHECK_FALSE(publish_site(dir / "site", {{"../luar.html", "x"}}, d));
    CHECK_FALSE(publish_site(dir / "site", {{"/etc/x", "x"}}, d));
    CHECK_FALSE(fs::exists(dir / "luar.html"));
    CHECK_FALSE(fs::exists(dir / "site"));
    CHECK_THAT(test::all_messages(d), Contains("jalur keluaran tidak aman ditolak"));
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

TEST_CASE("unchanged files keep their inode and mtime; changed ones are rewritten", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    REQUIRE(publish_site(out, {{"a.html", "sama"}, {"b.html", "lama"}}, d));
    const auto a_time = fs::last_write_time(out / "a.html");
    const auto b_time = fs::last_write_time(out / "b.html");
    struct stat before{};
    ::stat((out / "a.html").c_str(), &before);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto w = SiteWriter::begin(out, d);
    REQUIRE(w);
    w->write("a.html", "sama");
    w->write("b.html", "baru");
    REQUIRE(w->commit("uji", d));
    CHECK(w->written() == 1);
    CHECK(w->linked() == 1);
    struct stat after{};
    ::stat((out / "a.html").c_str(), &after);
    CHECK(after.st_ino == before.st_ino);
    CHECK(fs::last_write_time(out / "a.html") == a_time);
    CHECK(fs::last_write_time(out / "b.html") != b_time);
    CHECK(test::read_file(out / "b.html") == "baru");
}

TEST_CASE("a file written in parts is made part by part, and kept when its bytes are unchanged", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    std::vector<std::string> made;
    auto parts = [&made](std::vector<std::string> texts) {
        std::vector<std::function<std::string()>> fns;
        for (auto& t : texts) fns.emplace_back([&made, t] { made.push_back(t); return t; });
        return fns;
    };
    {
        auto w = SiteWriter::begin(out, d);
        REQUIRE(w);
        REQUIRE(w->write_parts("data/semua.json", parts({"[", "1, ", "2]\n"})));
        REQUIRE(w->write_parts("data/lain.json", parts({"a"})));
        // A second file on the same path is refused before anything of it is made or written.
        CHECK_FALSE(w->write_parts("data/lain.json", parts({"b"})));
        REQUIRE_FALSE(w->commit("uji", d));
    }
    CHECK(made == std::vector<std::string>{"[", "1, ", "2]\n", "a"});
    CHECK_THAT(Diagnostics::format(d.items().at(0)), Contains("data/lain.json"));
    CHECK_FALSE(fs::exists(out / "data/semua.json"));  // nothing published from a failed build

    Diagnostics ok;
    {
        auto w = SiteWriter::begin(out, ok);
        REQUIRE(w->write_parts("data/semua.json", parts({"[", "1, ", "2]\n"})));
        REQUIRE(w->commit("uji", ok));
    }
    CHECK(test::read_file(out / "data/semua.json") == "[1, 2]\n");
    const auto time = fs::last_write_time(out / "data/semua.json");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    {
        // The same parts again: the previous file is kept, mtime and all.
        auto w = SiteWriter::begin(out, ok);
        REQUIRE(w->write_parts("data/semua.json", parts({"[", "1, ", "2]\n"})));
        REQUIRE(w->commit("uji", ok));
        CHECK(w->linked() == 1);
        CHECK(w->written() == 0);
    }
    CHECK(fs::last_write_time(out / "data/semua.json") == time);
    {
        auto w = SiteWriter::begin(out, ok);
        REQUIRE(w->write_parts("data/semua.json", parts({"[1, 3]\n"})));
        REQUIRE(w->commit("uji", ok));
        CHECK(w->written() == 1);
    }
    CHECK(test::read_file(out / "data/semua.json") == "[1, 3]\n");
    CHECK(ok.items().empty());
}

TEST_CASE("a page whose inputs did not change is reused without rendering", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    {
        auto w = SiteWriter::begin(out, d);
        w->write("p.html", "isi", "kunci-1");
        REQUIRE(w->commit("m1", d));
    }
    auto w = SiteWriter::begin(out, d);
    CHECK(w->previous_inputs() == "m1");
    CHECK(w->previous_intact());
    CHECK_FALSE(w->reuse("p.html", "kunci-2"));
    CHECK(w->reuse("p.html", "kunci-1"));
    REQUIRE(w->commit("m2", d));
    CHECK(test::read_file(out / "p.html") == "isi");
    CHECK_THAT(test::read_file(out / kManifestName), Contains("p.html\t"));
}

TEST_CASE("a page whose inputs changed but whose data did not is reused by its content key", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    {
        auto w = SiteWriter::begin(out, d);
        w->write("p.html", "isi", "kunci-1|isi-1");
        REQUIRE(w->commit("m1", d));
    }
    {
        auto w = SiteWriter::begin(out, d);
        CHECK(w->reuse("p.html", "kunci-1"));  // the input part alone still matches
        REQUIRE(w->commit("m2", d));
    }
    auto w = SiteWriter::begin(out, d);
    CHECK_FALSE(w->reuse("p.html", "kunci-2"));
    CHECK_FALSE(w->reuse_content("p.html", "kunci-2", "isi-2"));
    CHECK_FALSE(w->reuse_content("p.html", "kunci-2", ""));
    CHECK(w->reuse_content("p.html", "kunci-2", "isi-1"));
    REQUIRE(w->commit("m3", d));
    CHECK(test::read_file(out / "p.html") == "isi");
    CHECK_THAT(test::read_file(out / kManifestName), Contains("p.html\t") && Contains("\tkunci-2|isi-1\n"));
}

TEST_CASE("the fingerprint sees a change in any byte, and the length", "[writer]") {
    std::string text(100, 'a');
    const auto base = fingerprint(text);
    CHECK(fingerprint(text) == base);
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto changed = text;
        changed[i] = 'b';
        CHECK(fingerprint(changed) != base);
    }
    CHECK(fingerprint(text + '\0') != base);
    CHECK(fingerprint("a") != fingerprint(std::string_view("a\0", 2)));
    CHECK(fingerprint(text, 1) != fingerprint(text, 2));
}
