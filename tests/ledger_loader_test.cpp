// The publication ledger's files as the loader reads them: every problem
// named with its file and, where it has one, its line.
#include <catch2/catch.hpp>

#include "data/ledger_loader.h"
#include "data/ledger_writer.h"
#include "test_support.h"
#include "util/sha256.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

const std::string kZero(64, '0');

std::string release_text(const std::string& extra_file = {}) {
    return "{\"rilis\": 1, \"tanggal\": \"2026-01-10\", \"sebelumnya\": null, \"ralat\": 0,\n"
           " \"ralat_sha256\": \"" + kZero + "\",\n"
           " \"putaran\": [{\"periode\": \"2025-1\", \"hasil\": [{\"lsp\": \"a\", \"skor\": {\"M01\": 3}, \"ik\": 3, "
           "\"kategori\": \"bawah\", \"peringkat\": 1}]}],\n"
           " \"berkas\": {" + extra_file + "}}\n";
}

}  // namespace

TEST_CASE("no ledger folder is an empty ledger", "[ledger_loader]") {
    test::TempDir dir;
    Diagnostics diags;
    const auto ledger = load_ledger(dir.path(), diags);
    CHECK(ledger.releases.empty());
    CHECK(ledger.corrections.empty());
    CHECK(diags.items().empty());
}

TEST_CASE("a release file round-trips through the writer", "[ledger_loader]") {
    test::TempDir dir;
    Release r;
    r.number = 1;
    r.date = "2026-01-10";
    r.corrections_sha256 = kZero;
    r.rounds = {{"2025-1", {PublishedSheet{"a", {{"M01", 3}, {"P01", std::nullopt}}, std::nullopt, "", std::nullopt}}}};
    const std::string bytes = "{}\n";
    r.files["data/semua.json"] = sha256_hex(bytes);
    test::write_file(dir / "data/terbitan/rilis-001.json", release_json(r, {"P01", "M01"}));
    REQUIRE(archive_bytes(dir.path(), sha256_hex(bytes), bytes).empty());
    Diagnostics diags;
    const auto ledger = load_ledger(dir.path(), diags);
    INFO(test::all_messages(diags));
    REQUIRE(diags.items().empty());
    REQUIRE(ledger.releases.size() == 1);
    const auto& back = ledger.releases[0];
    CHECK(back.rounds[0].sheets[0].scores == r.rounds[0].sheets[0].scores);
    CHECK_FALSE(back.rounds[0].sheets[0].ik);
    CHECK(back.files == r.files);
    CHECK(ledger.archive.at(sha256_hex(bytes)) == bytes);
    CHECK(back.sha256 == sha256_hex(test::read_file(dir / "data/terbitan/rilis-001.json")));
    // Scores in catalogue order, as the team reads them.
    CHECK_THAT(test::read_file(dir / "data/terbitan/rilis-001.json"), Contains("\"skor\": {\"P01\": null, \"M01\": 3}"));
}

TEST_CASE("bad ledger entries are named with file and line, all at once", "[ledger_loader]") {
    test::TempDir dir;
    test::write_file(dir / "data/terbitan/rilis-001.json",
                     release_text("\"../../etc/passwd\": \"" + kZero + "\", \"data/semua.json\": \"abc\""));
    test::write_file(dir / "data/terbitan/rilis-2.json", release_text());
    test::write_file(dir / "data/terbitan/catatan.json", "{}");
    test::write_file(dir / "data/terbitan/ralat.json", R"({"ralat": [
  {"nomor": 1, "tanggal": "2026-13-01", "alasan": "x", "dasar": "tebakan", "perubahan": []}
]})");
    Diagnostics diags;
    load_ledger(dir.path(), diags);
    const auto all = test::all_messages(diags);
    CHECK_THAT(all, Contains("data/terbitan/rilis-001.json:4: galat: berkas '../../etc/passwd': bukan jalur berkas data situs"));
    CHECK_THAT(all, Contains("data/terbitan/rilis-001.json:4: galat: berkas 'data/semua.json': hash harus berupa SHA-256"));
    CHECK_THAT(all, Contains("data/terbitan/rilis-2.json:1: galat: rilis 1 harus bernama rilis-001.json"));
    CHECK_THAT(all, Contains("data/terbitan/catatan.json: galat: berkas tidak dikenal di data/terbitan/"));
    CHECK_THAT(all, Contains("data/terbitan/ralat.json:2: galat: ralat ke-1: tanggal '2026-13-01' bukan tanggal"));
    CHECK_THAT(all, Contains("dasar 'tebakan' tidak dikenal"));
}

TEST_CASE("an archived file that is missing or was changed is an error", "[ledger_loader]") {
    test::TempDir dir;
    const std::string bytes = "[1]\n";
    const auto hash = sha256_hex(bytes);
    test::write_file(dir / "data/terbitan/rilis-001.json",
                     release_text("\"data/indeks-2025-1.json\": \"" + hash + "\", \"data/semua.json\": \"" + kZero + "\""));
    test::write_file(dir / ("data/terbitan/arsip/" + hash), "[2]\n");
    Diagnostics diags;
    const auto ledger = load_ledger(dir.path(), diags);
    const auto all = test::all_messages(diags);
    CHECK_THAT(all, Contains("data/terbitan/arsip/" + hash + ": galat: isi berkas arsip untuk data/indeks-2025-1.json (rilis 1) "
                             "tidak sama lagi dengan hash yang tercatat"));
    CHECK_THAT(all, Contains("data/terbitan/arsip/" + kZero + ": galat: berkas arsip untuk data/semua.json (rilis 1) tidak ada"));
    CHECK(ledger.archive.empty());
}

TEST_CASE("archivable paths are the site's data files and nothing else", "[ledger_loader]") {
    CHECK(is_archivable_path("data/indeks-2025-1.json"));
    CHECK(is_archivable_path("data/lsp/lsp-a.json"));
    CHECK(is_archivable_path("data/statistik/x.json"));
    CHECK_FALSE(is_archivable_path("data/versi/1/indeks-2025-1.json"));
    CHECK_FALSE(is_archivable_path("data/../index.html"));
    CHECK_FALSE(is_archivable_path("data//x.json"));
    CHECK_FALSE(is_archivable_path("/data/x.json"));
    CHECK_FALSE(is_archivable_path("data/.hidden"));
    CHECK_FALSE(is_archivable_path("data/X.json"));
    CHECK_FALSE(is_archivable_path("index.html"));
    CHECK_FALSE(is_archivable_path("data"));
    CHECK(release_file_name(7) == "rilis-007.json");
}
