/// Test helpers: temporary directories, file writing, a tiny fixture
/// project (three indicators, three categories) and running the binary.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "cli/build.h"
#include "cli/project.h"
#include "model/types.h"
#include "site/memory_disk.h"
#include "site/plan.h"
#include "site/writer.h"
#include "util/diagnostic.h"

namespace pepgen::test {

/// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }

private:
    std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& text);
/// Replaces the first `from` in the file by `to` (throws when `from` is not there).
void replace_in_file(const std::filesystem::path& path, const std::string& from, const std::string& to);
std::string read_file(const std::filesystem::path& path);

/// Writes a minimal valid project into root: indicators M01 (max 10),
/// P01 (max 20), D01 (max 10); categories Atas 30–40, Tengah 20–29,
/// Bawah 0–19; LSPs lsp-a, lsp-b, lsp-c; rounds 2025-1 and 2025-2 (rutin)
/// and 2025-i1 (insidental). Uses the repository's default theme.
void write_fixture_project(const std::filesystem::path& root);

/// Adds lsp-d ("LSP Uji D", P1, Jambi, licence valid until 2030-01-01) to the
/// fixture's registry: an LSP no round has scored.
void add_unscored_lsp(const std::filesystem::path& root);
/// Moves the fixture's content/indikator/ to bersama/indikator/ and links it back in (a
/// project that keeps shared files elsewhere): returns the folder the files are now in.
std::filesystem::path link_indicator_folder(const std::filesystem::path& root);

/// A statistics column with only its key, title and type set.
pepgen::StatColumn stat_column(const char* key, const char* title, pepgen::ColumnType type);

/// The fixture project's indicators in catalogue order (M01, P01, D01), for
/// loaders that read scores against a catalogue.
std::vector<pepgen::Indicator> fixture_catalogue();

/// Adds a statistics dataset (data/statistik/lsp-uji.json, provinces, whose
/// printed total 100 disagrees with its rows' 60) and a report page
/// (content/statistik/laporan.md) embedding it as a map and as bars.
void write_fixture_stats(const std::filesystem::path& root);

/// The fixture project loaded, validated and computed, with the SiteModel the
/// planners read: for calling one planner in process. Kept on the heap
/// because the model refers into the project.
struct FixtureModel {
    TempDir dir;
    Diagnostics diags;
    Project project;
    std::unique_ptr<const SiteModel> model;  ///< const: the unedited one is shared; copy it to change a field
};
/// write_fixture_project, then `edit` on the project root to change a file,
/// then load_project; throws with the messages when loading fails.
std::unique_ptr<FixtureModel> fixture_model(const std::function<void(const std::filesystem::path&)>& edit);
/// The unedited fixture's model, loaded once per test process and shared:
/// planners only read it.
std::shared_ptr<const FixtureModel> fixture_model();

/// The page a planner put at path (throws when it planned none there).
/// What one planner plans for the model, on its own.
SitePlan plan_with(void (*planner)(const SiteModel&, SitePlan&), const SiteModel& model);
const PlannedPage& planned_page(const SitePlan& plan, const std::string& path);
/// The bytes of the data file a planner put at path (throws when none).
const std::string& planned_file(const SitePlan& plan, const std::string& path);
/// The value at a dotted path in which a number indexes a list
/// ("groups.0.indicators.1.score"); throws naming the path when absent.
const Value& value_at(const Value& v, const std::string& path);
/// The text at that path (throws when it is not a text).
const std::string& text_at(const Value& v, const std::string& path);
/// The flag at that path (throws when it is not a flag).
bool flag_at(const Value& v, const std::string& path);

/// Copies the repository's content/, data/ and themes/ into root.
void copy_example_project(const std::filesystem::path& root);

/// All diagnostics as text, one per line, for REQUIRE_THAT(..., Contains(...)).
std::string all_messages(const Diagnostics& diags);

struct CommandResult {
    int exit_code = -1;
    std::string output;  ///< stdout and stderr together
};

/// Runs a pepgen command line in this process (the same run_cli as the
/// binary's main), for tests where the process itself is not the point.
/// `args` is split like a shell would split q()-quoted paths.
CommandResult run_in_process(const std::string& args);

/// Runs a shell command line; `output` is what it writes to stdout (add 2>&1 for stderr too).
CommandResult run_command(const std::string& command_line);
/// Runs the built pepgen binary with the given argument string.
CommandResult run_pepgen(const std::string& args);
/// A path in double quotes, for the arguments of run_pepgen.
std::string q(const std::filesystem::path& p);

/// A pepgen process running in the background (serve), its output readable.
struct Child {
    int pid = -1;
    int fd = -1;          ///< stdout and stderr together
    std::string output;   ///< everything read so far
};
/// env: "NAME=value" entries added to the child's environment (e.g. TMPDIR).
Child spawn_pepgen(const std::vector<std::string>& args, const std::vector<std::string>& env = {});
/// Reads until the output contains needle or timeout_ms passes; true if found.
bool wait_for_output(Child& child, const std::string& needle, int timeout_ms);
/// Sends sig (SIGTERM unless given) and waits; returns the exit code (-1 if killed by a signal).
int stop_child(Child& child, int sig = 0);
/// Waits until a `pepgen serve` child prints its address; returns its port, or -1.
int wait_for_serve(Child& child, int timeout_ms = 20000);

/// A TCP connection to 127.0.0.1:port, or -1.
int connect_loopback(int port);
/// Sends request to 127.0.0.1:port exactly as written (no normalising of the
/// target) and returns everything read until the server closes or timeout_ms
/// passes; "" when nothing came back.
std::string send_http(int port, const std::string& request, int timeout_ms = 5000);
/// The status code of a raw HTTP response, or -1.
int http_status(const std::string& response);

/// Why text is not well-formed XML 1.0, or empty when it is: every character
/// must match the Char production (no C0 but tab/LF/CR, no U+FFFE/U+FFFF, no
/// broken UTF-8) and Boost.PropertyTree must parse it.
std::string xml_problem(const std::string& text);

/// Every file under dir (relative path -> bytes), for byte-for-byte comparison.
std::string snapshot(const std::filesystem::path& dir);
/// The same without pepgen's manifest, which records where and when each
/// file was left and so differs between two folders of the same site.
std::string published(const std::filesystem::path& dir);

/// A build in this process with its output in memory, as most end-to-end
/// tests want it.
struct MemoryBuild {
    MemoryDisk disk;
    std::filesystem::path site = "/site";
    Diagnostics diags;  ///< the build's
    BuildSummary summary;
    bool ok = false;

    /// The product's own link checker on the built site (check --links).
    Diagnostics link_errors();

    bool has(const std::string& rel);
    std::string read(const std::string& rel);
    /// Names in a folder of the site (e.g. "indikator").
    std::vector<std::string> list(const std::string& rel);
    /// Every published file (path relative to the site, bytes), pepgen's manifest left out.
    std::vector<std::pair<std::string, std::string>> files() const;
};
/// For random edits (the incremental property tests): a number in [0, n).
std::size_t pick(std::mt19937& rng, std::size_t n);
/// Replaces one match of `re` in `file`, chosen by `rng`, with what `to` makes of it; the file must have one.
void edit_random_match(const std::filesystem::path& file, const std::regex& re, std::mt19937& rng,
                       const std::function<std::string(const std::smatch&)>& to);

/// How many random sequences a property test runs: PEPGEN_PROPERTY_SEEDS when set (a longer
/// hunt), otherwise `fallback` (CI's).
unsigned property_seeds(unsigned fallback);
/// The next state of lsp-b's dispute on its 2025-2 sheet in the fixture: none -> open -> rejected,
/// then none again (`then_none`) or open again.
void cycle_dispute(const std::filesystem::path& root, bool then_none);

/// A site's files (path, bytes) in path order, as MemoryBuild::files() lists them.
using SiteFiles = std::vector<std::pair<std::string, std::string>>;
/// Every file of a site folder on disk, pepgen's manifest left out.
SiteFiles published_files(const std::filesystem::path& dir);
/// The files two sites disagree on (in one only, or with other bytes), by path: empty when
/// they are the same, and otherwise what a failed comparison should name.
std::vector<std::string> differing_files(const SiteFiles& a, const SiteFiles& b);
std::vector<std::string> differing_files(const MemoryBuild& a, const MemoryBuild& b);
std::unique_ptr<MemoryBuild> build_in_memory(const std::filesystem::path& root, BuildOptions options = {});
/// Builds again into the same in-memory site, as a second `pepgen build` would
/// (incremental unless options say otherwise); the result replaces the last.
void build_again(MemoryBuild& build, const std::filesystem::path& root, BuildOptions options = {});

/// A file's parts as a producer hands them to the writer: key (empty: made every build) and text
/// (none: the part must be kept from the previous file).
using Parts = std::vector<std::pair<std::string, std::optional<std::string>>>;
/// Writes a file part by part: a keyed part the previous file has is kept, the others are made
/// (their text noted in `made`); a part with no text that cannot be kept throws.
bool write_parts(SiteWriter& w, const std::string& path, Parts parts, std::vector<std::string>* made = nullptr,
                 const std::string& key = {});
/// Parts without keys, made every build.
Parts unkeyed(std::vector<std::string> texts);

/// A disk that hands every operation to a memory disk: a test overrides only what it watches.
class ForwardingDisk : public Disk {
public:
    explicit ForwardingDisk(MemoryDisk& disk) : disk_(disk) {}
    Info lstat(const std::filesystem::path& p) override { return disk_.lstat(p); }
    std::optional<std::string> read(const std::filesystem::path& p, std::string& e) override { return disk_.read(p, e); }
    std::optional<std::string> read_range(const std::filesystem::path& p, std::uint64_t o, std::size_t n,
                                          std::string& e) override {
        return disk_.read_range(p, o, n, e);
    }
    std::unique_ptr<Sink> create(const std::filesystem::path& p) override { return disk_.create(p); }
    std::string make_dirs(const std::filesystem::path& p) override { return disk_.make_dirs(p); }
    std::string rename(const std::filesystem::path& from, const std::filesystem::path& to) override {
        return disk_.rename(from, to);
    }
    std::string exchange(const std::filesystem::path& a, const std::filesystem::path& b) override {
        return disk_.exchange(a, b);
    }
    bool remove_file(const std::filesystem::path& p) override { return disk_.remove_file(p); }
    bool remove_empty_dir(const std::filesystem::path& p) override { return disk_.remove_empty_dir(p); }
    void remove_tree(const std::filesystem::path& p) override { disk_.remove_tree(p); }
    std::vector<std::string> list(const std::filesystem::path& p, std::string& e) override { return disk_.list(p, e); }
    std::optional<std::filesystem::path> resolve(const std::filesystem::path& p) override { return disk_.resolve(p); }
    std::unique_ptr<Lock> lock(const std::filesystem::path& p, LockKind k, bool& busy, std::string& e) override {
        return disk_.lock(p, k, busy, e);
    }

private:
    MemoryDisk& disk_;
};

}  // namespace pepgen::test
