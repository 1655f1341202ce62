// site/incremental_keys: input fingerprints (scan_inputs), the keys derived from them (derive_keys)
// and the content key, on the fixture project; then the keys the planners give each page.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <map>
#include <set>

#include "cli/project.h"
#include "content/content_loader.h"
#include "data/data_loader.h"
#include "site/incremental_keys.h"
#include "site/manifest.h"
#include "site/page_keys.h"
#include "render/theme.h"
#include "site/plan.h"
#include "test_support.h"
#include "util/fingerprint.h"

using namespace pepgen;
namespace fs = std::filesystem;

namespace {

const std::string kExtra = "uji|-|i";

/// Replaces the first `from` in a project file by `to`.
void edit(const fs::path& file, const std::string& from, const std::string& to) {
    auto text = test::read_file(file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    test::write_file(file, text);
}

/// The fixture's keys as a build derives them: rounds in date order 2025-1, 2025-i1, 2025-2.
InputKeys keys_of(const fs::path& root, const std::string& extra = kExtra) {
    Diagnostics d;
    const auto data = load_data(root, test::fixture_catalogue(), d);
    INFO(test::all_messages(d));
    REQUIRE_FALSE(d.has_errors());
    REQUIRE(data.rounds.size() == 3);
    const auto content = load_content(root, d);
    REQUIRE_FALSE(d.has_errors());
    return derive_keys(scan_inputs(root, extra), extra, content);
}

/// Every key of b differs from a's: what a change to a global input or to the options must do.
void check_every_key_differs(const InputKeys& a, const InputKeys& b) {
    CHECK(b.all != a.all);
    CHECK(b.global != a.global);
}

/// Every planned page and file of the project (path -> key), as an incremental build plans them.
std::map<std::string, std::string> planned_keys(const fs::path& root) {
    Diagnostics d;
    auto project = load_project(root, d);
    INFO(test::all_messages(d));
    REQUIRE(project.results);
    const auto theme = Theme::load(root, project.content.config.theme, d);
    REQUIRE(theme);
    SiteModel model(project.content, project.data, *project.results, project.stat_checks);
    // As build_site keys an incremental build.
    model.keys = derive_keys(scan_inputs(root, kExtra), kExtra, project.content);
    model.keys.templates = template_keys(*theme);
    model.keys.pages = page_keys(model);
    const auto plan = plan_site(model);
    std::map<std::string, std::string> out;
    for (const auto& p : plan.pages) out[p.path] = p.key;
    for (const auto& f : plan.files) out[f.path] = f.key;
    return out;
}

/// Paths whose key differs between two plans (both plan the same paths).
std::set<std::string> changed(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
    REQUIRE(a.size() == b.size());
    std::set<std::string> out;
    for (const auto& [path, key] : a)
        if (b.at(path) != key) out.insert(path);
    return out;
}

}  // namespace

TEST_CASE("scan_inputs fingerprints every file of content, data and themes and pepgen.yaml", "[incremental_keys]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto in = scan_inputs(dir.path(), kExtra);
    for (const char* rel : {"pepgen.yaml", "content/beranda.md", "content/indikator/P01.md", "data/lsp.json",
                            "data/penilaian/2025-i1.json", "themes/default/templates/partials/badge.mustache"})
        CHECK(in.files.count(rel) == 1);
    CHECK(in.files.count("site/index.html") == 0);  // only the three input folders are read
    CHECK(in.all.size() == 16);                      // 64 bits in hex
    // Other files elsewhere in the project are no input.
    test::write_file(dir / "catatan.txt", "bukan masukan");
    CHECK(scan_inputs(dir.path(), kExtra).all == in.all);
}

TEST_CASE("scan_inputs sees what the loaders see: through linked folders, non-files, links out of the project",
          "[incremental_keys]") {
    // The scan decides whether anything changed at all: a file the loaders read that the scan
    // misses would leave a changed indicator or category table unpublished.
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::link_indicator_folder(dir.path());
    const auto linked = scan_inputs(dir.path(), kExtra);
    CHECK(linked.complete);
    REQUIRE(linked.files.count("content/indikator/P01.md") == 1);
    CHECK(linked.files.at("content/indikator/P01.md") == fingerprint(test::read_file(dir / "bersama/indikator/P01.md")));
    edit(dir / "bersama/indikator/P01.md", "judul:", "judul: Baru");
    CHECK(scan_inputs(dir.path(), kExtra).all != linked.all);

    // A folder, or anything else that is not a file, where a loader expects a file.
    const auto before = scan_inputs(dir.path(), kExtra).all;
    fs::create_directory(dir / "content/panduan/folder.md");
    CHECK(scan_inputs(dir.path(), kExtra).all != before);
    fs::remove(dir / "content/panduan/folder.md");
    CHECK(scan_inputs(dir.path(), kExtra).all == before);

    // A folder where pepgen.yaml belongs: the loader refuses it, so it is not the same as no pepgen.yaml.
    fs::remove(dir / "pepgen.yaml");
    const auto no_config = scan_inputs(dir.path(), kExtra).all;
    fs::create_directory(dir / "pepgen.yaml");
    CHECK(scan_inputs(dir.path(), kExtra).all != no_config);
    fs::remove(dir / "pepgen.yaml");
    test::write_file(dir / "pepgen.yaml", "judul: Situs Uji\npenerbit: Tim Uji\n");
    const auto before_loop = scan_inputs(dir.path(), kExtra).all;

    // A link back up is followed once: the scan ends, and is complete.
    fs::create_directory_symlink("..", dir / "content/panduan/putar");
    const auto looped = scan_inputs(dir.path(), kExtra);
    CHECK(looped.complete);
    CHECK(looped.all != before_loop);
    fs::remove(dir / "content/panduan/putar");

    // A linked folder that leads out of the project is listed by where it leads, not walked: what it
    // holds is refused by the loaders, and a link to a large folder elsewhere must not slow every build.
    test::TempDir elsewhere;
    test::write_file(elsewhere / "catatan.md", "pertama");
    fs::create_directory_symlink(elsewhere.path(), dir / "content/arsip");
    const auto linked_out = scan_inputs(dir.path(), kExtra);
    CHECK(linked_out.files.count("content/arsip") == 1);
    CHECK(linked_out.files.count("content/arsip/catatan.md") == 0);
    test::write_file(elsewhere / "catatan.md", "kedua");
    CHECK(scan_inputs(dir.path(), kExtra).all == linked_out.all);
    fs::remove(dir / "content/arsip");

    // Same bytes, but through a link out of the project: the loaders refuse it, so it is not the same input.
    test::TempDir outside;
    const auto round = dir / "data/penilaian/2025-1.json";
    test::write_file(outside / "2025-1.json", test::read_file(round));
    fs::remove(round);
    fs::create_symlink(outside / "2025-1.json", round);
    const auto out = scan_inputs(dir.path(), kExtra);
    CHECK(out.all != before_loop);
    CHECK(out.files.at("data/penilaian/2025-1.json") != fingerprint(test::read_file(outside / "2025-1.json")));
}

TEST_CASE("the same inputs give the same keys; other options or another program change every key", "[incremental_keys]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto a = keys_of(dir.path());
    const auto b = keys_of(dir.path());
    CHECK(a.all == b.all);
    CHECK(a.global == b.global);
    CHECK(a.site == b.site);
    CHECK(a.registry == b.registry);
    // Each key names its kind by its first letter.
    CHECK(a.global.front() == 'g');
    CHECK(a.site.front() == 'w');
    CHECK(a.registry.front() == 'l');

    check_every_key_differs(a, keys_of(dir.path(), "uji|https://contoh.id/|i"));
}

TEST_CASE("a changed round file moves the all-inputs key only: pages follow its values", "[incremental_keys]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto before = keys_of(dir.path());
    // 2025-i1 is the second round in date order (2025-06-01, 2025-08-01, 2025-11-01).
    edit(dir / "data/penilaian/2025-i1.json", "\"D01\": 3", "\"D01\": 9");
    const auto after = keys_of(dir.path());
    CHECK(after.all != before.all);
    CHECK(after.global == before.global);
    // What every page reads besides its own values does not move (page_keys follows the round's values).
    CHECK(after.site == before.site);
    CHECK(after.registry == before.registry);
}

TEST_CASE("the site key leaves out the registry and the templates, which pages follow through their own keys",
          "[incremental_keys]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto before = keys_of(dir.path());
    edit(dir / "data/lsp.json", "LSP Uji B", "LSP Uji Beta");
    const auto renamed = keys_of(dir.path());
    CHECK(renamed.site == before.site);
    CHECK(renamed.registry != before.registry);
    CHECK(renamed.global != before.global);
    edit(dir / "themes/default/templates/partials/badge.mustache", "badge {{css}}", "badge {{css}} lencana");
    const auto retemplated = keys_of(dir.path());
    CHECK(retemplated.site == renamed.site);
    CHECK(retemplated.global != renamed.global);
    edit(dir / "pepgen.yaml", "Situs Uji", "Situs Uji Baru");
    CHECK(keys_of(dir.path()).site != retemplated.site);
}

TEST_CASE("a file in data/penilaian/ that is no round still counts as an input, but moves no shared key",
          "[incremental_keys]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto before = keys_of(dir.path());
    test::write_file(dir / "data/penilaian/catatan.txt", "cadangan");
    const auto after = keys_of(dir.path());
    CHECK(after.all != before.all);
    CHECK(after.global == before.global);
    CHECK(after.site == before.site);
}

TEST_CASE("a registry name change or a theme change changes the global key and so every derived key",
          "[incremental_keys]") {
    for (const auto& [file, from, to] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"data/lsp.json", "LSP Uji B", "LSP Uji Beta"},
             {"themes/default/templates/partials/badge.mustache", "badge {{css}}", "badge {{css}} lencana"}}) {
        INFO(file);
        test::TempDir dir;
        test::write_fixture_project(dir.path());
        const auto before = keys_of(dir.path());
        edit(dir / file, from, to);
        check_every_key_differs(before, keys_of(dir.path()));
    }
}

TEST_CASE("a changed statistics table moves the all-inputs key and the tables' key only", "[incremental_keys]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_fixture_stats(dir.path());
    const auto before = keys_of(dir.path());
    CHECK(before.datasets.front() == 's');
    edit(dir / "data/statistik/lsp-uji.json", "\"p1\": 10", "\"p1\": 12");
    const auto after = keys_of(dir.path());
    CHECK(after.all != before.all);
    CHECK(after.datasets != before.datasets);
    CHECK(after.global == before.global);
    CHECK(after.site == before.site);
    // A round or the registry is no table: the tables' key stays.
    edit(dir / "data/penilaian/2025-2.json", "\"M01\": 9", "\"M01\": 2");
    edit(dir / "data/lsp.json", "LSP Uji A", "LSP Uji Z");
    CHECK(keys_of(dir.path()).datasets == after.datasets);
    // Other options or another program: every key moves, the tables' too.
    CHECK(keys_of(dir.path(), "lain|-|i").datasets != after.datasets);
}

TEST_CASE("the statistics pages are keyed by the tables and the site, so a score change plans none of them",
          "[incremental_keys][plan]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_fixture_stats(dir.path());
    const auto before = planned_keys(dir.path());
    for (const auto* path : {"statistik/index.html", "statistik/laporan/index.html", "statistik/tabel/lsp-uji/index.html"}) {
        INFO(path);
        REQUIRE(before.count(path) == 1);
        CHECK_FALSE(before.at(path).empty());
    }
    edit(dir / "data/penilaian/2025-2.json", "\"M01\": 9", "\"M01\": 2");
    auto diff = changed(before, planned_keys(dir.path()));
    for (const auto& path : diff) CHECK(path.rfind("statistik/", 0) != 0);
    edit(dir / "data/statistik/lsp-uji.json", "\"p1\": 10", "\"p1\": 12");
    const auto tables = planned_keys(dir.path());
    edit(dir / "data/statistik/lsp-uji.json", "\"p1\": 12", "\"p1\": 14");
    diff = changed(tables, planned_keys(dir.path()));
    CHECK(diff.count("statistik/index.html") == 1);
    CHECK(diff.count("statistik/laporan/index.html") == 1);
    CHECK(diff.count("statistik/tabel/lsp-uji/index.html") == 1);
}

TEST_CASE("the guidance and downloads pages are keyed by what they show, so a score change plans none of them",
          "[incremental_keys][plan]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_fixture_stats(dir.path());
    const std::vector<std::string> guidance = {"panduan/index.html", "panduan/dasar/index.html", "panduan/indeks/index.html"};
    const auto before = planned_keys(dir.path());
    for (const auto& path : guidance) {
        INFO(path);
        REQUIRE(before.count(path) == 1);
        CHECK_FALSE(before.at(path).empty());
    }
    REQUIRE(before.count("unduh/index.html") == 1);
    CHECK_FALSE(before.at("unduh/index.html").empty());
    // A score, even one that moves ranks and means: none of these pages shows it.
    edit(dir / "data/penilaian/2025-2.json", "\"M01\": 9", "\"M01\": 2");
    auto diff = changed(before, planned_keys(dir.path()));
    CHECK_FALSE(diff.empty());
    for (const auto& path : diff) {
        CHECK(path.rfind("panduan/", 0) != 0);
        CHECK(path != "unduh/index.html");
    }
    // What the downloads page lists: a round's name, the registry, a table's title.
    auto keys = planned_keys(dir.path());
    edit(dir / "data/penilaian/2025-2.json", "\"periode\": \"2025-2\",", "\"periode\": \"2025-2\", \"judul\": \"Putaran Kedua\",");
    auto next = planned_keys(dir.path());
    CHECK(changed(keys, next).count("unduh/index.html") == 1);
    CHECK(changed(keys, next).count("panduan/dasar/index.html") == 0);
    edit(dir / "data/lsp.json", "LSP Uji C", "LSP Uji Ce");
    keys = std::move(next);
    next = planned_keys(dir.path());
    CHECK(changed(keys, next).count("unduh/index.html") == 1);
    edit(dir / "data/statistik/lsp-uji.json", "\"LSP per Provinsi (uji)\"", "\"LSP per Provinsi\"");
    keys = std::move(next);
    next = planned_keys(dir.path());
    CHECK(changed(keys, next).count("unduh/index.html") == 1);
    // The guidance shows content/ and the tables its pages embed.
    CHECK(changed(keys, next).count("panduan/dasar/index.html") == 1);
    edit(dir / "content/panduan/dasar.md", "Lihat", "Baca");
    keys = std::move(next);
    next = planned_keys(dir.path());
    for (const auto& path : guidance) CHECK(changed(keys, next).count(path) == 1);
}

TEST_CASE("the sitemap is keyed by the pages it lists, so a score change leaves it alone and a new page does not",
          "[incremental_keys][plan]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto before = planned_keys(dir.path());
    REQUIRE(before.count("sitemap.xml") == 1);
    CHECK_FALSE(before.at("sitemap.xml").empty());
    edit(dir / "data/penilaian/2025-2.json", "\"M01\": 9", "\"M01\": 2");
    CHECK(planned_keys(dir.path()).at("sitemap.xml") == before.at("sitemap.xml"));
    // A new guide is a new page in the sitemap.
    test::write_file(dir / "content/panduan/baru.md", "---\njudul: Panduan baru\nurutan: 9\n---\nIsi.\n");
    CHECK(planned_keys(dir.path()).at("sitemap.xml") != before.at("sitemap.xml"));
}

TEST_CASE("the content key follows the global key, the template and every part of the context", "[incremental_keys]") {
    const auto ctx = Value().set("judul", "A").set("daftar", Value::list({Value("x"), Value(true)}));
    const auto key = content_key("g1", "scorecard", ctx);
    CHECK(key.front() == 'c');
    CHECK(content_key("g1", "scorecard", Value().set("judul", "A").set("daftar", Value::list({Value("x"), Value(true)}))) ==
          key);
    CHECK(content_key("g2", "scorecard", ctx) != key);
    CHECK(content_key("g1", "round", ctx) != key);
    CHECK(content_key("g1", "scorecard", Value().set("judul", "B").set("daftar", Value::list({Value("x"), Value(true)}))) !=
          key);
    CHECK(content_key("g1", "scorecard", Value().set("judul", "A").set("daftar", Value::list({Value("x"), Value(false)}))) !=
          key);
    // A row laid over a shared one (a round's rows one folder higher) follows its base as well.
    auto over = [](const char* name) {
        return Value().set("baris", Value::list({Value::over(Value::shared(Value().set("nama", name))).set("href", "../x/")}));
    };
    CHECK(content_key("g1", "t", over("A")) == content_key("g1", "t", over("A")));
    CHECK(content_key("g1", "t", over("A")) != content_key("g1", "t", over("B")));
    // Lengths are mixed in: moving text between neighbouring fields is another context.
    CHECK(content_key("g1", "t", Value().set("a", "xy").set("b", "z")) !=
          content_key("g1", "t", Value().set("a", "x").set("b", "yz")));
    // Without a global key (a full build) there is no content key.
    CHECK(content_key("", "scorecard", ctx).empty());
    // Shared rows (Value::shared) are hashed as what they hold.
    CHECK(content_key("g1", "scorecard",
                      Value().set("judul", "A").set("daftar", Value::list({Value::shared(Value("x")), Value(true)}))) == key);
    CHECK(content_key("g1", "scorecard",
                      Value().set("judul", "A").set("daftar", Value::shared(Value::list({Value("x"), Value(true)})))) == key);
}

TEST_CASE("a changed round changes the keys of exactly the pages that show it", "[incremental_keys][plan]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    // LSP C leaves the newest round: its last round is then 2025-1.
    edit(dir / "data/penilaian/2025-2.json", ",\n    {\"lsp\": \"lsp-c\", \"skor\": {\"M01\": 3, \"P01\": null, \"D01\": 4}}",
         "");
    const auto before = planned_keys(dir.path());
    edit(dir / "data/penilaian/2025-2.json", "\"M01\": 9", "\"M01\": 2");
    const auto after = planned_keys(dir.path());
    const auto diff = changed(before, after);
    INFO("changed: " << [&] {
        std::string s;
        for (const auto& p : diff) s += p + " ";
        return s;
    }());
    // LSP A's pages and files show 2025-2; LSP C's stop at 2025-1 and keep their keys.
    CHECK(diff.count("lsp/lsp-a/index.html") == 1);
    CHECK(diff.count("lsp/lsp-b/index.html") == 1);
    CHECK(diff.count("lsp/lsp-c/index.html") == 0);
    CHECK_FALSE(before.at("lsp/lsp-c/index.html").empty());
    // Print archives: only the changed round's.
    CHECK(diff.count("penilaian/2025-2/cetak/index.html") == 1);
    CHECK(diff.count("penilaian/2025-1/cetak/index.html") == 0);
    CHECK(diff.count("penilaian/2025-i1/cetak/index.html") == 0);
    CHECK_FALSE(before.at("penilaian/2025-1/cetak/index.html").empty());
    // Round pages and exports: only the changed round's (the newest periodic one is also kategori/).
    CHECK(diff.count("penilaian/2025-2/index.html") == 1);
    CHECK(diff.count("penilaian/2025-1/index.html") == 0);
    CHECK(diff.count("kategori/2025-1/index.html") == 0);
    CHECK(diff.count("data/indeks-2025-1.json") == 0);
    // The registry's list shows LSP A's current IK.
    CHECK(diff.count("lsp/index.html") == 1);
    // Every path whose key changed is LSP A's or B's, an indicator page (keyed on all rounds), 2025-2's, or the list.
    for (const auto& path : diff) {
        INFO(path);
        const bool expected = path.rfind("lsp/lsp-a", 0) == 0 || path.rfind("lsp/lsp-b", 0) == 0 ||
                              path.rfind("data/lsp/lsp-a", 0) == 0 || path.rfind("data/lsp/lsp-b", 0) == 0 ||
                              path.rfind("indikator/", 0) == 0 || path.rfind("penilaian/2025-2/", 0) == 0 ||
                              path.rfind("data/indeks-2025-2.", 0) == 0 || path == "data/hasil-2025-2.csv" ||
                              path.rfind("kategori/", 0) == 0 || path == "lsp/index.html";
        CHECK(expected);
        CHECK(path.find("lsp-c") == std::string::npos);
    }
}

TEST_CASE("the input memo: a file whose stamp is unchanged is not read again; a changed or fresh one is",
          "[incremental_keys][input_memo]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto memo_file = dir / ".pepgen-cache/masukan";
    fs::create_directories(memo_file.parent_path());
    InputMemo memo{memo_file, true, std::chrono::seconds(0)};  // files written just now count as settled
    const auto fresh = scan_inputs(dir.path(), kExtra);
    const auto first = scan_inputs(dir.path(), kExtra, memo);
    CHECK(first.all == fresh.all);
    auto entries = read_input_memo(memo_file);
    REQUIRE(entries.count("data/lsp.json") == 1);
    // One entry per file read (the folders the scan lists have no bytes to remember).
    std::size_t files = 0;
    for (const auto& [path, hash] : fresh.files) files += fs::is_regular_file(dir / path) ? 1 : 0;
    CHECK(entries.size() == files);
    CHECK(files > 30);
    CHECK(entries.at("data/lsp.json").hash == fresh.files.at("data/lsp.json"));

    // The memo is what is used: a planted fingerprint under the file's own stamp is taken.
    std::map<std::string, MemoEntry> planted(entries.begin(), entries.end());
    planted.at("data/lsp.json").hash = 42;
    write_input_memo(memo_file, planted);
    CHECK(scan_inputs(dir.path(), kExtra, memo).files.at("data/lsp.json") == 42);
    SECTION("a build from scratch reads every file again and renews the memo") {
        const InputMemo scratch{memo_file, false, std::chrono::seconds(0)};
        CHECK(scan_inputs(dir.path(), kExtra, scratch).all == fresh.all);
        CHECK(read_input_memo(memo_file).at("data/lsp.json").hash == fresh.files.at("data/lsp.json"));
    }
    SECTION("a changed file is read again, even at the same size") {
        edit(dir / "data/lsp.json", "\"lsp\"", "\"LSP\"");  // same size, other bytes, another stamp
        const auto again = scan_inputs(dir.path(), kExtra, memo);
        CHECK(again.files.at("data/lsp.json") != 42);
        CHECK(again.files.at("data/lsp.json") == scan_inputs(dir.path(), kExtra).files.at("data/lsp.json"));
        CHECK(again.files.at("data/lsp.json") != fresh.files.at("data/lsp.json"));
    }
    SECTION("a file changed just before the scan is not remembered, so a change in the same tick is seen") {
        const InputMemo settling{memo_file, true, std::chrono::seconds(3)};
        edit(dir / "data/penilaian/2025-2.json", "\"M01\": 9", "\"M01\": 2");
        const auto scanned = scan_inputs(dir.path(), kExtra, settling);
        CHECK(scanned.files.at("data/lsp.json") == 42);  // settled long ago as far as the memo knows
        CHECK(read_input_memo(memo_file).count("data/penilaian/2025-2.json") == 0);
    }
    SECTION("a memo reached through a link is no memo") {
        test::TempDir elsewhere;
        fs::rename(memo_file.parent_path(), elsewhere / "cache");
        fs::create_directory_symlink(elsewhere / "cache", memo_file.parent_path());
        CHECK(read_input_memo(memo_file).empty());
        CHECK(scan_inputs(dir.path(), kExtra, memo).files.at("data/lsp.json") == fresh.files.at("data/lsp.json"));
    }
    SECTION("a damaged or torn memo is no memo") {
        auto text = test::read_file(memo_file);
        test::write_file(memo_file, text.substr(0, text.size() - 5));
        CHECK(read_input_memo(memo_file).empty());
        text[text.size() / 2] = static_cast<char>(text[text.size() / 2] ^ 0x01);
        test::write_file(memo_file, text);
        CHECK(read_input_memo(memo_file).empty());
        CHECK(scan_inputs(dir.path(), kExtra, memo).all == fresh.all);
    }
}

TEST_CASE("a folder the scan cannot list makes it incomplete, and the build then keeps nothing by key",
          "[incremental_keys]") {
    // A folder nobody may read; as root, the scan runs in a child that has given up root.
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    fs::create_directories(dir / "content/tertutup");
    test::write_file(dir / "content/tertutup/catatan.md", "x");
    fs::permissions(dir.path(), fs::perms::all);
    for (const char* sub : {"content", "data", "themes"}) {
        for (auto it = fs::recursive_directory_iterator(dir / sub); it != fs::recursive_directory_iterator(); ++it)
            fs::permissions(it->path(), fs::perms::all);
        fs::permissions(dir / sub, fs::perms::all);
    }
    // Runs `work` as somebody other than root, in a child; its exit code.
    auto as_other = [](const std::function<int()>& work) {
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
            ::_exit(work());
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        REQUIRE(WIFEXITED(status));
        return WEXITSTATUS(status);
    };
    auto scan_whole = [&] { return scan_inputs(dir.path(), kExtra).complete ? 0 : 1; };
    // Builds, changes one score, builds again: 0 when the second build rendered every page, 1 when fewer.
    auto second_build_renders_all = [&] {
        auto site = test::build_in_memory(dir.path());
        const auto round = dir / "data/penilaian/2025-2.json";
        const bool nine = test::read_file(round).find("{\"M01\": 9,") != std::string::npos;
        test::replace_in_file(round, nine ? "{\"M01\": 9," : "{\"M01\": 8,", nine ? "{\"M01\": 8," : "{\"M01\": 9,");
        test::build_again(*site, dir.path());
        if (!site->ok || site->summary.pages == 0) return 2;
        return site->summary.rendered == site->summary.pages ? 0 : 1;
    };
    REQUIRE(as_other(scan_whole) == 0);  // everything on the way is readable to the other user
    CHECK(as_other(second_build_renders_all) == 1);
    fs::permissions(dir / "content/tertutup", fs::perms::none);
    CHECK(as_other(scan_whole) == 1);
    CHECK(as_other(second_build_renders_all) == 0);
    fs::permissions(dir / "content/tertutup", fs::perms::owner_all);
    CHECK(scan_inputs(dir.path(), kExtra).complete);
}

TEST_CASE("after a guide page changes, only the pages that show it are rendered", "[incremental_keys][incremental]") {
    // A page is rendered only when its data or templates changed: pages are kept by the program and
    // options with their data (InputKeys::render), and the pages of records and the downloads are
    // keyed without the prose of content/ (InputKeys::records, InputKeys::data).
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto site = test::build_in_memory(dir.path());
    INFO(test::all_messages(site->diags));
    REQUIRE(site->ok);
    const auto guide = dir / "content/panduan/dasar.md";
    const auto scorecard = site->read("lsp/lsp-a/index.html");
    // A download shows no guide: its key does not move, so it is not made again.
    auto download_keys = [&] {
        const auto manifest = parse_manifest(site->read(kManifestName));
        std::map<std::string, std::string> keys;
        for (const auto& path : {"data/semua.json", "data/lsp/lsp-a.json", "data/indeks-2025-1.json", "data/hasil-2025-1.csv"})
            keys[path] = manifest.files.at(path).key;
        return keys;
    };
    const auto downloads = download_keys();
    // A first build records no content keys (nothing to compare with): the first edit renders every
    // page once and records them; the next edit is the one measured.
    test::replace_in_file(guide, "Lihat [indikator]", "Baca [indikator]");
    test::build_again(*site, dir.path());
    REQUIRE(site->ok);
    test::replace_in_file(guide, "Baca [indikator]", "Lihat juga [indikator]");
    test::build_again(*site, dir.path());
    REQUIRE(site->ok);
    // The guide's own page alone: the pages of records are keyed without the guides' text, the
    // other pages are compared by their data (the guides index shows titles and summaries only).
    // Keyed by the whole site's inputs, every page was rendered again.
    CHECK(site->summary.rendered == 1);
    CHECK_THAT(site->read("panduan/dasar/index.html"), Catch::Matchers::Contains("Lihat juga"));
    CHECK(site->read("lsp/lsp-a/index.html") == scorecard);
    CHECK(download_keys() == downloads);
    BuildOptions full;
    full.incremental = false;
    const auto reference = test::build_in_memory(dir.path(), full);
    REQUIRE(reference->ok);
    CHECK(test::differing_files(*site, *reference) == std::vector<std::string>{});
}
