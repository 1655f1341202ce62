#include <catch2/catch.hpp>

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
