// Published JSON: layout and escaping, byte for byte.
#include <catch2/catch.hpp>

#include "format/json_pretty.h"

using namespace pepgen;
namespace json = boost::json;

TEST_CASE("flat objects and arrays stay on one line, nested ones are indented", "[json]") {
    json::object doc;
    doc["a"] = 1;
    doc["skor"] = json::object{{"M01", 8}, {"P01", nullptr}};
    doc["daftar"] = json::array{json::object{{"x", true}}};
    CHECK(pretty_json(doc) ==
          "{\n  \"a\": 1,\n  \"skor\": {\"M01\": 8, \"P01\": null},\n  \"daftar\": [\n    {\"x\": true}\n  ]\n}\n");
    CHECK(pretty_json(json::value(doc)) == pretty_json(doc));
    CHECK(pretty_json(json::array{1, 2}) == "[1, 2]\n");
    CHECK(pretty_json(json::object{}) == "{}\n");
    CHECK(pretty_json(json::object{{"a", 1}}, true, 4) == "{\"a\": 1}\n");
}

TEST_CASE("strings are escaped as RFC 8259 requires, and inert as HTML when published", "[json]") {
    const std::string text = "a\"b\\c\nd\te\rf\x01g<h>i&j\u2028k\u2029l\u2013m";
    json::object doc{{"t", text}};
    CHECK(pretty_json(doc) ==
          "{\"t\": \"a\\\"b\\\\c\\nd\\te\\rf\\u0001g\\u003ch\\u003ei\\u0026j\\u2028k\\u2029l\u2013m\"}\n");
    // Files people edit by hand keep < > & and the separators as they are.
    CHECK(pretty_json(doc, false) == "{\"t\": \"a\\\"b\\\\c\\nd\\te\\rf\\u0001g<h>i&j\u2028k\u2029l\u2013m\"}\n");
    // Keys are strings too.
    CHECK(pretty_json(json::object{{"<k>", 1}}) == "{\"\\u003ck\\u003e\": 1}\n");
    // A lone E2 byte at the end, or E2 80 not followed by A8/A9, is copied as it is.
    CHECK(pretty_json(json::object{{"t", "\xE2\x80"}}) == "{\"t\": \"\xE2\x80\"}\n");
}

TEST_CASE("JsonStream writes what pretty_json writes for the same document", "[json]") {
    json::object doc;
    doc["periode"] = "2026-1";
    doc["kosong"] = json::object{};
    doc["hasil"] = json::array{
        json::object{{"lsp", "a<b"}, {"ik", 300}, {"belum", json::array{}}, {"skor", json::object{{"M01", 8}, {"M02", nullptr}}}},
        json::object{{"lsp", "c"}, {"ik", nullptr}, {"belum", json::array{"M01", "M02"}}, {"skor", json::object{}}}};
    doc["tim"] = json::array{};
    doc["meta"] = json::object{{"x", true}};

    auto stream = [](int indent) {
        std::string out;
        JsonStream js(out, true, indent);
        js.begin_object(false);
        js.key("periode").string("2026-1");
        js.key("kosong").begin_object(false);  // declared indented, but empty: "{}" all the same
        js.end();
        js.key("hasil").begin_array(false);
        js.begin_object(false);
        js.key("lsp").string("a<b");
        js.key("ik").number(300);
        js.key("belum").begin_array(true);
        js.end();
        js.key("skor").begin_object(true);
        js.key("M01").number_or_null(8);
        js.key("M02").number_or_null(std::nullopt);
        js.end();
        js.end();
        js.begin_object(false);
        js.key("lsp").string("c");
        js.key("ik").null();
        js.key("belum").begin_array(true);
        js.string("M01");
        js.string("M02");
        js.end();
        js.key("skor").value(json::object{});
        js.end();
        js.end();
        js.key("tim").begin_array(false);
        js.end();
        js.key("meta").value(json::object{{"x", true}});
        js.end();
        return out + "\n";
    };
    CHECK(stream(0) == pretty_json(doc));
    CHECK(stream(4) == pretty_json(doc, true, 4));
    CHECK(stream(4).find("\n        {\n          \"lsp\": \"a\\u003cb\",") != std::string::npos);
}
