/// The render stage on every core: pages are rendered (and deferred data
/// files made) on worker threads while the planner keeps producing them,
/// each handed to the writer as soon as it is done.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "cli/progress.h"
#include "render/theme.h"
#include "site/plan.h"
#include "site/writer.h"

namespace pepgen {

/// Renders pages (and makes deferred data files) on worker threads while the
/// planner keeps producing them. The queue is bounded, so at most a few
/// pages' data exist at once; heavy jobs (Load::heavy, made lazily) wait in a
/// queue of their own and run only on the first `heavy_workers` workers (one
/// unless the build says so), the other threads taking light ones.
class RenderPool {
public:
    /// `render_key` (InputKeys::render; empty: a full build) and the templates' keys (template_keys())
    /// let pages whose data and templates are unchanged skip rendering. `key_new_pages`: record the
    /// keys a later build compares (content keys, a long list's runs) for pages the output folder
    /// does not have yet too (BuildOptions::expect_corrections).
    RenderPool(const Theme& theme, SiteWriter& writer, std::size_t threads, Progress& progress, std::string render_key,
               std::map<std::string, std::string> template_keys = {}, std::size_t heavy_workers = 1,
               bool key_new_pages = false);
    ~RenderPool() { finish(); }
    RenderPool(const RenderPool&) = delete;
    RenderPool& operator=(const RenderPool&) = delete;

    void submit(PlannedPage&& page) { push(Job{std::move(page)}); }
    void submit(PlannedFile&& file) { push(Job{std::move(file)}); }
    /// Waits for every job submitted so far; the pool takes no more after.
    void finish();

    /// Sorted, so that a build's messages do not depend on thread timing.
    std::vector<std::string> errors() const { return sorted(errors_); }
    /// Pages put through the templates (the others' data had not changed).
    std::size_t rendered() const { return rendered_pages_; }
    std::vector<std::string> file_errors() const { return sorted(file_errors_); }

    /// Light jobs that may wait per worker before the planner waits. Most hold only what makes
    /// their data (a closure), so a queue this deep costs little memory, and the planner and the
    /// workers do not wake each other for every page (two thread switches a page otherwise).
    static constexpr std::size_t kQueuedPerWorker = 16;

private:
    using Job = std::variant<PlannedPage, PlannedFile>;
    static constexpr std::size_t kLargeOutput = 512 * 1024;

    static std::vector<std::string> sorted(std::vector<std::string> sorted);
    void push(Job&& job);
    static bool heavy(const Job& job);
    std::size_t capacity() const { return workers_.size() * kQueuedPerWorker; }
    /// Which jobs a worker takes: light ones only; heavy ones first; or heavy ones once planning
    /// is over and no light one waits.
    enum class Takes { light, heavy_first, heavy_last };
    /// With the lock held: the next job the worker may take now, if any.
    std::optional<Job> take(Takes takes);
    void run(Takes takes);
    void execute(Job& job);
    std::size_t render(PlannedPage& page);
    std::size_t make(PlannedFile& file);
    /// Writes a file made in parts (kept parts copied from the previous file); the bytes made.
    std::size_t write_made_parts(const std::string& path, std::vector<MadePart>& parts, const std::string& key);

    /// Whether a later build will compare this page's keys: it had a previous version, or the build expects corrections.
    bool keyed_later(const std::string& path) const { return key_new_pages_ || writer_.had(path); }

    const Theme& theme_;
    SiteWriter& writer_;
    Progress& progress_;
    std::string template_key(const std::string& name) const;
    /// What every page's bytes depend on besides its data: the site's inputs and its templates.
    std::string rendered_by(const PlannedPage& page) const;

    const std::string render_key_;
    const bool key_new_pages_;
    const std::map<std::string, std::string> template_keys_;
    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::deque<Job> queue_, heavy_queue_;
    bool done_ = false;
    bool planner_waiting_ = false;
    std::atomic<std::size_t> rendered_{0}, rendered_pages_{0};
    std::vector<std::string> errors_, file_errors_;
};

/// Render threads: PEPGEN_THREADS (1 to 256) when set, else one per core.
std::size_t thread_count();

/// How many heavy jobs may run side by side, given the most rows one holds (the largest
/// round, or the registry for the LSP list): two while each is a few tens of megabytes
/// (about 7.5 KB a row), so a rebuild is not left waiting on one thread; one at national scale.
std::size_t heavy_workers_for(std::size_t most_rows);

}  // namespace pepgen
