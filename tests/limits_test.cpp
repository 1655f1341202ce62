// Absurd and hostile input: clear errors, never a crash, a hang or markup
// leaking into pages; and the product's own link check. Checks and builds run
// in this process (run_check, test::build_in_memory); only `check --links`,
// whose command and exit codes are the point, runs the binary.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "cli/check.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

using test::q;

namespace {

/// `pepgen check` in this process: its exit code and everything it printed.
test::CommandResult check_in_process(const fs::path& root) {
    std::ostringstream out;
    test::CommandResult r;
    r.exit_code = run_check(root, out, out);
    r.output = out.str();
    return r;
}

}  // namespace

TEST_CASE("absurd inputs end with clear errors", "[limits]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    // A 1 GB file (sparse: nothing is really written) is refused by its size.
    {
        std::ofstream big(dir / "data/penilaian/2026-1.json", std::ios::binary);
        big.seekp(1024LL * 1024 * 1024);
        big.put('\n');
    }
    // JSON nested 10,000 deep, YAML nested 10,000 deep, a registry one LSP over
    // the limit (counted before any entry is read, so empty entries will do).
    test::write_file(dir / "data/statistik/dalam.json", "{\"a\": " + std::string(10000, '[') + std::string(10000, ']') + "}");
    auto indicator = test::read_file(dir / "content/indikator/M01.md");
    indicator.replace(indicator.find("ringkasan:"), 0, "dalam: " + std::string(10000, '[') + std::string(10000, ']') + "\n");
    test::write_file(dir / "content/indikator/M01.md", indicator);
    std::string registry = "{\"lsp\": [{}";
    for (int i = 1; i < 50001; ++i) registry += ",{}";
    test::write_file(dir / "data/lsp.json", registry + "]}");
    // A 100 MB string: over the file limit on its own; a 70 KB note: over the field limit.
    test::write_file(dir / "data/penilaian/2025-2.json", R"J({"periode": "2025-2", "jenis": "rutin", "tanggal": "2025-11-01",
  "hasil": [{"lsp": "lsp-a", "skor": {"M01": 1, "P01": 1, "D01": 1}, "catatan": ")J" + std::string(70000, 'x') + "\"}]}");
    const auto r = check_in_process(dir.path());
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("data/penilaian/2026-1.json: galat: berkas terlalu besar"));
    CHECK_THAT(r.output, Contains("data/statistik/dalam.json:1: galat: JSON tidak valid di kolom"));
    CHECK_THAT(r.output, Contains("data bersarang terlalu dalam"));
    CHECK_THAT(r.output, Contains("content/indikator/M01.md:"));
    CHECK_THAT(r.output, Contains("data/lsp.json: galat: terlalu banyak LSP (50001; batas 50000)"));
    CHECK_THAT(r.output, Contains("lsp-a: kolom 'catatan' terlalu panjang (70000 bita; batas 65536 bita)"));
    // The registry could not be used, so sheets are not each reported as unknown.
    CHECK_FALSE(Catch::contains(r.output, "LSP tidak terdaftar"));
}

TEST_CASE("an oversized page body is refused before Markdown parsing", "[limits]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "content/panduan/dasar.md", "---\njudul: Dasar\n---\n" + std::string(1100000, 'a') + "\n");
    const auto r = check_in_process(dir.path());
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("content/panduan/dasar.md: galat: isi halaman terlalu panjang"));
}

TEST_CASE("hostile text in content front matter yields no active markup", "[limits][injection]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const std::string evil = "\\\"<script>alert(1)</script><img src=x onerror=alert(2)>\\u202Eevil";
    auto indicator = test::read_file(dir / "content/indikator/M01.md");
    indicator.replace(indicator.find("judul: \"Visi\""), 13, "judul: \"" + evil + "\"");
    indicator.replace(indicator.find("kriteria: \"Belum ada bukti.\""), 28, "kriteria: \"[x](javascript:alert(3)) <b onclick=alert(4)>b</b>\"");
    test::write_file(dir / "content/indikator/M01.md", indicator);
    test::write_file(dir / "content/panduan/dasar.md", "---\njudul: \"" + evil + "\"\nringkasan: \"</title><script>x</script>\"\n---\nTeks.\n");
    const auto built = test::build_in_memory(dir.path());
    INFO(test::all_messages(built->diags));
    REQUIRE(built->ok);
    for (const auto& [path, text] : built->files()) {
        const auto ext = fs::path(path).extension().string();
        if (ext != ".html" && ext != ".js" && ext != ".xml") continue;
        INFO(path);
        CHECK_FALSE(Catch::contains(text, "<script>"));
        CHECK_FALSE(Catch::contains(text, "<img"));
        CHECK_FALSE(Catch::contains(text, "<b onclick"));  // as escaped text it is harmless; as a tag it is not
        CHECK_FALSE(Catch::contains(text, "javascript:"));
    }
    const auto guide = built->read("panduan/dasar/index.html");
    CHECK_THAT(guide, Contains("&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;"));
    CHECK_THAT(guide, Contains("&lt;img src=x onerror=alert(2)&gt;"));
}

// A real process: the `check --links` command is the point (its exit codes 0 and 1, its summary
// line), run on a site built on disk by the binary as a user would.
TEST_CASE("check --links finds broken links and fragments in a built site", "[limits][links]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    REQUIRE(test::run_pepgen("build --root " + q(dir.path())).exit_code == 0);
    const auto ok = test::run_pepgen("check --links --root " + q(dir.path()));
    CHECK(ok.exit_code == 0);
    CHECK_THAT(ok.output, Contains("semuanya berfungsi"));
    test::write_file(dir / "site/rusak.html",
                     "<a href=\"lsp/tidak-ada/index.html\">x</a> <a href=\"lsp/lsp-a/index.html#tidak-ada\">y</a> "
                     "<a href=\"/mutlak/\">z</a> <a href=\"https://contoh.example/\">luar</a>");
    const auto bad = test::run_pepgen("check --links --output " + q(dir / "site"));
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.output, Contains("rusak.html: galat: tautan rusak: 'lsp/tidak-ada/index.html' tidak menunjuk ke berkas di situs"));
    CHECK_THAT(bad.output, Contains("rusak.html: galat: tautan rusak: '#tidak-ada' tidak ada di lsp/lsp-a/index.html"));
    CHECK_THAT(bad.output, Contains("rusak.html: galat: tautan absolut '/mutlak/'"));
    CHECK_THAT(bad.output, Contains("3 galat"));
}

TEST_CASE("an indicator file of nested YAML aliases is refused at once, not expanded", "[limits]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    std::string meta = "a0: &a0 \"" + std::string(1000, 'x') + "\"\n";
    for (int i = 1; i <= 9; ++i) {
        meta += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int k = 0; k < 9; ++k) meta += std::string(k ? ", " : "") + "*a" + std::to_string(i - 1);
        meta += "]\n";
    }
    auto indicator = test::read_file(dir / "content/indikator/M01.md");
    indicator.replace(indicator.find("ringkasan:"), 0, meta);
    indicator.replace(indicator.find("bukti:"), 0, "rincian: *a9\n");
    test::write_file(dir / "content/indikator/M01.md", indicator);
    const auto built = test::build_in_memory(dir.path());
    const auto messages = test::all_messages(built->diags);
    CHECK_FALSE(built->ok);
    CHECK_THAT(messages, Contains("content/indikator/M01.md:8: galat: YAML front matter: alias YAML (*nama) tidak didukung"));
    CHECK_FALSE(Catch::contains(messages, "kode indikator M01 tidak dikenal"));
    CHECK(messages.size() < 20000);
}
