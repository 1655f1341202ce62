// End-to-end: fixture and example projects built in this process into a
// disk in memory (test::build_in_memory), checked by the product's own link
// checker; the assertions read the HTML and JSON the build wrote. The tests
// where the process is the point (exit codes, a site on disk left as it
// was) run the binary.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include <boost/json.hpp>

#include "format/json_pretty.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

using test::q;

json::value read_json(const fs::path& p) { return json::parse(test::read_file(p)); }

}  // namespace

TEST_CASE("the fixture builds into a complete, relative-linked site", "[e2e]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto built = test::build_in_memory(dir.path());
    INFO(test::all_messages(built->diags));
    REQUIRE(built->ok);
    CHECK_THAT(test::all_messages(built->diags), Contains("lsp-c: lembar skor belum lengkap"));
    CHECK(built->summary.pages == built->summary.rendered);

    for (const char* page : {"index.html", "panduan/index.html", "panduan/dasar/index.html", "panduan/indeks/index.html",
                             "indikator/index.html", "indikator/m01/index.html", "indikator/p01/index.html",
                             "lsp/index.html", "lsp/lsp-a/index.html", "lsp/lsp-b/index.html", "lsp/lsp-c/index.html",
                             "penilaian/index.html", "penilaian/2025-1/index.html", "penilaian/2025-i1/index.html",
                             "penilaian/2025-2/index.html", "kategori/index.html", "kategori/2025-1/index.html",
                             "kategori/2025-2/index.html", "data/indeks-2025-1.json", "data/indeks-2025-2.json",
                             "data/indeks-2025-i1.json", "assets/style.css"})
        CHECK(built->has(page));
    CHECK(test::all_messages(built->link_errors()).empty());

    // A routine round's table is ranked; an incidental round's has no rank column.
    CHECK_THAT(built->read("penilaian/2025-2/index.html"), Contains(">Peringkat</th>"));
    const auto incidental = built->read("penilaian/2025-i1/index.html");
    CHECK_FALSE(Catch::contains(incidental, ">Peringkat</th>"));
    CHECK_FALSE(Catch::contains(incidental, "1 dari 1"));

    const auto home = built->read("index.html");
    CHECK_THAT(home, Contains("<title>Situs Uji</title>"));
    CHECK_THAT(home, Contains("Data contoh."));
    CHECK_THAT(home, Contains("href=\"kategori/index.html\""));
    CHECK_THAT(home, Contains("<desc id=\"beranda-kategori-d\">"));

    // lsp-a, 2025-2: 9 + 18 + 9 = 36 (Atas), 2025-1: 8 + 15 + 7 = 30.
    const auto a = built->read("lsp/lsp-a/index.html");
    CHECK_THAT(a, Contains("<span class=\"ik-value\">36</span>"));
    CHECK_THAT(a, Contains("<span class=\"badge cat-0\">Atas</span>"));
    CHECK_THAT(a, Contains("1 dari 2"));
    CHECK_THAT(a, Contains("+6 dibanding 2025-1, kategori tetap"));
    CHECK_THAT(a, Contains("Pertahankan <strong>mutu</strong>."));
    CHECK_THAT(a, Contains("href=\"../../assets/style.css\""));

    // lsp-b: periodic 2025-2 = 24 (Tengah) stays its category after the incidental 6 (Bawah).
    const auto b = built->read("lsp/lsp-b/index.html");
    CHECK_THAT(b, Contains("<span class=\"ik-value\">24</span>"));
    CHECK_THAT(b, Contains("<span class=\"badge cat-1\">Tengah</span>"));
    CHECK_THAT(b, Contains("2025-i1"));
    CHECK_THAT(b, Contains("Insidental"));
    // Every indicator below half of its maximum is listed with a link to its guidance.
    const auto c = built->read("lsp/lsp-c/index.html");
    CHECK_THAT(c, Contains("belum lengkap"));
    CHECK_THAT(c, Contains("Indikator yang belum dinilai: <strong>P01</strong>"));
    CHECK_THAT(c, Contains("<a href=\"../../indikator/m01/index.html\">M01 Visi</a>: skor 3 dari 10"));

    const auto cats = built->read("kategori/index.html");
    CHECK_THAT(cats, Contains("Penilaian Rutin 2025-2"));
    CHECK_THAT(cats, Contains("id=\"belum-lengkap\""));

    const auto guide = built->read("panduan/dasar/index.html");
    CHECK_THAT(guide, Contains("href=\"../../indikator/m01/index.html\""));

    const auto doc = json::parse(built->read("data/indeks-2025-2.json"));
    CHECK(doc.at("periode") == "2025-2");
    CHECK(doc.at("data_contoh") == true);
    const auto& hasil = doc.at("hasil").as_array();
    REQUIRE(hasil.size() == 3);
    CHECK(hasil[0].at("lsp") == "lsp-a");
    CHECK(hasil[0].at("ik") == 36);
    CHECK(hasil[0].at("kategori") == "Atas");
    CHECK(hasil[0].at("peringkat") == 1);
    CHECK(hasil[0].at("lengkap") == true);
    CHECK(hasil[0].at("skor").at("P01") == 18);
    CHECK(hasil[2].at("lsp") == "lsp-c");
    CHECK(hasil[2].at("ik").is_null());
    CHECK(hasil[2].at("kategori").is_null());
    CHECK(hasil[2].at("peringkat").is_null());
    CHECK(hasil[2].at("lengkap") == false);
    CHECK(hasil[2].at("skor").at("P01").is_null());
}

TEST_CASE("strings from data are escaped and Markdown from data has no raw HTML", "[e2e]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_file(dir / "data/lsp.json", R"J({"lsp": [
  {"id": "lsp-a", "nama": "<script>alert('nama')</script>", "jenis": "P1", "provinsi": "\"><img src=x onerror=alert(1)>", "nomor_lisensi": "A-1", "lisensi_berlaku_sampai": "2030-01-01", "situs_web": "https://contoh.example/\"onmouseover=\"alert(1)"},
  {"id": "lsp-b", "nama": "LSP Uji B", "jenis": "P2", "provinsi": "Aceh", "nomor_lisensi": "B-1", "lisensi_berlaku_sampai": "2030-01-01"},
  {"id": "lsp-c", "nama": "LSP Uji C", "jenis": "P3", "provinsi": "Papua", "nomor_lisensi": "C-1", "lisensi_berlaku_sampai": "2030-01-01"}
]})J");
    test::write_file(dir / "data/penilaian/2025-2.json", R"J({"periode": "2025-2", "jenis": "rutin", "tanggal": "2025-11-01",
  "tim": [{"nama": "<b>Tim</b>", "instansi": "BNSP"}],
  "hasil": [
    {"lsp": "lsp-a", "skor": {"M01": 9, "P01": 18, "D01": 9}, "catatan": "<script>alert('catatan')</script> <iframe src=x></iframe>",
     "rekomendasi": ["[klik](javascript:alert(1))", "<img src=x onerror=alert(2)>"]}
  ]})J");
    const auto built = test::build_in_memory(dir.path());
    INFO(test::all_messages(built->diags));
    REQUIRE(built->ok);
    for (const auto& [path, text] : built->files()) {
        INFO(path);
        const auto ext = fs::path(path).extension().string();
        if (ext == ".json") {
            // Data files carry the submitted text as data, with no raw markup characters.
            CHECK(text.find('<') == std::string::npos);
            CHECK(text.find('>') == std::string::npos);
            continue;
        }
        if (ext == ".csv") continue;  // plain text for spreadsheets; formula neutralising is tested separately
        // Our own scripts are the only ones allowed, and never inline.
        const std::regex script_tag("<script[^>]*>", std::regex::icase);
        const std::regex ours(R"RE(<script src="[^"]*(assets/situs\.js|assets/cari\.js|indeks\.js)"( defer)?>)RE");
        for (std::sregex_iterator it(text.begin(), text.end(), script_tag), end; it != end; ++it)
            CHECK(std::regex_match(it->str(), ours));
        CHECK_FALSE(Catch::contains(text, "<script>"));
        CHECK_FALSE(Catch::contains(text, "<img"));
        CHECK_FALSE(Catch::contains(text, "<iframe"));
        CHECK_FALSE(Catch::contains(text, "javascript:"));
        CHECK_FALSE(Catch::contains(text, "\"onmouseover"));
        CHECK_FALSE(Catch::contains(text, "<b>Tim"));
    }
    const auto a = built->read("lsp/lsp-a/index.html");
    CHECK_THAT(a, Contains("&lt;script&gt;alert(&#39;nama&#39;)&lt;/script&gt;"));
    CHECK_THAT(a, Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
}

TEST_CASE("broken data is reported in full and leaves the published site byte-identical", "[e2e]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    REQUIRE(test::run_pepgen("build --root " + q(dir.path())).exit_code == 0);
    const auto before = test::snapshot(dir / "site");
    test::write_file(dir / "data/penilaian/2025-2.json", R"J({"periode": "2025-2", "jenis": "rutin", "tanggal": "2025-11-01",
  "hasil": [
    {"lsp": "lsp-a", "skor": {"M01": 12, "P01": 18, "D01": 9}},
    {"lsp": "lsp-x", "skor": {"M01": 1, "P01": 1, "D01": 1, "Z01": 1}}
  ]})J");
    test::write_file(dir / "data/penilaian/2025-1.json", "{\"periode\": \"2025-1\",}");
    const auto r = test::run_pepgen("build --root " + q(dir.path()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("data/penilaian/2025-2.json:3: galat: lsp-a: M01 = 12 melebihi skor_maks 10"));
    CHECK_THAT(r.output, Contains("data/penilaian/2025-2.json:4: galat: lsp-x: LSP tidak terdaftar di data/lsp.json"));
    CHECK_THAT(r.output, Contains("lsp-x: kode indikator Z01 tidak dikenal"));
    CHECK_THAT(r.output, Contains("data/penilaian/2025-1.json:1: galat: JSON tidak valid"));
    CHECK_THAT(r.output, Contains("4 galat"));
    CHECK_THAT(r.output, Contains("tidak diubah"));
    CHECK(test::snapshot(dir / "site") == before);
    const auto check = test::run_pepgen("check --root " + q(dir.path()));
    CHECK(check.exit_code == 1);
    CHECK_THAT(check.output, Contains("4 galat"));
}

TEST_CASE("two builds of the same input are byte-identical", "[e2e]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto a = test::build_in_memory(dir.path()), b = test::build_in_memory(dir.path());
    REQUIRE(a->ok);
    REQUIRE(b->ok);
    CHECK(a->files() == b->files());
    CHECK(a->files().size() > 40);
}

TEST_CASE("the example project builds every page and its figures match data/", "[e2e][example]") {
    test::TempDir dir;
    test::copy_example_project(dir.path());
    const auto built = test::build_in_memory(dir.path());
    INFO(test::all_messages(built->diags));
    REQUIRE(built->ok);
    CHECK(test::all_messages(built->link_errors()).empty());

    const auto registry = read_json(dir / "data/lsp.json").at("lsp").as_array();
    CHECK(registry.size() >= 24);
    for (const auto& lsp : registry)
        CHECK(built->has("lsp/" + std::string(lsp.at("id").as_string()) + "/index.html"));
    int indicators = 0;
    for (const auto& name : built->list("indikator"))
        if (built->has("indikator/" + name + "/index.html")) ++indicators;
    CHECK(indicators == 27);

    // Recompute every IK from the round files and compare with the exports.
    std::set<int> totals;
    std::set<std::string> categories;
    int incomplete = 0, incidental = 0;
    for (const auto& e : fs::directory_iterator(dir / "data/penilaian")) {
        const auto round = read_json(e.path());
        const std::string period(round.at("periode").as_string());
        if (const auto* draft = round.as_object().if_contains("draf"); draft && draft->as_bool()) {
            CHECK_FALSE(built->has("data/indeks-" + period + ".json"));  // a draft is no download
            CHECK(built->has("penilaian/" + period + "/index.html"));
            continue;
        }
        if (round.at("jenis") == "insidental") ++incidental;
        const auto exported = json::parse(built->read("data/indeks-" + period + ".json"));
        const auto& rows = exported.at("hasil").as_array();
        for (const auto& sheet : round.at("hasil").as_array()) {
            int sum = 0;
            bool complete = true;
            for (const auto& [code, v] : sheet.at("skor").as_object()) {
                if (v.is_null()) complete = false;
                else sum += static_cast<int>(v.as_int64());
            }
            const auto id = sheet.at("lsp").as_string();
            const json::value* row = nullptr;
            for (const auto& x : rows)
                if (x.at("lsp") == id) row = &x;
            REQUIRE(row);
            INFO(period << " " << id);
            if (complete) {
                CHECK(row->at("ik") == sum);
                totals.insert(sum);
                categories.insert(std::string(row->at("kategori").as_string()));
                const int ik = sum;
                const std::string expected = ik >= 301 ? "Sangat Baik" : ik >= 251 ? "Baik" : ik >= 200 ? "Cukup Baik" : "Kurang Baik";
                CHECK(std::string(row->at("kategori").as_string()) == expected);
            } else {
                ++incomplete;
                CHECK(row->at("ik").is_null());
            }
        }
    }
    for (int t : {200, 250, 251, 300, 301}) CHECK(totals.count(t) == 1);
    CHECK(categories.size() == 4);
    CHECK(incomplete >= 1);
    CHECK(incidental >= 1);

    const auto home = built->read("index.html");
    CHECK_THAT(home, Contains("Data contoh."));
    // The example's publication record: two releases, a correction after an
    // accepted dispute, a dispute still open, a draft round under review.
    CHECK_THAT(built->read("ralat/index.html"), Contains("Ralat 1"));
    CHECK_THAT(built->read("lsp/lsp-contoh-15/index.html"), Contains("Sanggahan diterima."));
    CHECK_THAT(built->read("lsp/lsp-contoh-24/index.html"), Contains("Sedang disanggah."));
    CHECK_THAT(built->read("lsp/lsp-contoh-24/index.html"), Contains("panduan/penerbitan-dan-ralat/index.html"));
    CHECK_THAT(built->read("penilaian/2026-i2/index.html"), Contains("DRAF"));
    CHECK(built->has("data/versi/1/indeks-2026-2.json"));
    CHECK(built->has("data/versi/2/indeks-2026-2.json"));
    const auto guide = built->read("panduan/indeks-kinerja/index.html");
    CHECK_THAT(guide, Contains("301–350"));
    CHECK_THAT(guide, Contains("LSP dinyatakan sehat, mandiri dan memiliki potensi keberlanjutan."));
}

TEST_CASE("statistics pages embed tables and charts from data, and say where figures disagree", "[e2e][stats]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_fixture_stats(dir.path());
    // A second dataset with no page of its own still gets a table page.
    test::write_file(dir / "data/statistik/baru-2022.json", R"J({"judul": "Data Baru", "tahun": 2022,
  "sumber": {"dokumen": "Laporan 2022"}, "kolom": [{"kunci": "a", "judul": "A", "jenis": "teks"}, {"kunci": "n", "judul": "N", "jenis": "bilangan"}],
  "baris": [{"a": "x", "n": 1500}]})J");
    const auto built = test::build_in_memory(dir.path());
    INFO(test::all_messages(built->diags));
    REQUIRE(built->ok);
    CHECK_THAT(test::all_messages(built->diags), Contains("data/statistik/lsp-uji.json: peringatan: Tabel 9. Uji: total tertulis kolom 'jumlah' 100, dihitung dari baris 60"));
    CHECK(test::all_messages(built->link_errors()).empty());
    const auto page = built->read("statistik/laporan/index.html");
    CHECK_THAT(page, Contains("<svg class=\"chart tile-map\""));
    CHECK_THAT(page, Contains("<title>DKI Jakarta: 24</title>"));
    CHECK_THAT(page, Contains("<svg class=\"chart chart-stacked\""));
    CHECK_THAT(page, Contains("<figcaption>LSP per jenis</figcaption>"));
    CHECK_THAT(page, Contains("Angka sumber tidak saling cocok."));
    CHECK_THAT(page, Contains("Dihitung dari baris"));
    CHECK_FALSE(Catch::contains(page, "language-statistik"));
    // Published re-serialised (every published JSON escapes < > &), keys in the source's order.
    CHECK(built->read("data/statistik/lsp-uji.json") ==
          pretty_json(boost::json::parse(test::read_file(dir / "data/statistik/lsp-uji.json"))));
    const auto index = built->read("statistik/index.html");
    CHECK_THAT(index, Contains("href=\"../statistik/tabel/baru-2022/index.html\""));
    CHECK_THAT(index, Contains("2 selisih"));
    CHECK_THAT(built->read("statistik/tabel/baru-2022/index.html"), Contains(">1.500</td>"));
    CHECK_THAT(built->read("index.html"), Contains("href=\"statistik/index.html\""));
}

TEST_CASE("an embed naming a missing dataset or column stops the build", "[e2e][stats]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_fixture_stats(dir.path());
    test::write_file(dir / "content/statistik/salah.md",
                     "---\njudul: Salah\n---\n\n```statistik\ndata: tidak-ada\n```\n\n```statistik\ndata: lsp-uji\nnilai: [p9]\n```\n");
    const auto r = test::run_in_process("check --root " + q(dir.path()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Contains("content/statistik/salah.md:5: galat: blok statistik: data 'tidak-ada' tidak ada di data/statistik/"));
    CHECK_THAT(r.output, Contains("content/statistik/salah.md:9: galat: blok statistik: kolom nilai 'p9' tidak ada"));
}

TEST_CASE("a theme author's misspelled key stops the build, naming the template and the key", "[e2e]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto scorecard = dir / "themes/default/templates/scorecard.mustache";
    auto text = test::read_file(scorecard);
    REQUIRE(text.find("<h1>{{name}}</h1>") != std::string::npos);
    text.replace(text.find("<h1>{{name}}</h1>"), 17, "<h1>{{nama}}</h1>");
    test::write_file(scorecard, text);
    const auto built = test::build_in_memory(dir.path());
    CHECK_FALSE(built->ok);
    CHECK_THAT(test::all_messages(built->diags),
               Contains("templates/scorecard.mustache memakai {{nama}}, yang tidak ada dalam data halaman ini"));
    CHECK(built->disk.lstat("/site").kind == Disk::Kind::missing);  // nothing published
}
