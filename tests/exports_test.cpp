// The open-data and discovery outputs of a built fixture: CSV, JSON, feed,
// sitemap, search index, base-URL handling, data dictionary coverage. Sites are
// built in this process into memory (test::build_in_memory); only the checks of
// the command line itself (an argument refused with exit code 2) run the binary.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include <boost/json.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "test_support.h"
#include "util/text.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;
namespace json = boost::json;
namespace pt = boost::property_tree;

namespace {

using test::q;

/// Builds the project in dir, in memory, and requires the build to succeed.
std::unique_ptr<test::MemoryBuild> build_ok(const test::TempDir& dir, BuildOptions options = {}) {
    auto built = test::build_in_memory(dir.path(), std::move(options));
    INFO(test::all_messages(built->diags));
    REQUIRE(built->ok);
    return built;
}

/// Builds the fixture (with a hostile LSP name).
std::unique_ptr<test::MemoryBuild> build_fixture(const test::TempDir& dir, BuildOptions options = {}) {
    test::write_fixture_project(dir.path());
    auto registry = test::read_file(dir / "data/lsp.json");
    registry.replace(registry.find("\"LSP Uji C\""), 11, "\"=HYPERLINK(\\\"http://jahat.example\\\";\\\"klik\\\")\"");
    test::write_file(dir / "data/lsp.json", registry);
    return build_ok(dir, std::move(options));
}

/// The fixture with a hostile LSP name, built once for the tests that only read it.
test::MemoryBuild& shared_fixture() {
    static test::TempDir dir;
    static const auto built = build_fixture(dir);
    return *built;
}

pt::ptree parse_xml(const std::string& text) {
    pt::ptree tree;
    std::istringstream in(text);
    pt::read_xml(in, tree);  // throws on malformed XML
    return tree;
}

}  // namespace

TEST_CASE("round CSV opens in an Indonesian spreadsheet and neutralises formulas", "[exports]") {
    auto* const built = &shared_fixture();
    const auto csv = built->read("data/hasil-2025-2.csv");
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK_THAT(csv, Contains("lsp;nama;jenis;provinsi;lengkap;ik;kategori;peringkat;perubahan_ik;dibanding_periode;perubahan_kategori;M01;P01;D01;ralat;ralat_alasan;sanggahan\r\n"));
    CHECK_THAT(csv, Contains("lsp-a;LSP Uji A;P1;Bali;ya;36;Atas;1;6;2025-1;tetap;9;18;9;;;\r\n"));
    CHECK_THAT(csv, Contains("lsp-c;\"'=HYPERLINK(\"\"http://jahat.example\"\";\"\"klik\"\")\";P3;Papua;tidak;;;;;;;3;;4;;;\r\n"));
    std::istringstream lines(csv);
    std::string line;
    int rows = 0;
    while (std::getline(lines, line)) ++rows;
    CHECK(rows == 4);
}

TEST_CASE("per-LSP history and whole-dataset JSON", "[exports]") {
    auto* const built = &shared_fixture();
    const auto b = json::parse(built->read("data/lsp/lsp-b.json"));
    CHECK(b.at("lsp").at("id") == "lsp-b");
    const auto& hist = b.at("riwayat").as_array();
    REQUIRE(hist.size() == 3);
    CHECK(hist[0].at("periode") == "2025-1");
    CHECK(hist[1].at("periode") == "2025-i1");
    CHECK(hist[1].at("jenis") == "insidental");
    CHECK(hist[1].at("ik") == 6);
    CHECK(hist[1].at("catatan") == "Pengaduan.");
    CHECK(hist[2].at("ik") == 24);
    CHECK(hist[2].at("perubahan_ik") == 4);
    CHECK(hist[2].at("perubahan_kategori") == "tetap");
    const auto all = json::parse(built->read("data/semua.json"));
    CHECK(all.at("indikator").as_array().size() == 3);
    CHECK(all.at("lsp").as_array().size() == 3);
    CHECK(all.at("penilaian").as_array().size() == 3);
    CHECK(all.at("penilaian").at(2).at("hasil").at(0).at("ik") == 36);
    CHECK(all.at("penilaian").at(0).at("tim").at(0).at("instansi") == "BNSP");
}

TEST_CASE("feed and sitemap parse; without a base URL their addresses are relative", "[exports]") {
    auto* const built = &shared_fixture();
    const auto feed = parse_xml(built->read("feed.xml"));
    int entries = 0;
    std::vector<std::string> hrefs;
    for (const auto& [name, node] : feed.get_child("feed"))
        if (name == "entry") {
            ++entries;
            hrefs.push_back(node.get<std::string>("link.<xmlattr>.href"));
        }
    CHECK(entries == 3);
    CHECK(hrefs.front() == "penilaian/2025-2/index.html");  // newest first
    CHECK(feed.get<std::string>("feed.updated") == "2025-11-01T00:00:00Z");
    const auto sitemap = parse_xml(built->read("sitemap.xml"));
    std::set<std::string> locs;
    for (const auto& [name, node] : sitemap.get_child("urlset"))
        if (name == "url") locs.insert(node.get<std::string>("loc"));
    CHECK(locs.count("lsp/lsp-a/") == 1);
    CHECK(locs.count("") == 1);  // the home page
    CHECK(locs.count("404.html") == 0);
    int html_pages = 0;
    for (const auto& [path, bytes] : built->files())
        if (fs::path(path).extension() == ".html" && fs::path(path).filename() != "404.html" &&
            path.find("/cetak/") == std::string::npos)
            ++html_pages;
    CHECK(static_cast<int>(locs.size()) == html_pages);
    CHECK_FALSE(Catch::contains(built->read("lsp/lsp-a/index.html"), "rel=\"canonical\""));
}

TEST_CASE("with --base-url, canonical links, sitemap and feed are absolute; internal links stay relative", "[exports]") {
    test::TempDir dir;
    // As the command line gives it: normalised (a final slash added) before the build sees it.
    BuildOptions options;
    std::string error;
    options.base_url = normalize_base_url("https://kinerja.contoh.example/pep", error);
    REQUIRE(options.base_url);
    const auto built = build_fixture(dir, options);
    const auto page = built->read("lsp/lsp-a/index.html");
    CHECK_THAT(page, Contains("<link rel=\"canonical\" href=\"https://kinerja.contoh.example/pep/lsp/lsp-a/\">"));
    CHECK_THAT(page, Contains("href=\"../../assets/style.css\""));
    const auto sitemap = parse_xml(built->read("sitemap.xml"));
    for (const auto& [name, node] : sitemap.get_child("urlset"))
        if (name == "url") CHECK(node.get<std::string>("loc").rfind("https://kinerja.contoh.example/pep/", 0) == 0);
    const auto feed = parse_xml(built->read("feed.xml"));
    CHECK(feed.get<std::string>("feed.id") == "https://kinerja.contoh.example/pep/");
    CHECK(feed.get_child("feed").get_child("entry").get<std::string>("id") == "https://kinerja.contoh.example/pep/penilaian/2025-2/");
    CHECK_THAT(built->read("robots.txt"), Contains("Sitemap: https://kinerja.contoh.example/pep/sitemap.xml"));
    // The 404 page is served at any address, so its links are absolute.
    const auto missing = built->read("404.html");
    CHECK_THAT(missing, Contains("href=\"https://kinerja.contoh.example/pep/assets/style.css\""));
    CHECK_FALSE(Catch::contains(missing, "rel=\"canonical\""));
    // A real process: the command line refuses the argument itself, with exit code 2 (a usage error).
    const auto bad = test::run_pepgen("build --root " + q(dir.path()) + " --base-url 'javascript:alert(1)'");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.output, Contains("harus diawali https:// atau http://"));
}

TEST_CASE("the search index covers LSPs, indicators, guidance and rounds", "[exports]") {
    auto* const built = &shared_fixture();
    auto js = built->read("cari/indeks.js");
    const std::string prefix = "window.PEPGEN_CARI = ";
    REQUIRE(js.rfind(prefix, 0) == 0);
    const auto items = json::parse(js.substr(prefix.size())).as_array();
    std::set<std::string> urls;
    for (const auto& it : items) urls.insert(std::string(it.at("u").as_string()));
    for (const char* u : {"lsp/lsp-a/index.html", "lsp/lsp-b/index.html", "lsp/lsp-c/index.html", "indikator/m01/index.html",
                          "panduan/dasar/index.html", "panduan/indeks/index.html", "penilaian/2025-i1/index.html"})
        CHECK(urls.count(u) == 1);
    for (const auto& u : urls) CHECK(built->has(u));
    CHECK(js.find('<') == std::string::npos);  // the hostile name is escaped
    CHECK_THAT(built->read("cari/index.html"), Contains("data-search-results"));
}

TEST_CASE("every exported field is explained in the data dictionary", "[exports]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    fs::copy_file(fs::path(PEPGEN_SOURCE_DIR) / "content/kamus-data.md", dir / "content/kamus-data.md");
    const auto built = build_ok(dir);
    const auto page = built->read("unduh/index.html");
    std::set<std::string> fields;
    auto csv = built->read("data/hasil-2025-1.csv").substr(3);
    std::istringstream header(csv.substr(0, csv.find('\r')));
    for (std::string f; std::getline(header, f, ';');)
        if (f.size() != 3) fields.insert(f);  // indicator codes are covered as M01 … D03
    std::function<void(const json::value&)> keys = [&](const json::value& v) {
        if (v.is_object())
            for (const auto& [k, val] : v.get_object()) {
                const std::string key(k);
                if (!std::regex_match(key, std::regex("[A-Z][0-9]{2}"))) fields.insert(key);
                keys(val);
            }
        else if (v.is_array())
            for (const auto& x : v.get_array()) keys(x);
    };
    keys(json::parse(built->read("data/indeks-2025-1.json")));
    keys(json::parse(built->read("data/lsp/lsp-a.json")));
    keys(json::parse(built->read("data/semua.json")));
    for (const auto& f : fields) {
        INFO(f);
        CHECK_THAT(page, Contains("<code>" + f + "</code>"));
    }
    CHECK_THAT(page, Contains("href=\"../data/hasil-2025-2.csv\""));
    CHECK_THAT(page, Contains("href=\"../data/lsp/lsp-a.json\""));
    CHECK_THAT(page, Contains("href=\"../data/semua.json\""));
}

TEST_CASE("scorecards show the round's averages, and a round prints every scorecard", "[exports]") {
    auto* const built = &shared_fixture();
    const auto a = built->read("lsp/lsp-a/index.html");
    // 2025-2 averages: M01 over (9, 6, 3) = 6,0; masukan over complete sheets (9, 6) = 7,5 of 10.
    CHECK_THAT(a, Contains("<td class=\"num\">9</td><td class=\"num\">10</td><td class=\"num\">90,0%</td><td class=\"num\">6,0</td>"));
    CHECK_THAT(a, Contains("<td class=\"num\">7,5 <span class=\"muted\">(75,0%)</span></td>"));
    CHECK_THAT(a, Contains("href=\"../../data/lsp/lsp-a.json\""));
    const auto print = built->read("penilaian/2025-2/cetak/index.html");
    std::size_t cards = 0;
    for (auto pos = print.find("<article class=\"print-card\""); pos != std::string::npos;
         pos = print.find("<article class=\"print-card\"", pos + 1))
        ++cards;
    CHECK(cards == 3);
    CHECK_THAT(print, Contains("id=\"kartu-lsp-a\""));
    CHECK_THAT(print, Contains("id=\"kartu-lsp-c\""));
    CHECK_THAT(print, Contains("M01&nbsp;3/10*"));  // lsp-c's M01 is below half
    CHECK_THAT(print, Contains("Belum dinilai: <strong>P01</strong>"));
    CHECK_THAT(built->read("penilaian/2025-2/index.html"), Contains("href=\"../../penilaian/2025-2/cetak/index.html\""));
}

TEST_CASE("a statistics dataset is published re-serialised, with < > & escaped", "[exports][json]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::write_fixture_stats(dir.path());
    auto source = test::read_file(dir / "data/statistik/lsp-uji.json");
    source.replace(source.find("\"LSP per Provinsi (uji)\""), 24, "\"LSP <script>alert(1)</script> & uji\"");
    test::write_file(dir / "data/statistik/lsp-uji.json", source);
    const auto built = build_ok(dir);
    const auto published = built->read("data/statistik/lsp-uji.json");
    CHECK_THAT(published, Contains("\"LSP \\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 uji\""));
    CHECK(published.find('<') == std::string::npos);
    CHECK(published.find('&') == std::string::npos);
    CHECK(json::parse(published) == json::parse(source));
}

TEST_CASE("feed and sitemap stay well-formed XML for any title the build accepts", "[exports][xml]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    auto round = test::read_file(dir / "data/penilaian/2025-2.json");
    round.replace(round.find("\"tanggal\""), 0, "\"judul\": \"Putaran <b>&amp; \\\"uji\\\" \\u00a0 \\ud83d\\ude00\", ");
    test::write_file(dir / "data/penilaian/2025-2.json", round);
    test::write_file(dir / "pepgen.yaml", "judul: \"Situs <&> \\u2028\"\npenerbit: \"Tim ' \\t\"\n");
    const auto built = build_ok(dir);
    CHECK(test::xml_problem(built->read("feed.xml")).empty());
    CHECK(test::xml_problem(built->read("sitemap.xml")).empty());
    CHECK_THAT(built->read("feed.xml"), Contains("<title>Putaran &lt;b&gt;&amp;amp; &quot;uji&quot;"));
}

TEST_CASE("a title with a noncharacter or control character is refused at its file and line", "[exports][xml]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    auto round = test::read_file(dir / "data/penilaian/2025-2.json");
    round.replace(round.find("\"tanggal\""), 0, "\"judul\": \"Putaran \\uFFFE \\u0085\", ");
    test::write_file(dir / "data/penilaian/2025-2.json", round);
    auto round1 = test::read_file(dir / "data/penilaian/2025-1.json");
    round1.replace(round1.find("\"tanggal\""), 0, "\"judul\": \"Putaran \xEF\xBF\xBF \xC2\x9B\", ");
    test::write_file(dir / "data/penilaian/2025-1.json", round1);
    auto indicator = test::read_file(dir / "content/indikator/M01.md");
    indicator.replace(indicator.find("judul: \"Visi\""), 13, "judul: \"Visi \\uFFFE \\x07\"");
    test::write_file(dir / "content/indikator/M01.md", indicator);
    const auto built = test::build_in_memory(dir.path());
    const auto messages = test::all_messages(built->diags);
    CHECK_FALSE(built->ok);
    CHECK_THAT(messages, Contains("data/penilaian/2025-2.json:1: galat: kolom 'judul' memuat non-karakter Unicode U+FFFE"));
    CHECK_THAT(messages, Contains("data/penilaian/2025-1.json:1: galat: karakter non-karakter Unicode U+FFFF di kolom 59"));
    CHECK_THAT(messages, Contains("content/indikator/M01.md:4: galat: YAML front matter: nilai memuat karakter U+FFFE"));
    CHECK_FALSE(built->has("feed.xml"));
    CHECK(built->disk.lstat(built->site).kind == Disk::Kind::missing);  // nothing published at all
}

TEST_CASE("the feed and the sitemap are the theme's templates; a theme without them is told where to find them",
          "[exports]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto feed_template = dir / "themes/default/templates/feed.mustache";
    auto text = test::read_file(feed_template);
    const std::string subtitle = "Setiap putaran PEP Bersama yang diterbitkan, dan setiap ralat atas angkanya.";
    REQUIRE(text.find(subtitle) != std::string::npos);
    text.replace(text.find(subtitle), subtitle.size(), "Umpan putaran dari tema sendiri.");
    test::write_file(feed_template, text);
    const auto built = build_ok(dir);
    const auto feed = parse_xml(built->read("feed.xml"));
    CHECK(feed.get<std::string>("feed.subtitle") == "Umpan putaran dari tema sendiri.");
    CHECK(built->read("feed.xml").find("LSP dinilai; Atas ") != std::string::npos);

    fs::remove(dir / "themes/default/templates/sitemap.mustache");
    const auto without = test::build_in_memory(dir.path());
    CHECK_FALSE(without->ok);
    CHECK_THAT(test::all_messages(without->diags),
               Contains("templat sitemap.mustache tidak ditemukan") && Contains("themes/default/templates/"));
}
