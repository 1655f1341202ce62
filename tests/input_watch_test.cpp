// InputWatch: serve's wake-up on a saved input, a new folder, a stop request.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "cli/input_watch.h"
#include "test_support.h"

using namespace pepgen;
using Woke = InputWatch::Woke;
namespace fs = std::filesystem;

namespace {

void make_project(const fs::path& root) {
    for (const char* dir : {"content", "data/penilaian", "themes/default"}) fs::create_directories(root / dir);
}

long ms_since(std::chrono::steady_clock::time_point start) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
}

}  // namespace

TEST_CASE("a saved round file wakes the watch long before its timeout", "[input_watch]") {
    test::TempDir dir;
    make_project(dir.path());
    InputWatch watch(dir.path());
    std::stop_source never;
    const auto start = std::chrono::steady_clock::now();
    std::jthread writer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        test::write_file(dir / "data/penilaian/2026-1.json", "{}");
    });
    CHECK(watch.wait(std::chrono::milliseconds(5000), never.get_token()) == Woke::change);
    CHECK(ms_since(start) < 2000);
}

TEST_CASE("a folder made after the watch began is watched too, and pepgen.yaml", "[input_watch]") {
    test::TempDir dir;
    make_project(dir.path());
    InputWatch watch(dir.path());
    std::stop_source never;
    fs::create_directories(dir / "content/panduan");
    CHECK(watch.wait(std::chrono::milliseconds(5000), never.get_token()) == Woke::change);
    test::write_file(dir / "content/panduan/baru.md", "# Baru\n");
    CHECK(watch.wait(std::chrono::milliseconds(5000), never.get_token()) == Woke::change);
    test::write_file(dir / "pepgen.yaml", "judul: Uji\n");
    CHECK(watch.wait(std::chrono::milliseconds(5000), never.get_token()) == Woke::change);
}

TEST_CASE("with nothing changed the watch times out, and a stop request wakes it at once", "[input_watch]") {
    test::TempDir dir;
    make_project(dir.path());
    InputWatch watch(dir.path());
    std::stop_source source;
    CHECK(watch.wait(std::chrono::milliseconds(20), source.get_token()) == Woke::timeout);
    const auto start = std::chrono::steady_clock::now();
    std::jthread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        source.request_stop();
    });
    CHECK(watch.wait(std::chrono::milliseconds(5000), source.get_token()) == Woke::stop);
    CHECK(ms_since(start) < 2000);
}

TEST_CASE("a save written in many small pieces is waited for to its end, however many writes it takes",
          "[input_watch]") {
    test::TempDir dir;
    make_project(dir.path());
    InputWatch watch(dir.path());
    std::stop_source never;
    const auto file = dir / "data/penilaian/2026-1.json";
    std::atomic<bool> done{false};
    // As Python's json.dump or a spreadsheet saves a large round file: hundreds of
    // writes a few milliseconds apart, for longer than the quiet time.
    std::jthread writer([&] {
        std::ofstream out(file, std::ios::binary);
        for (int i = 0; i < 200; ++i) {
            out << std::string(8192, 'x') << std::flush;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        out.close();
        done = true;
    });
    REQUIRE(watch.wait(std::chrono::milliseconds(5000), never.get_token()) == Woke::change);
    CHECK(watch.wait_until_quiet(std::chrono::milliseconds(100), std::chrono::seconds(10), never.get_token()) ==
          Woke::timeout);
    CHECK(done);
    CHECK(fs::file_size(file) == 200u * 8192u);
    writer.join();

    // Steady changes are waited for no longer than the longest wait.
    std::atomic<bool> stop_writing{false};
    std::jthread steady([&] {
        while (!stop_writing) {
            test::write_file(file, "{}");
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK(watch.wait_until_quiet(std::chrono::milliseconds(100), std::chrono::milliseconds(400), never.get_token()) ==
          Woke::timeout);
    CHECK(ms_since(start) >= 350);
    CHECK(ms_since(start) < 3000);
    stop_writing = true;
}

TEST_CASE("a save in a folder linked into content/ wakes the watch, as the build would see it", "[input_watch]") {
    test::TempDir dir;
    make_project(dir.path());
    fs::create_directories(dir / "bersama/indikator");
    test::write_file(dir / "bersama/indikator/M01.md", "---\njudul: Lama\n---\n");
    fs::create_directory_symlink("../bersama/indikator", dir / "content/indikator");
    InputWatch watch(dir.path());
    std::stop_source never;
    std::jthread writer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        test::write_file(dir / "bersama/indikator/M01.md", "---\njudul: Baru\n---\n");
    });
    CHECK(watch.wait(std::chrono::milliseconds(5000), never.get_token()) == Woke::change);
}
