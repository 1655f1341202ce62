// The preview's request path handling: hostile request targets never name
// anything outside the built site, and symlinks inside it are not followed.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "cli/serve_path.h"
#include "test_support.h"

using namespace pepgen;
namespace fs = std::filesystem;

TEST_CASE("request targets resolve to files inside the site", "[serve_path]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"/", "index.html"},
        {"/index.html", "index.html"},
        {"/lsp/lsp-a/", "lsp/lsp-a/index.html"},
        {"/lsp/lsp-a", "lsp/lsp-a"},
        {"/cari/index.html?q=lsp+a&x=/../..", "cari/index.html"},
        {"/lsp/lsp-a/#skor", "lsp/lsp-a/index.html"},
        {"/%61ssets/styl%65.css", "assets/style.css"},
        {"/%252e%252e/x", "%2e%2e/x"},  // decoded once: a file really called "%2e%2e"
        {"/a%20b/c+d", "a b/c+d"},
        {"/a..b/c.", "a..b/c."},
        {"/halaman-%C3%A9.html", "halaman-\xC3\xA9.html"},
    };
    for (const auto& [target, rel] : cases) {
        INFO(target);
        const auto got = resolve_request_target(target);
        REQUIRE(got);
        CHECK(*got == rel);
    }
}

TEST_CASE("hostile request targets are refused whatever their encoding", "[serve_path]") {
    const std::vector<std::string> hostile = {
        "",
        "*",
        "index.html",
        "http://127.0.0.1:8080/index.html",
        "//etc/passwd",
        "///etc/passwd",
        "/%2fetc/passwd",
        "/%2Fetc/passwd",
        "/a//b",
        "/a%2f%2fb",
        "/..",
        "/../etc/passwd",
        "/a/../../etc/passwd",
        "/%2e%2e/etc/passwd",
        "/%2E%2E/etc/passwd",
        "/.%2e/etc/passwd",
        "/..%2fetc/passwd",
        "/a/..%2f..%2fetc",
        "/./index.html",
        "/%2e/index.html",
        "/a/.",
        "/a/..",
        "/a/./",
        "/.pepgen-manifest",
        "/.git/config",
        "/a/.hidden",
        "/..\\..\\etc\\passwd",
        "/..%5c..%5cetc%5cpasswd",
        "/a%5Cb",
        "/index.html%00.css",
        std::string("/index.html\0.css", 16),
        "/a%0d%0aSet-Cookie:x",
        "/a%09b",
        "/a%7fb",
        "/%",
        "/%2",
        "/%zz",
        "/%g0",
        "/a%2",
        "/%%32%65",
    };
    for (const auto& target : hostile) {
        INFO(target);
        CHECK_FALSE(resolve_request_target(target));
    }
}

TEST_CASE("site files are read without following any symlink", "[serve_path]") {
    test::TempDir dir;
    const auto site = dir / "site";
    test::write_file(site / "index.html", "beranda");
    test::write_file(site / "lsp/lsp-a/index.html", "kartu");
    test::write_file(site / "assets/style.css", "body{}");
    test::write_file(dir / "rahasia.txt", "RAHASIA");
    fs::create_symlink(dir / "rahasia.txt", site / "tautan.txt");
    fs::create_symlink("index.html", site / "dalam.html");  // even one that stays inside
    fs::create_directory_symlink(dir.path(), site / "luar");
    fs::create_directory_symlink(site / "lsp/lsp-a", site / "lsp/alias");
    fs::create_directories(site / "kosong");
    REQUIRE(::mkfifo((site / "pipa.html").c_str(), 0600) == 0);

    auto read = [&](const std::string& rel) { return read_site_file(site, rel); };
    REQUIRE(read("index.html"));
    CHECK(read("index.html")->bytes == "beranda");
    CHECK(read("assets/style.css")->name == "style.css");
    // A folder yields its index.html.
    REQUIRE(read("lsp/lsp-a"));
    CHECK(read("lsp/lsp-a")->name == "index.html");
    CHECK(read("lsp/lsp-a")->bytes == "kartu");
    CHECK(read("lsp/lsp-a/index.html")->bytes == "kartu");
    for (const std::string rel : {"tautan.txt", "dalam.html", "luar/rahasia.txt", "luar", "lsp/alias/index.html",
                                  "lsp/alias", "kosong", "pipa.html", "tidak-ada.html", "index.html/x"}) {
        INFO(rel);
        CHECK_FALSE(read(rel));
    }
    // The site folder itself must not be a symlink either.
    fs::create_directory_symlink(site, dir / "situs-tautan");
    CHECK_FALSE(read_site_file(dir / "situs-tautan", "index.html"));
}
