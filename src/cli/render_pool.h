/// The render stage on every core: pages are rendered (and deferred data
/// files made) on worker threads while the planner keeps producing them,
/// each handed to the writer as soon as it is done.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
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
#include "util/memory.h"

namespace pepgen {

/// Renders pages (and makes deferred data files) on worker threads while the
/// planner keeps producing them. The queue is bounded, so at most a few
/// pages' data exist at once.
class RenderPool {
public:
    /// `global_key` (empty: a full build) lets pages whose data is unchanged skip rendering.
    RenderPool(const Theme& theme, SiteWriter& writer, std::size_t threads, Progress& progress, std::string global_key)
        : theme_(theme), writer_(writer), progress_(progress), global_key_(std::move(global_key)) {
        for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { run(); });
    }
    ~RenderPool() { finish(); }

    void submit(PlannedPage&& page) { push(Job{std::move(page)}); }
    void submit(PlannedFile&& file) { push(Job{std::move(file)}); }

    void finish() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            done_ = true;
        }
        ready_.notify_all();
        for (auto& w : workers_)
            if (w.joinable()) w.join();
    }

    /// Sorted, so that a build's messages do not depend on thread timing.
    std::vector<std::string> errors() const { return sorted(errors_); }
    std::size_t rendered() const { return rendered_pages_; }
    std::vector<std::string> file_errors() const { return sorted(file_errors_); }

private:
    static std::vector<std::string> sorted(std::vector<std::string> sorted) {
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        return sorted;
    }

    using Job = std::variant<PlannedPage, PlannedFile>;

    /// A full queue makes the planner wait: only the workers hold a page's data
    /// at a time, which bounds memory, and they already keep every core busy.
    void push(Job&& job) {
        std::unique_lock<std::mutex> lock(mutex_);
        room_.wait(lock, [this] { return queue_.size() < workers_.size(); });
        queue_.push_back(std::move(job));
        ready_.notify_one();
    }

    void execute(Job& job) {
        std::size_t size = 0;
        if (auto* page = std::get_if<PlannedPage>(&job)) size = render(*page);
        else size = make(std::get<PlannedFile>(job));
        // A large page's data and text are gone now: let the next job on this
        // thread reuse that memory rather than add to it.
        if (size >= kLargeOutput) release_free_memory(false);
        progress_.step(++rendered_);
    }

    void run() {
        for (;;) {
            std::optional<Job> job;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                ready_.wait(lock, [this] { return done_ || !queue_.empty(); });
                if (queue_.empty()) return;
                job.emplace(std::move(queue_.front()));
                queue_.pop_front();
            }
            room_.notify_one();
            execute(*job);
        }
    }

    static constexpr std::size_t kLargeOutput = 512 * 1024;

    /// Returns the size of the page written (0 if none).
    std::size_t render(PlannedPage& page) {
        try {
            if (!theme_.has_template(page.template_name)) {
                std::lock_guard<std::mutex> lock(mutex_);
                errors_.push_back("templat " + page.template_name + ".mustache tidak ditemukan di templates/ tema ini; "
                                  "salin dari themes/default/templates/ (tema yang dibuat dari versi lama belum "
                                  "memilikinya)");
                return 0;
            }
            if (page.make_context) page.context = page.make_context();
            const auto ck = content_key(global_key_, page.template_name, page.context);
            if (!ck.empty() && writer_.reuse_content(page.path, page.key, ck)) return 0;
            if (page.with_layout) ++rendered_pages_;
            const auto html = page.with_layout ? theme_.render_page(page.template_name, page.context)
                                               : theme_.render_document(page.template_name, page.context);
            page.context = Value();
            writer_.write(page.path, html, ck.empty() ? page.key : page.key + "|" + ck);
            return html.size();
        } catch (const std::exception& e) {
            std::lock_guard<std::mutex> lock(mutex_);
            errors_.push_back(page.path + ": " + e.what());
        }
        return 0;
    }

    /// Returns the size of the file made (0 if none; a file made in parts counts as large).
    std::size_t make(PlannedFile& file) {
        try {
            if (!file.parts.empty()) {
                writer_.write_parts(file.path, file.parts, file.key);
                return kLargeOutput;
            }
            if (file.make_bytes) file.bytes = file.make_bytes();
            writer_.write(file.path, file.bytes, file.key);
            return file.bytes.size();
        } catch (const std::exception& e) {
            std::lock_guard<std::mutex> lock(mutex_);
            file_errors_.push_back(file.path + ": " + e.what());
        }
        return 0;
    }

    const Theme& theme_;
    SiteWriter& writer_;
    Progress& progress_;
    const std::string global_key_;
    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::deque<Job> queue_;
    bool done_ = false;
    std::atomic<std::size_t> rendered_{0}, rendered_pages_{0};
    std::vector<std::string> errors_, file_errors_;
};

/// Render threads: PEPGEN_THREADS (1 to 256) when set, else one per core.
std::size_t thread_count();

}  // namespace pepgen
