// data/json_reader: parsing a data file (read_json_file: syntax, repeated keys, depth, BOM, line look-ups)
// and typed, located field access (JsonFields), json_kind and is_clean_text.
#include <catch2/catch.hpp>

#include "data/json_reader.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

/// Writes text to rel under dir and reads it back as a data file.
std::optional<JsonDoc> parse(const test::TempDir& dir, const std::string& rel, const std::string& text, Diagnostics& d) {
    test::write_file(dir / rel, text);
    return read_json_file(dir.path(), dir / rel, d);
}

}  // namespace

TEST_CASE("a data file parses to its value, with line look-ups by text and by offset", "[json_reader]") {
    test::TempDir dir;
    Diagnostics d;
    const auto doc = parse(dir, "data/x.json", "{\"a\": 1,\n \"b\": [true, null],\n \"c\": \"b\"}\n", d);
    INFO(test::all_messages(d));
    REQUIRE(doc);
    CHECK(d.items().empty());
    CHECK(doc->file == "data/x.json");
    CHECK(doc->value.at("a").as_int64() == 1);
    CHECK(doc->value.at("c").as_string() == "b");
    CHECK(doc->line_starts == std::vector<std::size_t>{0, 9, 29, 40});
    CHECK(doc->line_of("\"b\"") == 2);  // the first occurrence: the key, not the value on line 3
    CHECK(doc->line_of("\"zz\"") == 0);
    CHECK(doc->line_at(0) == 1);
    CHECK(doc->line_at(8) == 1);  // the newline ends line 1
    CHECK(doc->line_at(9) == 2);
    CHECK(doc->line_at(35) == 3);
    CHECK(doc->offset_of("\"b\"") == 10);
    CHECK(doc->offset_of("\"b\"", 11) == 35);
    CHECK(doc->offset_of("\"b\"", 36) == std::string::npos);
    // Only a needle wholly inside [from, limit) is found.
    CHECK(doc->offset_between("\"b\"", 0, 40) == 10);
    CHECK(doc->offset_between("\"b\"", 11, 40) == 35);
    CHECK(doc->offset_between("\"b\"", 11, 38) == 35);
    CHECK(doc->offset_between("\"b\"", 11, 37) == std::string::npos);  // it would end past the limit
    CHECK(doc->offset_between("\"b\"", 11, 34) == std::string::npos);
    CHECK(doc->offset_between("\"b\"", 36, std::string::npos) == std::string::npos);
    CHECK(doc->offset_between("\"b\"", 11, std::string::npos) == 35);  // no limit: to the end of the text
    CHECK(doc->offset_between("\"b\"", 50, 60) == std::string::npos);  // past the end
    CHECK(doc->last_offset_between("\"b\"", 0, 40) == 35);
    CHECK(doc->last_offset_between("\"b\"", 0, 37) == 10);  // the later one would end past the limit
    CHECK(doc->last_offset_between("\"b\"", 11, 37) == std::string::npos);
    CHECK(doc->last_offset_between("\"b\"", 36, 20) == std::string::npos);  // an empty range
}

TEST_CASE("a byte order mark is skipped", "[json_reader]") {
    test::TempDir dir;
    Diagnostics d;
    const auto doc = parse(dir, "data/meta.json", "\xEF\xBB\xBF{\"data_contoh\": true}", d);
    REQUIRE(doc);
    CHECK(d.items().empty());
    CHECK(doc->value.at("data_contoh").as_bool());
}

TEST_CASE("malformed JSON is reported with line and column", "[json_reader]") {
    test::TempDir dir;
    Diagnostics d;
    CHECK_FALSE(parse(dir, "data/penilaian/2025-1.json", "{\"periode\": \"2025-1\",\n \"hasil\": [1, 2,]\n}\n", d));
    // The stray "]" after "2," is column 17 of line 2.
    CHECK_THAT(test::all_messages(d),
               Contains("data/penilaian/2025-1.json:2: galat: JSON tidak valid di kolom 17: sintaks JSON salah"));
    CHECK(d.error_count() == 1);
}

TEST_CASE("extra text, a cut-off file and nesting past 64 levels each get their own message", "[json_reader]") {
    test::TempDir dir;
    Diagnostics d;
    CHECK_FALSE(parse(dir, "data/a.json", "{\"a\": 1}\n}", d));
    CHECK_FALSE(parse(dir, "data/b.json", "{\"a\": [1,\n 2", d));
    CHECK_FALSE(parse(dir, "data/c.json", std::string(65, '[') + std::string(65, ']'), d));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/a.json:2: galat: JSON tidak valid di kolom 1: ada teks tambahan setelah akhir data"));
    CHECK_THAT(text, Contains("data/b.json:2: galat: JSON tidak valid di kolom 3: data terpotong"));
    CHECK_THAT(text, Contains("data/c.json:1: galat: JSON tidak valid di kolom 65: data bersarang terlalu dalam (lebih dari 64 tingkat)"));
    // 64 levels are still fine.
    Diagnostics ok;
    CHECK(parse(dir, "data/d.json", std::string(64, '[') + std::string(64, ']'), ok));
    CHECK(ok.items().empty());
}

TEST_CASE("an unreadable file is an error naming the file", "[json_reader]") {
    test::TempDir dir;
    Diagnostics d;
    CHECK_FALSE(read_json_file(dir.path(), dir / "data/tidak-ada.json", d));
    REQUIRE(d.error_count() == 1);
    CHECK_THAT(test::all_messages(d), Contains("data/tidak-ada.json: galat: "));
}

TEST_CASE("bad bytes and forbidden characters are reported at their line and column", "[json_reader][text]") {
    test::TempDir dir;
    Diagnostics d;
    CHECK_FALSE(parse(dir, "data/penilaian/2025-1.json", "{\"periode\": \"2025-1\",\n  \"judul\": \"ab\xC3\"}\n", d));
    CHECK_FALSE(parse(dir, "data/penilaian/2025-i1.json", "{\"periode\": \"2025-i1\",\n\n  \"judul\": \"x\xC2\x85y\"}\n", d));
    // Written as escapes, U+FFFE and U+0007 pass the file's check and are refused as the field is read.
    const auto doc = parse(dir, "data/penilaian/2025-2.json",
                           "{\"periode\": \"2025-2\", \"jenis\": \"rutin\", \"tanggal\": \"2025-11-01\",\n"
                           "  \"judul\": \"Putaran \\uFFFE \\u0007\", \"hasil\": []}\n",
                           d);
    REQUIRE(doc);
    JsonFields f(doc->value.get_object(), *doc, d, "", 0);
    CHECK_FALSE(f.text("judul", false));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:2: galat: teks bukan UTF-8 yang sah (atau memuat karakter NUL) mulai kolom 15 (bita ke-37)"));
    CHECK_THAT(text, Contains("data/penilaian/2025-i1.json:3: galat: karakter kendali U+0085 di kolom 14"));
    CHECK_THAT(text, Contains("data/penilaian/2025-2.json:2: galat: kolom 'judul' memuat non-karakter Unicode U+FFFE (karakter ke-9)"));
    CHECK(d.error_count() == 3);
}

TEST_CASE("a key repeated in one JSON object is an error naming file, line and key", "[json_reader][duplicates]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    // A repeated score, a repeated "jenis" and a repeated "nama": Boost.JSON alone keeps the last one.
    Diagnostics d;
    CHECK_FALSE(parse(dir, "data/penilaian/2025-1.json", R"J({"periode": "2025-1", "jenis": "rutin", "tanggal": "2025-06-01",
  "hasil": [
    {"lsp": "lsp-a", "skor": {"M01": 8, "P01": 15, "D01": 7,
      "M01": 1}}
  ]})J", d));
    CHECK_FALSE(parse(dir, "data/penilaian/2025-i1.json",
                      "{\"periode\": \"2025-i1\", \"jenis\": \"insidental\", \"tanggal\": \"2025-08-01\",\n"
                      " \"hasil\": [],\n \"jenis\": \"rutin\"}\n",
                      d));
    auto registry = test::read_file(dir / "data/lsp.json");
    registry.replace(registry.find("\"nama\": \"LSP Uji B\""), 18, "\"nama\": \"LSP Uji B\", \"nama\": \"Lain\"");
    CHECK_FALSE(parse(dir, "data/lsp.json", registry, d));
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/penilaian/2025-1.json:4: galat: JSON tidak valid di kolom 7: kunci 'M01' muncul lebih dari sekali"));
    CHECK_THAT(text, Contains("data/penilaian/2025-i1.json:3: galat: JSON tidak valid di kolom 2: kunci 'jenis' muncul lebih dari sekali"));
    CHECK_THAT(text, Contains("data/lsp.json:3: galat: JSON tidak valid di kolom 40: kunci 'nama'"));
    CHECK_THAT(text, Contains("kunci 'nama' muncul lebih dari sekali"));
    // The same key in different objects is no repeat; escapes are compared decoded.
    Diagnostics d2;
    CHECK(parse(dir, "data/meta.json", R"J({"data_contoh": true, "keterangan": "x", "k": {"data_contoh": 1}})J", d2));
    CHECK(d2.items().empty());
    CHECK_FALSE(parse(dir, "data/penilaian/2025-i1.json", R"J({"periode": "2025-i1", "jenis": "insidental", "tanggal": "2025-08-01",
  "hasil": [], "\u006aenis": "rutin"})J", d2));
    CHECK_THAT(test::all_messages(d2),
               Contains("data/penilaian/2025-i1.json:2: galat: JSON tidak valid di kolom 16: kunci 'jenis' muncul"));
}

TEST_CASE("an object with many keys is checked for repeats without quadratic time", "[json_reader][duplicates]") {
    test::TempDir dir;
    std::string meta = "{\"data_contoh\": true";
    for (int i = 0; i < 200000; ++i) meta += ",\"k" + std::to_string(i) + "\": 1";
    meta += ",\n\"k777\": 2}";
    Diagnostics d;
    CHECK_FALSE(parse(dir, "data/meta.json", meta, d));
    CHECK_THAT(test::all_messages(d), Contains("data/meta.json:2: galat: JSON tidak valid di kolom 1: kunci 'k777' muncul"));
}

TEST_CASE("JsonFields reads typed fields and names file, line, context and field in each error", "[json_reader]") {
    test::TempDir dir;
    Diagnostics parse_diags;
    const auto doc = parse(dir, "data/lsp.json",
                           R"J({"nama": "LSP A", "kosong": "  ", "nol": null, "angka": 12, "pecahan": 1.5,
 "besar": 18446744073709551615, "ya": true, "daftar": ["a", 2, "b"], "objek": {"x": 1}})J",
                           parse_diags);
    REQUIRE(doc);
    Diagnostics d;
    JsonFields f(doc->value.get_object(), *doc, d, "lsp-a", 7);
    CHECK(f.line() == 7);
    CHECK(f.text("nama", true) == std::optional<std::string>("LSP A"));
    CHECK(f.integer("angka", true) == 12);
    CHECK(f.boolean("ya", true) == true);
    CHECK(f.array("daftar", true)->size() == 3);
    CHECK(f.object("objek", true)->size() == 1);
    CHECK(d.items().empty());
    // Missing, null and optional: no value; an error only when required.
    CHECK_FALSE(f.text("hilang", false));
    CHECK_FALSE(f.integer("nol", false));
    CHECK(d.items().empty());
    CHECK_FALSE(f.text("hilang", true));
    CHECK_FALSE(f.integer("nol", true));
    CHECK_FALSE(f.text("kosong", true));  // only spaces
    CHECK(f.text("kosong", false) == std::optional<std::string>("  "));
    // Wrong types, each named in Indonesian.
    CHECK_FALSE(f.text("angka", true));
    CHECK_FALSE(f.integer("nama", true));
    CHECK_FALSE(f.integer("pecahan", true));
    CHECK_FALSE(f.integer("besar", true));  // past INT64_MAX
    CHECK_FALSE(f.boolean("angka", true));
    CHECK_FALSE(f.array("objek", true));
    CHECK_FALSE(f.object("daftar", true));
    CHECK(f.text_list("daftar", true) == std::vector<std::string>{"a", "b"});  // the bad item is left out
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/lsp.json:7: galat: lsp-a: kolom 'hilang' wajib diisi"));
    CHECK_THAT(text, Contains("data/lsp.json:7: galat: lsp-a: kolom 'nol' wajib diisi"));
    CHECK_THAT(text, Contains("data/lsp.json:7: galat: lsp-a: kolom 'kosong' wajib diisi"));
    CHECK_THAT(text, Contains("lsp-a: kolom 'angka' harus berupa teks, bukan bilangan"));
    CHECK_THAT(text, Contains("lsp-a: kolom 'nama' harus berupa bilangan bulat, bukan teks"));
    CHECK_THAT(text, Contains("lsp-a: kolom 'pecahan' harus berupa bilangan bulat, bukan bilangan"));
    CHECK_THAT(text, Contains("lsp-a: kolom 'besar' harus berupa bilangan bulat, bukan bilangan"));
    CHECK_THAT(text, Contains("lsp-a: kolom 'angka' harus bernilai true atau false, bukan bilangan"));
    CHECK_THAT(text, Contains("lsp-a: kolom 'objek' harus berupa daftar [...], bukan objek"));
    CHECK_THAT(text, Contains("lsp-a: kolom 'daftar' harus berupa objek {...}, bukan daftar"));
    CHECK_THAT(text, Contains("data/lsp.json:7: galat: lsp-a: butir ke-2 pada 'daftar' harus berupa teks, bukan bilangan"));
    CHECK(d.error_count() == 11);
}

TEST_CASE("a control character written as an escape is refused at the field's key, and in a list at its item",
          "[json_reader][text]") {
    test::TempDir dir;
    Diagnostics parse_diags;
    // The file itself is clean: \u0007 and \uFFFE only appear once decoded.
    const auto doc = parse(dir, "data/meta.json",
                           "{\"data_contoh\": true,\n \"keterangan\": \"ab\\u0007\",\n \"daftar\": [\"ok\", \"x\\uFFFE\"]}",
                           parse_diags);
    REQUIRE(doc);
    CHECK(parse_diags.items().empty());
    Diagnostics d;
    JsonFields f(doc->value.get_object(), *doc, d, "", 0);  // no line of its own: the key's line is found
    CHECK_FALSE(f.text("keterangan", false));
    CHECK(f.text_list("daftar", false) == std::vector<std::string>{"ok"});
    const auto text = test::all_messages(d);
    CHECK_THAT(text, Contains("data/meta.json:2: galat: kolom 'keterangan' memuat karakter kendali U+0007 (karakter ke-3)"));
    CHECK_THAT(text, Contains("data/meta.json: galat: butir ke-2 pada 'daftar' memuat non-karakter Unicode U+FFFE (karakter ke-2)"));
}

TEST_CASE("error_at falls back to the object's line, and warnings are warnings", "[json_reader]") {
    JsonDoc doc;
    doc.file = "data/x.json";
    const json::object obj;
    Diagnostics d;
    JsonFields f(obj, doc, d, "konteks", 5);
    f.error_at(9, "satu");
    f.error_at(0, "dua");
    f.warning("tiga");
    f.error("empat");
    REQUIRE(d.items().size() == 4);
    CHECK(Diagnostics::format(d.items()[0]) == "data/x.json:9: galat: konteks: satu");
    CHECK(Diagnostics::format(d.items()[1]) == "data/x.json:5: galat: konteks: dua");
    CHECK(Diagnostics::format(d.items()[2]) == "data/x.json:5: peringatan: konteks: tiga");
    CHECK(Diagnostics::format(d.items()[3]) == "data/x.json:5: galat: konteks: empat");
    CHECK(d.error_count() == 3);
}

TEST_CASE("json_kind names each JSON type in Indonesian", "[json_reader]") {
    CHECK(json_kind(json::value(nullptr)) == "null");
    CHECK(json_kind(json::value(true)) == "true/false");
    CHECK(json_kind(json::value(1)) == "bilangan");
    CHECK(json_kind(json::value(1u)) == "bilangan");
    CHECK(json_kind(json::value(1.5)) == "bilangan");
    CHECK(json_kind(json::value("x")) == "teks");
    CHECK(json_kind(json::value(json::array{})) == "daftar");
    CHECK(json_kind(json::value(json::object{})) == "objek");
}

TEST_CASE("clean text allows tab, newline and CR but no other control character or noncharacter", "[json_reader]") {
    CHECK(is_clean_text("Baris satu\tdua\r\ntiga \u2013 empat"));
    CHECK(is_clean_text(""));
    CHECK_FALSE(is_clean_text(std::string("a\0b", 3)));
    CHECK_FALSE(is_clean_text("a\x1b[31m"));
    CHECK_FALSE(is_clean_text("a\u0085"));       // C1 control
    CHECK_FALSE(is_clean_text("a\xEF\xBF\xBE"));  // U+FFFE
    CHECK_FALSE(is_clean_text("a\xC3"));         // cut UTF-8
}
