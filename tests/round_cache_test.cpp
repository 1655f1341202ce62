#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <set>

#include "data/data_loader.h"
#include "data/round_cache.h"
#include "test_support.h"
#include "util/fingerprint.h"

using namespace pepgen;
namespace fs = std::filesystem;

namespace {

/// Every field a loaded round carries, so that a field the cache forgets fails here.
void require_same(const Round& a, const Round& b) {
    CHECK(a.period == b.period);
    CHECK(a.kind == b.kind);
    CHECK(a.date == b.date);
    CHECK(a.title == b.title);
    CHECK(a.source_file == b.source_file);
    CHECK(a.draft == b.draft);
    CHECK(a.review_start == b.review_start);
    REQUIRE(a.team.size() == b.team.size());
    for (std::size_t i = 0; i < a.team.size(); ++i) {
        CHECK(a.team[i].name == b.team[i].name);
        CHECK(a.team[i].agency == b.team[i].agency);
    }
    REQUIRE(a.sheets.size() == b.sheets.size());
    for (std::size_t i = 0; i < a.sheets.size(); ++i) {
        const auto &s = a.sheets[i], &t = b.sheets[i];
        CHECK(s.lsp_id == t.lsp_id);
        CHECK(s.scores == t.scores);
        CHECK(s.score_line_offsets == t.score_line_offsets);
        CHECK(s.notes_markdown == t.notes_markdown);
        CHECK(s.recommendations_markdown == t.recommendations_markdown);
        CHECK(s.source_line == t.source_line);
        REQUIRE(s.stray.size() == t.stray.size());
        for (std::size_t k = 0; k < s.stray.size(); ++k) {
            CHECK(s.stray[k].code == t.stray[k].code);
            CHECK(s.stray[k].value == t.stray[k].value);
            CHECK(s.stray[k].line == t.stray[k].line);
        }
        REQUIRE(s.disputes.size() == t.disputes.size());
        for (std::size_t k = 0; k < s.disputes.size(); ++k) {
            CHECK(s.disputes[k].lodged == t.disputes[k].lodged);
            CHECK(s.disputes[k].status == t.disputes[k].status);
            CHECK(s.disputes[k].decided == t.disputes[k].decided);
            CHECK(s.disputes[k].correction == t.disputes[k].correction);
            CHECK(s.disputes[k].note == t.disputes[k].note);
            CHECK(s.disputes[k].line == t.disputes[k].line);
        }
        CHECK(b.find_sheet(t.lsp_id) == &b.sheets[i]);
    }
}

void require_same(const Diagnostics& a, const Diagnostics& b) {
    REQUIRE(a.items().size() == b.items().size());
    for (std::size_t i = 0; i < a.items().size(); ++i) CHECK(Diagnostics::format(a.items()[i]) == Diagnostics::format(b.items()[i]));
}

/// A round that uses every field: team, a draft review, strays, notes, recommendations, disputes.
void write_rich_round(const fs::path& root) {
    test::write_file(root / "data/penilaian/2025-2.json", R"J({"periode": "2025-2", "jenis": "rutin", "tanggal": "2025-11-01",
  "judul": "Putaran uji", "draf": true, "tinjauan_mulai": "2025-11-03",
  "tim": ["Ani", {"nama": "Budi", "instansi": "BNSP"}, 7],
  "hasil": [
    {"lsp": "lsp-a", "skor": {"M01": 9, "P01": 18, "D01": 9, "X99": 2}, "rekomendasi": ["Satu.", "Dua."]},
    {"lsp": "lsp-b", "skor": {"M01": 6, "P01": 12, "D01": 6}, "catatan": "Naik.",
     "sanggahan": [{"diajukan": "2025-11-05", "status": "ditolak", "diputus": "2025-11-09", "keterangan": "Sesuai bukti."}]},
    {"lsp": "lsp-c", "skor": {"M01": 3, "P01": null, "D01": 4}}
  ]})J");
}

}  // namespace

TEST_CASE("a loaded round survives the cache's encoding field for field, messages included", "[round-cache]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    write_rich_round(dir.path());
    Diagnostics d;
    auto round = load_round(dir.path(), dir / "data/penilaian/2025-2.json", test::fixture_catalogue(), d);
    REQUIRE(round);
    REQUIRE(d.has_errors());  // the team member given as a number
    REQUIRE(round->sheets[0].stray.size() == 1);
    REQUIRE(round->sheets[1].disputes.size() == 1);
    const LoadedRound loaded{round, d};
    const auto bytes = encode_loaded_round("kunci", loaded);
    const auto back = decode_loaded_round(bytes, "kunci");
    REQUIRE(back);
    REQUIRE(back->round);
    require_same(*round, *back->round);
    require_same(d, back->diags);

    SECTION("a file that failed to load is kept as failed, with its messages") {
        const auto failed = decode_loaded_round(encode_loaded_round("k", LoadedRound{std::nullopt, d}), "k");
        REQUIRE(failed);
        CHECK_FALSE(failed->round);
        require_same(d, failed->diags);
    }
    SECTION("another key, a damaged byte or a torn end is no entry") {
        CHECK_FALSE(decode_loaded_round(bytes, "kunci lain"));
        for (std::size_t at : {std::size_t{0}, bytes.size() / 2, bytes.size() - 1}) {
            auto damaged = bytes;
            damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
            CHECK_FALSE(decode_loaded_round(damaged, "kunci"));
        }
        CHECK_FALSE(decode_loaded_round(std::string_view(bytes).substr(0, bytes.size() - 9), "kunci"));
        CHECK_FALSE(decode_loaded_round("", "kunci"));
    }
}

TEST_CASE("load_data takes an unchanged round file from the cache and reads a changed one again", "[round-cache]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    write_rich_round(dir.path());
    const RoundCache cache{dir / ".pepgen-cache/penilaian", "uji-1"};
    Diagnostics fresh_diags;
    const auto fresh = load_data(dir.path(), test::fixture_catalogue(), fresh_diags);

    Diagnostics first_diags;
    const auto first = load_data(dir.path(), test::fixture_catalogue(), first_diags, &cache);
    REQUIRE(fs::is_regular_file(cache.dir / "2025-2.json.bin"));
    Diagnostics second_diags;
    const auto second = load_data(dir.path(), test::fixture_catalogue(), second_diags, &cache);
    require_same(fresh_diags, first_diags);
    require_same(fresh_diags, second_diags);
    REQUIRE(second.rounds.size() == fresh.rounds.size());
    // What was parsed is counted: a build frees the parsed files' memory only after many.
    CHECK(fresh.rounds_parsed == fresh.rounds.size());
    CHECK(first.rounds_parsed == fresh.rounds.size());
    CHECK(second.rounds_parsed == 0);
    for (std::size_t i = 0; i < fresh.rounds.size(); ++i) require_same(fresh.rounds[i], second.rounds[i]);

    // The entry is really what is read: one planted under the file's key is taken as the file.
    const auto text = test::read_file(dir / "data/penilaian/2025-1.json");
    const auto key = round_cache_key(cache.program, test::fixture_catalogue(), fingerprint(text));
    Round marked = first.rounds.front();
    marked.title = "dari cache";
    keep_cached_round(cache, "2025-1.json", key, LoadedRound{marked, Diagnostics{}});
    Diagnostics d;
    CHECK(load_data(dir.path(), test::fixture_catalogue(), d, &cache).rounds.front().title == "dari cache");

    SECTION("a build from scratch reads every file again, and renews the entry") {
        const RoundCache scratch{cache.dir, cache.program, false};
        Diagnostics again;
        CHECK(load_data(dir.path(), test::fixture_catalogue(), again, &scratch).rounds.front().title != "dari cache");
        CHECK(load_data(dir.path(), test::fixture_catalogue(), again, &cache).rounds.front().title != "dari cache");
    }
    SECTION("a changed file is read again") {
        test::replace_in_file(dir / "data/penilaian/2025-1.json", "\"2025-1\"", "\"2025-1\" ");
        Diagnostics again;
        const auto changed = load_data(dir.path(), test::fixture_catalogue(), again, &cache);
        CHECK(changed.rounds.front().title != "dari cache");
        CHECK(changed.rounds_parsed == 1);
    }
    SECTION("another catalogue or another program reads it again") {
        auto catalogue = test::fixture_catalogue();
        catalogue.pop_back();
        Diagnostics again;
        CHECK(load_data(dir.path(), catalogue, again, &cache).rounds.front().title != "dari cache");
        const RoundCache other{cache.dir, "uji-2"};
        CHECK(load_data(dir.path(), test::fixture_catalogue(), again, &other).rounds.front().title != "dari cache");
    }
}

TEST_CASE("the cache writes only into a real folder of its own", "[round-cache]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::TempDir elsewhere;
    SECTION("a link in its place is not followed") {
        fs::create_directory_symlink(elsewhere.path(), dir / ".pepgen-cache");
    }
    SECTION("a file in its place is left as it is") {
        test::write_file(dir / ".pepgen-cache", "milik pengguna");
    }
    const RoundCache cache{dir / ".pepgen-cache/penilaian", "uji"};
    Diagnostics d;
    const auto data = load_data(dir.path(), test::fixture_catalogue(), d, &cache);
    CHECK(data.rounds.size() == 3);
    CHECK(fs::is_empty(elsewhere.path()));
    if (fs::is_regular_file(dir / ".pepgen-cache")) CHECK(test::read_file(dir / ".pepgen-cache") == "milik pengguna");
}

TEST_CASE("entries of deleted round files and what a killed build left are cleared", "[round-cache]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const RoundCache cache{dir / ".pepgen-cache/penilaian", "uji"};
    Diagnostics d;
    load_data(dir.path(), test::fixture_catalogue(), d, &cache);
    // A build killed while writing (its process is gone), and one writing right now (this process).
    test::write_file(cache.dir / "2025-1.json.tmp.999999999.0", "setengah");
    const auto live = "2025-1.json.tmp." + std::to_string(::getpid()) + ".77";
    test::write_file(cache.dir / live, "sedang ditulis");
    fs::remove(dir / "data/penilaian/2025-i1.json");
    load_data(dir.path(), test::fixture_catalogue(), d, &cache);
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(cache.dir)) names.insert(e.path().filename());
    CHECK(names == std::set<std::string>{"2025-1.json.bin", "2025-2.json.bin", live});
}

TEST_CASE("the registry is taken from the cache while its bytes are unchanged, messages included", "[round-cache]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    // A warning and an error among the entries: both come back from the cache, in order.
    test::replace_in_file(dir / "data/lsp.json", "\"lsp\": [", "\"lsp\": [{\"id\": \"tanpa-nama\"},");
    const RoundCache cache{dir / ".pepgen-cache/penilaian", "uji-1"};
    Diagnostics fresh_diags;
    const auto fresh = load_data(dir.path(), test::fixture_catalogue(), fresh_diags);
    REQUIRE(fresh_diags.has_errors());
    Diagnostics first_diags, second_diags;
    const auto first = load_data(dir.path(), test::fixture_catalogue(), first_diags, &cache);
    REQUIRE(fs::is_regular_file(dir / ".pepgen-cache/lsp.bin"));
    const auto second = load_data(dir.path(), test::fixture_catalogue(), second_diags, &cache);
    require_same(fresh_diags, second_diags);
    CHECK(second.registry_loaded == fresh.registry_loaded);
    REQUIRE(second.lsps.size() == fresh.lsps.size());
    for (std::size_t i = 0; i < fresh.lsps.size(); ++i) {
        const auto &a = fresh.lsps[i], &b = second.lsps[i];
        CHECK(std::tie(a.id, a.name, a.type, a.province, a.city, a.licence_number, a.licence_issued,
                       a.licence_valid_until, a.website, a.address) ==
              std::tie(b.id, b.name, b.type, b.province, b.city, b.licence_number, b.licence_issued,
                       b.licence_valid_until, b.website, b.address));
    }

    // The entry is what is read: one planted under the file's key is taken as the registry.
    const auto key = registry_cache_key(cache.program, fingerprint(test::read_file(dir / "data/lsp.json")));
    auto marked = fresh.lsps;
    marked.front().name = "dari cache";
    keep_cached_registry(cache, key, LoadedRegistry{true, marked, Diagnostics{}});
    Diagnostics d;
    CHECK(load_data(dir.path(), test::fixture_catalogue(), d, &cache).lsps.front().name == "dari cache");
    SECTION("a changed file, another program or a build from scratch reads it again") {
        Diagnostics again;
        const RoundCache other{cache.dir, "uji-2"};
        CHECK(load_data(dir.path(), test::fixture_catalogue(), again, &other).lsps.front().name != "dari cache");
        keep_cached_registry(cache, key, LoadedRegistry{true, marked, Diagnostics{}});
        const RoundCache scratch{cache.dir, cache.program, false};
        CHECK(load_data(dir.path(), test::fixture_catalogue(), again, &scratch).lsps.front().name != "dari cache");
        keep_cached_registry(cache, key, LoadedRegistry{true, marked, Diagnostics{}});
        test::replace_in_file(dir / "data/lsp.json", "\"lsp\": [", "\"lsp\":  [");
        CHECK(load_data(dir.path(), test::fixture_catalogue(), again, &cache).lsps.front().name != "dari cache");
    }
    SECTION("a damaged entry is no entry") {
        auto bytes = encode_loaded_registry(key, LoadedRegistry{true, marked, Diagnostics{}});
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
        CHECK_FALSE(decode_loaded_registry(bytes, key));
        CHECK_FALSE(decode_loaded_registry(encode_loaded_registry(key, LoadedRegistry{}), "lain"));
    }
}

TEST_CASE("with the scan's fingerprints an entry is found without reading the file, and kept only under the "
          "fingerprint of the bytes read",
          "[round-cache]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto text = test::read_file(dir / "data/penilaian/2025-1.json");
    std::map<std::string, std::uint64_t> scan{{"data/penilaian/2025-1.json", 7}};
    const RoundCache cache{dir / ".pepgen-cache/penilaian", "uji-1", true, &scan};
    Diagnostics first;
    const auto fresh = load_data(dir.path(), test::fixture_catalogue(), first, &cache);
    // The scan said 7, but the bytes read were the file's: the entry names those, never 7.
    CHECK_FALSE(find_cached_round(cache, "2025-1.json", round_cache_key(cache.program, test::fixture_catalogue(), 7)));
    REQUIRE(find_cached_round(cache, "2025-1.json",
                              round_cache_key(cache.program, test::fixture_catalogue(), fingerprint(text))));

    // An entry under the scan's fingerprint is taken as the file, without the file being read.
    Round marked = fresh.rounds.front();
    marked.title = "dari cache";
    keep_cached_round(cache, "2025-1.json", round_cache_key(cache.program, test::fixture_catalogue(), 7),
                      LoadedRound{marked, Diagnostics{}});
    Diagnostics d;
    CHECK(load_data(dir.path(), test::fixture_catalogue(), d, &cache).rounds.front().title == "dari cache");
    // Without the scan (or with another fingerprint for it) the file's own entry is used.
    scan["data/penilaian/2025-1.json"] = fingerprint(text);
    CHECK(load_data(dir.path(), test::fixture_catalogue(), d, &cache).rounds.front().title != "dari cache");
    // A build from scratch reads the file whatever the scan says.
    scan["data/penilaian/2025-1.json"] = 7;
    const RoundCache scratch{cache.dir, cache.program, false, &scan};
    CHECK(load_data(dir.path(), test::fixture_catalogue(), d, &scratch).rounds.front().title != "dari cache");
}

TEST_CASE("the cache is read only from real folders of its own: an entry reached through a link is not taken",
          "[round-cache]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto text = test::read_file(dir / "data/penilaian/2025-1.json");
    test::TempDir elsewhere;
    // A planted entry under the file's own key, in a folder the link leads to.
    const RoundCache planted{elsewhere / "penilaian", "uji-1"};
    Diagnostics d;
    auto round = load_data(dir.path(), test::fixture_catalogue(), d).rounds.front();
    round.title = "dari cache";
    keep_cached_round(planted, "2025-1.json", round_cache_key("uji-1", test::fixture_catalogue(), fingerprint(text)),
                      LoadedRound{round, Diagnostics{}});
    REQUIRE(fs::is_regular_file(elsewhere / "penilaian/2025-1.json.bin"));
    const RoundCache cache{dir / ".pepgen-cache/penilaian", "uji-1"};
    SECTION("the cache folder is a link") {
        fs::create_directory_symlink(elsewhere.path(), dir / ".pepgen-cache");
        CHECK(load_data(dir.path(), test::fixture_catalogue(), d, &cache).rounds.front().title != "dari cache");
    }
    SECTION("the entry is a link") {
        fs::create_directories(cache.dir);
        fs::create_symlink(elsewhere / "penilaian/2025-1.json.bin", cache.dir / "2025-1.json.bin");
        CHECK(load_data(dir.path(), test::fixture_catalogue(), d, &cache).rounds.front().title != "dari cache");
    }
}
