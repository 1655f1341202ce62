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
