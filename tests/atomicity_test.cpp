// A build killed at any moment leaves the old site or the new one (a commit
// killed half way is finished by the next build); two builds of the same
// input are the same bytes whatever the locale and time zone.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <chrono>
#include <random>
#include <thread>

#include "site/writer.h"
#include "test_support.h"

using namespace pepgen;
namespace fs = std::filesystem;

namespace {

using test::q;

/// Kill delays spread evenly over [0, span): the i-th of n falls in the i-th
/// slice, at a random point inside it, so a few kills cover the whole build.
long spread_delay(int i, int n, long span, std::mt19937& rng) {
    const long slice = std::max(1L, span / n);
    return (i % n) * slice + std::uniform_int_distribution<long>(0, slice - 1)(rng);
}

}  // namespace

TEST_CASE("killing the build at many points leaves either the old or the new site", "[atomicity]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto site = dir / "site";
    REQUIRE(test::run_in_process("build --root " + q(dir.path())).exit_code == 0);
    test::write_file(site / "CNAME", "kinerja.contoh.example\n");  // a file of the user's, kept by every build
    const auto old_site = test::published(site);
    auto round = test::read_file(dir / "data/penilaian/2025-2.json");
    round.replace(round.find("\"M01\": 9"), 8, "\"M01\": 4");
    test::write_file(dir / "data/penilaian/2025-2.json", round);
    // The new site, built elsewhere with the user's file added, is the only other allowed state.
    fs::copy(site, dir / "new-site", fs::copy_options::recursive);
    // Kill points spread over a whole build, timed on this machine now.
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(test::run_pepgen("build --root " + q(dir.path()) + " --output " + q(dir / "new-site")).exit_code == 0);
    const auto build_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    const auto new_site = test::published(dir / "new-site");
    REQUIRE(new_site != old_site);
    std::mt19937 rng(20261121);
    const auto old_round = test::read_file(dir / "data/penilaian/2025-2.json");  // holds the new data now
    std::string original = old_round;
    original.replace(original.find("\"M01\": 4"), 8, "\"M01\": 9");
    int kept = 0, switched = 0;
    auto current = old_site;
    // At least 12 kills, and more (up to 60) until both outcomes have been seen:
    // machine load shifts how long a build takes.
    int attempts = 0;
    for (int i = 0; i < 60 && (i < 12 || kept == 0 || switched == 0); ++i, ++attempts) {
        // Each attempt tries to move the site to the other version.
        const bool to_new = current == old_site;
        test::write_file(dir / "data/penilaian/2025-2.json", to_new ? old_round : original);
        const auto& target = to_new ? new_site : old_site;
        auto child = test::spawn_pepgen({"build", "--root", dir.path().string()});
        std::this_thread::sleep_for(std::chrono::microseconds(spread_delay(i, 12, build_us * 13 / 10, rng)));
        ::kill(child.pid, SIGKILL);
        int status = 0;
        ::waitpid(child.pid, &status, 0);
        ::close(child.fd);
        // What the next build does first: finish a commit the kill interrupted,
        // or drop the staging of a build that had not decided to commit.
        if (fs::exists(site / ".pepgen-staging")) {
            Diagnostics d;
            REQUIRE(SiteWriter::begin(site, d));
        }
        const auto now = test::published(site);
        INFO("attempt " << i);
        CHECK((now == current || now == target));
        if (now == target) ++switched;
        else if (now == current) ++kept;
        current = now;
    }
    WARN("killed builds kept the previous site " << kept << " times and completed the switch " << switched << " times");
    CHECK(kept + switched == attempts);
    CHECK(kept > 0);
    CHECK(switched > 0);
    test::write_file(dir / "data/penilaian/2025-2.json", old_round);
    // The next build finishes the job and clears what killed builds left beside the site.
    REQUIRE(test::run_in_process("build --root " + q(dir.path())).exit_code == 0);
    CHECK(test::published(site) == new_site);
    CHECK_FALSE(fs::exists(site / ".pepgen-staging"));
    for (const auto& e : fs::directory_iterator(dir.path()))
        if (e.path().filename() != ".pepgen-cache") CHECK(e.path().filename().string().find(".pepgen") == std::string::npos);
    // The parsed rounds kept for the next build: one whole entry per round file, nothing half written.
    std::set<std::string> kept_entries;
    for (const auto& e : fs::directory_iterator(dir / ".pepgen-cache/penilaian")) kept_entries.insert(e.path().filename());
    CHECK(kept_entries == std::set<std::string>{"2025-1.json.bin", "2025-2.json.bin", "2025-i1.json.bin"});
}

TEST_CASE("a build stopped with Ctrl+C or SIGTERM leaves the site as it was and nothing behind", "[atomicity]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto site = dir / "site";
    REQUIRE(test::run_in_process("build --root " + q(dir.path())).exit_code == 0);
    const auto old_site = test::published(site);
    auto round = test::read_file(dir / "data/penilaian/2025-2.json");
    round.replace(round.find("\"M01\": 9"), 8, "\"M01\": 4");
    test::write_file(dir / "data/penilaian/2025-2.json", round);
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(test::run_pepgen("build --root " + q(dir.path()) + " --output " + q(dir / "new-site")).exit_code == 0);
    const auto build_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    const auto new_site = test::published(dir / "new-site");
    const auto changed = round;
    auto original = round;
    original.replace(original.find("\"M01\": 4"), 8, "\"M01\": 9");
    std::mt19937 rng(20261129);
    int stopped = 0;
    auto current = old_site;
    for (int i = 0; i < 40 && (i < 6 || stopped < 3); ++i) {
        INFO("attempt " << i);
        const bool to_new = current == old_site;
        test::write_file(dir / "data/penilaian/2025-2.json", to_new ? changed : original);
        auto child = test::spawn_pepgen({"build", "--root", dir.path().string()});
        std::this_thread::sleep_for(std::chrono::microseconds(spread_delay(i, 6, build_us, rng)));
        ::kill(child.pid, i % 2 ? SIGINT : SIGTERM);
        int status = 0;
        ::waitpid(child.pid, &status, 0);
        ::close(child.fd);
        if (WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) > 128)) ++stopped;
        CHECK_FALSE(fs::exists(site / ".pepgen-staging"));
        const auto now = test::published(site);
        CHECK((now == current || now == (to_new ? new_site : old_site)));
        current = now;
    }
    CHECK(stopped >= 3);
}

TEST_CASE("output does not depend on locale or time zone", "[atomicity][determinism]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_fixture_stats(dir.path());
    REQUIRE(test::run_in_process("build --root " + q(dir.path()) + " --output " + q(dir / "a")).exit_code == 0);
    const auto env = std::string("env LC_ALL=id_ID.UTF-8 LANG=id_ID.UTF-8 TZ=Asia/Jayapura \"") + PEPGEN_BINARY + "\"";
    const auto cmd = env + " build --root " + q(dir.path()) + " --output " + q(dir / "b") + " 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    CHECK(test::published(dir / "a") == test::published(dir / "b"));
}

// The reference is a full build on one thread; the build under test is
// incremental on four. Both run in this process on in-memory disks: the
// writer's real-disk behaviour has its own tests (writer_test).
TEST_CASE("an incremental build equals a full build, whatever input changed", "[atomicity][incremental]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_fixture_stats(dir.path());
    ::setenv("PEPGEN_THREADS", "4", 1);
    const auto site = test::build_in_memory(dir.path());
    REQUIRE(site->ok);
    test::build_again(*site, dir.path());
    CHECK(site->summary.up_to_date);
    struct Change {
        const char* file;
        const char* from;
        const char* to;
    };
    const std::vector<Change> changes = {
        {"data/penilaian/2025-2.json", "\"M01\": 9", "\"M01\": 2"},       // newest round
        {"data/penilaian/2025-1.json", "\"M01\": 8", "\"M01\": 1"},       // oldest round: every later change
        {"data/penilaian/2025-i1.json", "\"D01\": 3", "\"D01\": 9"},      // incidental round
        {"data/statistik/lsp-uji.json", "\"p1\": 10", "\"p1\": 12"},      // a statistics table
        {"data/lsp.json", "LSP Uji B", "LSP Uji Beta"},                     // the registry
        {"content/indikator/P01.md", "judul: \"Proses\"", "judul: \"Proses Sertifikasi\""},
        {"themes/default/templates/partials/badge.mustache", "badge {{css}}", "badge {{css}} lencana"},
    };
    for (const auto& c : changes) {
        INFO(c.file);
        auto text = test::read_file(dir / c.file);
        REQUIRE(text.find(c.from) != std::string::npos);
        text.replace(text.find(c.from), std::string(c.from).size(), c.to);
        test::write_file(dir / c.file, text);
        ::setenv("PEPGEN_THREADS", "4", 1);
        test::build_again(*site, dir.path());
        REQUIRE(site->ok);
        ::setenv("PEPGEN_THREADS", "1", 1);
        BuildOptions full;
        full.incremental = false;
        const auto reference = test::build_in_memory(dir.path(), full);
        REQUIRE(reference->ok);
        CHECK(test::differing_files(*site, *reference) == std::vector<std::string>{});
    }
    ::unsetenv("PEPGEN_THREADS");
}

TEST_CASE("after a round changes, only pages whose data changed are rendered", "[atomicity][incremental]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto site = test::build_in_memory(dir.path());
    INFO(test::all_messages(site->diags));
    REQUIRE(site->ok);
    CHECK(site->summary.rendered == site->summary.pages);
    const auto round = dir / "data/penilaian/2025-1.json";
    auto text = test::read_file(round);

    // Same data, other bytes: every page's data is the same, so no file is written. A first build
    // records no content keys (nothing to compare with), so pages keyed by the file's bytes are
    // rendered once; that build records their content keys, and the next such change renders none.
    test::write_file(round, "\n" + text + "\n");
    test::build_again(*site, dir.path());
    REQUIRE(site->ok);
    CHECK(site->summary.written == 0);
    test::write_file(round, "\n\n" + text + "\n");
    test::build_again(*site, dir.path());
    REQUIRE(site->ok);
    CHECK(site->summary.written == 0);
    CHECK(site->summary.rendered == 0);

    // LSP C's oldest score: its own pages and that round's change; LSP A's and
    // B's scorecards show nothing that changed, so they are not rendered.
    const auto scorecard_a = site->read("lsp/lsp-a/index.html");
    text.replace(text.find("\"M01\": 2"), 8, "\"M01\": 1");
    test::write_file(round, text);
    test::build_again(*site, dir.path());
    REQUIRE(site->ok);
    CHECK(site->summary.rendered > 0);
    CHECK(site->summary.rendered <= site->summary.pages - 2);
    CHECK(site->read("lsp/lsp-a/index.html") == scorecard_a);
    CHECK_THAT(site->read("data/lsp/lsp-c.json"), Catch::Matchers::Contains("\"ik\": 9,"));
}
