#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "cli/check.h"
#include "cli/commands.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

namespace {

int run(std::vector<std::string> args, std::string& out, std::string& err) {
    std::ostringstream o, e;
    const int code = run_cli(args, o, e);
    out = o.str();
    err = e.str();
    return code;
}

}  // namespace

TEST_CASE("usage errors exit 2 with a message", "[cli]") {
    std::string out, err;
    CHECK(run({}, out, err) == 2);
    CHECK_THAT(err, Contains("Penggunaan"));
    CHECK(run({"terbitkan"}, out, err) == 2);
    CHECK_THAT(err, Contains("perintah tidak dikenal: terbitkan"));
    CHECK(run({"build", "--cepat"}, out, err) == 2);
    CHECK_THAT(err, Contains("opsi tidak dikenal untuk build: --cepat"));
    CHECK(run({"check", "--output", "x"}, out, err) == 2);
    CHECK(run({"build", "--root"}, out, err) == 2);
    CHECK_THAT(err, Contains("--root memerlukan nilai"));
    CHECK(run({"check", "--root", "/tidak/ada"}, out, err) == 2);
}

// Not named "--help ...": Catch would read a test name starting with "--" as
// its own option, print its help and pass without running the test.
TEST_CASE("the help and version options exit 0", "[cli]") {
    std::string out, err;
    CHECK(run({"--help"}, out, err) == 0);
    CHECK_THAT(out, Contains("pepgen build"));
    out.clear();
    CHECK(run({"--version"}, out, err) == 0);
    CHECK(out == "pepgen " PEPGEN_VERSION "\n");
}

TEST_CASE("check validates without writing", "[cli]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    std::string out, err;
    CHECK(run({"check", "--root", dir.path().string()}, out, err) == 0);
    CHECK_THAT(out, Contains("3 indikator, 3 LSP, 3 penilaian"));
    CHECK_THAT(err, Contains("0 galat, 1 peringatan"));
    CHECK_FALSE(std::filesystem::exists(dir / "site"));
}

TEST_CASE("diagnostics reach the error stream in one write", "[cli]") {
    // std::cerr is unbuffered: a write per line cost a national build hundreds of system calls.
    struct CountingBuf : std::stringbuf {
        int writes = 0;
        bool inside = false;  // stringbuf grows itself through overflow: that is not another write
        std::streamsize xsputn(const char* s, std::streamsize n) override {
            ++writes;
            inside = true;
            const auto put = std::stringbuf::xsputn(s, n);
            inside = false;
            return put;
        }
        int_type overflow(int_type c) override {
            if (!inside) ++writes;
            return std::stringbuf::overflow(c);
        }
    } buf;
    std::ostream err(&buf);
    Diagnostics d;
    d.warning("data/penilaian/2025-1.json", "lsp-a: lembar skor belum lengkap", 4);
    d.error("data/lsp.json", "kolom 'nama' wajib diisi", 7);
    d.warning("data/penilaian", "tahun 2025 baru 1 penilaian rutin");
    print_diagnostics(d, err);
    CHECK(buf.writes == 1);
    CHECK(buf.str() ==
          "data/penilaian/2025-1.json:4: peringatan: lsp-a: lembar skor belum lengkap\n"
          "data/lsp.json:7: galat: kolom 'nama' wajib diisi\n"
          "data/penilaian: peringatan: tahun 2025 baru 1 penilaian rutin\n"
          "1 galat, 2 peringatan\n");
    Diagnostics none;
    print_diagnostics(none, err);
    CHECK(buf.writes == 1);
}

TEST_CASE("pepgen hands import, new, export and serve to pepgen-alat, which does them whole", "[cli]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    // Through the real program: the lock on data/, the files written and the messages are pepgen-alat's.
    const auto made = test::run_pepgen("new penilaian 2026-1 --tanggal 2026-05-04 --csv --root " + test::q(dir.path()));
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    CHECK(std::filesystem::exists(dir / "data/penilaian/2026-1.json"));
    CHECK(std::filesystem::exists(dir / "lembar-kerja/2026-1.csv"));
    const auto imported = test::run_pepgen("import --coba --periode 2026-1 " + test::q(dir / "lembar-kerja/2026-1.csv") +
                                           " --root " + test::q(dir.path()));
    INFO(imported.output);
    CHECK(imported.exit_code == 0);
    const auto exported = test::run_pepgen("export lsp --root " + test::q(dir.path()));
    INFO(exported.output);
    CHECK(exported.exit_code == 0);
    CHECK(std::filesystem::exists(dir / "lembar-kerja/lsp.xlsx"));
    // Its usage errors are the same as in process.
    const auto bad = test::run_pepgen("import --root " + test::q(dir.path()));
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.output, Contains("import memerlukan satu berkas lembar kerja"));
}

TEST_CASE("without pepgen-alat beside it, pepgen says so for the commands that need it and runs the others",
          "[cli]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto lone = dir / "bin/pepgen";
    std::filesystem::create_directories(lone.parent_path());
    std::filesystem::copy_file(PEPGEN_BINARY, lone);
    auto run_lone = [&](const std::string& args) { return test::run_command(test::q(lone) + " " + args + " 2>&1"); };
    const auto refused = run_lone("import --periode 2025-1 x.csv --root " + test::q(dir.path()));
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.output, Contains("perintah import dijalankan oleh program pembantu " +
                                        (dir / "bin/pepgen-alat").string() + ", yang tidak ada;"));
    CHECK_THAT(refused.output, Contains("bangun ulang dengan bash scripts/setup.sh"));
    CHECK_FALSE(std::filesystem::exists(dir / "lembar-kerja"));
    const auto checked = run_lone("check --root " + test::q(dir.path()));
    CHECK(checked.exit_code == 0);
}

TEST_CASE("the pepgen program does not load the workbook libraries or the HTTP server's", "[cli]") {
    // What the dynamic linker loads for every command: a correction's rebuild pays for each library.
    const auto readelf = test::run_command(std::string("readelf -d \"") + PEPGEN_BINARY + "\" 2>&1");
    REQUIRE(readelf.exit_code == 0);
    const auto& needed = readelf.output;
    REQUIRE_THAT(needed, Contains("NEEDED"));
    CHECK_THAT(needed, !Contains("liborcus"));
    CHECK_THAT(needed, !Contains("libxlsxwriter"));
    CHECK_THAT(needed, !Contains("httplib"));
    CHECK_THAT(needed, !Contains("libssl"));
    // Where Debian ships static archives (every -dev package setup.sh installs does), the core's own
    // libraries are linked in as well (CMakeLists.txt, PEPGEN_STATIC_LIBS).
    if (PEPGEN_LINKED_STATIC) {
        CHECK_THAT(needed, !Contains("libstdc++"));
        CHECK_THAT(needed, !Contains("libboost_json"));
        CHECK_THAT(needed, !Contains("libyaml-cpp"));
        CHECK_THAT(needed, !Contains("libcmark-gfm"));
        CHECK_THAT(needed, !Contains("libxxhash"));
    }
}

TEST_CASE("nothing in pepgen_core needs a function of pepgen_tools", "[cli]") {
    // The core is linked alone into pepgen: a core file calling into the tools links only as long as some
    // other object happens to pull that tools file in first (it broke the fuzz targets once).
    auto symbols = [](const std::string& args) {
        const auto nm = test::run_command("nm -C " + args + " 2>/dev/null");
        REQUIRE(nm.exit_code == 0);
        std::set<std::string> out;
        std::istringstream lines(nm.output);
        // "<address> T name" for a definition, "                 U name" for a need.
        for (std::string text; std::getline(lines, text);)
            if (text.size() > 19 && (text[17] == 'T' || text[17] == 'W' || text[17] == 'U')) out.insert(text.substr(19));
        return out;
    };
    const auto tools = symbols("--defined-only \"" PEPGEN_TOOLS_LIBRARY "\"");
    const auto core_needs = symbols("-u \"" PEPGEN_CORE_LIBRARY "\"");
    REQUIRE(tools.count("pepgen::register_tool_commands()") == 1);
    std::string crossing;
    for (const auto& name : core_needs)
        if (name.rfind("pepgen::", 0) == 0 && tools.count(name)) crossing += name + "\n";
    INFO("core needs from the tools:\n" << crossing);
    CHECK(crossing.empty());
}
