#include <catch2/catch.hpp>

#include "site/memory_disk.h"
#include "site/output_survey.h"
#include "site/writer.h"
#include "test_support.h"

using namespace pepgen;
namespace fs = std::filesystem;

namespace {

void publish(MemoryDisk& disk, const fs::path& out, const std::vector<std::pair<std::string, std::string>>& files,
             const std::string& key) {
    Diagnostics d;
    auto w = SiteWriter::begin(out, d, false, disk);
    REQUIRE(w);
    for (const auto& [path, bytes] : files) w->write(path, bytes, key);
    REQUIRE(w->commit("uji", d));
}

}  // namespace

TEST_CASE("a survey finds which of the previous build's files are still as it left them", "[output_survey]") {
    MemoryDisk disk;
    const fs::path out = "/site";
    publish(disk, out, {{"a.html", "satu"}, {"b.html", "dua"}, {"c.html", "tiga"}}, "k");
    disk.add_file(out / "b.html", "DUA");  // same size, new bytes: its stamp moves
    disk.remove_file(out / "c.html");
    OutputSurvey survey(disk, out);
    auto& found = survey.wait();
    CHECK(found.folder == out);
    CHECK(found.manifest_stamp == disk.lstat(out / kManifestName).stamp);
    REQUIRE(found.manifest.files.size() == 3);
    CHECK(found.as_left == std::vector<bool>{true, false, false});  // a, b, c in the manifest's order
}

TEST_CASE("a folder without a manifest gives a survey that knows nothing", "[output_survey]") {
    MemoryDisk disk;
    disk.add_dir("/site");
    OutputSurvey survey(disk, "/site");
    auto& found = survey.wait();
    CHECK_FALSE(found.manifest_stamp);
    CHECK(found.as_left.empty());
    Diagnostics d;
    auto w = SiteWriter::begin("/site", d, false, disk, nullptr, &survey);
    REQUIRE(w);
    w->write("a.html", "satu", "k");
    CHECK(w->commit("uji", d));
    CHECK(w->written() == 1);
}

TEST_CASE("the writer keeps files by the survey's look, without looking again", "[output_survey]") {
    MemoryDisk disk;
    const fs::path out = "/site";
    publish(disk, out, {{"a.html", "satu"}, {"b.html", "dua"}}, "k");
    OutputSurvey survey(disk, out);
    survey.wait();
    // Removed after the survey (a race the survey is allowed to lose, like any look before a
    // commit): the writer, trusting the look, keeps it; its lstat would have said otherwise.
    disk.remove_file(out / "a.html");
    Diagnostics d;
    auto w = SiteWriter::begin(out, d, false, disk, nullptr, &survey);
    REQUIRE(w);
    CHECK(w->reuse("a.html", "k"));
    CHECK(w->reuse("b.html", "k"));
}

TEST_CASE("a survey of an older manifest is not used: the writer reads the new one and looks again",
          "[output_survey]") {
    MemoryDisk disk;
    const fs::path out = "/site";
    publish(disk, out, {{"p.html", "satu"}}, "k1");
    OutputSurvey survey(disk, out);
    survey.wait();
    publish(disk, out, {{"p.html", "dua!"}}, "k2");  // another build committed since
    Diagnostics d;
    auto w = SiteWriter::begin(out, d, false, disk, nullptr, &survey);
    REQUIRE(w);
    CHECK_FALSE(w->reuse("p.html", "k1"));  // the old manifest would have kept the old page
    CHECK(w->reuse("p.html", "k2"));
}

TEST_CASE("a survey of another folder is not used", "[output_survey]") {
    MemoryDisk disk;
    publish(disk, "/lain", {{"p.html", "satu"}}, "k");
    publish(disk, "/site", {{"p.html", "satu"}}, "k");
    OutputSurvey survey(disk, "/lain");
    survey.wait();
    disk.remove_file("/site/p.html");
    Diagnostics d;
    auto w = SiteWriter::begin("/site", d, false, disk, nullptr, &survey);
    REQUIRE(w);
    CHECK_FALSE(w->reuse("p.html", "k"));  // looked at in /site itself: gone
}

TEST_CASE("a file changed after the survey is copied from, or compared with, only as it is then",
          "[output_survey]") {
    MemoryDisk disk;
    const fs::path out = "/site";
    auto parts = [](const std::string& a, const std::string& b) { return test::Parts{{"k1", a}, {"k2", b}}; };
    {
        Diagnostics d;
        auto w = SiteWriter::begin(out, d, false, disk);
        REQUIRE(test::write_parts(*w, "data/semua.json", parts("{\"a\": 1", "}\n"), nullptr, "kunci"));
        REQUIRE(w->commit("uji", d));
    }
    OutputSurvey survey(disk, out);
    survey.wait();
    disk.add_file(out / "data/semua.json", "{\"a\": 9}\n");  // changed by hand after the look, same size
    Diagnostics d;
    auto w = SiteWriter::begin(out, d, false, disk, nullptr, &survey);
    REQUIRE(w);
    // The parts' keys are unchanged, but the file is not what the manifest says any more: every
    // part is made again rather than copied from the hand-edited bytes.
    REQUIRE(test::write_parts(*w, "data/semua.json", parts("{\"a\": 1", "}\n"), nullptr, "kunci-baru"));
    REQUIRE(w->commit("uji", d));
    std::string error;
    CHECK(disk.read(out / "data/semua.json", error) == std::optional<std::string>("{\"a\": 1}\n"));
}
