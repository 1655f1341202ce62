#include <catch2/catch.hpp>

#include "content/content_loader.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("the fixture's content loads in the circular's order", "[content]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    Diagnostics d;
    const auto c = load_content(dir.path(), d);
    INFO(test::all_messages(d));
    CHECK_FALSE(d.has_errors());
    CHECK(c.config.title == "Situs Uji");
    REQUIRE(c.indicators.size() == 3);
    CHECK(c.indicators[0].code == "M01");
    CHECK(c.indicators[1].code == "P01");
    CHECK(c.indicators[2].code == "D01");
    CHECK(c.indicators[1].max_score == 20);
    REQUIRE(c.indicators[0].rubric.size() == 2);
    CHECK(c.indicators[0].rubric[1].from == 6);
    CHECK(c.indicators[0].evidence == std::vector<std::string>{"Dokumen M01"});
    REQUIRE(c.guides.size() == 2);
    CHECK(c.guides[0].slug == "dasar");
    CHECK(c.categories_file == "content/panduan/indeks.md");
    CHECK(c.categories.index_max == 40);
    REQUIRE(c.categories.categories.size() == 3);
    CHECK(c.categories.categories[0].name == "Atas");
    CHECK(c.categories.default_scores);
}

TEST_CASE("the repository's content has 27 indicators totalling 350", "[content]") {
    Diagnostics d;
    const auto c = load_content(PEPGEN_SOURCE_DIR, d);
    INFO(test::all_messages(d));
    CHECK_FALSE(d.has_errors());
    REQUIRE(c.indicators.size() == 27);
    int total = 0;
    for (const auto& i : c.indicators) total += i.max_score;
    CHECK(total == 350);
    CHECK(c.indicators.front().code == "M01");
    CHECK(c.indicators[12].code == "P01");
    CHECK(c.indicators.back().code == "D03");
    REQUIRE(c.categories.categories.size() == 4);
    CHECK(c.categories.categories[0].name == "Sangat Baik");
    CHECK(c.categories.categories[0].min == 301);
    CHECK(c.categories.categories[3].max == 199);
}

TEST_CASE("indicator files with bad fields are all reported", "[content]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "content/indikator/M02.md",
                     "---\nkode: M09\nkelompok: masukan\njudul: X\nskor_maks: 10\n---\n");
    test::write_file(dir / "content/indikator/Q01.md", "---\nkode: Q01\nkelompok: lainnya\njudul: X\nskor_maks: 10\n---\n");
    test::write_file(dir / "content/indikator/K01.md", "---\nkode: K01\nkelompok: keluaran\njudul: X\nskor_maks: -3\n---\n");
    test::write_file(dir / "content/indikator/H01.md", "---\nkode: H01\nkelompok: masukan\njudul: X\nskor_maks: 5\n---\n");
    test::write_file(dir / "content/indikator/H02.md", "---\nkode: [H02\n---\n");
    Diagnostics d;
    load_content(dir.path(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("content/indikator/M02.md:2: galat: kode 'M09' tidak sama dengan nama berkas"));
    CHECK_THAT(text, Contains("content/indikator/Q01.md:2: galat: kelompok 'lainnya' tidak dikenal"));
    CHECK_THAT(text, Contains("content/indikator/K01.md:2: galat: skor_maks -3 harus antara 1 dan 1000"));
    CHECK_THAT(text, Contains("content/indikator/H01.md:2: galat: kode 'H01' tidak sesuai kelompok 'masukan'"));
    CHECK_THAT(text, Contains("content/indikator/H02.md:"));
    CHECK(d.error_count() == 5);
}

TEST_CASE("a missing category table is an error", "[content]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    std::filesystem::remove(dir / "content/panduan/indeks.md");
    Diagnostics d;
    load_content(dir.path(), d);
    CHECK_THAT(test::all_messages(d), Contains("tabel kategori tidak ditemukan"));
}

TEST_CASE("invalid UTF-8 in content is an error naming the file", "[content]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "content/panduan/dasar.md", "---\njudul: \xFF\xFE\n---\n");
    Diagnostics d;
    load_content(dir.path(), d);
    CHECK_THAT(test::all_messages(d), Contains("content/panduan/dasar.md:2: galat: teks bukan UTF-8 yang sah (atau memuat "
                                               "karakter NUL) mulai kolom 8 (bita ke-12)"));
}

TEST_CASE("category and rubric bounds far out of range are refused (fuzzing regression F1)", "[content]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    auto guide = test::read_file(dir / "content/panduan/indeks.md");
    guide.replace(guide.find("maks: 40, kondisi"), 8, "maks: 2147483647");
    test::write_file(dir / "content/panduan/indeks.md", guide);
    auto ind = test::read_file(dir / "content/indikator/M01.md");
    ind.replace(ind.find("sampai: 10"), 10, "sampai: 2147483647");
    test::write_file(dir / "content/indikator/M01.md", ind);
    Diagnostics d;
    load_content(dir.path(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("min dan maks harus antara 0 dan 100000"));
    CHECK_THAT(text, Contains("dari dan sampai harus antara 0 dan 1000"));
}

TEST_CASE("a key repeated in pepgen.yaml or in front matter is an error with its line", "[content][duplicates]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "pepgen.yaml", "judul: Situs Uji\npenerbit: Tim Uji\njudul: Lain\n");
    test::write_file(dir / "content/indikator/M01.md",
                     "---\nkode: M01\nkelompok: masukan\njudul: Visi\nskor_maks: 10\nskor_maks: 50\n---\nIsi.\n");
    Diagnostics d;
    load_content(dir.path(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("pepgen.yaml:3: galat: YAML: kunci 'judul' muncul lebih dari sekali dalam peta yang sama"));
    CHECK_THAT(text, Contains("content/indikator/M01.md:6: galat: YAML front matter: kunci 'skor_maks' muncul lebih dari sekali"));
}

TEST_CASE("a Markdown file named like an input that is not a regular file is an error", "[content][files]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    std::filesystem::create_directory(dir / "content/indikator/M02.md");
    std::filesystem::create_symlink("tidak-ada.md", dir / "content/panduan/hilang.md");
    Diagnostics d;
    load_content(dir.path(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("content/indikator/M02.md: galat: sebuah folder, bukan berkas"));
    CHECK_THAT(text, Contains("content/panduan/hilang.md: galat: tautan simbolik ke 'tidak-ada.md' yang tidak ada"));
}

TEST_CASE("content and themes reached through a symlink out of the project are refused", "[content][files]") {
    test::TempDir outside;
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(outside / "rahasia.md", "---\njudul: Rahasia\n---\nIsi rahasia.\n");
    std::filesystem::create_symlink(outside / "rahasia.md", dir / "content/panduan/rahasia.md");
    Diagnostics d;
    const auto content = load_content(dir.path(), d);
    CHECK_THAT(test::all_messages(d), Contains("content/panduan/rahasia.md: galat: tautan simbolik mengarah ke luar proyek"));
    for (const auto& g : content.guides) CHECK(g.slug != "rahasia");
}

TEST_CASE("text in content must be clean: line and column of a bad character", "[content][text]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "content/indikator/M01.md",
                     "---\nkode: M01\nkelompok: masukan\njudul: \"Visi \xEF\xBF\xBE\"\nskor_maks: 10\n---\nIsi.\n");
    test::write_file(dir / "content/indikator/P01.md",
                     "---\nkode: P01\nkelompok: proses\njudul: \"Proses \\x01 \\uFFFF\"\nskor_maks: 20\n---\nIsi.\n");
    test::write_file(dir / "content/panduan/dasar.md", "---\njudul: Dasar\n---\nBaris satu.\nBaris \x1B dua.\n");
    Diagnostics d;
    load_content(dir.path(), d);
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("content/indikator/M01.md:4: galat: karakter non-karakter Unicode U+FFFE di kolom 14"));
    CHECK_THAT(text, Contains("content/indikator/P01.md:4: galat: YAML front matter: nilai memuat karakter U+0001"));
    CHECK_THAT(text, Contains("content/panduan/dasar.md:5: galat: karakter kendali U+001B di kolom 7"));
}
