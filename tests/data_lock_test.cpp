// data_lock: one command at a time holds a project's data/.
#include <catch2/catch.hpp>

#include <atomic>
#include <sstream>
#include <thread>

#include <boost/json.hpp>

#include "cli/data_lock.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

TEST_CASE("data/ is held by one command at a time; a project without data/ has nothing to hold", "[data_lock]") {
    test::TempDir dir;
    std::ostringstream err;
    {
        const auto none = hold_project_data(dir.path(), err);
        CHECK(none.ok);
        CHECK_FALSE(none.lock);
    }
    fs::create_directories(dir / "data");
    {
        const auto first = hold_project_data(dir.path(), err);
        REQUIRE(first.ok);
        CHECK(first.lock);
        CHECK(err.str().empty());
        const auto second = hold_project_data(dir.path(), err);
        CHECK_FALSE(second.ok);
        CHECK_THAT(err.str(), Contains("data: galat: perintah pepgen lain sedang mengubah data proyek ini") &&
                                  Contains("tunggu sampai selesai, lalu ulangi"));
    }
    // Let go when the holder is done.
    const auto again = hold_project_data(dir.path(), err);
    CHECK(again.ok);
    CHECK(again.lock);
}

TEST_CASE("builds read data/ side by side; a command changing it waits for them, never the other way round",
          "[data_lock]") {
    using namespace std::chrono_literals;
    test::TempDir dir;
    fs::create_directories(dir / "data");
    std::ostringstream quiet;
    auto first = read_project_data(dir.path(), 0ms, &quiet);
    auto second = read_project_data(dir.path(), 0ms, &quiet);
    CHECK(quiet.str().empty());
    REQUIRE(first.problem.empty());
    REQUIRE(second.problem.empty());
    CHECK(first.lock);
    CHECK(second.lock);

    // A command that would change data/ waits for the builds, and gives up after its wait.
    std::ostringstream err;
    CHECK_FALSE(hold_project_data(dir.path(), err, 50ms).ok);
    CHECK_THAT(err.str(), Contains("data: galat: pepgen build atau pepgen serve masih membaca data proyek ini setelah 1 detik") &&
                              Contains("Tidak ada yang diubah"));
    // Once they are done, it goes on: one build ends now, the other a moment later.
    first = DataRead{};
    std::atomic<bool> released{false};
    std::thread reader([&] {
        std::this_thread::sleep_for(150ms);
        released = true;
        second = DataRead{};
    });
    std::ostringstream later;
    const auto writer = hold_project_data(dir.path(), later, 10s);
    reader.join();
    CHECK(released);
    CHECK(writer.ok);
    // It said, once and at once, what it was waiting for.
    CHECK(later.str() == "data: menunggu pepgen build atau pepgen serve selesai membaca data proyek ini (paling lama "
                         "10 detik)...\n");

    // While it changes data/, a build waits, saying so once; it gives up after its wait, saying why.
    std::ostringstream notice;
    const auto refused = read_project_data(dir.path(), 50ms, &notice);
    CHECK(notice.str() == "data: menunggu perintah pepgen lain (import, new penilaian, correct atau publish) selesai "
                          "mengubah data proyek ini (paling lama 1 detik)...\n");
    CHECK_FALSE(refused.lock);
    CHECK_THAT(refused.problem, Contains("perintah pepgen lain (import, new penilaian, correct atau publish) masih "
                                         "mengubah data proyek ini setelah 1 detik") &&
                                    Contains("Ulangi setelah perintah itu selesai"));
}

TEST_CASE("a build started during an import reads data/ as the import leaves it", "[data_lock][e2e]") {
    using namespace std::chrono_literals;
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto round = dir / "data/penilaian/2025-2.json";
    std::ostringstream err;
    auto importing = std::make_unique<DataHold>(hold_project_data(dir.path(), err));
    REQUIRE(importing->lock);

    std::atomic<bool> done{false};
    std::unique_ptr<test::MemoryBuild> built;
    std::thread build([&] {
        built = test::build_in_memory(dir.path());
        done = true;
    });
    // The import is half way: its round file is written, and it has more to do.
    std::this_thread::sleep_for(300ms);
    auto text = test::read_file(round);
    const std::string before = R"("lsp": "lsp-a", "skor": {"M01": 9,)";
    REQUIRE(text.find(before) != std::string::npos);
    text.replace(text.find(before), before.size(), R"("lsp": "lsp-a", "skor": {"M01": 4,)");
    test::write_file(round, text);
    std::this_thread::sleep_for(100ms);
    const bool built_during_import = done;
    importing.reset();
    build.join();
    CHECK_FALSE(built_during_import);
    REQUIRE(built);
    INFO(test::all_messages(built->diags));
    REQUIRE(built->ok);
    // lsp-a in 2025-2: 4 + 18 + 9 = 31 with the import's score, not 36.
    const auto index = boost::json::parse(built->read("data/indeks-2025-2.json"));
    bool seen = false;
    for (const auto& row : index.at("hasil").as_array())
        if (row.at("lsp").as_string() == "lsp-a") {
            CHECK(row.at("ik").as_int64() == 31);
            seen = true;
        }
    CHECK(seen);
}

TEST_CASE("a build that waits too long for a change to data/ stops, naming data/, and writes nothing",
          "[data_lock][e2e]") {
    using namespace std::chrono_literals;
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    std::ostringstream err;
    const auto importing = hold_project_data(dir.path(), err);
    REQUIRE(importing.lock);
    BuildOptions options;
    options.data_wait = 100ms;
    std::ostringstream notice;
    options.notices = &notice;
    const auto built = test::build_in_memory(dir.path(), options);
    CHECK_FALSE(built->ok);
    CHECK(notice.str() == "data: menunggu perintah pepgen lain (import, new penilaian, correct atau publish) selesai "
                          "mengubah data proyek ini (paling lama 1 detik)...\n");
    CHECK_THAT(test::all_messages(built->diags),
               Contains("data: galat: perintah pepgen lain (import, new penilaian, correct atau publish) masih mengubah "
                        "data proyek ini setelah 1 detik"));
    CHECK_FALSE(built->has("index.html"));
}

TEST_CASE("every command that only reads data/ waits for one changing it, saying so, then reads what it left",
          "[data_lock]") {
    using namespace std::chrono_literals;
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto root = test::q(dir.path());
    // A filled-in worksheet for the dry-run import: the round's own, as pepgen makes it.
    REQUIRE(test::run_in_process("new penilaian 2026-1 --csv --tanggal 2026-03-01 --root " + root).exit_code == 0);
    const std::vector<std::string> readers{
        "check --root " + root,
        "correct --coba --alasan 'uji' --root " + root,
        "import --coba " + test::q(dir / "lembar-kerja/2026-1.csv") + " --periode 2026-1 --root " + root,
        "export lsp --root " + root,
    };
    for (const auto& command : readers) {
        INFO(command);
        std::ostringstream err;
        auto importing = std::make_unique<DataHold>(hold_project_data(dir.path(), err));
        REQUIRE(importing->lock);
        std::atomic<bool> done{false};
        test::CommandResult result;
        std::thread reader([&] {
            result = test::run_in_process(command);
            done = true;
        });
        std::this_thread::sleep_for(300ms);
        const bool read_during_import = done;
        importing.reset();
        reader.join();
        CHECK_FALSE(read_during_import);
        INFO(result.output);
        CHECK(result.exit_code == 0);
        CHECK_THAT(result.output, Contains("data: menunggu perintah pepgen lain (import, new penilaian, correct atau "
                                           "publish) selesai mengubah data proyek ini (paling lama 30 detik)..."));
    }
}
