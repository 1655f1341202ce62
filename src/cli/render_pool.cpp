#include "cli/render_pool.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "site/incremental_keys.h"
#include "util/fingerprint.h"
#include "util/memory.h"

namespace pepgen {

RenderPool::RenderPool(const Theme& theme, SiteWriter& writer, std::size_t threads, Progress& progress,
                       std::string render_key, std::map<std::string, std::string> template_keys,
                       std::size_t heavy_workers, bool key_new_pages)
    : theme_(theme),
      writer_(writer),
      progress_(progress),
      render_key_(std::move(render_key)),
      key_new_pages_(key_new_pages),
      template_keys_(std::move(template_keys)) {
    // Heavy jobs go to the first worker(s) only: at most that many at a time, and each reuses the
    // memory the last one on its thread freed (the allocator keeps freed memory with the thread that freed it).
    heavy_workers = std::max<std::size_t>(1, heavy_workers);
    for (std::size_t i = 0; i < threads; ++i) {
        const auto takes = i == 0 ? Takes::heavy_first : i < heavy_workers ? Takes::heavy_last : Takes::light;
        workers_.emplace_back([this, takes] { run(takes); });
    }
}

std::string RenderPool::template_key(const std::string& name) const {
    auto it = template_keys_.find(name);
    return it == template_keys_.end() ? std::string("?") : it->second;
}

std::string RenderPool::rendered_by(const PlannedPage& page) const {
    return render_key_ + "|" + template_key(page.template_name) + (page.with_layout ? "|" + template_key("layout") : "");
}

void RenderPool::finish() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        done_ = true;
    }
    ready_.notify_all();
    for (auto& w : workers_)
        if (w.joinable()) w.join();
}

std::vector<std::string> RenderPool::sorted(std::vector<std::string> sorted) {
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    return sorted;
}

/// A full queue makes the planner wait: only the workers hold a page's data
/// at a time, which bounds memory, and they already keep every core busy.
void RenderPool::push(Job&& job) {
    std::unique_lock<std::mutex> lock(mutex_);
    // A heavy job holds no data until it runs: waiting for it must not stop the planner.
    if (heavy(job)) {
        heavy_queue_.push_back(std::move(job));
        ready_.notify_all();  // only the first worker(s) take it: waking any one might not wake one of those
        return;
    }
    while (queue_.size() >= capacity()) {
        planner_waiting_ = true;
        room_.wait(lock);
    }
    queue_.push_back(std::move(job));
    ready_.notify_one();
}

bool RenderPool::heavy(const Job& job) {
    if (const auto* page = std::get_if<PlannedPage>(&job)) return page->load == Load::heavy && page->make_context;
    const auto& file = std::get<PlannedFile>(job);
    return file.load == Load::heavy && (file.make_bytes || file.stream);
}

std::optional<RenderPool::Job> RenderPool::take(Takes takes) {
    std::optional<Job> job;
    auto from = [&](std::deque<Job>& queue) {
        if (job || queue.empty()) return;
        job.emplace(std::move(queue.front()));
        queue.pop_front();
    };
    // The first worker takes heavy jobs first, so they do not pile up at the end and run on one
    // thread alone. Another that may take them does so only once planning is over: until then it
    // keeps the light queue moving, which the planner waits on when it is full.
    if (takes == Takes::heavy_first) from(heavy_queue_);
    from(queue_);
    if (takes == Takes::heavy_last && done_) from(heavy_queue_);
    return job;
}

void RenderPool::execute(Job& job) {
    std::size_t size = 0;
    if (auto* page = std::get_if<PlannedPage>(&job)) size = render(*page);
    else size = make(std::get<PlannedFile>(job));
    // A large page's data and text are gone now: let the next job on this
    // thread reuse that memory rather than add to it.
    if (size >= kLargeOutput) release_free_memory(false);
    progress_.step(++rendered_);
}

void RenderPool::run(Takes takes) {
    for (;;) {
        std::optional<Job> job;
        bool wake_planner = false;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            ready_.wait(lock, [&] {
                job = take(takes);
                // A worker that takes no heavy jobs is done when no light one is left.
                return job || (done_ && queue_.empty() && (takes == Takes::light || heavy_queue_.empty()));
            });
            if (!job) return;
            // The planner is woken once the queue is half empty, not for each job taken: one wake
            // per handful of jobs instead of two thread switches per page.
            wake_planner = planner_waiting_ && queue_.size() <= capacity() / 2;
            if (wake_planner) planner_waiting_ = false;
        }
        if (wake_planner) room_.notify_one();
        execute(*job);
    }
}

/// Returns the size of the page written (0 if none).
std::size_t RenderPool::render(PlannedPage& page) {
    try {
        if (!theme_.has_template(page.template_name)) {
            std::lock_guard<std::mutex> lock(mutex_);
            errors_.push_back("templat " + page.template_name + ".mustache tidak ditemukan di templates/ tema ini; "
                              "salin dari themes/default/templates/ (tema yang dibuat dari versi lama belum "
                              "memilikinya)");
            return 0;
        }
        if (page.make_context) page.context = page.make_context();
        // A page with a long list, in a build that keeps what it can: only the runs of rows the
        // previous file lacks are rendered. A build from scratch keeps nothing and writes it whole;
        // so does a build that finds no previous version of the page (a new output folder): keying
        // every row of a national site's lists is a tenth of such a build's CPU, and the first later
        // build that renders the page keys its runs (serve, which expects corrections, keys them at once).
        if (!page.list_in_parts.empty() && page.with_layout && !render_key_.empty() && keyed_later(page.path)) {
            ++rendered_pages_;
            const auto kept = writer_.kept_parts(page.path);
            ListParts how;
            how.list = page.list_in_parts;
            how.rows = page.rows_per_part;
            how.seed = fingerprint(rendered_by(page));
            how.kept = [&kept](const std::string& key) { return kept.count(key) > 0; };
            auto parts = theme_.render_page_in_parts(page.template_name, page.context, how);
            page.context = Value();
            return write_made_parts(page.path, parts, page.key);
        }
        // What the page shows, through which templates: nothing else can change its bytes. A heavy
        // page planned because its input key changed nearly always shows the change: hashing its tens
        // of thousands of nodes would cost more than it saves (bytes that did not change are still not written).
        // Hashing the data pays only where a previous version is there to compare with: a build into a
        // new folder records no content keys (4 % of its CPU at 2,000 LSPs), and the first later build
        // that renders a page records its key.
        const bool by_content = !render_key_.empty() && (page.load == Load::light || page.key.empty()) &&
                                keyed_later(page.path);
        const auto ck = !by_content ? std::string()
                                    : content_key(rendered_by(page), page.template_name, page.context);
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

std::size_t RenderPool::write_made_parts(const std::string& path, std::vector<MadePart>& parts, const std::string& key) {
    std::size_t made = 0;
    writer_.write_streamed(path, [&](PartStream& stream) {
        for (auto& part : parts) {
            if (part.bytes) {
                made += part.bytes->size();
                stream.add(part.key, *part.bytes);
                part.bytes.reset();
            } else if (!stream.keep(part.key)) {
                throw std::runtime_error("bagian halaman dari build sebelumnya tidak ada lagi; jalankan pepgen build --penuh");
            }
        }
    }, key);
    return made;
}

/// Returns the size of the file made (0 if none; a file made in parts counts as large).
std::size_t RenderPool::make(PlannedFile& file) {
    try {
        if (file.stream) {
            writer_.write_streamed(file.path, file.stream, file.key);
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

std::size_t heavy_workers_for(std::size_t most_rows) {
    constexpr std::size_t kSideBySideRows = 4000;
    return most_rows <= kSideBySideRows ? 2 : 1;
}

std::size_t thread_count() {
    if (const char* env = std::getenv("PEPGEN_THREADS")) {
        const long n = std::strtol(env, nullptr, 10);
        if (n >= 1 && n <= 256) return static_cast<std::size_t>(n);
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace pepgen
