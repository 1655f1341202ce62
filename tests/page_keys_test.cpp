// site/page_keys: a page's key moves exactly when something it shows moves; and,
// over random edits to data, content, theme and configuration, an incremental
// build always equals a full one (the property the keys exist for).
#include <catch2/catch.hpp>

#include <random>
#include <regex>

#include "cli/build.h"
#include "data/round_cache.h"
#include "site/incremental_keys.h"
#include "site/page_keys.h"
#include "test_support.h"
#include "util/fingerprint.h"

using namespace pepgen;
using Catch::Matchers::Contains;

namespace {

/// The fixture edited by `edit`, with value keys as an incremental build makes them.
PageKeys keys_after(const std::function<void(const std::filesystem::path&)>& edit) {
    auto fm = test::fixture_model(edit);
    SiteModel model = *fm->model;
    model.keys.site = "w";
    model.keys.data = "d";
    model.keys.records = "e";
    model.keys.registry = "l";
    return page_keys(model);
}

void replace(const std::filesystem::path& file, const std::string& from, const std::string& to) {
    auto text = test::read_file(file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    test::write_file(file, text);
}

}  // namespace

TEST_CASE("a score change moves the keys of the pages that show it, and no others", "[page_keys]") {
    const auto base = keys_after([](const auto&) {});
    REQUIRE(base.lsp.size() == 3);
    REQUIRE(base.round.size() == 3);
    CHECK(keys_after([](const auto&) {}).lsp == base.lsp);  // same data, same keys

    // In 2025-2, lsp-a's M01 9 -> 10 and lsp-b's 6 -> 5: the round's M01 mean stays 6,0 and the
    // ranks stay; only the two LSPs' own figures move. lsp-c's scorecard shows nothing that moved.
    const auto swap = keys_after([](const auto& root) {
        const auto file = root / "data/penilaian/2025-2.json";
        replace(file, "\"M01\": 9", "\"M01\": 10");
        replace(file, "\"M01\": 6", "\"M01\": 5");
    });
    CHECK(swap.lsp.at("lsp-a") != base.lsp.at("lsp-a"));
    CHECK(swap.lsp.at("lsp-b") != base.lsp.at("lsp-b"));
    CHECK(swap.lsp.at("lsp-c") == base.lsp.at("lsp-c"));
    CHECK(swap.round[2] != base.round[2]);  // 2025-2's page lists both
    CHECK(swap.round[0] == base.round[0]);  // 2025-1 shows none of it
    CHECK(swap.round[1] == base.round[1]);  // nor 2025-i1

    // lsp-a's M01 9 -> 8 moves the round's printed M01 mean (6,0 -> 5,7), which every scorecard of 2025-2 shows.
    const auto mean = keys_after([](const auto& root) {
        replace(root / "data/penilaian/2025-2.json", "\"M01\": 9", "\"M01\": 8");
    });
    for (const auto* id : {"lsp-a", "lsp-b", "lsp-c"}) CHECK(mean.lsp.at(id) != base.lsp.at(id));

    // lsp-b overtakes lsp-a in 2025-2 while the means do not move: lsp-a's rank, shown on its scorecard, moves.
    const auto overtake = keys_after([](const auto& root) {
        const auto file = root / "data/penilaian/2025-2.json";
        replace(file, "\"M01\": 9, \"P01\": 18, \"D01\": 9", "\"M01\": 6, \"P01\": 12, \"D01\": 6");
        replace(file, "\"M01\": 6, \"P01\": 12, \"D01\": 6}, \"catatan\"", "\"M01\": 9, \"P01\": 18, \"D01\": 9}, \"catatan\"");
    });
    CHECK(overtake.lsp.at("lsp-a") != base.lsp.at("lsp-a"));
    CHECK(overtake.lsp.at("lsp-c") == base.lsp.at("lsp-c"));
}

TEST_CASE("a registry change moves that LSP's key and every round's, not the others' scorecards", "[page_keys]") {
    const auto base = keys_after([](const auto&) {});
    const auto renamed = keys_after([](const auto& root) { replace(root / "data/lsp.json", "LSP Uji B", "LSP Uji Beta"); });
    CHECK(renamed.lsp.at("lsp-b") != base.lsp.at("lsp-b"));
    CHECK(renamed.lsp.at("lsp-a") == base.lsp.at("lsp-a"));
    CHECK(renamed.lsp.at("lsp-c") == base.lsp.at("lsp-c"));
}

TEST_CASE("the round means a scorecard prints come from one function, as printed", "[page_keys]") {
    SiteModel model = *test::fixture_model()->model;
    const auto& rr = model.results.rounds[2];
    const auto texts = round_mean_texts(model, rr);
    REQUIRE(texts.indicators.size() == 3);
    CHECK(texts.indicators[0] == "6,0");  // (9 + 6 + 3) / 3
    CHECK(texts.group_percents.size() == 5);
}

TEST_CASE("an incremental build equals a full one after any sequence of random edits", "[page_keys][incremental]") {
    // Each edit changes one thing a user changes: a score, a note, a dispute, an LSP's record, a
    // category boundary, name or text, an indicator, a template or asset, a statistics table or report, a round's
    // title, date, draft flag or sheets, a whole round or guidance page added or taken away, the site's name,
    // the prose of a guide or of the home page.
    using Edit = std::function<void(const std::filesystem::path&, std::mt19937&)>;
    using test::pick;
    const auto& edit_match = test::edit_random_match;
    const std::vector<std::string> rounds = {"2025-1", "2025-2", "2025-i1"};
    std::optional<std::string> base_url;  // --base-url of the next build (and of its reference)
    const std::vector<std::pair<std::string, Edit>> edits = {
        {"score", [&](const auto& root, auto& rng) {
             const auto file = root / "data/penilaian" / (rounds[pick(rng, rounds.size())] + ".json");
             edit_match(file, std::regex(R"re("(M01|P01|D01)": (\d+|null))re"), rng, [&](const std::smatch& m) {
                 const int max = m[1] == "P01" ? 20 : 10;
                 const auto v = pick(rng, static_cast<std::size_t>(max) + 2);
                 return "\"" + m[1].str() + "\": " + (v > static_cast<std::size_t>(max) ? "null" : std::to_string(v));
             });
         }},
        {"name", [&](const auto& root, auto& rng) {
             edit_match(root / "data/lsp.json", std::regex(R"re("nama": "LSP Uji [^"]*")re"), rng, [&](const std::smatch&) {
                 return "\"nama\": \"LSP Uji " + std::string(1, static_cast<char>('A' + pick(rng, 26))) + "\"";
             });
         }},
        {"province", [&](const auto& root, auto& rng) {
             static const std::vector<std::string> provinces = {"Bali", "Aceh", "Papua", "Jambi", "Riau"};
             edit_match(root / "data/lsp.json", std::regex(R"re("provinsi": "[^"]*")re"), rng, [&](const std::smatch&) {
                 return "\"provinsi\": \"" + provinces[pick(rng, provinces.size())] + "\"";
             });
         }},
        {"category", [&](const auto& root, auto& rng) {
             const auto k = std::to_string(16 + pick(rng, 8));
             edit_match(root / "content/panduan/indeks.md",
                        std::regex(R"re((nama: Tengah[^,]*), min: \d+, maks: 29, kondisi: Cukup.\}\n  - \{kode: bawah, (nama: Bawah[^,]*), min: 0, maks: \d+)re"),
                        rng, [&](const std::smatch& m) {
                            return m[1].str() + ", min: " + k + ", maks: 29, kondisi: Cukup.}\n  - {kode: bawah, " + m[2].str() +
                                   ", min: 0, maks: " + std::to_string(std::stoi(k) - 1);
                        });
         }},
        {"category text", [&](const auto& root, auto& rng) {  // shown on scorecards, print cards and category pages
             edit_match(root / "content/panduan/indeks.md", std::regex(R"re(kondisi: Kurang[^}]*\})re"), rng, [&](const std::smatch&) {
                 return "kondisi: Kurang " + std::to_string(pick(rng, 1000)) + ".}";
             });
         }},
        {"category name", [&](const auto& root, auto& rng) {  // every row's badge on round and category pages
             edit_match(root / "content/panduan/indeks.md", std::regex(R"re(nama: (Atas|Tengah|Bawah)[^,]*,)re"), rng,
                        [&](const std::smatch& m) { return "nama: " + m[1].str() + " " + std::to_string(pick(rng, 1000)) + ","; });
         }},
        {"category guide text", [&](const auto& root, auto& rng) {  // the prose below the table: its guide page only
             edit_match(root / "content/panduan/indeks.md", std::regex(R"re(IK adalah[^\n]*)re"), rng, [&](const std::smatch&) {
                 return "IK adalah jumlah skor " + std::to_string(pick(rng, 1000)) + ".";
             });
         }},
        {"home text", [&](const auto& root, auto& rng) {
             edit_match(root / "content/beranda.md", std::regex(R"re(Halo[^\n]*)re"), rng, [&](const std::smatch&) {
                 return "Halo " + std::to_string(pick(rng, 1000)) + ".";
             });
         }},
        {"indicator", [&](const auto& root, auto& rng) {
             edit_match(root / "content/indikator/P01.md", std::regex(R"re(judul: "[^"]*")re"), rng, [&](const std::smatch&) {
                 return "judul: \"Proses " + std::to_string(pick(rng, 1000)) + "\"";
             });
         }},
        {"template", [&](const auto& root, auto& rng) {
             static const std::vector<std::string> files = {"scorecard.mustache", "round.mustache", "layout.mustache",
                                                            "partials/badge.mustache", "categories.mustache",
                                                            "print_round.mustache", "home.mustache", "stats.mustache",
                                                            "dataset.mustache", "downloads.mustache", "guide.mustache",
                                                            "guides.mustache"};
             const auto file = root / "themes/default/templates" / files[pick(rng, files.size())];
             auto text = test::read_file(file);
             test::write_file(file, text + "<!-- " + std::to_string(pick(rng, 100000)) + " -->\n");
         }},
        {"table", [&](const auto& root, auto& rng) {
             edit_match(root / "data/statistik/lsp-uji.json", std::regex(R"re("p1": \d+)re"), rng, [&](const std::smatch&) {
                 return "\"p1\": " + std::to_string(pick(rng, 40));
             });
         }},
        {"statistics page", [&](const auto& root, auto& rng) {
             edit_match(root / "content/statistik/laporan.md", std::regex(R"re(Pengantar[^\n]*)re"), rng, [&](const std::smatch&) {
                 return "Pengantar " + std::to_string(pick(rng, 1000)) + ".";
             });
         }},
        {"round title", [&](const auto& root, auto& rng) {
             const auto period = rounds[pick(rng, rounds.size())];
             edit_match(root / "data/penilaian" / (period + ".json"),
                        std::regex("\"periode\": \"" + period + "\", (\"judul\": \"[^\"]*\", )?"), rng,
                        [&](const std::smatch&) {
                            return "\"periode\": \"" + period + "\", \"judul\": \"Putaran " + std::to_string(pick(rng, 100)) + "\", ";
                        });
         }},
        {"sheet", [&](const auto& root, auto&) {  // lsp-c's 2025-1 sheet goes, or comes back
             const auto file = root / "data/penilaian/2025-1.json";
             auto text = test::read_file(file);
             std::smatch m;  // its scores may have been edited since
             if (std::regex_search(text, m, std::regex(R"re(,\n    \{"lsp": "lsp-c", "skor": \{[^}]*\}\})re")))
                 text.erase(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)));
             else
                 text.insert(text.rfind("\n  ]"), ",\n    {\"lsp\": \"lsp-c\", \"skor\": {\"M01\": 2, \"P01\": 5, \"D01\": 3}}");
             test::write_file(file, text);
         }},
        {"table title", [&](const auto& root, auto& rng) {
             edit_match(root / "data/statistik/lsp-uji.json", std::regex(R"re("judul": "LSP per Provinsi[^"]*")re"), rng,
                        [&](const std::smatch&) { return "\"judul\": \"LSP per Provinsi " + std::to_string(pick(rng, 100)) + "\""; });
         }},
        {"guide page", [&](const auto& root, auto& rng) {
             edit_match(root / "content/panduan/dasar.md", std::regex(R"re(Lihat[^\[]*\[)re"), rng,
                        [&](const std::smatch&) { return "Lihat " + std::to_string(pick(rng, 1000)) + " ["; });
         }},
        {"config", [&](const auto& root, auto& rng) {
             test::write_file(root / "pepgen.yaml", "judul: Situs Uji " + std::to_string(pick(rng, 100)) + "\npenerbit: Tim Uji\n" +
                                                        (pick(rng, 2) ? "alamat_situs: https://pep.contoh.go.id/\n" : ""));
         }},
        {"base url option", [&](const auto&, auto& rng) {
             static const std::vector<std::string> urls = {"https://contoh.go.id/pep/", "https://lain.contoh.id/"};
             base_url = pick(rng, 3) ? std::optional<std::string>(urls[pick(rng, urls.size())]) : std::nullopt;
         }},
        {"notes", [&](const auto& root, auto& rng) {
             const auto file = root / "data/penilaian" / (pick(rng, 2) ? "2025-2.json" : "2025-i1.json");
             edit_match(file, std::regex(R"re("catatan": "[^"]*")re"), rng, [&](const std::smatch&) {
                 return "\"catatan\": \"Catatan **" + std::to_string(pick(rng, 1000)) + "**.\"";
             });
         }},
        {"recommendation", [&](const auto& root, auto& rng) {
             edit_match(root / "data/penilaian/2025-2.json", std::regex(R"re("rekomendasi": \["[^"]*"\])re"), rng,
                        [&](const std::smatch&) {
                            return "\"rekomendasi\": [\"Saran " + std::to_string(pick(rng, 1000)) + ".\"]";
                        });
         }},
        {"licence", [&](const auto& root, auto& rng) {  // expiring before, between and after the rounds
             static const std::vector<std::string> dates = {"2030-01-01", "2025-12-31", "2026-03-01", "2027-06-30"};
             edit_match(root / "data/lsp.json", std::regex(R"re("lisensi_berlaku_sampai": "[^"]*")re"), rng,
                        [&](const std::smatch&) {
                            return "\"lisensi_berlaku_sampai\": \"" + dates[pick(rng, dates.size())] + "\"";
                        });
         }},
        {"lsp type", [&](const auto& root, auto& rng) {
             edit_match(root / "data/lsp.json", std::regex(R"re("jenis": "P\d")re"), rng, [&](const std::smatch&) {
                 return "\"jenis\": \"P" + std::to_string(1 + pick(rng, 3)) + "\"";
             });
         }},
        {"round date", [&](const auto& root, auto& rng) {  // the rounds keep their order
             static const std::vector<std::pair<std::string, std::vector<std::string>>> dates = {
                 {"2025-1", {"2025-05-02", "2025-06-01", "2025-07-15"}}, {"2025-2", {"2025-10-20", "2025-11-01", "2025-12-05"}}};
             const auto& [period, choices] = dates[pick(rng, dates.size())];
             edit_match(root / "data/penilaian" / (period + ".json"), std::regex(R"re("tanggal": "[^"]*")re"), rng,
                        [&](const std::smatch&) { return "\"tanggal\": \"" + choices[pick(rng, choices.size())] + "\""; });
         }},
        {"draft", [&](const auto& root, auto& rng) {  // a round is held back as a draft, or published again
             const auto period = rounds[pick(rng, rounds.size())];
             const auto file = root / "data/penilaian" / (period + ".json");
             auto text = test::read_file(file);
             const std::string flag = " \"draf\": true,";
             if (const auto at = text.find(flag); at != std::string::npos) text.erase(at, flag.size());
             else text.insert(text.find("\",", text.find("\"jenis\": \"")) + 2, flag);  // where "round title" edits do not look
             test::write_file(file, text);
         }},
        {"team", [&](const auto& root, auto& rng) {
             edit_match(root / "data/penilaian/2025-1.json", std::regex(R"re("nama": "Penilai [^"]*")re"), rng,
                        [&](const std::smatch&) { return "\"nama\": \"Penilai " + std::to_string(pick(rng, 100)) + "\""; });
         }},
        {"registry entry", [&](const auto& root, auto&) {  // lsp-d, never scored, joins the registry or leaves it
             const auto file = root / "data/lsp.json";
             if (test::read_file(file).find("lsp-d") == std::string::npos) {
                 test::add_unscored_lsp(root);
                 return;
             }
             auto text = test::read_file(file);
             std::smatch m;
             REQUIRE(std::regex_search(text, m, std::regex(R"re(,\n  \{"id": "lsp-d"[^}]*\})re")));
             text.erase(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)));
             test::write_file(file, text);
         }},
        {"example flag", [&](const auto& root, auto& rng) {
             test::write_file(root / "data/meta.json", std::string(R"J({"data_contoh": )J") + (pick(rng, 2) ? "true" : "false") +
                                                           R"J(, "keterangan": "Data uji."})J");
         }},
        {"guide file", [&](const auto& root, auto& rng) {  // a guidance page is added, or deleted
             const auto file = root / "content/panduan/tambahan.md";
             if (std::filesystem::exists(file)) std::filesystem::remove(file);
             else test::write_file(file, "---\njudul: Tambahan " + std::to_string(pick(rng, 100)) + "\nurutan: 3\n---\nIsi.\n");
         }},
        {"round file", [&](const auto& root, auto& rng) {  // a new routine round arrives, or is taken back
             const auto file = root / "data/penilaian/2026-1.json";
             if (std::filesystem::exists(file)) {
                 std::filesystem::remove(file);
                 return;
             }
             auto score = [&](int max) { return std::to_string(pick(rng, static_cast<std::size_t>(max) + 1)); };
             std::string sheets;
             for (const char* lsp : {"lsp-a", "lsp-b", "lsp-c"})
                 if (pick(rng, 4))
                     sheets += std::string(sheets.empty() ? "" : ",\n") + "    {\"lsp\": \"" + lsp + "\", \"skor\": {\"M01\": " +
                               score(10) + ", \"P01\": " + score(20) + ", \"D01\": " + score(10) + "}}";
             test::write_file(file, "{\"periode\": \"2026-1\", \"jenis\": \"rutin\", \"tanggal\": \"2026-05-04\",\n  \"hasil\": [\n" +
                                        sheets + "\n  ]}");
         }},
        {"asset", [&](const auto& root, auto& rng) {
             const auto file = root / "themes/default/assets/style.css";
             test::write_file(file, test::read_file(file) + "/* " + std::to_string(pick(rng, 100000)) + " */\n");
         }},
        {"rubric", [&](const auto& root, auto& rng) {
             edit_match(root / "content/indikator/M01.md", std::regex(R"re(kriteria: "Bukti[^"]*")re"), rng, [&](const std::smatch&) {
                 return "kriteria: \"Bukti " + std::to_string(pick(rng, 1000)) + ".\"";
             });
         }},
        {"indicator maximum", [&](const auto& root, auto& rng) {  // D01 out of 10 or of 12: percentages and rubric bands move
             const auto max = pick(rng, 2) ? 12 : 10;
             auto text = test::read_file(root / "content/indikator/D01.md");
             text = std::regex_replace(text, std::regex(R"re(skor_maks: \d+)re"), "skor_maks: " + std::to_string(max));
             text = std::regex_replace(text, std::regex(R"re(sampai: 1\d\n)re"), "sampai: " + std::to_string(max) + "\n");
             test::write_file(root / "content/indikator/D01.md", text);
             // The index's maximum is the sum of the indicators' (M01 10 + P01 20 + D01), and the top category ends there.
             auto index = test::read_file(root / "content/panduan/indeks.md");
             index = std::regex_replace(index, std::regex(R"re(ik_maks: \d+)re"), "ik_maks: " + std::to_string(30 + max));
             index = std::regex_replace(index, std::regex(R"re(maks: \d+, kondisi: Sehat)re"),
                                        "maks: " + std::to_string(30 + max) + ", kondisi: Sehat");
             test::write_file(root / "content/panduan/indeks.md", index);
         }},
        {"dispute", [&](const auto& root, auto&) {  // lsp-b's newest sheet: an open dispute is lodged, rejected, withdrawn
             test::cycle_dispute(root, true);
         }},
    };
    // Scores are most of what changes between builds: half the edits are scores.
    std::vector<std::size_t> weighted;
    for (std::size_t i = 0; i < edits.size(); ++i)
        for (std::size_t w = 0; w < (edits[i].first == "score" ? edits.size() : 1); ++w) weighted.push_back(i);
    const unsigned seeds = test::property_seeds(5);
    for (unsigned seed = 1; seed <= seeds; ++seed) {
        test::TempDir dir;
        test::write_fixture_project(dir.path());
        test::write_fixture_stats(dir.path());  // the statistics pages are kept by a key of their own
        std::mt19937 rng(seed);
        base_url.reset();
        // The fixture's lists are a few rows long: in parts of one or two rows, so that rebuilds keep
        // and remake parts of its tables, as a correction does at national scale. The reference is
        // a build from scratch, which renders every page whole.
        BuildOptions first;
        first.rows_per_part = 1 + seed % 2;
        const auto site = test::build_in_memory(dir.path(), first);
        REQUIRE(site->ok);
        for (int step = 0; step < 16; ++step) {
            const auto& [what, edit] = edits[weighted[pick(rng, weighted.size())]];
            edit(dir.path(), rng);
            INFO("seed " << seed << ", step " << step << ": " << what);
            BuildOptions again;
            again.base_url = base_url;
            again.rows_per_part = first.rows_per_part;
            test::build_again(*site, dir.path(), again);
            INFO(test::all_messages(site->diags));
            REQUIRE(site->ok);
            BuildOptions full;
            full.base_url = base_url;
            full.incremental = false;
            const auto reference = test::build_in_memory(dir.path(), full);
            REQUIRE(reference->ok);
            CHECK(test::differing_files(*site, *reference) == std::vector<std::string>{});
        }
    }
}

TEST_CASE("renamed categories reach every row of the round, category and LSP tables that a rebuild keeps in parts",
          "[page_keys][incremental]") {
    // Rows made in parts are keyed by their sheets' or LSPs' value keys, which do not hold the category
    // names their badges show: the rows' key context does (row_key_context). Every row in its own part,
    // so that a row between the two ends could be kept with its old badge.
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    BuildOptions first;
    first.rows_per_part = 1;
    const auto site = test::build_in_memory(dir.path(), first);
    REQUIRE(site->ok);
    // A build into a new folder writes the tables whole; the first rebuild that remakes them (a
    // corrected score) records their parts.
    test::replace_in_file(dir / "data/penilaian/2025-2.json", "\"M01\": 9,", "\"M01\": 8,");
    test::build_again(*site, dir.path(), first);
    REQUIRE(site->ok);
    auto index = test::read_file(dir / "content/panduan/indeks.md");
    for (const std::string name : {"Atas", "Tengah", "Bawah"})
        index = std::regex_replace(index, std::regex("nama: " + name + ","), "nama: " + name + " Baru,");
    test::write_file(dir / "content/panduan/indeks.md", index);
    test::build_again(*site, dir.path(), first);
    REQUIRE(site->ok);
    BuildOptions full;
    full.incremental = false;
    const auto reference = test::build_in_memory(dir.path(), full);
    REQUIRE(reference->ok);
    CHECK(test::differing_files(*site, *reference) == std::vector<std::string>{});
}

TEST_CASE("build --verifikasi compares the output folder with a full build and names every stale file", "[page_keys][verify]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto registry = test::read_file(dir / "data/lsp.json");
    test::add_unscored_lsp(dir.path());  // lsp-d: a scorecard that the edit below takes away
    const auto out = dir / "site";
    BuildOptions options;
    options.output = out;
    options.progress = false;
    Diagnostics first;
    REQUIRE(build_site(dir.path(), options, first));
    Diagnostics clean;
    std::size_t compared = 0;
    CHECK(verify_against_full_build(dir.path(), options, clean, &compared));
    CHECK(compared > 30);
    CHECK_FALSE(clean.has_errors());

    // As if a build had missed these: a page left stale, one missing, and lsp-d's page, which pepgen
    // wrote and a full build of the edited registry no longer makes. Each is named.
    test::write_file(out / "lsp/lsp-a/index.html", "basi");
    std::filesystem::remove(out / "lsp/lsp-b/index.html");
    test::write_file(dir / "data/lsp.json", registry);  // the registry without lsp-d
    // A file somebody put there is not pepgen's: a warning. A host's file beside the site is not mentioned.
    test::write_file(out / "catatan/tim.html", "milik tim");
    test::write_file(out / "CNAME", "pepgen.example\n");
    Diagnostics stale;
    CHECK_FALSE(verify_against_full_build(dir.path(), options, stale));
    const auto text = test::all_messages(stale);
    CHECK_THAT(text, Contains("site/lsp/lsp-a/index.html: galat: verifikasi: isinya berbeda dari hasil build penuh"));
    CHECK_THAT(text, Contains("site/lsp/lsp-b/index.html: galat: verifikasi: berkas ini tidak ada"));
    CHECK_THAT(text, Contains("site/lsp/lsp-d/index.html: galat: verifikasi: berkas ini sisa build sebelumnya"));
    CHECK_THAT(text, Contains("site/catatan/tim.html: peringatan: verifikasi: berkas ini bukan buatan pepgen"));
    CHECK_THAT(text, Contains("galat: verifikasi: "));
    CHECK_FALSE(Catch::contains(text, "CNAME"));
    CHECK(stale.error_count() >= 4);  // the three files (lsp-d's JSON too) and the summary
}

TEST_CASE("build --verifikasi reports the files it compared; a build repairs what was changed behind it",
          "[page_keys][verify]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto args = "build --root " + test::q(dir.path()) + " --verifikasi";
    const auto ok = test::run_in_process(args);
    CHECK(ok.exit_code == 0);
    CHECK_THAT(ok.output, Contains("Verifikasi: 45 berkas sama persis dengan build penuh."));
    // A page damaged behind the manifest's back is rewritten by the next build (its stamp
    // moved), so verification, which runs after it, finds the folder whole again.
    test::write_file(dir / "site/lsp/lsp-a/index.html", "basi");
    const auto again = test::run_in_process(args);
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.output, Contains("1 berkas ditulis"));
    CHECK_THAT(again.output, Contains("Verifikasi: 45 berkas sama persis"));
}

TEST_CASE("build --verifikasi reads every round file again: a wrong parse cache entry shows as a difference",
          "[page_keys][verify][round-cache]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    BuildOptions options;
    options.output = dir / "site";
    options.progress = false;
    Diagnostics first;
    REQUIRE(build_site(dir.path(), options, first));
    // An entry under the file's own key that says something else (as a fault in the cache would).
    const RoundCache cache{dir / kRoundCacheDir / "penilaian", program_identity()};
    const auto text = test::read_file(dir / "data/penilaian/2025-2.json");
    const auto key = round_cache_key(cache.program, test::fixture_catalogue(), fingerprint(text));
    auto kept = find_cached_round(cache, "2025-2.json", key);
    REQUIRE(kept);
    REQUIRE(kept->round);
    kept->round->sheets.at(0).scores.at(0) = 1;
    keep_cached_round(cache, "2025-2.json", key, *kept);
    // Another input changes, so the next build loads the project (and takes the entry).
    test::replace_in_file(dir / "content/panduan/dasar.md", "Lihat", "Baca");
    Diagnostics second;
    REQUIRE(build_site(dir.path(), options, second));
    Diagnostics checked;
    CHECK_FALSE(verify_against_full_build(dir.path(), options, checked));
    CHECK_THAT(test::all_messages(checked), Contains("site/lsp/lsp-a/index.html: galat: verifikasi: isinya berbeda"));
    // A build from scratch (--penuh) reads the file again and renews the entry.
    BuildOptions full = options;
    full.incremental = false;
    Diagnostics rebuilt;
    REQUIRE(build_site(dir.path(), full, rebuilt));
    Diagnostics clean;
    CHECK(verify_against_full_build(dir.path(), options, clean));
    CHECK(find_cached_round(cache, "2025-2.json", key)->round->sheets.at(0).scores.at(0) == 9);
}

TEST_CASE("a rebuild sees what a full build sees: a linked content folder, a round linked from outside",
          "[page_keys][incremental]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    // The indicators kept in a folder of their own, linked in (the loaders follow the link).
    test::link_indicator_folder(dir.path());
    const auto site = test::build_in_memory(dir.path());
    INFO(test::all_messages(site->diags));
    REQUIRE(site->ok);

    // A title changed in the linked folder is published by the next build, as by a full one.
    test::replace_in_file(dir / "bersama/indikator/P01.md", "judul:", "judul: Judul Baru,");
    test::build_again(*site, dir.path());
    REQUIRE(site->ok);
    CHECK_FALSE(site->summary.up_to_date);
    CHECK_THAT(site->read("indikator/p01/index.html"), Contains("Judul Baru,"));
    BuildOptions full;
    full.incremental = false;
    CHECK(site->files() == test::build_in_memory(dir.path(), full)->files());

    // A round file replaced by a link to the same bytes outside the project: a full build refuses
    // it, and so does the next build, instead of finding nothing changed.
    test::TempDir outside;
    const auto round = dir / "data/penilaian/2025-1.json";
    test::write_file(outside / "2025-1.json", test::read_file(round));
    std::filesystem::remove(round);
    std::filesystem::create_symlink(outside / "2025-1.json", round);
    test::build_again(*site, dir.path());
    CHECK_FALSE(site->ok);
    CHECK_THAT(test::all_messages(site->diags),
               Contains("data/penilaian/2025-1.json: galat: tautan simbolik mengarah ke luar proyek"));
}
