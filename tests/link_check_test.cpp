#include <catch2/catch.hpp>

#include "site/link_check.h"
#include "site/memory_disk.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("the link checker follows every internal link and fragment, in memory", "[link_check]") {
    MemoryDisk disk;
    disk.add_file("/s/index.html", R"(<a href="lsp/a/index.html">a</a> <a href="lsp/b/index.html">b</a>
<a href="lsp/a/index.html#ik">ik</a> <a href="lsp/a/index.html#tidak-ada">x</a> <a href="https://contoh.example/">luar</a>
<a href="/absolut.html">abs</a> <img src="assets/logo.svg" alt="">)");
    disk.add_file("/s/lsp/a/index.html", R"(<h2 id="ik">IK</h2><a href="../../index.html?q=1#atas">home</a>)");
    Diagnostics d;
    const auto checked = check_site_links("/s", d, disk);
    CHECK(checked == 7);
    const auto text = test::all_messages(d);
    CHECK(d.error_count() == 5);
    CHECK_THAT(text, Contains("index.html: galat: tautan rusak: 'lsp/b/index.html'"));
    CHECK_THAT(text, Contains("'#tidak-ada' tidak ada di lsp/a/index.html"));
    CHECK_THAT(text, Contains("tautan absolut '/absolut.html'"));
    CHECK_THAT(text, Contains("'assets/logo.svg'"));
    CHECK_THAT(text, Contains("lsp/a/index.html: galat: tautan rusak: '#atas' tidak ada di index.html"));
}
