#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <set>
#include <thread>

#include "site/memory_disk.h"
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
    CHECK_THAT(test::all_messages(d), Contains("bukan buatan pepgen") && Contains("index.html"));
    CHECK(test::snapshot(out) == before);
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().filename() == "site");  // no staging directory left beside
    CHECK_FALSE(fs::exists(out / ".pepgen-staging"));  // nor inside
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

TEST_CASE("a safe relative path names a file below the output, part by part", "[writer]") {
    for (const auto* ok : {"a", "index.html", "lsp/lsp-a/index.html", "a.b/..c/d..", ".well-known/x"}) {
        INFO(ok);
        CHECK(is_safe_relative_path(ok));
    }
    for (const auto* bad : {"", "/a", "../a", "a/../b", "a/..", "..", ".", "./a", "a/./b", "a//b", "a/", "a\\b"}) {
        INFO(bad);
        CHECK_FALSE(is_safe_relative_path(bad));
    }
    CHECK_FALSE(is_safe_relative_path(std::string("a\0b", 3)));
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

TEST_CASE("an output folder inside the project's cache is refused: pepgen deletes there", "[writer]") {
    // A build empties .pepgen-cache/buang/ and tidies .pepgen-cache/penilaian/: a site built
    // inside them (with the user's .git and CNAME beside it) would be deleted by the next build.
    test::TempDir dir;
    fs::create_directories(dir / ".pepgen-cache" / "buang");
    for (const auto& inside : {dir / ".pepgen-cache", dir / ".pepgen-cache" / "buang" / "site",
                               dir / ".pepgen-cache" / "penilaian", dir / ".pepgen-cache" / "situs"}) {
        INFO(inside.string());
        Diagnostics d;
        CHECK_FALSE(check_output_location(dir.path(), inside, d));
        CHECK_THAT(test::all_messages(d), Contains(".pepgen-cache") && Contains("pilih folder lain"));
    }
    // Reached through a link, it is the same folder.
    fs::create_directory_symlink(dir / ".pepgen-cache" / "buang", dir / "tautan");
    Diagnostics d;
    CHECK_FALSE(check_output_location(dir.path(), dir / "tautan" / "site", d));
    // A folder whose name only starts the same is not inside it.
    CHECK(check_output_location(dir.path(), dir / ".pepgen-cache-situs", d));
    CHECK(d.error_count() == 1);
}

TEST_CASE("the output location messages say which way the folders overlap", "[writer]") {
    test::TempDir dir;
    Diagnostics inside, around;
    CHECK_FALSE(check_output_location(dir.path(), dir / "data" / "situs", inside));
    CHECK_THAT(test::all_messages(inside), Contains("di dalam data/"));
    CHECK_FALSE(check_output_location(dir.path(), dir.path(), around));
    CHECK_THAT(test::all_messages(around), Contains("memuat"));
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
    CHECK(w->unchanged() == 1);
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
    {
        auto w = SiteWriter::begin(out, d);
        REQUIRE(w);
        REQUIRE(test::write_parts(*w, "data/semua.json", test::unkeyed({"[", "1, ", "2]\n"}), &made));
        REQUIRE(test::write_parts(*w, "data/lain.json", test::unkeyed({"a"}), &made));
        // A second file on the same path is refused before anything of it is made or written.
        CHECK_FALSE(test::write_parts(*w, "data/lain.json", test::unkeyed({"b"}), &made));
        REQUIRE_FALSE(w->commit("uji", d));
    }
    CHECK(made == std::vector<std::string>{"[", "1, ", "2]\n", "a"});
    CHECK_THAT(Diagnostics::format(d.items().at(0)), Contains("data/lain.json"));
    CHECK_FALSE(fs::exists(out / "data/semua.json"));  // nothing published from a failed build

    Diagnostics ok;
    {
        auto w = SiteWriter::begin(out, ok);
        REQUIRE(test::write_parts(*w, "data/semua.json", test::unkeyed({"[", "1, ", "2]\n"}), &made));
        REQUIRE(w->commit("uji", ok));
    }
    CHECK(test::read_file(out / "data/semua.json") == "[1, 2]\n");
    const auto time = fs::last_write_time(out / "data/semua.json");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    {
        // The same parts again: the previous file is kept, mtime and all.
        auto w = SiteWriter::begin(out, ok);
        REQUIRE(test::write_parts(*w, "data/semua.json", test::unkeyed({"[", "1, ", "2]\n"}), &made));
        REQUIRE(w->commit("uji", ok));
        CHECK(w->unchanged() == 1);
        CHECK(w->written() == 0);
    }
    CHECK(fs::last_write_time(out / "data/semua.json") == time);
    // The same bytes cut into other parts (a build from scratch keys no rows, a later build keys
    // runs of them): still the same file, kept.
    for (const auto& cut : {std::vector<std::string>{"[1, 2]\n"}, std::vector<std::string>{"[1", ", 2", "]", "\n"}}) {
        auto w = SiteWriter::begin(out, ok);
        REQUIRE(test::write_parts(*w, "data/semua.json", test::unkeyed(cut), &made));
        REQUIRE(w->commit("uji", ok));
        CHECK(w->unchanged() == 1);
        CHECK(w->written() == 0);
    }
    CHECK(fs::last_write_time(out / "data/semua.json") == time);
    {
        auto w = SiteWriter::begin(out, ok);
        REQUIRE(test::write_parts(*w, "data/semua.json", test::unkeyed({"[1, 3]\n"}), &made));
        REQUIRE(w->commit("uji", ok));
        CHECK(w->written() == 1);
    }
    CHECK(test::read_file(out / "data/semua.json") == "[1, 3]\n");
    CHECK(ok.items().empty());
}

TEST_CASE("a part whose key the last build's file has is copied from it, not made again", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    std::vector<std::string> made;
    auto build = [&](std::vector<std::pair<std::string, std::optional<std::string>>> keyed) {
        Diagnostics d;
        auto w = SiteWriter::begin(out, d);
        REQUIRE(w);
        REQUIRE(test::write_parts(*w, "data/semua.json", std::move(keyed), &made));
        REQUIRE(w->commit("uji", d));
        INFO(test::all_messages(d));
        CHECK(d.items().empty());
    };
    build({{"k", "{\"a\": 1"}, {"r1", ", \"b\": 2"}, {"r2", ", \"c\": 3"}, {"", "}\n"}});
    made.clear();
    // Only the part whose key changed is made; the others come from the file on disk.
    build({{"k", "BEDA"}, {"r1", "BEDA"}, {"r2b", ", \"c\": 4"}, {"", "}\n"}});
    CHECK(made == std::vector<std::string>{", \"c\": 4", "}\n"});
    CHECK(test::read_file(out / "data/semua.json") == "{\"a\": 1, \"b\": 2, \"c\": 4}\n");

    SECTION("a file changed behind pepgen's back is not trusted: every part is made") {
        test::write_file(out / "data/semua.json", "{\"x\": 0, \"b\": 2, \"c\": 4}\n");
        made.clear();
        build({{"k", "{\"a\": 1"}, {"r1", ", \"b\": 2"}, {"r2b", ", \"c\": 4"}, {"", "}\n"}});
        CHECK(made.size() == 4);
        CHECK(test::read_file(out / "data/semua.json") == "{\"a\": 1, \"b\": 2, \"c\": 4}\n");
    }
    SECTION("the same key in another place is copied from where it was") {
        made.clear();
        build({{"r1", "BEDA"}, {"k", "BEDA"}, {"", "}\n"}});
        CHECK(made == std::vector<std::string>{"}\n"});
        CHECK(test::read_file(out / "data/semua.json") == ", \"b\": 2{\"a\": 1}\n");
    }
}

TEST_CASE("parts kept in a row are copied together, however long, and kept_parts names what will be copied", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    const std::string big(1500000, 'a'), mid(700000, 'b');
    auto build = [&](std::vector<std::pair<std::string, std::optional<std::string>>> parts) {
        Diagnostics d;
        auto w = SiteWriter::begin(out, d);
        REQUIRE(w);
        REQUIRE(test::write_parts(*w, "data/x.json", std::move(parts)));
        REQUIRE(w->commit("uji", d));
        CHECK(d.items().empty());
    };
    build({{"h", "H"}, {"a", big}, {"b", mid}, {"", "ekor"}});
    {
        Diagnostics d;
        auto w = SiteWriter::begin(out, d);
        const auto kept = w->kept_parts("data/x.json");
        CHECK(kept.size() == 3);
        CHECK(kept.at("h") == SiteWriter::KeptPart{0, 1, fingerprint("H")});
        CHECK(kept.at("a") == SiteWriter::KeptPart{1, big.size(), fingerprint(big)});
        CHECK(kept.at("b") == SiteWriter::KeptPart{1 + big.size(), mid.size(), fingerprint(mid)});
        CHECK(w->kept_parts("data/tidak-ada.json").empty());
    }
    // Kept parts need no way to make them; a new part between them is made.
    build({{"h", std::nullopt}, {"a", std::nullopt}, {"baru", "BARU"}, {"b", std::nullopt}, {"", "ekor"}});
    CHECK(test::read_file(out / "data/x.json") == "H" + big + "BARU" + mid + "ekor");
    // Changed behind pepgen's back: nothing is kept, so a part that cannot be made stops the file,
    // and nothing of it is left behind.
    test::write_file(out / "data/x.json", "lain");
    Diagnostics d;
    auto w = SiteWriter::begin(out, d);
    CHECK(w->kept_parts("data/x.json").empty());
    CHECK_THROWS_WITH(test::write_parts(*w, "data/x.json", {{"h", std::nullopt}}), Contains("tidak dapat dibuat"));
}

namespace {

/// The memory disk, counting how often the build reads a published data file back from it.
class ReadCount final : public test::ForwardingDisk {
public:
    using ForwardingDisk::ForwardingDisk;
    std::atomic<int> reads{0};

    std::optional<std::string> read(const fs::path& p, std::string& e) override {
        count(p);
        return ForwardingDisk::read(p, e);
    }
    std::optional<std::string> read_range(const fs::path& p, std::uint64_t o, std::size_t n, std::string& e) override {
        count(p);
        return ForwardingDisk::read_range(p, o, n, e);
    }

private:
    void count(const fs::path& p) {
        if (p.extension() == ".json") ++reads;
    }
};

}  // namespace

TEST_CASE("kept parts are copied by the disk: the build never reads them back to hash them", "[writer][disk]") {
    const fs::path out = "/srv/site";
    MemoryDisk memory;
    ReadCount disk(memory);
    const std::string big(200000, 'x');
    auto build = [&](test::Parts parts, bool full = false) {
        Diagnostics d;
        auto w = SiteWriter::begin(out, d, full, disk);
        REQUIRE(w);
        REQUIRE(test::write_parts(*w, "data/semua.json", std::move(parts)));
        REQUIRE(w->commit("uji", d));
        INFO(test::all_messages(d));
        CHECK(d.items().empty());
        return std::make_pair(w->written(), w->unchanged());
    };
    std::string error;
    build({{"k", "{"}, {"r1", big}, {"r2", "2"}, {"", "}\n"}});
    const auto first = memory.lstat(out / "data/semua.json").stamp;

    disk.reads = 0;
    CHECK(build({{"k", std::nullopt}, {"r1", std::nullopt}, {"r2b", "3"}, {"", "}\n"}}) == std::make_pair(std::size_t{1}, std::size_t{0}));
    CHECK(memory.read(out / "data/semua.json", error) == "{" + big + "3}\n");
    CHECK(disk.reads == 0);

    // The same parts again: nothing written, still nothing read.
    CHECK(build({{"k", std::nullopt}, {"r1", std::nullopt}, {"r2b", std::nullopt}, {"", "}\n"}}) ==
          std::make_pair(std::size_t{0}, std::size_t{1}));
    CHECK(disk.reads == 0);
    CHECK(memory.lstat(out / "data/semua.json").stamp != first);

    SECTION("a build that trusts no stamp reads the file, cuts it where its parts end, and keeps it when unchanged") {
        const auto before = memory.lstat(out / "data/semua.json").stamp;
        CHECK(build({{"k", "{"}, {"r1", big}, {"r2b", "3"}, {"", "}\n"}}, true) ==
              std::make_pair(std::size_t{0}, std::size_t{1}));
        CHECK(memory.lstat(out / "data/semua.json").stamp == before);
    }
    SECTION("a file changed behind pepgen's back is read, differs part by part, and is made again whole") {
        memory.add_file(out / "data/semua.json", "{" + big + "4}\n");
        CHECK(build({{"k", "{"}, {"r1", big}, {"r2b", "3"}, {"", "}\n"}}) == std::make_pair(std::size_t{1}, std::size_t{0}));
        CHECK(memory.read(out / "data/semua.json", error) == "{" + big + "3}\n");
    }
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
    CHECK_THAT(test::read_file(out / kManifestName), Contains("p.html\t") && Contains("\tkunci-2|isi-1\t"));
}

namespace {

/// Mode and inode of a path, without following a symlink.
std::pair<unsigned, ino_t> mode_and_inode(const fs::path& p) {
    struct stat st{};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    return {st.st_mode & 07777u, st.st_ino};
}

}  // namespace

TEST_CASE("a git checkout of the publishing branch is kept exactly, however many builds", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "pages";
    test::write_file(out / ".git/HEAD", "ref: refs/heads/gh-pages\n");
    fs::create_directories(out / ".git/refs/tags");  // empty, and git needs it
    fs::create_directories(out / ".well-known/acme-challenge");
    test::write_file(out / "CNAME", "kinerja.contoh.example\n");
    test::write_file(out / ".nojekyll", "");
    ::chmod((out / ".git").c_str(), 0700);
    ::chmod((out / ".well-known").c_str(), 01777);
    const std::vector<fs::path> kept = {out, out / ".git", out / ".git/HEAD", out / ".git/refs/tags",
                                        out / ".well-known", out / ".well-known/acme-challenge", out / "CNAME"};
    std::vector<std::pair<unsigned, ino_t>> before;
    for (const auto& p : kept) before.push_back(mode_and_inode(p));
    Diagnostics d;
    REQUIRE(publish_site(out, {{"index.html", "v1"}, {"lsp/a/index.html", "a"}}, d));
    REQUIRE(publish_site(out, {{"index.html", "v2"}, {"lsp/b/index.html", "b"}}, d));
    REQUIRE(publish_site(out, {{"index.html", "v3"}}, d));
    INFO(test::all_messages(d));
    for (std::size_t i = 0; i < kept.size(); ++i) {
        INFO(kept[i]);
        CHECK(mode_and_inode(kept[i]) == before[i]);
    }
    CHECK(test::read_file(out / ".git/HEAD") == "ref: refs/heads/gh-pages\n");
    CHECK(fs::is_directory(out / ".git/refs/tags"));
    CHECK(test::read_file(out / "index.html") == "v3");
    CHECK_FALSE(fs::exists(out / "lsp"));  // pepgen's own folders go with their last page
    if (std::system("git --version >/dev/null 2>&1") == 0) {
        fs::remove_all(out / ".git");
        REQUIRE(std::system(("git -C " + test::q(out) + " init -q -b gh-pages").c_str()) == 0);
        for (int i = 0; i < 3; ++i)
            REQUIRE(publish_site(out, {{"index.html", "v" + std::to_string(i)}, {"x/y.html", std::to_string(i)}}, d));
        CHECK(std::system(("git -C " + test::q(out) + " status --short >/dev/null").c_str()) == 0);
    }
}

TEST_CASE("a folder holding someone's files is refused, and left exactly as it was", "[writer]") {
    test::TempDir dir;
    const auto home = dir / "home";
    test::write_file(home / "notes.txt", "milik pengguna");
    fs::create_directories(home / ".ssh");
    fs::create_directories(home / "empty");
    ::chmod((home / ".ssh").c_str(), 0700);
    ::chmod((home / "empty").c_str(), 01777);
    const auto before = test::snapshot(home);
    const auto modes = std::vector{mode_and_inode(home), mode_and_inode(home / ".ssh"), mode_and_inode(home / "empty")};
    Diagnostics d;
    CHECK_FALSE(publish_site(home, {{"index.html", "x"}}, d));
    const auto messages = test::all_messages(d);
    CHECK_THAT(messages, Contains("3 entri yang bukan buatan pepgen") && Contains(".ssh, empty, notes.txt") &&
                             Contains("--output"));
    CHECK(test::snapshot(home) == before);
    CHECK(std::vector{mode_and_inode(home), mode_and_inode(home / ".ssh"), mode_and_inode(home / "empty")} == modes);
    CHECK_FALSE(fs::exists(home / ".pepgen-staging"));
    CHECK_FALSE(fs::exists(home / "index.html"));
}

TEST_CASE("in a folder pepgen built, the user's files are kept and one in the way stops the build", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    REQUIRE(publish_site(out, {{"index.html", "v1"}, {"lsp/a/index.html", "a"}}, d));
    fs::create_directories(out / "lsp/a/milik-saya");  // an empty folder of the user's inside one of pepgen's
    test::write_file(out / "baru.html", "buatan tangan");
    const auto before = test::snapshot(out);
    Diagnostics refused;
    CHECK_FALSE(publish_site(out, {{"index.html", "v2"}, {"baru.html", "pepgen"}}, refused));
    CHECK_THAT(test::all_messages(refused), Contains("bukan buatan pepgen") && Contains("baru.html"));
    CHECK(test::snapshot(out) == before);
    REQUIRE(publish_site(out, {{"index.html", "v2"}}, d));
    CHECK_FALSE(fs::exists(out / "lsp/a/index.html"));
    CHECK(fs::is_directory(out / "lsp/a/milik-saya"));  // kept, and so is the folder that holds it
    CHECK(test::read_file(out / "baru.html") == "buatan tangan");
}

TEST_CASE("a symlinked output is written through, a dangling or read-only one refused", "[writer]") {
    test::TempDir dir;
    fs::create_directories(dir / "www");
    fs::create_directory_symlink(dir / "www", dir / "site");
    Diagnostics d;
    REQUIRE(publish_site(dir / "site", {{"index.html", "v1"}}, d));
    CHECK(fs::is_symlink(dir / "site"));
    CHECK(test::read_file(dir / "www/index.html") == "v1");
    REQUIRE(publish_site(dir / "site/", {{"index.html", "v2"}}, d));
    CHECK(fs::is_symlink(dir / "site"));
    CHECK(test::read_file(dir / "www/index.html") == "v2");

    fs::create_directory_symlink(dir / "tidak-ada", dir / "putus");
    Diagnostics dangling;
    CHECK_FALSE(publish_site(dir / "putus", {{"index.html", "x"}}, dangling));
    CHECK_THAT(test::all_messages(dangling), Contains("tautan simbolik") && Contains("tidak ada"));
    CHECK_FALSE(fs::exists(dir / "tidak-ada"));

    fs::create_directories(dir / "ro");
    ::chmod((dir / "ro").c_str(), 0555);
    Diagnostics ro;
    CHECK_FALSE(publish_site(dir / "ro", {{"index.html", "x"}}, ro));
    CHECK_THAT(test::all_messages(ro), Contains("hanya-baca") && Contains("555"));
    CHECK(fs::is_empty(dir / "ro"));
    CHECK(mode_and_inode(dir / "ro").first == 0555);
    ::chmod((dir / "ro").c_str(), 0755);
}

TEST_CASE("a missing output is created only by a build that publishes", "[writer]") {
    test::TempDir dir;
    Diagnostics d;
    CHECK_FALSE(publish_site(dir / "a/b/site", {{"../x", "x"}}, d));
    CHECK_FALSE(fs::exists(dir / "a"));
    REQUIRE(publish_site(dir / "a/b/site", {{"index.html", "x"}}, d));
    CHECK(test::read_file(dir / "a/b/site/index.html") == "x");
}

TEST_CASE("one build at a time per output folder", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    auto first = SiteWriter::begin(out, d);
    REQUIRE(first);
    first->write("index.html", "pertama");
    Diagnostics second;
    CHECK_FALSE(SiteWriter::begin(out, second));
    CHECK_THAT(test::all_messages(second), Contains("build lain sedang menulis"));
    REQUIRE(first->commit("uji", d));
    first.reset();  // the lock goes with the writer
    CHECK(SiteWriter::begin(out, d));
    CHECK(test::read_file(out / "index.html") == "pertama");
}

TEST_CASE("a published file changed on disk is rewritten, even with its size and mtime kept", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    {
        auto w = SiteWriter::begin(out, d);
        w->write("p.html", "asli", "kunci");
        REQUIRE(w->commit("m", d));
    }
    CHECK(SiteWriter::up_to_date(out, "m"));
    const auto time = fs::last_write_time(out / "p.html");
    test::write_file(out / "p.html", "palu");  // same size
    fs::last_write_time(out / "p.html", time);
    CHECK_FALSE(SiteWriter::up_to_date(out, "m"));
    auto w = SiteWriter::begin(out, d);
    CHECK_FALSE(w->reuse("p.html", "kunci"));  // not trusted: rendered again
    w->write("p.html", "asli", "kunci");
    REQUIRE(w->commit("m", d));
    CHECK(w->written() == 1);
    CHECK(test::read_file(out / "p.html") == "asli");
    CHECK(SiteWriter::up_to_date(out, "m"));
}

TEST_CASE("a full verification reads every file instead of trusting the manifest", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    REQUIRE(publish_site(out, {{"p.html", "asli"}}, d));
    // A manifest that vouches for bytes the file does not have (hand-edited, or copied with the file).
    auto manifest = parse_manifest(test::read_file(out / kManifestName));
    test::write_file(out / "p.html", "palu");
    manifest.files.at("p.html").stamp = stamp_of((out / "p.html").c_str());
    test::write_file(out / kManifestName, format_manifest(manifest));
    REQUIRE(publish_site(out, {{"p.html", "asli"}}, d));
    CHECK(test::read_file(out / "p.html") == "palu");  // an ordinary build trusts the stamp
    auto w = SiteWriter::begin(out, d, /*verify_all=*/true);
    w->write("p.html", "asli");
    REQUIRE(w->commit("uji", d));
    CHECK(w->written() == 1);
    CHECK(test::read_file(out / "p.html") == "asli");
}

TEST_CASE("files that cannot be written give one message with the system's reason", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    REQUIRE(publish_site(out, {{"index.html", "lama"}}, d));
    const auto before = test::snapshot(out);
    // A file size limit stands in for a full disk: every write fails the same way.
    struct rlimit old_limit{};
    ::getrlimit(RLIMIT_FSIZE, &old_limit);
    const auto old_handler = ::signal(SIGXFSZ, SIG_IGN);
    auto w = SiteWriter::begin(out, d);
    REQUIRE(w);
    struct rlimit small = old_limit;
    small.rlim_cur = 8;
    ::setrlimit(RLIMIT_FSIZE, &small);
    for (int i = 0; i < 5; ++i) w->write("lsp/" + std::to_string(i) + ".html", std::string(100, 'x'));
    ::setrlimit(RLIMIT_FSIZE, &old_limit);
    ::signal(SIGXFSZ, old_handler);
    Diagnostics failed;
    CHECK_FALSE(w->commit("uji", failed));
    REQUIRE(failed.error_count() == 1);
    CHECK_THAT(test::all_messages(failed), Contains("File too large") && Contains("5 berkas") && Contains("lsp/0.html"));
    w.reset();
    CHECK(test::snapshot(out) == before);
    CHECK_FALSE(fs::exists(out / ".pepgen-staging"));
}

TEST_CASE("a commit that a killed build left half done is finished by the next build", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    REQUIRE(publish_site(out, {{"index.html", "v1"}, {"lama/index.html", "lama"}}, d));
    // What a build killed after deciding to commit leaves: new bytes staged, a marker listing what goes.
    test::write_file(out / ".pepgen-staging/0", "v2");
    test::write_file(out / ".pepgen-staging/1", "baru");
    test::write_file(out / ".pepgen-staging/.pepgen-commit",
                     "+\t0\tindex.html\n+\t1\tbaru/index.html\n+\t2\t../luar.txt\n-\tlama/index.html\n-\t../luar.txt\n"
                     "+\t../../rahasia.txt\tbocor.txt\n=\t../../rahasia.txt\t1\tbocor2.txt\n"
                     "+\t3/19\tterbagi/index.html\n+\t0/../../../rahasia.txt\tbocor3.txt\n+\t3/\tbocor4.txt\n");
    test::write_file(out / ".pepgen-staging/3/19", "dari folder bagian");
    test::write_file(dir / "rahasia.txt", "milik pengguna");
    test::write_file(out / ".pepgen-staging/2", "menimpa");
    test::write_file(dir / "luar.txt", "di luar");
    test::write_file(out / (".pepgen-staging/" + std::string(kManifestName)),
                     "# pepgen-manifest 2\n# masukan m2\nindex.html\t0\t\nbaru/index.html\t0\t\n");
    {
        auto w = SiteWriter::begin(out, d);
        REQUIRE(w);
    }
    CHECK(test::read_file(out / "index.html") == "v2");
    CHECK(test::read_file(out / "baru/index.html") == "baru");
    CHECK_FALSE(fs::exists(out / "lama"));
    CHECK(test::read_file(dir / "luar.txt") == "di luar");
    // A staged name that is not pepgen's (a number) moves nothing from outside the staging folder into the site.
    CHECK(test::read_file(dir / "rahasia.txt") == "milik pengguna");
    CHECK_FALSE(fs::exists(out / "bocor.txt"));
    CHECK_FALSE(fs::exists(out / "bocor2.txt"));
    CHECK_FALSE(fs::exists(out / "bocor3.txt"));
    CHECK_FALSE(fs::exists(out / "bocor4.txt"));
    // A staged file lies in one of the staging folder's folders: "<folder>/<number>".
    CHECK(test::read_file(out / "terbagi/index.html") == "dari folder bagian");
    CHECK_FALSE(fs::exists(out / ".pepgen-staging"));
    // A staging folder without the marker is a build that never decided: dropped, nothing installed.
    test::write_file(out / ".pepgen-staging/index.html", "setengah");
    REQUIRE(publish_site(out, {{"index.html", "v3"}}, d));
    CHECK(test::read_file(out / "index.html") == "v3");
    CHECK_FALSE(fs::exists(out / ".pepgen-staging"));
}

TEST_CASE("a replaced file is swapped into place, and a commit killed after the swap keeps the new file", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    REQUIRE(publish_site(out, {{"index.html", "v1"}, {"a/index.html", "a1"}}, d));
    const auto old_inode = real_disk().lstat(out / "index.html").stamp.inode;
    REQUIRE(publish_site(out, {{"index.html", "v2"}, {"a/index.html", "a1"}}, d));
    CHECK(test::read_file(out / "index.html") == "v2");
    CHECK(real_disk().lstat(out / "index.html").stamp.inode != old_inode);
    CHECK_FALSE(fs::exists(out / ".pepgen-staging"));  // the old version went with the staging folder

    // Killed between swapping index.html and removing its old version, which now has the staged name:
    // the marker's inode tells it from the new file, so the replay removes it rather than moving it back.
    test::write_file(out / ".pepgen-staging/0", "v2-lama");
    test::write_file(out / ".pepgen-staging/1", "a2");
    const auto staged_a = real_disk().lstat(out / ".pepgen-staging/1").stamp.inode;
    const auto swapped_out = real_disk().lstat(out / ".pepgen-staging/0").stamp.inode;
    test::write_file(out / ".pepgen-staging/.pepgen-commit",
                     "=\t0\t" + std::to_string(swapped_out + 1) + "\tindex.html\n=\t1\t" + std::to_string(staged_a) +
                         "\ta/index.html\n");
    {
        auto w = SiteWriter::begin(out, d);
        REQUIRE(w);
    }
    CHECK(test::read_file(out / "index.html") == "v2");
    CHECK(test::read_file(out / "a/index.html") == "a2");
    CHECK_FALSE(fs::exists(out / ".pepgen-staging"));
}

TEST_CASE("a manifest never leads pepgen to remove anything outside its own files", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    Diagnostics d;
    REQUIRE(publish_site(out, {{"index.html", "v1"}, {"lsp/a.html", "a"}}, d));
    test::write_file(dir / "korban.txt", "jangan dihapus");
    test::write_file(dir / "luar/a.html", "jangan dihapus");
    auto manifest = test::read_file(out / kManifestName);
    manifest += "../korban.txt\t0\t\n/etc/hostname\t0\t\n";
    test::write_file(out / kManifestName, manifest);
    // pepgen's folder replaced by a link to somewhere else: its stale page is not removed through it.
    fs::remove_all(out / "lsp");
    fs::create_directory_symlink(dir / "luar", out / "lsp");
    REQUIRE(publish_site(out, {{"index.html", "v2"}}, d));
    CHECK(test::read_file(dir / "korban.txt") == "jangan dihapus");
    CHECK(test::read_file(dir / "luar/a.html") == "jangan dihapus");
    CHECK(fs::is_symlink(out / "lsp"));
    // Writing a page below that link is refused rather than written through it.
    Diagnostics through;
    CHECK_FALSE(publish_site(out, {{"index.html", "v3"}, {"lsp/b.html", "b"}}, through));
    CHECK_THAT(test::all_messages(through), Contains("lsp/b.html"));
    CHECK_FALSE(fs::exists(dir / "luar/b.html"));
}

TEST_CASE("pepgen's bookkeeping and a host's files are never written as pages", "[writer]") {
    test::TempDir dir;
    Diagnostics d;
    for (const char* path : {".pepgen-manifest", ".pepgen-staging/x.html", ".git/config", "CNAME", ".well-known/x"}) {
        INFO(path);
        Diagnostics one;
        CHECK_FALSE(publish_site(dir / "site", {{path, "x"}}, one));
        CHECK_THAT(test::all_messages(one), Contains("jalur keluaran tidak aman"));
    }
}

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

bool publish_in(MemoryDisk& disk, const fs::path& out, const Files& files, Diagnostics& d) {
    auto w = SiteWriter::begin(out, d, false, disk);
    if (!w) return false;
    for (const auto& [path, bytes] : files) w->write(path, bytes);
    return w->commit("uji", d);
}

/// Kills the build that publishes `next` over `before` at every change it makes in turn, and starts
/// the next build each time: the folder must then hold the old site or the new one, complete.
void stop_at_every_step(const MemoryDisk& before, const fs::path& out, const Files& next) {
    MemoryDisk whole = before;
    Diagnostics d;
    REQUIRE(publish_in(whole, out, next, d));
    const std::set<std::string> manifest = {kManifestName};
    const auto old_site = before.snapshot(out, manifest), new_site = whole.snapshot(out, manifest);
    REQUIRE(old_site != new_site);
    int kept = 0, finished = 0;
    bool completed = false;
    for (long step = 0; !completed && step < 1000; ++step) {
        INFO("stopped at change " << step);
        MemoryDisk disk = before;
        disk.stop_after(step);
        bool published = false;
        try {
            Diagnostics run;
            published = publish_in(disk, out, next, run);
            completed = true;
        } catch (const MemoryDisk::Stopped&) {
            disk.revive();
        }
        disk.stop_after(-1);
        if (completed) REQUIRE(published);
        // The next build's first step, whatever it then builds.
        Diagnostics again;
        REQUIRE(SiteWriter::begin(out, again, false, disk));
        const auto now = disk.snapshot(out, manifest);
        INFO(now);
        CHECK((now == old_site || now == new_site));
        (now == old_site ? kept : finished) += 1;
        CHECK(disk.lstat(out / ".git/refs/tags").mode == 0700);
        CHECK(disk.lstat(out / ".pepgen-staging").kind == Disk::Kind::missing);
        // A completed site is one the next build can trust: its manifest lists every file.
        if (now == new_site) {
            std::string error;
            CHECK(parse_manifest(disk.read(out / kManifestName, error).value_or("")).files.size() == next.size());
        }
    }
    CHECK(completed);
    CHECK(kept > 0);
    CHECK(finished > 1);
}

/// An output folder as a host keeps it: a git checkout and a CNAME, nothing of pepgen's yet.
MemoryDisk host_folder() {
    MemoryDisk disk;
    disk.add_file("/srv/site/.git/HEAD", "ref: refs/heads/gh-pages\n");
    disk.add_dir("/srv/site/.git/refs/tags", 0700);
    disk.add_file("/srv/site/CNAME", "kinerja.contoh.example\n");
    return disk;
}

}  // namespace

TEST_CASE("a commit stopped at any step leaves the old site or one the next build completes", "[writer][disk]") {
    MemoryDisk before = host_folder();
    Diagnostics d;
    REQUIRE(publish_in(before, "/srv/site", {{"index.html", "v1"}, {"lsp/a/index.html", "a"}, {"lsp/b/index.html", "b"}}, d));
    stop_at_every_step(before, "/srv/site", {{"index.html", "v2"}, {"lsp/a/index.html", "a"}, {"lsp/c/index.html", "c"}});
}

TEST_CASE("a file that replaces a published one is written out as it is staged; a new one is not", "[writer][disk]") {
    const fs::path out = "/srv/site";
    MemoryDisk disk;
    Diagnostics d;
    REQUIRE(publish_in(disk, out, {{"index.html", "v1"}, {"a/index.html", "a"}}, d));
    CHECK(disk.written_out().empty());  // nothing was published before
    REQUIRE(publish_in(disk, out, {{"index.html", "v2"}, {"a/index.html", "a"}, {"b/index.html", "b"}}, d));
    REQUIRE(disk.written_out().size() == 1);  // index.html's new bytes; a/ is unchanged, b/ is new
    CHECK(disk.written_out().begin()->rfind("/srv/site/.pepgen-staging/", 0) == 0);
    std::string error;
    CHECK(disk.read(out / "index.html", error) == "v2");
}

TEST_CASE("on a file system that cannot swap files, replaced files are renamed into place", "[writer][disk]") {
    const fs::path out = "/srv/site";
    MemoryDisk disk;
    disk.fail_exchange(EINVAL);
    Diagnostics d;
    REQUIRE(publish_in(disk, out, {{"index.html", "v1"}, {"a/index.html", "a"}}, d));
    REQUIRE(publish_in(disk, out, {{"index.html", "v2"}, {"a/index.html", "a2"}}, d));
    std::string error;
    CHECK(disk.read(out / "index.html", error) == "v2");
    CHECK(disk.read(out / "a/index.html", error) == "a2");
    CHECK(disk.lstat(out / ".pepgen-staging").kind == Disk::Kind::missing);
}

TEST_CASE("a full disk fails the build with one message and changes nothing, in memory", "[writer][disk]") {
    const fs::path out = "/srv/site";
    MemoryDisk disk;
    Diagnostics d;
    REQUIRE(publish_in(disk, out, {{"index.html", "v1"}}, d));
    const auto before = disk.snapshot(out);
    auto w = SiteWriter::begin(out, d, false, disk);
    REQUIRE(w);
    disk.fail_writes(ENOSPC);
    for (int i = 0; i < 40; ++i) w->write("lsp/" + std::to_string(i) + "/index.html", "halaman");
    Diagnostics failed;
    CHECK_FALSE(w->commit("uji", failed));
    disk.fail_writes(0);
    w.reset();
    REQUIRE(failed.error_count() == 1);
    CHECK_THAT(test::all_messages(failed), Contains("No space left on device") && Contains("40 berkas"));
    CHECK(disk.snapshot(out) == before);
}

namespace {

/// The memory disk, with every rename it is asked for written down.
class RenameLog final : public test::ForwardingDisk {
public:
    using ForwardingDisk::ForwardingDisk;
    std::vector<std::pair<std::string, std::string>> renames;

    std::string rename(const fs::path& from, const fs::path& to) override {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            renames.emplace_back(from.string(), to.string());
        }
        return ForwardingDisk::rename(from, to);
    }

private:
    std::mutex mutex_;
};

/// Where the renames into the output came from, below the staging folder.
std::set<std::string> moved_from_staging(const RenameLog& log) {
    std::set<std::string> from;
    const std::string staging = "/srv/site/.pepgen-staging/";
    for (const auto& [a, b] : log.renames)
        if (a.rfind(staging, 0) == 0 && b.rfind("/srv/site/.pepgen", 0) != 0) from.insert(a.substr(staging.size()));
    return from;
}

}  // namespace

TEST_CASE("a first build moves each top-level entry of the new site whole; later builds move files", "[writer][disk]") {
    const fs::path out = "/srv/site";
    MemoryDisk memory;
    memory.add_file("/srv/site/CNAME", "kinerja.contoh.example\n");
    RenameLog disk(memory);
    const Files site = {{"index.html", "beranda"}, {"lsp/a/index.html", "a"}, {"lsp/b/index.html", "b"},
                        {"data/lsp/a.json", "{}"}};
    Diagnostics d;
    {
        auto w = SiteWriter::begin(out, d, false, disk);
        REQUIRE(w);
        for (const auto& [path, bytes] : site) w->write(path, bytes);
        REQUIRE(w->commit("uji", d));
    }
    INFO(test::all_messages(d));
    // Thousands of files in a national site's first build: three renames here, not one per file.
    CHECK(moved_from_staging(disk) == std::set<std::string>{"s/data", "s/index.html", "s/lsp"});
    std::string error;
    for (const auto& [path, bytes] : site) CHECK(memory.read(out / path, error) == bytes);
    CHECK(memory.read(out / "CNAME", error) == "kinerja.contoh.example\n");
    CHECK(memory.lstat(out / ".pepgen-staging").kind == Disk::Kind::missing);
    // The manifest records each file as it lies in place, so the next build keeps it untouched.
    const auto manifest = parse_manifest(memory.read(out / kManifestName, error).value_or(""));
    REQUIRE(manifest.files.size() == site.size());
    for (const auto& [path, entry] : manifest.files) {
        INFO(path);
        REQUIRE(entry.stamp);
        CHECK(*entry.stamp == memory.lstat(out / path).stamp);
    }
    REQUIRE(SiteWriter::up_to_date(out, "uji", memory));

    // A site is there now: a changed file is staged on its own and swapped into place.
    disk.renames.clear();
    {
        auto w = SiteWriter::begin(out, d, false, disk);
        REQUIRE(w);
        for (const auto& [path, bytes] : site) w->write(path, path == "lsp/b/index.html" ? "b2" : bytes);
        w->write("lsp/c/index.html", "c");
        REQUIRE(w->commit("uji", d));
    }
    const auto moved = moved_from_staging(disk);
    REQUIRE(moved.size() == 1);  // lsp/c is new (renamed); lsp/b's new bytes were swapped in
    CHECK(moved.begin()->rfind("s/", 0) != 0);
    CHECK(memory.read(out / "lsp/b/index.html", error) == "b2");
    CHECK(memory.read(out / "lsp/c/index.html", error) == "c");
    CHECK(memory.read(out / "lsp/a/index.html", error) == "a");
}

TEST_CASE("a first build stopped at any step leaves no site or one the next build completes", "[writer][disk]") {
    // Its files are moved in whole folders, and the folder has no manifest until the last step.
    stop_at_every_step(host_folder(), "/srv/site",
                       {{"index.html", "v1"}, {"lsp/a/index.html", "a"}, {"lsp/b/index.html", "b"}, {"404.html", "x"}});
}

TEST_CASE("a folder made in a new output during its first build stops the commit and is left alone", "[writer][disk]") {
    const fs::path out = "/srv/site";
    MemoryDisk disk;
    Diagnostics d;
    auto w = SiteWriter::begin(out, d, false, disk);
    REQUIRE(w);
    w->write("index.html", "beranda");
    w->write("lsp/a/index.html", "a");
    disk.add_file("/srv/site/lsp/catatan.txt", "milik pengguna");
    Diagnostics failed;
    CHECK_FALSE(w->commit("uji", failed));
    w.reset();
    CHECK_THAT(test::all_messages(failed), Contains("bukan buatan pepgen") && Contains("lsp"));
    std::string error;
    CHECK(disk.read(out / "lsp/catatan.txt", error) == "milik pengguna");
    CHECK(disk.lstat(out / "index.html").kind == Disk::Kind::missing);
    CHECK(disk.lstat(out / "lsp/a").kind == Disk::Kind::missing);
    CHECK(disk.lstat(out / kManifestName).kind == Disk::Kind::missing);
}

TEST_CASE("a commit marker's whole-entry moves take only one name of the staged tree, to a free name", "[writer]") {
    test::TempDir dir;
    const auto out = dir / "site";
    test::write_file(out / ".pepgen-staging/s/lsp/a/index.html", "a");
    test::write_file(out / ".pepgen-staging/s/index.html", "beranda");
    test::write_file(out / ".pepgen-staging/s/ada/index.html", "baru");
    test::write_file(out / ".pepgen-staging/s/.git/HEAD", "bukan milik situs");
    test::write_file(dir / "luar/rahasia.txt", "di luar");
    test::write_file(out / (".pepgen-staging/" + std::string(kManifestName)),
                     "# pepgen-manifest 2\n# masukan m\nindex.html\t0\t\nlsp/a/index.html\t0\t\n");
    test::write_file(out / ".pepgen-staging/.pepgen-commit",
                     "W\tlsp\nW\tindex.html\nW\t../luar\nW\tlsp/a\nW\t.git\nW\t..\nW\t.pepgen-manifest\n");
    Diagnostics d;
    {
        auto w = SiteWriter::begin(out, d, false);
        REQUIRE(w);
    }
    CHECK(test::read_file(out / "lsp/a/index.html") == "a");
    CHECK(test::read_file(out / "index.html") == "beranda");
    CHECK(test::read_file(dir / "luar/rahasia.txt") == "di luar");
    CHECK_FALSE(fs::exists(out / "luar"));
    CHECK_FALSE(fs::exists(out / ".git"));
    CHECK_FALSE(fs::exists(out / ".pepgen-staging"));

    // An entry whose name is taken in the output is not moved over it: the commit cannot finish.
    test::write_file(out / "ada/milik.txt", "milik pengguna");
    test::write_file(out / ".pepgen-staging/s/ada/index.html", "baru");
    test::write_file(out / ".pepgen-staging/.pepgen-commit", "W\tada\n");
    Diagnostics blocked;
    CHECK_FALSE(SiteWriter::begin(out, blocked, false));
    CHECK_THAT(test::all_messages(blocked), Contains("ada: sudah ada di folder keluaran"));
    CHECK(test::read_file(out / "ada/milik.txt") == "milik pengguna");
    CHECK_FALSE(fs::exists(out / "ada/index.html"));
}

TEST_CASE("a commit marker that is not pepgen's neither removes nor replaces a user's file", "[writer]") {
    test::TempDir dir;
    // A folder of someone's files, with a marker planted beside them: no manifest lists the file.
    const auto out = dir / "site";
    test::write_file(out / "skripsi.txt", "milik pengguna");
    test::write_file(out / ".pepgen-staging/.pepgen-commit", "-\tskripsi.txt\n");
    Diagnostics d;
    CHECK_FALSE(SiteWriter::begin(out, d));  // the marker names no entry of a first build: someone's folder
    CHECK_THAT(test::all_messages(d), Contains("bukan buatan pepgen (skripsi.txt)"));
    CHECK(test::read_file(out / "skripsi.txt") == "milik pengguna");
    CHECK(fs::exists(out / ".pepgen-staging/.pepgen-commit"));

    // In a folder pepgen built, a marker that would put a staged file over a file the manifest does not list.
    const auto built = dir / "situs";
    REQUIRE(publish_site(built, {{"index.html", "v1"}}, d));
    test::write_file(built / "catatan.txt", "milik pengguna");
    test::write_file(built / ".pepgen-staging/0/1", "menimpa");
    const auto inode = std::to_string(real_disk().lstat(built / ".pepgen-staging/0/1").stamp.inode);
    test::write_file(built / ".pepgen-staging/.pepgen-commit", "=\t0/1\t" + inode + "\tcatatan.txt\n-\tcatatan.txt\n");
    Diagnostics blocked;
    CHECK_FALSE(SiteWriter::begin(built, blocked));
    CHECK_THAT(test::all_messages(blocked), Contains("catatan.txt: sudah ada di folder keluaran tetapi bukan buatan pepgen"));
    CHECK(test::read_file(built / "catatan.txt") == "milik pengguna");
    CHECK(test::read_file(built / "index.html") == "v1");
}
