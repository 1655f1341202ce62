#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <stdexcept>
#include <thread>

#include "cli/render_pool.h"
#include "site/memory_disk.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;

namespace {

/// A theme with a layout and a page template (and `extra` ones), and a writer into memory.
struct PoolSetup {
    explicit PoolSetup(const std::map<std::string, std::string>& extra = {}) {
        test::write_file(dir / "themes/t/templates/layout.mustache", "<html>{{{content}}}</html>");
        test::write_file(dir / "themes/t/templates/page.mustache", "<p>{{text}}</p>");
        for (const auto& [name, text] : extra) test::write_file(dir / ("themes/t/templates/" + name + ".mustache"), text);
        theme = Theme::load(dir.path(), "t", d);
        writer = SiteWriter::begin("/site", d, false, disk);
    }
    test::TempDir dir;
    Diagnostics d;
    std::unique_ptr<Theme> theme;
    MemoryDisk disk;
    std::unique_ptr<SiteWriter> writer;
    Progress progress{false, "uji", 0};
};

}  // namespace

TEST_CASE("the render pool renders pages and makes files on its threads, and reports failures in order",
          "[render_pool]") {
    PoolSetup t(std::map<std::string, std::string>{{"doc", "<doc>{{text}}</doc>"}});
    REQUIRE(t.theme);
    REQUIRE(t.writer);
    auto [theme, writer, disk, progress] = std::tie(t.theme, t.writer, t.disk, t.progress);
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
    PoolSetup t;
    REQUIRE(t.theme);
    REQUIRE(t.writer);
    auto [theme, writer, disk, progress, d] = std::tie(t.theme, t.writer, t.disk, t.progress, t.d);
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

TEST_CASE("heavy jobs run one at a time on one thread, while the other threads go on with light ones",
          "[render_pool]") {
    PoolSetup t;
    REQUIRE(t.theme);
    REQUIRE(t.writer);
    auto [theme, writer, disk, progress, d] = std::tie(t.theme, t.writer, t.disk, t.progress, t.d);
    std::atomic<int> heavy_now{0}, heavy_most{0}, light_during_heavy{0}, heavy_done{0};
    std::mutex threads_mutex;
    std::set<std::thread::id> heavy_threads;
    {
        RenderPool pool(*theme, *writer, 3, progress, "");
        auto heavy = [&](int i) {
            {
                std::lock_guard<std::mutex> lock(threads_mutex);
                heavy_threads.insert(std::this_thread::get_id());
            }
            const int now = ++heavy_now;
            for (int seen = heavy_most.load(); now > seen && !heavy_most.compare_exchange_weak(seen, now);) {}
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            --heavy_now;
            ++heavy_done;
            return "berat " + std::to_string(i);
        };
        for (int i = 0; i < 6; ++i) {
            PlannedFile f{"data/berat-" + std::to_string(i) + ".json", "", "", [&heavy, i] { return heavy(i); }, {}};
            f.load = Load::heavy;
            pool.submit(std::move(f));
            PlannedPage p{"berat/" + std::to_string(i) + "/index.html", "page", {}, "", [&heavy, i] {
                              return Value().set("text", heavy(i));
                          }, true};
            p.load = Load::heavy;
            pool.submit(std::move(p));
        }
        for (int i = 0; i < 60; ++i)
            pool.submit(PlannedFile{"data/ringan-" + std::to_string(i) + ".json", "", "", [&, i] {
                                        std::this_thread::sleep_for(std::chrono::milliseconds(2));
                                        if (heavy_now > 0) ++light_during_heavy;
                                        return std::to_string(i);
                                    }, {}});
        pool.finish();
        CHECK(pool.file_errors().empty());
        CHECK(pool.errors().empty());
    }
    CHECK(heavy_done == 12);
    CHECK(heavy_most == 1);
    CHECK(heavy_threads.size() == 1);  // the same thread reuses the memory the last heavy job freed
    CHECK(light_during_heavy > 0);  // the heavy queue did not hold the light jobs back
    REQUIRE(writer->commit("uji", d));
    std::string error;
    CHECK(disk.read("/site/data/berat-5.json", error) == "berat 5");
    CHECK(disk.read("/site/berat/5/index.html", error) == "<html><p>berat 5</p></html>");
    CHECK(disk.read("/site/data/ringan-59.json", error) == "59");
}
