// page_context: relative Links, base_context, crumbs, canonical_url, filters, badges, ranking and change texts.
#include <catch2/catch.hpp>

#include "site/page_context.h"
#include "test_support.h"

using namespace pepgen;
using test::flag_at;
using test::text_at;
using test::value_at;

TEST_CASE("Links climb one folder per slash of the page path", "[page_context]") {
    const Links top("index.html");
    CHECK(top.root().empty());
    CHECK(top.home() == "index.html");
    CHECK(top.section("lsp") == "lsp/index.html");

    const Links nested("lsp/lsp-a/index.html");
    CHECK(nested.root() == "../../");
    CHECK(nested.home() == "../../index.html");
    CHECK(nested.lsp("lsp-b") == "../../lsp/lsp-b/index.html");
    CHECK(nested.indicator("M01") == "../../indikator/m01/index.html");  // codes are lower-cased
    CHECK(nested.asset("style.css") == "../../assets/style.css");
    CHECK(nested.export_json("2025-2") == "../../data/indeks-2025-2.json");

    const Links deep("penilaian/2025-2/cetak/2/index.html");
    CHECK(deep.root() == "../../../../");
    CHECK(deep.print("2025-2") == "../../../../penilaian/2025-2/cetak/index.html");
    CHECK(deep.print_part("2025-2", 1) == "../../../../penilaian/2025-2/cetak/2/index.html");  // part 2
}

TEST_CASE("Links::site gives paths from the site root and from_root absolute addresses", "[page_context]") {
    CHECK(Links::site().root().empty());
    CHECK(Links::site().round("2025-i1") == "penilaian/2025-i1/index.html");
    CHECK(Links::site().categories("2025-2") == "kategori/2025-2/index.html");
    CHECK(Links::site().dataset_json("lsp-uji") == "data/statistik/lsp-uji.json");
    CHECK(Links::site().prose("statistik", "laporan") == "statistik/laporan/index.html");
    const auto abs = Links::from_root("https://contoh.go.id/pep/");
    CHECK(abs.home() == "https://contoh.go.id/pep/index.html");
    CHECK(abs.lsp("lsp-a") == "https://contoh.go.id/pep/lsp/lsp-a/index.html");
    CHECK(abs.feed() == "https://contoh.go.id/pep/feed.xml");
}

TEST_CASE("canonical_url drops index.html and prefixes the base URL", "[page_context]") {
    CHECK(canonical_url("https://contoh.go.id/", "index.html") == "https://contoh.go.id/");
    CHECK(canonical_url("https://contoh.go.id/", "lsp/lsp-a/index.html") == "https://contoh.go.id/lsp/lsp-a/");
    CHECK(canonical_url("https://contoh.go.id/", "sitemap.xml") == "https://contoh.go.id/sitemap.xml");
    // Without a base URL the address stays relative to the site root.
    CHECK(canonical_url("", "index.html").empty());
    CHECK(canonical_url("", "kategori/index.html") == "kategori/");
    // Only a whole last segment named index.html is dropped.
    CHECK(canonical_url("", "a/xindex.html") == "a/xindex.html");
}

TEST_CASE("base_context carries the site, the page and navigation with the current section marked",
          "[page_context]") {
    const auto f = test::fixture_model();
    const auto ctx = base_context(*f->model, "lsp/lsp-a/index.html", "LSP Uji A", "lsp", "Kartu skor.");
    CHECK(text_at(ctx, "site_title") == "Situs Uji");
    CHECK(text_at(ctx, "site_publisher") == "Tim Uji");
    CHECK(text_at(ctx, "page_title") == "LSP Uji A");
    CHECK(text_at(ctx, "description") == "Kartu skor.");
    CHECK_FALSE(flag_at(ctx, "is_home"));
    CHECK(text_at(ctx, "root") == "../../");
    CHECK(text_at(ctx, "home_href") == "../../index.html");
    CHECK(text_at(ctx, "css_href") == "../../assets/style.css");
    CHECK(text_at(ctx, "js_href") == "../../assets/situs.js");
    CHECK(text_at(ctx, "feed_href") == "../../feed.xml");
    CHECK(text_at(ctx, "search_href") == "../../cari/index.html");
    CHECK(flag_at(ctx, "example_data"));
    CHECK(text_at(ctx, "example_note") == "Data uji.");
    CHECK_FALSE(flag_at(ctx, "canonical"));  // the fixture has no alamat_situs
    const auto& nav = value_at(ctx, "nav").items();
    REQUIRE(nav.size() == 7);
    int current = 0;
    for (const auto& item : nav) current += flag_at(item, "current");
    CHECK(current == 1);
    CHECK(text_at(ctx, "nav.3.label") == "Daftar LSP");
    CHECK(flag_at(ctx, "nav.3.current"));
    CHECK(text_at(ctx, "nav.3.href") == "../../lsp/index.html");
    CHECK(text_at(ctx, "nav.0.href") == "../../index.html");
}

TEST_CASE("base_context marks the home page, says the statistics are quoted, and gives a canonical with a base URL",
          "[page_context]") {
    auto f = test::fixture_model();
    const auto home = base_context(*f->model, "index.html", "Beranda", "beranda", "");
    CHECK(flag_at(home, "is_home"));
    CHECK(flag_at(home, "nav.0.current"));
    CHECK(text_at(home, "root").empty());
    const auto stats = base_context(*f->model, "statistik/index.html", "Statistik", "statistik", "");
    CHECK(flag_at(stats, "nav.6.current"));
    CHECK(text_at(stats, "example_note") != "Data uji.");
    CHECK_THAT(text_at(stats, "example_note"), Catch::Matchers::Contains("dikutip dari sumber"));

    auto with_base = *f->model;
    with_base.base_url = "https://contoh.go.id/pep/";
    CHECK(text_at(base_context(with_base, "lsp/lsp-a/index.html", "A", "lsp", ""), "canonical") ==
          "https://contoh.go.id/pep/lsp/lsp-a/");
    CHECK(text_at(base_context(with_base, "index.html", "Beranda", "beranda", ""), "canonical") ==
          "https://contoh.go.id/pep/");
    // Links given explicitly (404.html) replace the page's own.
    const auto abs = Links::from_root("https://contoh.go.id/pep/");
    const auto nf = base_context(with_base, "404.html", "Tidak ada", "", "", &abs);
    CHECK(text_at(nf, "css_href") == "https://contoh.go.id/pep/assets/style.css");
    CHECK(text_at(nf, "nav.1.href") == "https://contoh.go.id/pep/panduan/index.html");
}

TEST_CASE("crumbs mark only the last item as current", "[page_context]") {
    const auto c = crumbs({{"Beranda", "../index.html"}, {"LSP", "index.html"}});
    REQUIRE(c.items().size() == 2);
    CHECK(text_at(c, "0.label") == "Beranda");
    CHECK(text_at(c, "0.href") == "../index.html");
    CHECK_FALSE(flag_at(c, "0.last"));
    CHECK(flag_at(c, "1.last"));
    CHECK(crumbs({}).items().empty());
}

TEST_CASE("filter choices come from the registry and the category table plus the two unscored states",
          "[page_context]") {
    const auto f = test::fixture_model();
    const auto filter = filter_context(*f->model, false);
    // Provinces Bali, Aceh, Papua and types P1..P3, sorted and without repeats.
    REQUIRE(value_at(filter, "provinces").items().size() == 3);
    CHECK(text_at(filter, "provinces.0") == "Aceh");
    CHECK(text_at(filter, "provinces.2") == "Papua");
    CHECK(text_at(filter, "types.1") == "P2");
    REQUIRE(value_at(filter, "categories").items().size() == 5);
    CHECK(text_at(filter, "categories.0.key") == "atas");
    CHECK(text_at(filter, "categories.3.key") == "belum-lengkap");
    CHECK(text_at(filter, "categories.4.key") == "belum-dinilai");
    CHECK_FALSE(flag_at(filter, "with_category"));
}

TEST_CASE("a category badge names the category, or says the sheet is incomplete or uncategorised", "[page_context]") {
    const auto f = test::fixture_model();
    const auto& model = *f->model;
    const auto& latest = model.results.rounds[*model.results.latest_periodic];  // 2025-2
    // lsp-b: 6 + 12 + 6 = 24, Tengah (20–29), the second category.
    const auto b = category_badge(model, *latest.find("lsp-b"));
    CHECK(text_at(b, "name") == "Tengah");
    CHECK(text_at(b, "key") == "tengah");
    CHECK(text_at(b, "css") == "cat-1");
    CHECK(text_at(b, "range") == "20\u201329");
    CHECK(text_at(b, "condition") == "Cukup.");
    CHECK(flag_at(b, "complete"));
    // lsp-c lacks P01.
    const auto c = category_badge(model, *latest.find("lsp-c"));
    CHECK(text_at(c, "name") == "Belum lengkap");
    CHECK(text_at(c, "key") == "belum-lengkap");
    CHECK(text_at(c, "css") == "cat-none");
    CHECK_FALSE(flag_at(c, "complete"));
    CHECK(c.get("range") == nullptr);
    // A complete sheet whose IK no category covers.
    SheetResult outside;
    outside.complete = true;
    outside.ik = 41;
    const auto none = category_badge(model, outside);
    CHECK(text_at(none, "name") == "Tanpa kategori");
    CHECK(text_at(none, "key") == "tanpa-kategori");
    CHECK(flag_at(none, "complete"));
}

TEST_CASE("ranked sheets are the round's sheets in its computed listing order", "[page_context]") {
    const auto f = test::fixture_model();
    RoundResult rr;
    rr.sheets.resize(3);
    rr.sheets[0].lsp_id = "lsp-c";
    rr.sheets[1].lsp_id = "lsp-b";
    rr.sheets[2].lsp_id = "lsp-a";
    rr.ranked = {1, 2, 0};
    const auto order = ranked_sheets(*f->model, rr);
    REQUIRE(order.size() == 3);
    CHECK(order[0] == &rr.sheets[1]);
    CHECK(order[1] == &rr.sheets[2]);
    CHECK(order[2] == &rr.sheets[0]);
}

TEST_CASE("IK, rank and change texts read the computed sheet", "[page_context]") {
    const auto f = test::fixture_model();
    const auto& model = *f->model;
    const auto& rounds = model.results.rounds;  // 0: 2025-1, 1: 2025-i1, 2: 2025-2
    const auto& a = *rounds[2].find("lsp-a");
    CHECK(ik_text(a) == "36");
    CHECK(rank_text(a, rounds[2]) == "1 dari 2");
    CHECK(change_text(model, a) == "+6 dibanding 2025-1, kategori tetap");  // 36 − 30
    const auto& c = *rounds[2].find("lsp-c");
    CHECK(ik_text(c) == "belum lengkap");
    CHECK(rank_text(c, rounds[2]) == "\u2013");
    CHECK(change_text(model, c) == "\u2013");
    CHECK(change_text(model, *rounds[0].find("lsp-c")) == "penilaian pertama");
    CHECK(change_text(model, *rounds[1].find("lsp-b")) == "\u221214 dibanding 2025-1, turun kategori");  // 6 − 20
    CHECK(kind_label(RoundKind::insidental) == "Insidental");
    CHECK(range_text(0, 19) == "0\u201319");
}

TEST_CASE("the model joins every sheet with its registered LSP once; a sheet outside the round is found by id",
          "[page_context]") {
    const auto f = test::fixture_model();
    const auto& model = *f->model;
    REQUIRE(model.sheet_lsp.size() == model.data.rounds.size());
    for (const auto& rr : model.results.rounds) {
        REQUIRE(model.sheet_lsp[rr.round].size() == rr.sheets.size());
        for (const auto& s : rr.sheets) {
            REQUIRE(model.registered(rr, s) != nullptr);
            CHECK(model.registered(rr, s)->id == s.lsp_id);
            CHECK(&model.lsp_of(rr, s) == model.lsp_by_id.at(s.lsp_id));
        }
    }
    const auto& rr = model.results.rounds.front();
    auto copy = rr.sheets.front();  // not one of rr's sheets: looked up by its id
    CHECK(model.registered(rr, copy) == model.lsp_by_id.at(copy.lsp_id));
    copy.lsp_id = "lsp-tidak-terdaftar";
    CHECK(model.registered(rr, copy) == nullptr);
    CHECK_THROWS_WITH(model.lsp_of(rr, copy), Catch::Matchers::Contains("lsp-tidak-terdaftar"));
}
