// The evaluation team's commands as the command line runs them (in this
// process, through run_cli): new penilaian, import of spreadsheet-made
// worksheets, check. The live preview is in serve_test.cpp.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <thread>

#include "site/disk.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

using test::q;

TEST_CASE("new penilaian scaffolds a round and a worksheet and never overwrites", "[workflow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto r = test::run_in_process("new penilaian 2026-1 --tanggal 2026-05-04 --csv --root " + q(dir.path()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto round = test::read_file(dir / "data/penilaian/2026-1.json");
    CHECK_THAT(round, Contains("\"periode\": \"2026-1\""));
    CHECK_THAT(round, Contains("\"tanggal\": \"2026-05-04\""));
    CHECK_THAT(round, Contains("\"lsp\": \"lsp-c\""));
    CHECK_THAT(round, Contains("\"M01\": null"));
    CHECK_THAT(test::read_file(dir / "lembar-kerja/2026-1.csv"), Contains("lsp;nama;M01 (maks 10);P01 (maks 20);D01 (maks 10);catatan;rekomendasi\r\n"));
    const auto again = test::run_in_process("new penilaian 2026-1 --root " + q(dir.path()));
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.output, Contains("data/penilaian/2026-1.json: galat: sudah ada"));
    CHECK_THAT(again.output, Contains("lembar-kerja/2026-1.csv: galat: sudah ada"));
    CHECK_FALSE(fs::exists(dir / "lembar-kerja/2026-1.xlsx"));
    CHECK(test::run_in_process("new penilaian 2026/1 --root " + q(dir.path())).exit_code == 2);
    CHECK(test::run_in_process("new penilaian 2026-3 --jenis bulanan --root " + q(dir.path())).exit_code == 2);
    // An empty scaffold builds: every sheet is simply incomplete.
    const auto build = test::run_in_process("build --root " + q(dir.path()));
    CHECK(build.exit_code == 0);
    CHECK_THAT(build.output, Contains("lsp-a: lembar skor belum lengkap"));
}

TEST_CASE("a worksheet saved by an Indonesian spreadsheet imports, twice to the same bytes", "[workflow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    REQUIRE(test::run_in_process("new penilaian 2026-1 --tanggal 2026-05-04 --csv --root " + q(dir.path())).exit_code == 0);
    // Semicolons, BOM, CRLF, quoted cells with semicolons and line breaks, columns moved, blank rows at the end.
    test::write_file(dir / "isi.csv",
                     "\xEF\xBB\xBFnama;lsp;D01 (maks 10);M01 (maks 10);P01 (maks 20);rekomendasi;catatan\r\n"
                     "LSP Uji A;lsp-a;9;10;19;\"Pertahankan.\r\nBagikan praktik baik.\";\"Rapi; lengkap\"\r\n"
                     "LSP Uji B;lsp-b;4;5;8;;\r\n"
                     "LSP Uji C;lsp-c;3;;7;;Bukti M01 menyusul\r\n"
                     ";;;;;;\r\n;;;;;;\r\n");
    const auto r = test::run_in_process("import " + q(dir / "isi.csv") + " --periode 2026-1 --root " + q(dir.path()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Contains("Diimpor 3 LSP ke data/penilaian/2026-1.json; putaran ini kini 3 LSP (2 lembar lengkap, 1 belum lengkap)"));
    const auto first = test::read_file(dir / "data/penilaian/2026-1.json");
    CHECK_THAT(first, Contains("\"tanggal\": \"2026-05-04\""));  // header kept from the scaffold
    CHECK_THAT(first, Contains("\"rekomendasi\": [\"Pertahankan.\", \"Bagikan praktik baik.\"]"));
    CHECK_THAT(first, Contains("\"catatan\": \"Rapi; lengkap\""));
    REQUIRE(test::run_in_process("import " + q(dir / "isi.csv") + " --periode 2026-1 --root " + q(dir.path())).exit_code == 0);
    CHECK(test::read_file(dir / "data/penilaian/2026-1.json") == first);
    REQUIRE(test::run_in_process("build --root " + q(dir.path())).exit_code == 0);
    CHECK_THAT(test::read_file(dir / "site/lsp/lsp-a/index.html"), Contains("<span class=\"ik-value\">38</span>"));
}

TEST_CASE("a failed import reports every bad cell and writes nothing", "[workflow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto before = test::read_file(dir / "data/penilaian/2025-2.json");
    test::write_file(dir / "rusak.csv", "lsp,M01,P01,D01\nlsp-a,11,5,5\nlsp-b,5,lima,5\nlsp-q,1,1,1\n");
    const auto r = test::run_in_process("import " + q(dir / "rusak.csv") + " --periode 2025-2 --root " + q(dir.path()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("rusak.csv:2: galat: lsp-a: kolom M01: 11 melebihi skor maksimum 10"));
    CHECK_THAT(r.output, Contains("rusak.csv:3: galat: lsp-b: kolom P01: 'lima' bukan skor"));
    CHECK_THAT(r.output, Contains("rusak.csv:4: galat: lsp-q: LSP tidak terdaftar"));
    CHECK_THAT(r.output, Contains("Impor dibatalkan"));
    CHECK(test::read_file(dir / "data/penilaian/2025-2.json") == before);
    // A round that does not exist yet takes its kind and date from the options.
    test::write_file(dir / "baik.csv", "lsp,M01,P01,D01\nlsp-a,1,2,3\n");
    const auto ok = test::run_in_process("import " + q(dir / "baik.csv") + " --periode 2026-i1 --jenis insidental --tanggal 2026-02-03 --root " + q(dir.path()));
    INFO(ok.output);
    REQUIRE(ok.exit_code == 0);
    CHECK_THAT(test::read_file(dir / "data/penilaian/2026-i1.json"), Contains("\"jenis\": \"insidental\""));
    CHECK(test::run_in_process("import " + q(dir / "baik.csv") + " --root " + q(dir.path())).exit_code == 2);
}

TEST_CASE("check reports the schedule and expired licences", "[workflow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    auto registry = test::read_file(dir / "data/lsp.json");
    registry.replace(registry.find("\"2030-01-01\""), 12, "\"2025-09-30\"");  // lsp-a's licence ends before 2025-2
    test::write_file(dir / "data/lsp.json", registry);
    test::write_file(dir / "data/penilaian/2026-1.json",
                     R"J({"periode": "2026-1", "jenis": "rutin", "tanggal": "2026-05-01", "hasil": [{"lsp": "lsp-b", "skor": {"M01": 1, "P01": 1, "D01": 1}}]})J");
    const auto r = test::run_in_process("check --root " + q(dir.path()));
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Contains("data/penilaian: peringatan: tahun 2026 sejauh ini baru 1 penilaian rutin"));
    CHECK_THAT(r.output, Contains("data/penilaian/2026-1.json: peringatan: LSP terdaftar yang tidak dinilai pada putaran ini: lsp-c"));  // lsp-a's licence had ended
    CHECK_THAT(r.output, Contains("data/penilaian/2025-2.json:3: peringatan: lsp-a: lisensi berakhir 30 September 2025, sebelum tanggal penilaian 1 November 2025"));
    REQUIRE(test::run_in_process("build --root " + q(dir.path())).exit_code == 0);
    CHECK_THAT(test::read_file(dir / "site/lsp/lsp-a/index.html"), Contains("Lisensi sudah berakhir."));
    CHECK_THAT(test::read_file(dir / "site/index.html"), Contains("belum memenuhi (tahun berjalan)"));
    CHECK_THAT(test::read_file(dir / "site/penilaian/2026-1/index.html"), Contains("id=\"tidak-dinilai\""));
}

TEST_CASE("an unbalanced quote stops the import and no round file appears", "[workflow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto before = test::snapshot(dir / "data");
    test::write_file(dir / "q.csv", "lsp,M01,P01,D01,catatan\nlsp-a,9,1,1,\"catatan tanpa penutup\nlsp-b,8,1,1,baik\nlsp-c,7,1,1,\n");
    const auto r = test::run_in_process("import " + q(dir / "q.csv") + " --periode 2026-1 --root " + q(dir.path()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("q.csv:2: galat: kolom 'catatan': sel diawali tanda kutip yang tidak pernah ditutup"));
    CHECK_THAT(r.output, Contains("Impor dibatalkan; data/penilaian/2026-1.json tidak diubah."));
    CHECK(test::snapshot(dir / "data") == before);  // no round, no temporary file left beside it
}

TEST_CASE("import refuses what the build would refuse: a control character in a note, a bad round kept", "[workflow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "k.csv", "lsp;M01;catatan\nlsp-a;1;\"baik\x07\"\n");
    const auto r = test::run_in_process("import " + q(dir / "k.csv") + " --periode 2026-1 --root " + q(dir.path()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("k.csv:2: galat: lsp-a: kolom catatan memuat karakter kendali U+0007"));
    CHECK_FALSE(fs::exists(dir / "data/penilaian/2026-1.json"));
    // The round file holds a sheet of an LSP no longer registered: the round the import would write fails the build.
    auto round = test::read_file(dir / "data/penilaian/2025-2.json");
    round.replace(round.find("\"lsp-c\""), 7, "\"lsp-q\"");
    test::write_file(dir / "data/penilaian/2025-2.json", round);
    test::write_file(dir / "baik.csv", "lsp;M01\nlsp-a;1\n");
    const auto kept = test::run_in_process("import " + q(dir / "baik.csv") + " --periode 2025-2 --root " + q(dir.path()));
    CHECK(kept.exit_code == 1);
    CHECK_THAT(kept.output, Contains("data/penilaian/2025-2.json:5: galat: lsp-q: LSP tidak terdaftar di data/lsp.json"));
    CHECK(test::read_file(dir / "data/penilaian/2025-2.json") == round);
}

TEST_CASE("a worksheet that is a folder, a FIFO, a dangling link or too large is refused with what to do", "[workflow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto import = [&](const fs::path& p) {
        return test::run_in_process("import " + q(p) + " --periode 2026-1 --root " + q(dir.path()));
    };
    fs::create_directories(dir / "folder.csv");
    auto r = import(dir / "folder.csv");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("folder.csv: galat: ini folder, bukan berkas"));
    REQUIRE(::mkfifo((dir / "pipa.csv").c_str(), 0600) == 0);
    r = import(dir / "pipa.csv");  // must not wait for a writer
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("pipa.csv: galat: bukan berkas biasa"));
    fs::create_symlink(dir / "hilang.csv", dir / "tautan.csv");
    r = import(dir / "tautan.csv");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("tautan.csv: galat: tautan simbolik ini menunjuk ke berkas yang tidak ada"));
    { std::ofstream big(dir / "besar.csv"); }
    fs::resize_file(dir / "besar.csv", 65ull * 1024 * 1024);  // sparse: no 65 MiB written
    r = import(dir / "besar.csv");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("besar.csv: galat: berkas terlalu besar"));
    CHECK_FALSE(fs::exists(dir / "data/penilaian/2026-1.json"));
}

TEST_CASE("commands that change data/ run one at a time: a second is refused and changes nothing", "[workflow]") {
    // Two imports at once each read the round, added their own scores and wrote it back: the
    // second write dropped the first import's scores, and both said they had imported.
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    REQUIRE(test::run_in_process("new penilaian 2026-1 --tanggal 2026-05-04 --csv --root " + q(dir.path())).exit_code == 0);
    test::write_file(dir / "isi.csv", "lsp;nama;M01 (maks 10)\r\nlsp-a;LSP Uji A;9\r\n");
    const auto before = test::read_file(dir / "data/penilaian/2026-1.json");
    {
        // Another pepgen process holding data/ (in this process: a lock of its own on the folder).
        bool busy = false;
        std::string error;
        const auto held = real_disk().lock(dir / "data", Disk::LockKind::exclusive, busy, error);
        REQUIRE(held);
        for (const std::string& command :
             {"import " + q(dir / "isi.csv") + " --periode 2026-1", std::string("new penilaian 2026-2 --tanggal 2026-11-02"),
              std::string("correct --alasan \"Uji\""), std::string("publish --tanggal 2026-12-01")}) {
            INFO(command);
            const auto r = test::run_in_process(command + " --root " + q(dir.path()));
            CHECK(r.exit_code == 1);
            CHECK_THAT(r.output, Contains("data: galat: perintah pepgen lain sedang mengubah data proyek ini"));
        }
        CHECK(test::read_file(dir / "data/penilaian/2026-1.json") == before);
        CHECK_FALSE(fs::exists(dir / "data/penilaian/2026-2.json"));
        CHECK_FALSE(fs::exists(dir / "cadangan"));
        CHECK_FALSE(fs::exists(dir / "data/terbitan"));
    }
    // Once the other command is done, a preview of the import runs (it waits for such a command rather than
    // report from a half-changed data/: data_lock_test) and writes nothing; then the import runs.
    CHECK(test::run_in_process("import " + q(dir / "isi.csv") + " --periode 2026-1 --coba --root " + q(dir.path()))
              .exit_code == 0);
    CHECK(test::read_file(dir / "data/penilaian/2026-1.json") == before);
    const auto r = test::run_in_process("import " + q(dir / "isi.csv") + " --periode 2026-1 --root " + q(dir.path()));
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK_THAT(test::read_file(dir / "data/penilaian/2026-1.json"), Contains("\"M01\": 9"));
}
