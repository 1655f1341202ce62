// content/yaml_load: YAML checked before yaml-cpp loads it (repeated keys, aliases, depth, escaped
// forbidden characters), each problem at its file line.
#include <catch2/catch.hpp>

#include "content/yaml_load.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("clean YAML loads, its lines reported from line_base", "[yaml_load]") {
    Diagnostics d;
    const auto node = load_yaml("judul: Uji\ndaftar: [1, 2]\npeta: {a: 1}\n", "pepgen.yaml", 1, "YAML", d);
    REQUIRE(node);
    CHECK(d.items().empty());
    CHECK((*node)["judul"].as<std::string>() == "Uji");
    CHECK((*node)["daftar"].size() == 2);
    CHECK((*node)["peta"]["a"].as<int>() == 1);
}

TEST_CASE("malformed YAML names the file line and the label", "[yaml_load]") {
    Diagnostics d;
    CHECK_FALSE(load_yaml("judul: Uji\nrubrik: [1, 2\nlain: x\n", "content/c.md", 2, "YAML front matter", d));
    REQUIRE(d.error_count() == 1);
    CHECK(d.items()[0].file == "content/c.md");
    CHECK(d.items()[0].line >= 3);  // the list opens on text line 2, file line 3
    CHECK_THAT(d.items()[0].message, Contains("YAML front matter tidak valid: "));
}

TEST_CASE("a key repeated in one map is an error at the repeat's line; in different maps it is not", "[yaml_load]") {
    Diagnostics d;
    CHECK_FALSE(load_yaml("judul: Situs Uji\npenerbit: Tim Uji\njudul: Lain\n", "pepgen.yaml", 1, "YAML", d));
    CHECK_FALSE(load_yaml("rubrik:\n  - dari: 0\n    dari: 1\nlain: {x: 1, x: 2}\n", "content/indikator/M01.md", 2,
                          "YAML front matter", d));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("pepgen.yaml:3: galat: YAML: kunci 'judul' muncul lebih dari sekali dalam peta yang sama; "
                              "hanya satu yang boleh ada, hapus yang lain"));
    CHECK_THAT(text, Contains("content/indikator/M01.md:4: galat: YAML front matter: kunci 'dari' muncul lebih dari sekali"));
    CHECK_THAT(text, Contains("content/indikator/M01.md:5: galat: YAML front matter: kunci 'x' muncul lebih dari sekali"));
    CHECK(d.error_count() == 3);
    // The same key in sibling maps, in a list of maps, or as a value: no repeat.
    Diagnostics ok;
    CHECK(load_yaml("a: {k: 1}\nb: {k: 2}\nc:\n  - k: 1\n  - k: 2\nk: k\n", "x.yaml", 1, "YAML", ok));
    CHECK(ok.items().empty());
}

TEST_CASE("YAML aliases are refused, so nested aliases cannot multiply a page", "[yaml_load]") {
    // A "billion laughs": ten levels of ten aliases each would be 10^10 strings.
    std::string yaml = "a0: &a0 \"lol\"\n";
    for (int i = 1; i <= 10; ++i) {
        yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) yaml += std::string(k ? ", " : "") + "*a" + std::to_string(i - 1);
        yaml += "]\n";
    }
    yaml += "bukti: *a10\n";
    Diagnostics d;
    // As front matter: the YAML starts on line 2 of the file, after the opening "---".
    CHECK_FALSE(load_yaml(yaml, "content/indikator/M01.md", 2, "YAML front matter", d));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("content/indikator/M01.md:4: galat: YAML front matter: alias YAML (*nama) tidak didukung"));
    // 101 aliases: 20 reported, the rest counted in one more line.
    CHECK_THAT(text, Contains("content/indikator/M01.md: galat: YAML front matter: 81 masalah lain seperti di atas tidak ditampilkan"));
    CHECK(d.error_count() == 21);
}

TEST_CASE("a single alias is refused too, at its line", "[yaml_load]") {
    Diagnostics d;
    CHECK_FALSE(load_yaml("a: &x 1\nb: *x\n", "pepgen.yaml", 1, "YAML", d));
    CHECK(test::all_messages(d) ==
          "pepgen.yaml:2: galat: YAML: alias YAML (*nama) tidak didukung; tulis nilainya langsung di tempat itu\n");
}

TEST_CASE("YAML nested too deep says so, with its line", "[yaml_load]") {
    Diagnostics d;
    CHECK_FALSE(load_yaml("judul: x\ndalam: " + std::string(1000, '[') + std::string(1000, ']') + "\n", "content/a.md", 2,
                          "YAML front matter", d));
    CHECK_THAT(test::all_messages(d),
               Contains("content/a.md:3: galat: YAML front matter bersarang terlalu dalam (lebih dari 64 tingkat peta atau "
                        "daftar); sederhanakan strukturnya"));
    CHECK(d.error_count() == 1);
}

TEST_CASE("64 levels of nesting are accepted, 65 are not", "[yaml_load]") {
    // The top map is level 1: "a:" then 63 lists is 64 levels.
    Diagnostics ok;
    CHECK(load_yaml("a: " + std::string(63, '[') + std::string(63, ']') + "\n", "x.yaml", 1, "YAML", ok));
    CHECK(ok.items().empty());
    Diagnostics d;
    CHECK_FALSE(load_yaml("a: " + std::string(64, '[') + std::string(64, ']') + "\n", "x.yaml", 1, "YAML", d));
    CHECK_THAT(test::all_messages(d), Contains("x.yaml:1: galat: YAML bersarang terlalu dalam"));
}

TEST_CASE("a forbidden character written as an escape is refused at its line", "[yaml_load]") {
    Diagnostics d;
    CHECK_FALSE(load_yaml("judul: ok\nringkasan: \"a\\x01b\"\ncatatan: \"\\uFFFE\"\n", "content/b.md", 2,
                          "YAML front matter", d));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("content/b.md:3: galat: YAML front matter: nilai memuat karakter U+0001 (kendali atau "
                              "non-karakter Unicode) yang tidak diperbolehkan; hapus karakter itu"));
    CHECK_THAT(text, Contains("content/b.md:4: galat: YAML front matter: nilai memuat karakter U+FFFE"));
    CHECK(d.error_count() == 2);
}
