#include <catch2/catch.hpp>

#include "content/front_matter.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("front matter is split from the body", "[front_matter]") {
    Diagnostics d;
    auto doc = split_front_matter("---\njudul: Uji\nurutan: 3\n---\n## Isi\n", "x.md", d);
    REQUIRE(doc);
    CHECK(doc->meta["judul"].Scalar() == "Uji");
    CHECK(doc->body == "## Isi\n");
    CHECK(d.items().empty());
}

TEST_CASE("a BOM and CRLF line endings are accepted", "[front_matter]") {
    Diagnostics d;
    auto doc = split_front_matter("\xEF\xBB\xBF---\r\njudul: Uji\r\n---\r\nBadan\r\n", "x.md", d);
    REQUIRE(doc);
    CHECK(doc->body == "Badan\r\n");
}

TEST_CASE("missing or unclosed front matter is reported with the file", "[front_matter]") {
    Diagnostics d;
    CHECK_FALSE(split_front_matter("judul: Uji\n", "content/a.md", d));
    CHECK_FALSE(split_front_matter("---\njudul: Uji\n", "content/b.md", d));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("content/a.md:1: galat: front matter tidak ditemukan"));
    CHECK_THAT(text, Contains("content/b.md:1: galat: front matter tidak ditutup"));
}

TEST_CASE("malformed YAML names the file line", "[front_matter]") {
    Diagnostics d;
    CHECK_FALSE(split_front_matter("---\njudul: Uji\nrubrik: [1, 2\nlain: x\n---\n", "content/c.md", d));
    REQUIRE(d.error_count() == 1);
    CHECK(d.items()[0].file == "content/c.md");
    CHECK(d.items()[0].line >= 3);
    CHECK_THAT(d.items()[0].message, Contains("YAML front matter tidak valid"));
}

TEST_CASE("FieldReader reports wrong types and missing fields, each with its line", "[front_matter]") {
    Diagnostics d;
    auto doc = split_front_matter("---\nkode: M01\nskor_maks: sepuluh\nbukti: teks\n---\n", "m.md", d);
    REQUIRE(doc);
    FieldReader r(doc->meta, "m.md", doc->meta_line, d);
    CHECK(r.text("kode", true) == std::optional<std::string>("M01"));
    CHECK_FALSE(r.integer("skor_maks", true));
    CHECK(r.text_list("bukti", false).empty());
    CHECK_FALSE(r.text("judul", true));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("m.md:3: galat: kolom 'skor_maks' harus berupa bilangan bulat"));
    CHECK_THAT(text, Contains("m.md:4: galat: kolom 'bukti' harus berupa daftar"));
    CHECK_THAT(text, Contains("kolom 'judul' wajib diisi"));
    CHECK(d.error_count() == 3);
}

TEST_CASE("YAML aliases are refused, so nested aliases cannot multiply a page", "[front_matter]") {
    // A "billion laughs": ten levels of ten aliases each would be 10^10 strings.
    std::string yaml = "---\na0: &a0 \"lol\"\n";
    for (int i = 1; i <= 10; ++i) {
        yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) yaml += std::string(k ? ", " : "") + "*a" + std::to_string(i - 1);
        yaml += "]\n";
    }
    yaml += "bukti: *a10\n---\n";
    Diagnostics d;
    CHECK_FALSE(split_front_matter(yaml, "content/indikator/M01.md", d));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("content/indikator/M01.md:4: galat: YAML front matter: alias YAML (*nama) tidak didukung"));
    CHECK_THAT(text, Contains("masalah lain seperti di atas tidak ditampilkan"));
    CHECK(d.error_count() <= 21);
}

TEST_CASE("YAML nested too deep says so, with its line", "[front_matter]") {
    Diagnostics d;
    CHECK_FALSE(split_front_matter("---\njudul: x\ndalam: " + std::string(1000, '[') + std::string(1000, ']') + "\n---\n",
                                   "content/a.md", d));
    CHECK_THAT(test::all_messages(d), Contains("content/a.md:3: galat: YAML front matter bersarang terlalu dalam (lebih dari 64"));
}
