#include <catch2/catch.hpp>

#include "content/content_loader.h"
#include "data/data_loader.h"
#include "test_support.h"
#include "validate/validate.h"

using namespace pepgen;
using Catch::Matchers::Contains;

namespace {

std::string validate_dir(const std::filesystem::path& root, Diagnostics& d) {
    const auto c = load_content(root, d);
    const auto data = load_data(root, c.indicators, d);
    validate_content(c, d);
    validate_data(c, data, d);
    return test::all_messages(d);
}

}  // namespace

TEST_CASE("the fixture validates with one warning for its incomplete sheet", "[validate]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    Diagnostics d;
    const auto text = validate_dir(dir.path(), d);
    CHECK(d.error_count() == 0);
    CHECK(d.warning_count() == 1);
    CHECK_THAT(text, Contains("data/penilaian/2025-2.json:5: peringatan: lsp-c: lembar skor belum lengkap (belum dinilai: P01)"));
}

TEST_CASE("maxima that do not add up to the index maximum are refused", "[validate]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    auto text = test::read_file(dir / "content/indikator/D01.md");
    text.replace(text.find("skor_maks: 10"), 13, "skor_maks: 11");
    text.replace(text.find("sampai: 10"), 10, "sampai: 11");
    test::write_file(dir / "content/indikator/D01.md", text);
    Diagnostics d;
    CHECK_THAT(validate_dir(dir.path(), d),
               Contains("content/panduan/indeks.md: galat: jumlah skor_maks seluruh indikator (41) tidak sama dengan ik_maks (40)"));
}

TEST_CASE("category tables with gaps, overlaps or overflow are refused", "[validate]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "content/panduan/indeks.md",
                     "---\njudul: Indeks\nik_maks: 40\nkategori:\n"
                     "  - {kode: atas, nama: Atas, min: 31, maks: 41, kondisi: x}\n"
                     "  - {kode: tengah, nama: Tengah, min: 15, maks: 29, kondisi: x}\n"
                     "  - {kode: bawah, nama: Bawah, min: 0, maks: 19, kondisi: x}\n---\n");
    Diagnostics d;
    const auto text = validate_dir(dir.path(), d);
    CHECK_THAT(text, Contains("tabel kategori tumpang tindih: IK 15–19"));
    CHECK_THAT(text, Contains("tabel kategori berlubang: IK 30–30"));
    CHECK_THAT(text, Contains("tabel kategori melampaui ik_maks 40"));
}

TEST_CASE("a rubric must cover 0..skor_maks", "[validate]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    auto text = test::read_file(dir / "content/indikator/M01.md");
    text.replace(text.find("dari: 6"), 7, "dari: 7");
    test::write_file(dir / "content/indikator/M01.md", text);
    Diagnostics d;
    CHECK_THAT(validate_dir(dir.path(), d),
               Contains("content/indikator/M01.md: galat: M01: rubrik berlubang: skor 6–6 tidak tercakup"));
}

TEST_CASE("bad scores are all reported, naming file, LSP and indicator", "[validate]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "data/penilaian/2025-1.json", R"J({"periode": "2025-1", "jenis": "rutin", "tanggal": "2025-06-01",
  "hasil": [
    {"lsp": "lsp-a", "skor": {"M01": 12, "P01": 15, "D01": 7, "X99": 1}},
    {"lsp": "lsp-zz", "skor": {"M01": 5, "P01": 10, "D01": 5}},
    {"lsp": "lsp-a", "skor": {"M01": 5, "P01": 10, "D01": 5}}
  ]})J");
    Diagnostics d;
    const auto text = validate_dir(dir.path(), d);
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:3: galat: lsp-a: M01 = 12 melebihi skor_maks 10"));
    CHECK_THAT(text, Contains("lsp-a: kode indikator X99 tidak dikenal"));
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:4: galat: lsp-zz: LSP tidak terdaftar di data/lsp.json"));
    CHECK_THAT(text, Contains("lsp-a: LSP dinilai lebih dari sekali dalam penilaian ini"));
    CHECK(d.error_count() == 4);
    // No suggestion when nothing is clearly nearest (lsp-zz is one letter from lsp-a, -b and -c alike).
    CHECK_FALSE(Catch::contains(text, "mungkin maksudnya"));
}

TEST_CASE("an unknown LSP id or indicator code one typo away gets the nearest as a suggestion", "[validate]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "data/penilaian/2025-1.json", R"J({"periode": "2025-1", "jenis": "rutin", "tanggal": "2025-06-01",
  "hasil": [
    {"lsp": "lsp-aa", "skor": {"M01": 5, "P01": 10, "D01": 5}},
    {"lsp": "lsp-b", "skor": {"M01": 5, "P01": 10, "D01": 5, "P011": 1}}
  ]})J");
    Diagnostics d;
    const auto text = validate_dir(dir.path(), d);
    CHECK_THAT(text, Contains("lsp-aa: LSP tidak terdaftar di data/lsp.json; mungkin maksudnya lsp-a?"));
    CHECK_THAT(text, Contains("lsp-b: kode indikator P011 tidak dikenal; mungkin maksudnya P01?"));
}

TEST_CASE("a bad score is reported at its own line, in a sheet spread over lines", "[validate]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "data/penilaian/2025-1.json", R"J({"periode": "2025-1", "jenis": "rutin", "tanggal": "2025-06-01",
  "hasil": [
    {"lsp": "lsp-a", "skor": {
      "M01": 5,
      "P01": 21,
      "D01": 5}},
    {"lsp": "lsp-b", "skor": {
      "M01": 11,
      "P01": 10,
      "D01": 5}},
    {"lsp": "lsp-c", "catatan": "M01 dan D01 dibahas", "skor": {"D01": 11,
      "M01": 5, "P01": 10}}
  ]})J");
    Diagnostics d;
    const auto text = validate_dir(dir.path(), d);
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:5: galat: lsp-a: P01 = 21 melebihi skor_maks 20"));
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:8: galat: lsp-b: M01 = 11 melebihi skor_maks 10"));
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:11: galat: lsp-c: D01 = 11 melebihi skor_maks 10"));
}

TEST_CASE("a broken indicator file is reported once, not again as an unknown code in every sheet", "[validate]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "content/indikator/P01.md", "---\nkode: P01\nkelompok: [proses\n---\n");
    Diagnostics d;
    const auto text = validate_dir(dir.path(), d);
    CHECK_THAT(text, Contains("content/indikator/P01.md:"));
    CHECK_FALSE(Catch::contains(text, "kode indikator P01 tidak dikenal"));
    // A code with no file at all is still unknown.
    test::write_file(dir / "data/penilaian/2025-i1.json", R"J({"periode": "2025-i1", "jenis": "insidental", "tanggal": "2025-08-01",
  "hasil": [{"lsp": "lsp-b", "skor": {"M01": 1, "X01": 2, "D01": 3}}]})J");
    Diagnostics d2;
    CHECK_THAT(validate_dir(dir.path(), d2), Contains("lsp-b: kode indikator X01 tidak dikenal"));
}

TEST_CASE("the schedule's findings come year first, then round by round in file order", "[validate]") {
    // Rounds are checked in parallel: the messages must still read in the order of the rounds.
    Data data;
    Lsp a;
    a.id = "lsp-a";
    a.licence_valid_until = "2030-12-31";
    Lsp old;
    old.id = "lsp-lama";
    old.licence_valid_until = "2024-01-31";
    data.lsps = {a, old};
    auto round = [](std::string period, std::string date, RoundKind kind, std::vector<std::string> ids) {
        Round r;
        r.period = std::move(period);
        r.date = std::move(date);
        r.kind = kind;
        r.source_file = "data/penilaian/" + r.period + ".json";
        int line = 10;
        for (auto& id : ids) {
            ScoreSheet s;
            s.lsp_id = std::move(id);
            s.source_line = line++;
            r.sheets.push_back(std::move(s));
        }
        r.index_sheets();
        return r;
    };
    data.rounds.push_back(round("2024-1", "2025-03-01", RoundKind::rutin, {"lsp-a", "lsp-lama"}));
    data.rounds.push_back(round("2024-i1", "2024-06-01", RoundKind::rutin, {"lsp-a", "lsp-lama"}));
    data.rounds.push_back(round("2025-1", "2025-05-01", RoundKind::rutin, {"lsp-lama"}));
    Diagnostics d;
    validate_schedule(data, d);
    std::vector<std::string> files;
    for (const auto& item : d.items()) files.push_back(item.file);
    CHECK(files == std::vector<std::string>{"data/penilaian", "data/penilaian/2024-1.json",
                                            "data/penilaian/2024-1.json", "data/penilaian/2024-i1.json",
                                            "data/penilaian/2024-i1.json", "data/penilaian/2025-1.json",
                                            "data/penilaian/2025-1.json"});
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/penilaian/2024-1.json: peringatan: periode 2024-1 bertanggal"));
    CHECK_THAT(text, Contains("data/penilaian/2024-1.json:11: peringatan: lsp-lama: lisensi berakhir"));
    CHECK_THAT(text, Contains("data/penilaian/2024-i1.json: peringatan: periode 2024-i1 berkode penilaian insidental"));
    CHECK_THAT(text, Contains("data/penilaian/2024-i1.json:11: peringatan: lsp-lama: lisensi berakhir"));
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json: peringatan: LSP terdaftar yang tidak dinilai pada putaran ini: lsp-a"));
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:10: peringatan: lsp-lama: lisensi berakhir"));
}
