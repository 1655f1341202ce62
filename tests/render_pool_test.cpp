#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
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

TEST_CASE("with two heavy workers the second helps only once planning is over, and never more than two run at once",
          "[render_pool]") {
    PoolSetup t;
    REQUIRE(t.theme);
    REQUIRE(t.writer);
    auto [theme, writer, disk, progress, d] = std::tie(t.theme, t.writer, t.disk, t.progress, t.d);
    std::atomic<int> heavy_now{0}, heavy_most{0}, heavy_done{0};
    std::atomic<bool> planning_over{false};
    std::mutex threads_mutex;
    std::set<std::thread::id> while_planning, after_planning;
    {
        RenderPool pool(*theme, *writer, 3, progress, "", {}, 2);
        for (int i = 0; i < 8; ++i) {
            PlannedFile f{"data/berat-" + std::to_string(i) + ".json", "", "", [&, i] {
                              {
                                  std::lock_guard<std::mutex> lock(threads_mutex);
                                  (planning_over ? after_planning : while_planning).insert(std::this_thread::get_id());
                              }
                              const int now = ++heavy_now;
                              for (int seen = heavy_most.load(); now > seen && !heavy_most.compare_exchange_weak(seen, now);) {}
                              std::this_thread::sleep_for(std::chrono::milliseconds(20));
                              --heavy_now;
                              ++heavy_done;
                              return std::to_string(i);
                          }, {}};
            f.load = Load::heavy;
            pool.submit(std::move(f));
        }
        // The planner goes on for a while, handing out light jobs: only the first worker takes heavy ones meanwhile.
        for (int i = 0; i < 20; ++i) {
            pool.submit(PlannedFile{"data/ringan-" + std::to_string(i) + ".json", "", "", [i] { return std::to_string(i); }, {}});
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        planning_over = true;
        pool.finish();
        CHECK(pool.file_errors().empty());
    }
    CHECK(heavy_done == 8);
    CHECK(while_planning.size() == 1);
    CHECK(heavy_most == 2);  // the rest was shared once nothing else was left
    std::set<std::thread::id> all = while_planning;
    all.insert(after_planning.begin(), after_planning.end());
    CHECK(all.size() == 2);
    REQUIRE(writer->commit("uji", d));
}

TEST_CASE("heavy jobs run two at a time only while each is small", "[render_pool]") {
    CHECK(heavy_workers_for(0) == 2);
    CHECK(heavy_workers_for(2000) == 2);
    CHECK(heavy_workers_for(4000) == 2);
    CHECK(heavy_workers_for(4001) == 1);
    CHECK(heavy_workers_for(10000) == 1);
}

TEST_CASE("a heavy page planned for a changed input key is rendered without hashing its data", "[render_pool]") {
    PoolSetup t;
    REQUIRE(t.theme);
    REQUIRE(t.writer);
    auto [theme, writer, disk, progress, d] = std::tie(t.theme, t.writer, t.disk, t.progress, t.d);
    auto build = [&](std::unique_ptr<SiteWriter>& w, const std::string& suffix) {
        {
            RenderPool pool(*theme, *w, 2, progress, "w");
            PlannedPage heavy{"berat/index.html", "page", {}, "k1" + suffix, [] { return Value().set("text", "b"); }, true};
            heavy.load = Load::heavy;
            pool.submit(std::move(heavy));
            pool.submit(PlannedPage{"ringan/index.html", "page", {}, "k2" + suffix, [] { return Value().set("text", "r"); }, true});
            // A heavy page without an input key is still kept by its content.
            PlannedPage unkeyed{"tanpa/index.html", "page", {}, "", [] { return Value().set("text", "t"); }, true};
            unkeyed.load = Load::heavy;
            pool.submit(std::move(unkeyed));
        }
        REQUIRE(w->commit("uji", d));
        std::string error;
        return parse_manifest(disk.read("/site/" + std::string(kManifestName), error).value_or(""));
    };
    // Into a new folder there is nothing to compare with: no page's data is hashed.
    auto manifest = build(writer, "");
    CHECK(manifest.files.at("berat/index.html").key == "k1");
    CHECK(manifest.files.at("ringan/index.html").key == "k2");
    CHECK(manifest.files.at("tanpa/index.html").key.empty());
    // Built again with new input keys: light and unkeyed pages now record their content keys.
    writer.reset();
    auto again = SiteWriter::begin("/site", d, false, disk);
    REQUIRE(again);
    manifest = build(again, "b");
    REQUIRE(manifest.files.count("berat/index.html") == 1);
    CHECK(manifest.files.at("berat/index.html").key == "k1b");
    CHECK(manifest.files.at("ringan/index.html").key.rfind("k2b|c", 0) == 0);
    CHECK(manifest.files.at("tanpa/index.html").key.rfind("|c", 0) == 0);
}

TEST_CASE("the planner runs ahead of busy workers by a bounded queue, and goes on once they take from it",
          "[render_pool]") {
    PoolSetup t;
    REQUIRE(t.theme);
    REQUIRE(t.writer);
    auto [theme, writer, disk, progress, d] = std::tie(t.theme, t.writer, t.disk, t.progress, t.d);
    constexpr std::size_t workers = 2, capacity = workers * RenderPool::kQueuedPerWorker, total = capacity * 3;
    std::mutex gate;
    std::unique_lock<std::mutex> closed(gate);  // every job waits here until the test opens it
    std::atomic<std::size_t> submitted{0}, made{0};
    std::atomic<bool> planning_done{false};
    {
        RenderPool pool(*theme, *writer, workers, progress, "");
        std::thread planner([&] {
            for (std::size_t i = 0; i < total; ++i) {
                pool.submit(PlannedFile{"data/" + std::to_string(i) + ".json", "", "", [&, i] {
                                            std::lock_guard<std::mutex> wait_for_gate(gate);
                                            ++made;
                                            return std::to_string(i);
                                        }, {}});
                ++submitted;
            }
            planning_done = true;
        });
        // The planner fills the queue, then waits; the workers take a job each and hold it at the gate.
        // The planner is woken only once half the queue is taken, so it may stop at any count from a
        // full queue to a full queue plus a job per worker, depending on when the workers took theirs.
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (submitted < capacity && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        CHECK(submitted >= capacity);            // ahead by the whole queue...
        CHECK(submitted <= workers + capacity);  // ...and no further
        CHECK(made == 0);
        closed.unlock();
        planner.join();
        pool.finish();
        CHECK(pool.file_errors().empty());
    }
    CHECK(planning_done);
    CHECK(made == total);
    REQUIRE(writer->commit("uji", d));
    std::string error;
    CHECK(disk.read("/site/data/" + std::to_string(total - 1) + ".json", error) == std::to_string(total - 1));
}

TEST_CASE("a long list is written whole into a new folder, and in keyed runs once a previous version is there",
          "[render_pool]") {
    PoolSetup t(std::map<std::string, std::string>{{"list", "<ul>\n{{#rows}}<li>{{name}}</li>\n{{/rows}}</ul>"}});
    REQUIRE(t.theme);
    REQUIRE(t.writer);
    auto [theme, writer, disk, progress, d] = std::tie(t.theme, t.writer, t.disk, t.progress, t.d);
    auto rows_of = [](const std::vector<std::string>& names) {
        std::vector<Value> rows;
        for (const auto& n : names) rows.push_back(Value().set("name", n));
        return Value().set("rows", Value::list(std::move(rows)));
    };
    const std::vector<std::string> first = {"a", "b", "c", "d", "e", "f", "g"};
    auto build = [&](std::unique_ptr<SiteWriter>& w, const std::string& key, const std::vector<std::string>& names) {
        {
            RenderPool pool(*theme, *w, 2, progress, "w");
            PlannedPage page{"daftar/index.html", "list", {}, key, [&] { return rows_of(names); }, true};
            page.load = Load::heavy;
            page.list_in_parts = "rows";
            page.rows_per_part = 2;
            pool.submit(std::move(page));
        }
        REQUIRE(w->commit("uji", d));
        std::string error;
        return parse_manifest(disk.read("/site/" + std::string(kManifestName), error).value_or(""));
    };
    auto whole = [&](const std::vector<std::string>& names) { return theme->render_page("list", rows_of(names)); };
    auto page_bytes = [&] {
        std::string error;
        return disk.read("/site/daftar/index.html", error).value_or("");
    };
    // Nothing to keep in a new folder: the page is rendered whole and its rows are not keyed
    // (a national site's lists would spend a tenth of the build's CPU on keys no run uses yet).
    auto manifest = build(writer, "k1", first);
    CHECK(manifest.files.at("daftar/index.html").key == "k1");
    CHECK(page_bytes() == whole(first));
    // Each later build begins a new writer on the folder, as pepgen build does.
    auto build_again = [&](const std::string& key, const std::vector<std::string>& names) {
        writer.reset();
        writer = SiteWriter::begin("/site", d, false, disk);
        REQUIRE(writer);
        return build(writer, key, names);
    };
    // The next build that renders it finds a previous version: its runs are keyed and listed.
    auto second = first;
    second[3] = "D";
    manifest = build_again("k2", second);
    const auto listed = manifest.files.at("daftar/index.html").key;
    CHECK(listed.rfind("k2|", 0) == 0);
    CHECK(listed.size() > 3);
    CHECK(page_bytes() == whole(second));
    // And the one after keeps the runs whose rows did not change: their keys stay, the changed one's moves.
    auto run_keys = [](const std::string& entry_key) {
        std::set<std::string> keys;
        std::stringstream list(entry_key.substr(entry_key.find('|') + 1));
        for (std::string part; std::getline(list, part, ',');)
            if (part.find(':') > 0) keys.insert(part.substr(0, part.find(':')));
        return keys;
    };
    auto third = second;
    third[5] = "F";
    manifest = build_again("k3", third);
    const auto relisted = manifest.files.at("daftar/index.html").key;
    CHECK(relisted.rfind("k3|", 0) == 0);
    std::vector<std::string> stayed, moved;
    const auto before = run_keys(listed);
    for (const auto& k : run_keys(relisted)) (before.count(k) ? stayed : moved).push_back(k);
    CHECK(stayed.size() == 2);  // rows 1-2 and 3-4
    CHECK(moved.size() == 1);   // row 5, now "F"
    CHECK(page_bytes() == whole(third));
}

TEST_CASE("a pool that expects corrections keys a new folder's pages as if a previous version were there",
          "[render_pool]") {
    // serve's first build goes into a new folder and the user's first edit follows: that edit's
    // build must find a long list's runs and a light page's content key already recorded.
    PoolSetup t(std::map<std::string, std::string>{{"list", "<ul>\n{{#rows}}<li>{{name}}</li>\n{{/rows}}</ul>"}});
    REQUIRE(t.theme);
    REQUIRE(t.writer);
    auto [theme, writer, disk, progress, d] = std::tie(t.theme, t.writer, t.disk, t.progress, t.d);
    std::vector<Value> rows;
    for (const auto* n : {"a", "b", "c", "d", "e"}) rows.push_back(Value().set("name", n));
    const auto data = Value().set("rows", Value::list(rows));
    {
        RenderPool pool(*theme, *writer, 2, progress, "w", {}, 1, true);
        PlannedPage list{"daftar/index.html", "list", {}, "k1", [&] { return data; }, true};
        list.load = Load::heavy;
        list.list_in_parts = "rows";
        list.rows_per_part = 2;
        pool.submit(std::move(list));
        PlannedPage light{"satu/index.html", "page", {}, "k2", [] { return Value().set("text", "halo"); }, true};
        pool.submit(std::move(light));
    }
    REQUIRE(writer->commit("uji", d));
    std::string error;
    const auto manifest = parse_manifest(disk.read("/site/" + std::string(kManifestName), error).value_or(""));
    // Its parts listed after the page's key (each "key:length,"; three runs of at most two rows among
    // them); the light page with its content key.
    const auto listed = manifest.files.at("daftar/index.html").key;
    CHECK(listed.rfind("k1|", 0) == 0);
    CHECK(std::count(listed.begin(), listed.end(), ',') >= 3);
    const auto light = manifest.files.at("satu/index.html").key;
    CHECK(light.rfind("k2|", 0) == 0);
    CHECK(light.size() > 3);
    CHECK(disk.read("/site/daftar/index.html", error).value_or("") == theme->render_page("list", data));
}
