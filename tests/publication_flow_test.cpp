// Accountable publication as the team runs it (through run_cli, in this
// process): publish, a changed score refused, correct, publish again; the
// correction on every surface; archived versions that verify; drafts that
// never reach a published build; disputes; a tampered ledger; and, over random
// sequences of all of these, incremental builds that equal full ones.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <random>
#include <regex>

#include <boost/json.hpp>

#include "site/memory_disk.h"
#include "test_support.h"
#include "util/sha256.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;
namespace json = boost::json;

using test::q;

namespace {

std::string root_arg(const test::TempDir& dir) { return " --root " + q(dir.path()); }

/// lsp-b's sheet in 2025-2 goes from IK 24 (rank 2, Tengah) to 40 (rank 1,
/// Atas): lsp-a drops from rank 1 to 2 without a score of its own changing.
void change_lsp_b(const fs::path& root) {
    test::replace_in_file(root / "data/penilaian/2025-2.json", R"({"M01": 6, "P01": 12, "D01": 6})",
                          R"({"M01": 10, "P01": 20, "D01": 10})");
}

test::CommandResult run(const test::TempDir& dir, const std::string& command) {
    auto r = test::run_in_process(command + root_arg(dir));
    UNSCOPED_INFO(command << "\n" << r.output);
    return r;
}

}  // namespace

TEST_CASE("publish, change, refused, correct, publish: the correction reaches every reader", "[publication_flow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto site = dir / "site";

    REQUIRE(run(dir, "publish --tanggal 2026-01-10").exit_code == 0);
    REQUIRE(fs::exists(dir / "data/terbitan/rilis-001.json"));
    const auto first_round_json = test::read_file(site / "data/indeks-2025-2.json");
    const auto first_csv = test::read_file(site / "data/hasil-2025-2.csv");
    CHECK_THAT(first_round_json, Contains("\"terbit_pertama\": {\"rilis\": 1, \"tanggal\": \"2026-01-10\"}"));
    CHECK_THAT(test::read_file(site / "penilaian/2025-2/index.html"), Contains("Pertama terbit 10 Januari 2026 (rilis 1)"));

    // Publishing again with nothing changed makes no release.
    const auto again = run(dir, "publish --tanggal 2026-01-10");
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.output, Contains("tidak ada rilis baru"));
    CHECK_FALSE(fs::exists(dir / "data/terbitan/rilis-002.json"));

    change_lsp_b(dir.path());
    const auto before = test::published(site);
    for (const char* command : {"check", "build", "publish --tanggal 2026-01-12"}) {
        const auto r = run(dir, command);
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output, Contains("data/penilaian/2025-2.json:"));
        CHECK_THAT(r.output, Contains("lsp-b: M01 6 \u2192 10 mengubah angka yang sudah terbit (rilis 1, 10 Januari 2026); "
                                      "akibatnya IK 24 \u2192 40, kategori Tengah \u2192 Atas, peringkat 2 \u2192 1"));
        CHECK_THAT(r.output, Contains("lsp-b: P01 12 \u2192 20"));
        CHECK_THAT(r.output, Contains("ikut berubah tanpa perubahan skornya sendiri: lsp-a (peringkat 1 \u2192 2)"));
        CHECK_THAT(r.output, Contains("pepgen correct --alasan"));
    }
    CHECK(test::published(site) == before);
    CHECK_FALSE(fs::exists(dir / "data/terbitan/rilis-002.json"));

    // correct needs a reason; --coba writes nothing.
    CHECK(run(dir, "correct").exit_code == 2);
    CHECK(run(dir, "correct --alasan x --dasar tebakan").exit_code == 2);
    const auto dry = run(dir, "correct --alasan \"Bukti rekaman asesmen ditemukan\" --dasar sanggahan --tanggal 2026-01-11 --coba");
    CHECK(dry.exit_code == 0);
    CHECK_THAT(dry.output, Contains("lsp-a: peringkat 1 \u2192 2"));
    CHECK_FALSE(fs::exists(dir / "data/terbitan/ralat.json"));
    // Not before the release it corrects.
    CHECK(run(dir, "correct --alasan x --tanggal 2026-01-09").exit_code == 1);

    REQUIRE(run(dir, "correct --alasan \"Bukti rekaman asesmen ditemukan\" --dasar sanggahan --tanggal 2026-01-11").exit_code == 0);
    CHECK(run(dir, "check").exit_code == 0);
    CHECK_THAT(run(dir, "correct --alasan x").output, Contains("tidak ada ralat baru"));
    REQUIRE(run(dir, "publish --tanggal 2026-01-12").exit_code == 0);
    REQUIRE(fs::exists(dir / "data/terbitan/rilis-002.json"));

    const auto errata = test::read_file(site / "ralat/index.html");
    CHECK_THAT(errata, Contains("Ralat 1"));
    CHECK_THAT(errata, Contains("Bukti rekaman asesmen ditemukan"));
    CHECK_THAT(errata, Contains("dasar: sanggahan LSP"));
    CHECK_THAT(errata, Contains("Tercatat pada rilis 2 (12 Januari 2026)"));
    const auto card_b = test::read_file(site / "lsp/lsp-b/index.html");
    CHECK_THAT(card_b, Contains("Riwayat ralat"));
    CHECK_THAT(card_b, Contains("hasil LSP ini diralat terakhir 11 Januari 2026"));
    CHECK_THAT(card_b, Contains("IK 24 \u2192 40, kategori Tengah \u2192 Atas, peringkat 2 \u2192 1"));
    // lsp-a's rank moved as a consequence, not as a correction of lsp-a.
    const auto card_a = test::read_file(site / "lsp/lsp-a/index.html");
    CHECK_THAT(card_a, Contains("Bukan ralat atas LSP ini: peringkat 1 \u2192 2"));
    CHECK_THAT(card_a, !Contains("hasil LSP ini diralat"));
    const auto round_page = test::read_file(site / "penilaian/2025-2/index.html");
    CHECK_THAT(round_page, Contains("diralat terakhir 11 Januari 2026"));
    CHECK_THAT(round_page, Contains("Ralat putaran ini"));
    CHECK_THAT(round_page, Contains("<span class=\"mark\">diralat</span>"));
    CHECK_THAT(test::read_file(site / "feed.xml"), Contains("<title>Ralat 1: LSP Uji B</title>"));
    CHECK_THAT(test::read_file(site / "penilaian/2025-2/cetak/index.html"), Contains("Ralat 1, 11 Januari 2026"));
    const auto csv = test::read_file(site / "data/hasil-2025-2.csv");
    CHECK_THAT(csv, Contains(";ralat;ralat_alasan;sanggahan\r\n"));
    CHECK_THAT(csv, Contains(";1 (2026-01-11);Bukti rekaman asesmen ditemukan;"));
    const auto round_json = json::parse(test::read_file(site / "data/indeks-2025-2.json")).as_object();
    CHECK(round_json.at("ralat_terakhir") == "2026-01-11");
    for (const auto& h : round_json.at("hasil").as_array()) {
        const auto& row = h.as_object();
        if (row.at("lsp") == "lsp-b") {
            REQUIRE(row.at("ralat").as_array().size() == 1);
            CHECK(row.at("ralat").as_array()[0].at("alasan") == "Bukti rekaman asesmen ditemukan");
            CHECK(row.at("ralat").as_array()[0].at("perubahan").as_array().size() == 3);
        }
        if (row.at("lsp") == "lsp-a") {
            CHECK(row.at("ralat").as_array().empty());
            CHECK(row.at("ralat_akibat") == json::array{1});
        }
    }
    CHECK_THAT(test::read_file(site / "data/semua.json"), Contains("\"alasan\": \"Bukti rekaman asesmen ditemukan\""));
    CHECK_THAT(test::read_file(site / "data/lsp/lsp-b.json"), Contains("\"alasan\": \"Bukti rekaman asesmen ditemukan\""));

    // The first version stays, byte for byte, at its stable address.
    CHECK(test::read_file(site / "data/versi/1/indeks-2025-2.json") == first_round_json);
    CHECK(test::read_file(site / "data/versi/1/hasil-2025-2.csv") == first_csv);
    CHECK(test::read_file(site / "data/versi/2/indeks-2025-2.json") == test::read_file(site / "data/indeks-2025-2.json"));
    // An unchanged file keeps its first address only.
    CHECK_FALSE(fs::exists(site / "data/versi/2/indeks-2025-1.json"));
    // SHA256SUMS and datapackage.json verify against the files they name.
    const auto sums = test::read_file(site / "SHA256SUMS");
    std::size_t lines = 0;
    for (std::size_t at = 0; at < sums.size();) {
        const auto end = sums.find('\n', at);
        const auto line = sums.substr(at, end - at);
        REQUIRE(line.size() > 66);
        CHECK(sha256_hex(test::read_file(site / line.substr(66))) == line.substr(0, 64));
        ++lines;
        at = end + 1;
    }
    CHECK(lines > 10);
    const auto pkg = json::parse(test::read_file(site / "datapackage.json")).as_object();
    CHECK(pkg.at("profile") == "data-package");
    CHECK(pkg.at("licenses").as_array()[0].at("name") == "CC-BY-4.0");
    std::size_t resources = 0;
    for (const auto& r : pkg.at("resources").as_array()) {
        const auto& res = r.as_object();
        const std::string path(res.at("path").as_string());
        CHECK(std::string(res.at("hash").as_string()) == "sha256:" + sha256_hex(test::read_file(site / path)));
        if (path == "data/versi/2/hasil-2025-2.csv") {
            const auto& fields = res.at("schema").at("fields").as_array();
            CHECK(fields[0].at("name") == "lsp");
            CHECK(fields[5].at("name") == "ik");
            CHECK(fields[5].at("type") == "integer");
        }
        ++resources;
    }
    CHECK(resources == json::parse(test::read_file(dir / "data/terbitan/rilis-002.json")).at("berkas").as_object().size());
    const auto downloads = test::read_file(site / "unduh/index.html");
    CHECK_THAT(downloads, Contains("Rilis 2"));
    CHECK_THAT(downloads, Contains("data/versi/1/indeks-2025-2.json"));
    // Every archived file is the published one, and a build after publish changes nothing.
    const auto rebuilt = run(dir, "build");
    CHECK(rebuilt.exit_code == 0);
    const bool nothing_written = rebuilt.output.find("sudah mutakhir") != std::string::npos ||
                                 rebuilt.output.find("(0 berkas ditulis") != std::string::npos;
    CHECK(nothing_written);
    CHECK(run(dir, "check --links --output " + q(site)).exit_code == 0);
}

TEST_CASE("a ledger edited to hide a change is detected", "[publication_flow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    REQUIRE(run(dir, "publish --tanggal 2026-01-10").exit_code == 0);
    change_lsp_b(dir.path());
    REQUIRE(run(dir, "correct --alasan \"Salah ketik\" --dasar kesalahan-data --tanggal 2026-01-11").exit_code == 0);
    REQUIRE(run(dir, "publish --tanggal 2026-01-12").exit_code == 0);
    const auto release1 = dir / "data/terbitan/rilis-001.json";
    const auto release2 = dir / "data/terbitan/rilis-002.json";
    const auto corrections = dir / "data/terbitan/ralat.json";
    auto expect_refused = [&](const std::string& needle) {
        const auto r = run(dir, "check");
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output, Contains(needle));
    };
    SECTION("an earlier release rewritten") {
        test::replace_in_file(release1, "\"ik\": 24", "\"ik\": 40");
        expect_refused("data/terbitan/rilis-002.json: galat: 'sebelumnya' tidak sama dengan SHA-256 data/terbitan/rilis-001.json");
    }
    SECTION("the newest release's figures rewritten") {
        test::replace_in_file(release2, "\"ik\": 40", "\"ik\": 39");
        expect_refused("data/terbitan/rilis-002.json: galat: angka lsp-b pada putaran 2025-2 tidak sama dengan berkas "
                       "data/indeks-2025-2.json yang diterbitkan rilis ini");
    }
    SECTION("a released correction rewritten or dropped") {
        test::replace_in_file(corrections, "Salah ketik", "Lain");
        expect_refused("data/terbitan/ralat.json: galat: ralat nomor 1 sampai 1 tidak sama lagi dengan yang dicatat rilis 2");
    }
    SECTION("a correction dropped") {
        test::write_file(corrections, "{\"ralat\": []}\n");
        expect_refused("rilis 2 mencakup 1 ralat, tetapi berkas ini hanya memuat 0");
    }
    SECTION("an archived file changed") {
        const auto ledger = json::parse(test::read_file(release1)).as_object();
        const std::string hash(ledger.at("berkas").at("data/indeks-2025-2.json").as_string());
        test::write_file(dir / ("data/terbitan/arsip/" + hash), "{}\n");
        expect_refused("data/terbitan/arsip/" + hash + ": galat: isi berkas arsip untuk data/indeks-2025-2.json (rilis 1) "
                       "tidak sama lagi");
    }
    SECTION("a release removed") {
        fs::remove(release1);
        expect_refused("data/terbitan/rilis-002.json: galat: rilis 1 tidak ada");
    }
    SECTION("a score put back without a correction") {
        test::replace_in_file(dir / "data/penilaian/2025-2.json", R"({"M01": 10, "P01": 20, "D01": 10})",
                              R"({"M01": 6, "P01": 12, "D01": 6})");
        expect_refused("lsp-b: M01 10 \u2192 6 mengubah angka yang sudah terbit (rilis 2, 12 Januari 2026)");
    }
}

TEST_CASE("a draft round is shown for the LSPs' check and never reaches a published build", "[publication_flow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "data/penilaian/2026-1.json", R"J({"periode": "2026-1", "jenis": "rutin", "tanggal": "2026-05-04",
  "draf": true, "tinjauan_mulai": "2026-05-10",
  "hasil": [
    {"lsp": "lsp-a", "skor": {"M01": 9, "P01": 18, "D01": 9}},
    {"lsp": "lsp-b", "skor": {"M01": 7, "P01": 13, "D01": 7}}
  ]})J");
    auto b = test::build_in_memory(dir.path());
    REQUIRE(b->ok);
    const auto page = b->read("penilaian/2026-1/index.html");
    CHECK_THAT(page, Contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
    CHECK_THAT(page, Contains("DRAF \u2014 belum terbit."));
    CHECK_THAT(page, Contains("Masa tinjauan: 10 Mei 2026 sampai 24 Mei 2026 (14 hari)."));
    CHECK_THAT(b->read("penilaian/2026-1/cetak/index.html"), Contains("DRAF"));
    CHECK_THAT(b->read("kategori/2026-1/index.html"), Contains("noindex"));
    CHECK_THAT(b->read("sitemap.xml"), !Contains("2026-1"));
    CHECK_THAT(b->read("feed.xml"), !Contains("2026-1"));
    CHECK_THAT(b->read("cari/indeks.js"), !Contains("2026-1"));
    CHECK_THAT(b->read("data/semua.json"), !Contains("\"periode\": \"2026-1\""));
    CHECK_FALSE(b->has("data/indeks-2026-1.json"));
    // Nobody's current result: the scorecard and home page still show 2025-2.
    CHECK_THAT(b->read("lsp/lsp-a/index.html"), !Contains("2026-1"));
    CHECK_THAT(b->read("index.html"), !Contains("2026-1"));
    CHECK(b->link_errors().items().empty());

    // publish leaves it out entirely, and so does the release.
    const auto r = run(dir, "publish --tanggal 2026-05-12");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Contains("Putaran 2026-1 masih draf: tidak ikut diterbitkan."));
    CHECK_FALSE(fs::exists(dir / "site/penilaian/2026-1"));
    CHECK_FALSE(fs::exists(dir / "site/kategori/2026-1"));
    CHECK_THAT(test::read_file(dir / "site/penilaian/index.html"), !Contains("2026-1"));
    CHECK_THAT(test::read_file(dir / "data/terbitan/rilis-001.json"), !Contains("2026-1"));

    // Out of draft before the window closes: published, with a warning.
    test::replace_in_file(dir / "data/penilaian/2026-1.json", "\"draf\": true, ", "");
    const auto early = run(dir, "publish --tanggal 2026-05-20");
    CHECK(early.exit_code == 0);
    CHECK_THAT(early.output, Contains("data/penilaian/2026-1.json: peringatan: akan terbit pada 20 Mei 2026, sebelum masa "
                                      "tinjauan LSP berakhir (24 Mei 2026, 14 hari sejak 10 Mei 2026)"));
    CHECK_THAT(test::read_file(dir / "data/terbitan/rilis-002.json"), Contains("\"periode\": \"2026-1\""));
    CHECK_THAT(run(dir, "check").output, Contains("peringatan: terbit pada 20 Mei 2026, sebelum masa tinjauan"));
    // A released round cannot become a draft again.
    test::replace_in_file(dir / "data/penilaian/2026-1.json", "\"tinjauan_mulai\"", "\"draf\": true, \"tinjauan_mulai\"");
    CHECK_THAT(run(dir, "check").output, Contains("sudah terbit pada rilis 2 dan tidak dapat dijadikan draf lagi"));
}

TEST_CASE("a dispute shows while open and ends in a correction or a recorded rejection", "[publication_flow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    REQUIRE(run(dir, "publish --tanggal 2026-01-10").exit_code == 0);
    const auto round = dir / "data/penilaian/2025-2.json";
    test::replace_in_file(round, R"("catatan": "Naik.")",
                          R"("catatan": "Naik.", "sanggahan": [{"diajukan": "2026-01-15", "status": "terbuka"}])");
    auto open = test::build_in_memory(dir.path());
    REQUIRE(open->ok);
    CHECK_THAT(open->read("lsp/lsp-b/index.html"), Contains("Sedang disanggah."));
    CHECK_THAT(open->read("lsp/lsp-b/index.html"), Contains("sanggahan atas hasil ini pada 15 Januari 2026"));
    CHECK_THAT(open->read("penilaian/2025-2/index.html"), Contains("<span class=\"mark\">disanggah</span>"));
    CHECK_THAT(open->read("data/indeks-2025-2.json"), Contains("\"status\": \"terbuka\""));
    CHECK_THAT(test::all_messages(open->diags), Contains("lsp-b: sanggahan yang diajukan 15 Januari 2026 masih terbuka"));

    SECTION("rejected: the decision and its reason are shown, the notice is gone") {
        test::replace_in_file(round, R"("status": "terbuka"})",
                              R"("status": "ditolak", "diputus": "2026-01-20", "keterangan": "Bukti yang diajukan bertanggal sesudah penilaian."})");
        auto b = test::build_in_memory(dir.path());
        REQUIRE(b->ok);
        const auto card = b->read("lsp/lsp-b/index.html");
        CHECK_THAT(card, !Contains("Sedang disanggah."));
        CHECK_THAT(card, Contains("Sanggahan ditolak."));
        CHECK_THAT(card, Contains("Diajukan 15 Januari 2026, diputus 20 Januari 2026. Bukti yang diajukan bertanggal sesudah penilaian."));
    }
    SECTION("accepted: it names the correction that settled it") {
        test::replace_in_file(round, R"("status": "terbuka"})", R"("status": "diterima", "diputus": "2026-01-20"})");
        CHECK_THAT(run(dir, "check").output, Contains("sanggahan yang diterima perlu 'ralat'"));
        test::replace_in_file(round, R"("diputus": "2026-01-20")", R"("diputus": "2026-01-20", "ralat": 1)");
        CHECK_THAT(run(dir, "check").output, Contains("ralat itu tidak ada di data/terbitan/ralat.json"));
        change_lsp_b(dir.path());
        REQUIRE(run(dir, "correct --alasan \"Sanggahan diterima\" --dasar sanggahan --tanggal 2026-01-20").exit_code == 0);
        auto b = test::build_in_memory(dir.path());
        REQUIRE(b->ok);
        const auto card = b->read("lsp/lsp-b/index.html");
        CHECK_THAT(card, Contains("Sanggahan diterima."));
        CHECK_THAT(card, Contains("Perbaikannya tercatat sebagai <a href=\"../../ralat/index.html#ralat-1\">ralat 1</a>"));
    }
    SECTION("a dispute without its dates is an error with the file and line") {
        test::replace_in_file(round, R"({"diajukan": "2026-01-15", "status": "terbuka"})", R"({"status": "menunggu"})");
        const auto r = run(dir, "check");
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output, Contains("data/penilaian/2025-2.json:4: galat: lsp-b: sanggahan ke-1: kolom 'diajukan' wajib diisi"));
        CHECK_THAT(r.output, Contains("status 'menunggu' tidak dikenal; pilih terbuka, diterima atau ditolak"));
    }
}

TEST_CASE("a second publish or correct while one runs is refused, so no record replaces another", "[publication_flow]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const int fd = ::open((dir / ".pepgen-terbitan.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    for (const char* command : {"publish --tanggal 2026-01-10", "correct --alasan x"}) {
        const auto r = run(dir, command);
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output, Contains("pepgen publish atau pepgen correct lain sedang berjalan di proyek ini"));
    }
    CHECK_FALSE(fs::exists(dir / "data/terbitan"));
    CHECK_FALSE(fs::exists(dir / "site"));
    ::close(fd);
    CHECK(run(dir, "publish --tanggal 2026-01-10").exit_code == 0);
}

TEST_CASE("after any sequence of releases, corrections and edits, an incremental build equals a full one",
          "[publication_flow][incremental]") {
    // What changes between two builds of a published site: a release, a score corrected with a
    // reason, a note, a dispute lodged or decided, an LSP renamed. Each is followed by the build the
    // team runs, and the folder it leaves is compared with a build from scratch.
    using test::pick;
    const auto& edit_match = test::edit_random_match;
    const std::vector<std::string> rounds = {"2025-1", "2025-2", "2025-i1"};
    const std::vector<std::string> bases = {"sanggahan", "kesalahan-data", "kesalahan-hitung", "lainnya"};
    const unsigned seeds = test::property_seeds(3);
    for (unsigned seed = 1; seed <= seeds; ++seed) {
        test::TempDir dir;
        test::write_fixture_project(dir.path());
        std::mt19937 rng(seed);
        int day = 0;  // every command is dated a day after the one before
        auto next_date = [&] {
            ++day;
            char text[32];  // room for any int, so the compiler sees nothing cut off
            std::snprintf(text, sizeof text, "2026-%02d-%02d", 1 + (day - 1) / 28, 1 + (day - 1) % 28);
            return std::string(text);
        };
        REQUIRE(run(dir, "build").exit_code == 0);
        for (int step = 0; step < 12; ++step) {
            std::string what;
            switch (pick(rng, 6)) {
                case 0:
                case 1:
                    what = "release";
                    REQUIRE(run(dir, "publish --tanggal " + next_date()).exit_code == 0);
                    break;
                case 2:
                    what = "score";
                    edit_match(dir / "data/penilaian" / (rounds[pick(rng, rounds.size())] + ".json"),
                               std::regex(R"re("(M01|P01|D01)": (\d+|null))re"), rng, [&](const std::smatch& m) {
                                   const int max = m[1] == "P01" ? 20 : 10;
                                   return "\"" + m[1].str() + "\": " + std::to_string(pick(rng, static_cast<std::size_t>(max) + 1));
                               });
                    break;
                case 3:
                    what = "note";
                    edit_match(dir / "data/penilaian/2025-2.json", std::regex(R"re("catatan": "[^"]*")re"), rng,
                               [&](const std::smatch&) { return "\"catatan\": \"Catatan " + std::to_string(pick(rng, 1000)) + ".\""; });
                    break;
                case 4:  // lsp-b's newest sheet: an open dispute is lodged, then rejected, then lodged again
                    what = "dispute";
                    test::cycle_dispute(dir.path(), false);
                    break;
                default:
                    what = "name";
                    edit_match(dir / "data/lsp.json", std::regex(R"re("nama": "LSP Uji [^"]*")re"), rng, [&](const std::smatch&) {
                        return "\"nama\": \"LSP Uji " + std::string(1, static_cast<char>('A' + pick(rng, 26))) + "\"";
                    });
            }
            INFO("seed " << seed << ", step " << step << ": " << what);
            // A changed published figure is refused until a correction records why.
            if (run(dir, "check").exit_code != 0)
                REQUIRE(run(dir, "correct --alasan \"Koreksi " + std::to_string(step) + "\" --dasar " +
                                     bases[pick(rng, bases.size())] + " --tanggal " + next_date())
                            .exit_code == 0);
            REQUIRE(run(dir, "build").exit_code == 0);
            BuildOptions full;
            full.incremental = false;
            const auto reference = test::build_in_memory(dir.path(), full);
            REQUIRE(reference->ok);
            CHECK(test::differing_files(test::published_files(dir / "site"), reference->files()) == std::vector<std::string>{});
        }
    }
}
