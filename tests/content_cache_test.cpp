#include <catch2/catch.hpp>

#include <filesystem>

#include "content/content_cache.h"
#include "site/incremental_keys.h"
#include "test_support.h"
#include "util/fingerprint.h"

using namespace pepgen;
namespace fs = std::filesystem;

namespace {

void require_same(const GuidePage& a, const GuidePage& b) {
    CHECK(a.slug == b.slug);
    CHECK(a.title == b.title);
    CHECK(a.order == b.order);
    CHECK(a.summary == b.summary);
    CHECK(a.body_markdown == b.body_markdown);
    CHECK(a.source_file == b.source_file);
    REQUIRE(a.embeds.size() == b.embeds.size());
    for (std::size_t i = 0; i < a.embeds.size(); ++i) {
        const auto &e = a.embeds[i], &f = b.embeds[i];
        CHECK(e.dataset == f.dataset);
        CHECK(e.chart == f.chart);
        CHECK(e.label_column == f.label_column);
        CHECK(e.value_columns == f.value_columns);
        CHECK(e.table == f.table);
        CHECK(e.title == f.title);
        CHECK(e.file == f.file);
        CHECK(e.line == f.line);
    }
}

/// Every field loaded content carries, so that a field the cache forgets fails here.
void require_same(const Content& a, const Content& b) {
    CHECK(a.config.title == b.config.title);
    CHECK(a.config.publisher == b.config.publisher);
    CHECK(a.config.theme == b.config.theme);
    CHECK(a.config.base_url == b.config.base_url);
    CHECK(a.config.review_days == b.config.review_days);
    CHECK(a.config.data_licence == b.config.data_licence);
    CHECK(a.home.title == b.home.title);
    CHECK(a.home.summary == b.home.summary);
    CHECK(a.home.body_markdown == b.home.body_markdown);
    REQUIRE(a.guides.size() == b.guides.size());
    for (std::size_t i = 0; i < a.guides.size(); ++i) require_same(a.guides[i], b.guides[i]);
    REQUIRE(a.stats_pages.size() == b.stats_pages.size());
    for (std::size_t i = 0; i < a.stats_pages.size(); ++i) require_same(a.stats_pages[i], b.stats_pages[i]);
    REQUIRE(a.data_dictionary.has_value() == b.data_dictionary.has_value());
    if (a.data_dictionary) require_same(*a.data_dictionary, *b.data_dictionary);
    REQUIRE(a.indicators.size() == b.indicators.size());
    for (std::size_t i = 0; i < a.indicators.size(); ++i) {
        const auto &x = a.indicators[i], &y = b.indicators[i];
        CHECK(x.code == y.code);
        CHECK(x.group == y.group);
        CHECK(x.title == y.title);
        CHECK(x.max_score == y.max_score);
        CHECK(x.summary == y.summary);
        REQUIRE(x.rubric.size() == y.rubric.size());
        for (std::size_t k = 0; k < x.rubric.size(); ++k) {
            CHECK(x.rubric[k].from == y.rubric[k].from);
            CHECK(x.rubric[k].to == y.rubric[k].to);
            CHECK(x.rubric[k].label == y.rubric[k].label);
            CHECK(x.rubric[k].criteria == y.rubric[k].criteria);
        }
        CHECK(x.evidence == y.evidence);
        CHECK(x.body_markdown == y.body_markdown);
        CHECK(x.source_file == y.source_file);
    }
    CHECK(a.failed_indicators == b.failed_indicators);
    CHECK(a.categories.index_max == b.categories.index_max);
    REQUIRE(a.categories.categories.size() == b.categories.categories.size());
    for (std::size_t i = 0; i < a.categories.categories.size(); ++i) {
        const auto &x = a.categories.categories[i], &y = b.categories.categories[i];
        CHECK(x.key == y.key);
        CHECK(x.name == y.name);
        CHECK(x.min == y.min);
        CHECK(x.max == y.max);
        CHECK(x.condition == y.condition);
    }
    CHECK(a.categories.default_scores == b.categories.default_scores);
    CHECK(a.categories.default_scores_note == b.categories.default_scores_note);
    CHECK(a.categories_file == b.categories_file);
}

/// Content in which no field has its default value.
Content rich_content() {
    Content c;
    c.config = SiteConfig{"Judul", "Penerbit", "tema", "https://contoh.test/", 21, "CC0-1.0"};
    c.home = HomeText{"Beranda", "Ringkas", "Isi *beranda*"};
    EmbedSpec embed{"anggaran-2021", ChartKind::tile_map, "provinsi", {"pagu", "realisasi"}, false, "Peta",
                    "content/statistik/anggaran.md", 12};
    c.guides.push_back(GuidePage{"dasar", "Dasar", 3, "Ringkasan", "Isi", "content/panduan/dasar.md", {embed}});
    c.stats_pages.push_back(GuidePage{"anggaran", "Anggaran", 1, "", "Tabel", "content/statistik/anggaran.md", {embed, embed}});
    c.data_dictionary = GuidePage{"kamus-data", "Kamus", 0, "s", "b", "content/kamus-data.md", {}};
    c.indicators.push_back(Indicator{"D01", Group::dampak, "Dampak", 15, "Ringkas", {{0, 5, "Kurang", "*a*"}, {6, 15, "Baik", "b"}},
                                     {"Bukti 1", "Bukti 2"}, "Badan", "content/indikator/D01.md"});
    c.failed_indicators = {"X01", "X02"};
    c.categories = CategoryTable{40, {{"atas", "Atas", 30, 40, "Kondisi atas"}, {"bawah", "Bawah", 0, 29, "Kondisi bawah"}},
                                 true, "Catatan bawaan"};
    c.categories_file = "content/panduan/indeks.md";
    return c;
}

std::map<std::string, std::uint64_t> scan_of(const fs::path& root) { return scan_inputs(root, "uji").files; }

}  // namespace

TEST_CASE("loaded content survives the content cache's encoding field for field, messages included", "[content-cache]") {
    LoadedContent loaded{rich_content(), Diagnostics{}};
    loaded.diags.warning("content/panduan/dasar.md", "peringatan", 4);
    loaded.diags.error("content/indikator/X01.md", "galat", 2);
    const auto bytes = encode_loaded_content("kunci", loaded);
    const auto back = decode_loaded_content(bytes, "kunci");
    REQUIRE(back);
    require_same(back->content, loaded.content);
    REQUIRE(back->diags.items().size() == 2);
    CHECK(Diagnostics::format(back->diags.items()[0]) == Diagnostics::format(loaded.diags.items()[0]));
    CHECK(Diagnostics::format(back->diags.items()[1]) == Diagnostics::format(loaded.diags.items()[1]));
    // Another key, a torn entry or a flipped byte is no entry.
    CHECK_FALSE(decode_loaded_content(bytes, "kunci lain"));
    CHECK_FALSE(decode_loaded_content(bytes.substr(0, bytes.size() - 3), "kunci"));
    auto flipped = bytes;
    flipped[flipped.size() / 2] ^= 1;
    CHECK_FALSE(decode_loaded_content(flipped, "kunci"));
}

TEST_CASE("content is taken from the cache while the scan finds the same bytes below content/, and loaded again "
          "when any of them change",
          "[content-cache]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    auto scan = scan_of(dir.path());
    const ContentCache cache{dir / ".pepgen-cache/konten.bin", "uji-1", true, &scan};
    Diagnostics first;
    const auto fresh = load_content_cached(dir.path(), first, cache);
    Diagnostics plain;
    require_same(fresh, load_content(dir.path(), plain));
    const auto key = content_cache_key("uji-1", scan);
    const auto entry = test::read_file(dir / ".pepgen-cache/konten.bin");
    REQUIRE(decode_loaded_content(entry, key));

    // An entry under the scan's key stands for content/ without a file of it being read.
    LoadedContent marked{fresh, Diagnostics{}};
    marked.content.config.title = "dari cache";
    marked.diags.warning("content/panduan/dasar.md", "pesan dari cache", 1);
    test::write_file(dir / ".pepgen-cache/konten.bin", encode_loaded_content(key, marked));
    Diagnostics d;
    CHECK(load_content_cached(dir.path(), d, cache).config.title == "dari cache");
    CHECK(test::all_messages(d).find("pesan dari cache") != std::string::npos);

    // A build from scratch loads content/ whatever the entry says, and renews the entry.
    const ContentCache scratch{cache.file, cache.program, false, &scan};
    CHECK(load_content_cached(dir.path(), d, scratch).config.title == "Situs Uji");
    CHECK(decode_loaded_content(test::read_file(dir / ".pepgen-cache/konten.bin"), key)->content.config.title == "Situs Uji");

    SECTION("a changed page") {
        test::write_file(dir / ".pepgen-cache/konten.bin", encode_loaded_content(key, marked));
        test::replace_in_file(dir / "content/indikator/M01.md", "skor_maks: 10", "skor_maks: 9");
        scan = scan_of(dir.path());
        const auto c = load_content_cached(dir.path(), d, cache);
        CHECK(c.config.title == "Situs Uji");
        CHECK(c.indicators.front().max_score == 9);
    }
    SECTION("a new file below content/, even one no page is read from") {
        test::write_file(dir / ".pepgen-cache/konten.bin", encode_loaded_content(key, marked));
        test::write_file(dir / "content/gambar/logo.svg", "<svg/>");
        scan = scan_of(dir.path());
        CHECK(load_content_cached(dir.path(), d, cache).config.title == "Situs Uji");
    }
    SECTION("pepgen.yaml") {
        test::write_file(dir / ".pepgen-cache/konten.bin", encode_loaded_content(key, marked));
        test::replace_in_file(dir / "pepgen.yaml", "Situs Uji", "Situs Uji Baru");
        scan = scan_of(dir.path());
        CHECK(load_content_cached(dir.path(), d, cache).config.title == "Situs Uji Baru");
    }
}

TEST_CASE("content is kept in the cache only when the bytes read are the ones the scan fingerprinted",
          "[content-cache]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    auto scan = scan_of(dir.path());
    const ContentCache cache{dir / ".pepgen-cache/konten.bin", "uji-1", true, &scan};
    Diagnostics d;
    SECTION("a page changed after the scan") {
        scan["content/panduan/dasar.md"] = 7;
        load_content_cached(dir.path(), d, cache);
        CHECK_FALSE(fs::exists(dir / ".pepgen-cache/konten.bin"));
    }
    SECTION("a page the scan saw is gone when the loader lists the folder") {
        scan["content/panduan/hilang.md"] = 7;
        load_content_cached(dir.path(), d, cache);
        CHECK_FALSE(fs::exists(dir / ".pepgen-cache/konten.bin"));
    }
    SECTION("a page the scan did not see is read") {
        test::write_file(dir / "content/panduan/baru.md", "---\njudul: Baru\n---\nIsi.\n");
        load_content_cached(dir.path(), d, cache);
        CHECK_FALSE(fs::exists(dir / ".pepgen-cache/konten.bin"));
    }
    SECTION("a file the loader never reads does not stand in the way") {
        scan["content/panduan/catatan.txt"] = 7;
        scan["content/panduan/.draf.md"] = 7;
        load_content_cached(dir.path(), d, cache);
        CHECK(fs::exists(dir / ".pepgen-cache/konten.bin"));
    }
    SECTION("no scan, no entry") {
        const ContentCache unscanned{cache.file, cache.program};
        load_content_cached(dir.path(), d, unscanned);
        CHECK_FALSE(fs::exists(dir / ".pepgen-cache/konten.bin"));
    }
}
