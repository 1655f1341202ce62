// plan_search in process on the fixture: the search page and the index script it writes.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "test_support.h"

using namespace pepgen;
using test::text_at;
namespace json = boost::json;

namespace {

/// The planned index as JSON, after checking it is the script the page loads.
json::array search_entries(const SitePlan& plan) {
    const std::string prefix = "window.PEPGEN_CARI = ";
    const auto& script = test::planned_file(plan, "cari/indeks.js");
    REQUIRE(script.rfind(prefix, 0) == 0);
    return json::parse(script.substr(prefix.size())).as_array();
}

/// The entry with title t (an empty object when there is none).
json::object entry_titled(const json::array& entries, const std::string& t) {
    for (const auto& e : entries)
        if (e.as_object().at("t").as_string() == t) return e.as_object();
    return {};
}

std::string field(const json::object& e, const char* key) {
    return e.contains(key) ? std::string(e.at(key).as_string()) : std::string("<none>");
}

}  // namespace

TEST_CASE("the search page links its script and index from one folder down", "[plan_search]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_search, *f->model);
    REQUIRE(plan.pages.size() == 1);
    const auto& page = test::planned_page(plan, "cari/index.html");
    CHECK(page.template_name == "search");
    CHECK(text_at(page.context, "index_src") == "indeks.js");
    CHECK(text_at(page.context, "search_script") == "../assets/cari.js");
    CHECK(text_at(page.context, "lsps_href") == "../lsp/index.html");
    CHECK(plan.file_count == 1);
}

TEST_CASE("the search index has every LSP with its current IK and category, indicators, guides and rounds",
          "[plan_search]") {
    const auto f = test::fixture_model();
    const auto plan = test::plan_with(plan_search, *f->model);
    const auto entries = search_entries(plan);
    // 3 LSPs + 3 indicators + 2 guides + 3 rounds; the fixture has no statistics.
    CHECK(entries.size() == 11);
    const auto a = entry_titled(entries, "LSP Uji A");
    CHECK(field(a, "j") == "LSP");
    CHECK(field(a, "u") == "lsp/lsp-a/index.html");  // from the site root
    CHECK(field(a, "x") == "lsp-a \u00b7 P1 \u00b7 Bali \u00b7 IK 36 \u00b7 Atas");  // 9+18+9 in 2025-2
    // lsp-c's newest periodic sheet lacks P01: no category.
    CHECK(field(entry_titled(entries, "LSP Uji C"), "x") == "lsp-c \u00b7 P3 \u00b7 Papua \u00b7 IK belum lengkap");
    const auto m01 = entry_titled(entries, "M01 Visi");
    CHECK(field(m01, "j") == "Indikator");
    CHECK(field(m01, "u") == "indikator/m01/index.html");
    CHECK_THAT(field(m01, "x"), Catch::Matchers::StartsWith("Ringkasan M01 ") &&
                                    Catch::Matchers::Contains("Indikator M01 menilai sesuatu."));
    CHECK(field(entry_titled(entries, "Indeks"), "u") == "panduan/indeks/index.html");
    const auto inc = entry_titled(entries, "Penilaian Insidental 2025-i1");
    CHECK(field(inc, "j") == "Penilaian");
    CHECK(field(inc, "u") == "penilaian/2025-i1/index.html");
    CHECK(field(inc, "x") == "Insidental \u00b7 1 Agustus 2025");
}

TEST_CASE("the search index lists an unscored LSP without an IK and includes statistics", "[plan_search]") {
    const auto f = test::fixture_model([](const std::filesystem::path& root) {
        test::add_unscored_lsp(root);
        test::write_fixture_stats(root);
    });
    const auto plan = test::plan_with(plan_search, *f->model);
    const auto entries = search_entries(plan);
    CHECK(entries.size() == 14);  // 11 + lsp-d + the report page + the dataset
    CHECK(field(entry_titled(entries, "LSP Uji D"), "x") == "lsp-d \u00b7 P1 \u00b7 Jambi");
    CHECK(field(entry_titled(entries, "Laporan Uji"), "u") == "statistik/laporan/index.html");
    const auto ds = entry_titled(entries, "LSP per Provinsi (uji)");
    CHECK(field(ds, "j") == "Tabel data");
    CHECK(field(ds, "u") == "statistik/tabel/lsp-uji/index.html");
}

TEST_CASE("a long indicator text is shortened on a character boundary", "[plan_search]") {
    // The body's plain text gains "x" + 200 × "é" (2 bytes each) with no space: cut at about 300 bytes,
    // never inside an "é", and an ellipsis added. (search_entries parses the index: it must stay UTF-8.)
    const auto f = test::fixture_model([](const std::filesystem::path& root) {
        std::string tail = "x";
        for (int i = 0; i < 200; ++i) tail += "\u00e9";
        const auto path = root / "content/indikator/M01.md";
        test::write_file(path, test::read_file(path) + "\n" + tail + "\n");
    });
    const auto plan = test::plan_with(plan_search, *f->model);
    const auto x = field(entry_titled(search_entries(plan), "M01 Visi"), "x");
    CHECK_THAT(x, Catch::Matchers::EndsWith("\u00e9\u2026"));
    CHECK(x.size() < std::string("Ringkasan M01 ").size() + 300 + 3);
}
