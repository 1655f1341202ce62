#include <catch2/catch.hpp>

#include <stdexcept>

#include "cli/render_pool.h"
#include "site/memory_disk.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

TEST_CASE("the render pool renders pages and makes files on its threads, and reports failures in order",
          "[render_pool]") {
    test::TempDir dir;
    test::write_file(dir / "themes/t/templates/layout.mustache", "<html>{{{content}}}</html>");
    test::write_file(dir / "themes/t/templates/page.mustache", "<p>{{text}}</p>");
    test::write_file(dir / "themes/t/templates/doc.mustache", "<doc>{{text}}</doc>");
    Diagnostics d;
    const auto theme = Theme::load(dir.path(), "t", d);
    REQUIRE(theme);
    MemoryDisk disk;
    auto writer = SiteWriter::begin("/site", d, false, disk);
    REQUIRE(writer);
    Progress progress(false, "uji", 0);
    RenderPool pool(*theme, *writer, 3, progress, "");
    for (int i = 0; i < 40; ++i)
        pool.submit(PlannedPage{"p/" + std::to_string(i) + "/index.html", "page",
                                Value().set("text", std::to_string(i)), "", {}, true});
    pool.submit(PlannedPage{"feed.xml", "doc", Value().set("text", "x"), "", {}, false});
    PlannedPage later{"later/index.html", "page", {}, "", [] { return Value().set("text", "lambat"); }, true};
    pool.submit(std::move(later));
    pool.submit(PlannedPage{"z/index.html", "tidak-ada", Value(), "", {}, true});
    pool.submit(PlannedPage{"a/index.html", "page", Value().set("teks", "salah ketik"), "", {}, true});
    pool.submit(PlannedFile{"data/x.json", "{}", "", {}, {}});
    PlannedFile failing{"data/y.json", "", "", [] () -> std::string { throw std::runtime_error("rusak"); }, {}};
    pool.submit(std::move(failing));
    pool.finish();
    CHECK(pool.rendered() == 42);  // 40 pages, the deferred one and the one its template refused; no XML document
    const auto errors = pool.errors();
    REQUIRE(errors.size() == 2);
    CHECK_THAT(errors[0], Contains("a/index.html: templates/page.mustache memakai {{text}}"));  // sorted by page
    CHECK_THAT(errors[1], Contains("templat tidak-ada.mustache tidak ditemukan"));
    REQUIRE(pool.file_errors().size() == 1);
    CHECK_THAT(pool.file_errors()[0], Contains("data/y.json: rusak"));
    writer.reset();  // no commit: nothing is published
    CHECK(disk.lstat("/site/p/7/index.html").kind == Disk::Kind::missing);
}

TEST_CASE("pages rendered by the pool are what the writer publishes", "[render_pool]") {
    test::TempDir dir;
    test::write_file(dir / "themes/t/templates/layout.mustache", "<html>{{{content}}}</html>");
    test::write_file(dir / "themes/t/templates/page.mustache", "<p>{{text}}</p>");
    Diagnostics d;
    const auto theme = Theme::load(dir.path(), "t", d);
    MemoryDisk disk;
    auto writer = SiteWriter::begin("/site", d, false, disk);
    Progress progress(false, "uji", 0);
    {
        RenderPool pool(*theme, *writer, 2, progress, "");
        for (int i = 0; i < 10; ++i)
            pool.submit(PlannedPage{"p" + std::to_string(i) + ".html", "page", Value().set("text", std::to_string(i)),
                                    "", {}, true});
    }
    REQUIRE(writer->commit("uji", d));
    std::string error;
    CHECK(disk.read("/site/p3.html", error) == "<html><p>3</p></html>");
    CHECK(writer->written() == 10);
}
