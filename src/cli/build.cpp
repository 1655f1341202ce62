#include "cli/build.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <optional>
#include <variant>
#include <ostream>
#include <thread>

#include "cli/interrupt.h"
#include "cli/project.h"
#include "render/theme.h"
#include "site/plan.h"
#include "site/input_keys.h"
#include "site/link_check.h"
#include "site/writer.h"
#include "util/files.h"
#include "util/memory.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

void print_diagnostics(const Diagnostics& diags, std::ostream& err) {
    for (const auto& d : diags.items()) err << Diagnostics::format(d) << "\n";
    if (!diags.items().empty())
        err << diags.error_count() << " galat, " << diags.warning_count() << " peringatan\n";
}

/// "Merender 120/2100" on a terminal, rewritten in place; silent otherwise.
class Progress {
public:
    Progress(bool enabled, const char* what, std::size_t total)
        : enabled_(enabled && ::isatty(STDERR_FILENO)), what_(what), total_(total) {}
    /// Thread-safe: only the counter is shared, and output is rare.
    void step(std::size_t done) {
        if (!enabled_ || done % 50 != 0) return;
        std::lock_guard<std::mutex> lock(mutex_);
        if (total_) std::fprintf(stderr, "\r%s %zu/%zu", what_, done, total_);
        else std::fprintf(stderr, "\r%s: %zu", what_, done);
        std::fflush(stderr);
    }
    ~Progress() {
        if (enabled_) std::fprintf(stderr, "\r\033[K");
    }

private:
    bool enabled_;
    const char* what_;
    std::size_t total_;
    std::mutex mutex_;
};

}  // namespace

namespace {

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

std::size_t thread_count() {
    if (const char* env = std::getenv("PEPGEN_THREADS")) {
        const long n = std::strtol(env, nullptr, 10);
        if (n >= 1 && n <= 256) return static_cast<std::size_t>(n);
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

bool build_site(const fs::path& root, const BuildOptions& options, Diagnostics& diags, BuildSummary* summary) {
    if (!check_output_location(root, options.output, diags)) return false;
    // Nothing changed since the last build (same inputs, same program, same
    // options, every file still there): the site is already right.
    const auto extra = program_identity() + "|" + options.base_url.value_or("-") + "|" + (options.incremental ? "i" : "f");
    const auto inputs = scan_inputs(root, extra);
    Disk& disk = options.disk ? *options.disk : real_disk();
    if (options.incremental && SiteWriter::up_to_date(options.output, inputs.all, disk)) {
        if (summary) {
            *summary = BuildSummary{};
            summary->up_to_date = true;
        }
        return true;
    }
    auto project = load_project(root, diags);
    // Pages and exports read each sheet's scores from its result (by indicator
    // position); the loaded copies, as large again at national scale, go first.
    if (project.results)
        for (auto& round : project.data.rounds)
            for (auto& sheet : round.sheets) sheet.scores = {};
    release_free_memory(true);  // the parsed files, score positions and loaded scores are gone
    std::unique_ptr<Theme> theme;
    if (!diags.has_errors()) theme = Theme::load(root, project.content.config.theme, diags);
    if (diags.has_errors() || !theme) return false;
    auto writer = SiteWriter::begin(options.output, diags, !options.incremental, disk);
    if (!writer) return false;
    SiteModel model(project.content, project.data, *project.results, project.stat_findings);
    if (options.base_url) model.base_url = *options.base_url;
    if (options.incremental) model.keys = derive_keys(inputs, project.data, extra);

    Progress progress(options.progress, "Merender halaman", 0);
    SitePlan plan;
    std::size_t rendered = 0;
    {
        RenderPool pool(*theme, *writer, thread_count(), progress, model.keys.global);
        plan.page_sink = [&](PlannedPage&& page) { pool.submit(std::move(page)); };
        plan.file_sink = [&](PlannedFile&& file) {
            if (file.make_bytes || !file.parts.empty()) pool.submit(std::move(file));
            else writer->write(file.path, file.bytes, file.key);
        };
        plan.reuse = [&](const std::string& path, const std::string& key) { return writer->reuse(path, key); };
        plan_site_into(model, plan);
        pool.finish();
        rendered = pool.rendered();
        for (const auto& e : pool.errors()) diags.error("themes/" + project.content.config.theme, e);
        for (const auto& e : pool.file_errors()) diags.error(options.output.string(), e);
    }
    for (const auto& [rel, source] : theme->assets()) {
        auto read = read_project_file(root, source);
        if (!read.text) diags.error(display_path(root, source), read.error);
        else writer->write("assets/" + rel, *read.text);
    }
    if (diags.has_errors() || !writer->commit(inputs.all, diags)) return false;
    if (summary) {
        summary->pages = plan.page_paths.size();
        summary->files = plan.file_count;
        summary->assets = theme->assets().size();
        summary->written = writer->written();
        summary->unchanged = writer->unchanged();
        summary->rendered = rendered;
    }
    return true;
}

int run_check(const fs::path& root, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    auto project = load_project(root, diags);
    if (!diags.has_errors()) Theme::load(root, project.content.config.theme, diags);
    print_diagnostics(diags, err);
    if (diags.has_errors()) return 1;
    out << "Pemeriksaan selesai: " << project.content.indicators.size() << " indikator, "
        << project.data.lsps.size() << " LSP, " << project.data.rounds.size() << " penilaian, "
        << project.data.datasets.size() << " tabel statistik; tidak ada galat.\n";
    return 0;
}

int run_check_links(const fs::path& site, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (!fs::is_directory(site, ec)) {
        err << site.string() << ": galat: situs belum dibangun; jalankan pepgen build dulu\n";
        return 1;
    }
    Diagnostics diags;
    const auto checked = check_site_links(site, diags);
    print_diagnostics(diags, err);
    if (diags.has_errors()) return 1;
    out << "Tautan diperiksa: " << checked << " tautan internal di " << site.string() << ", semuanya berfungsi.\n";
    return 0;
}

int run_build(const fs::path& root, const BuildOptions& options, std::ostream& out, std::ostream& err) {
    InterruptCleanup interrupt;
    Diagnostics diags;
    BuildSummary summary;
    const bool ok = build_site(root, options, diags, &summary);
    print_diagnostics(diags, err);
    if (!ok) {
        err << "Situs tidak dibangun; isi " << options.output.string() << " tidak diubah.\n";
        return 1;
    }
    if (summary.up_to_date) {
        out << "Tidak ada perubahan sejak build terakhir; " << options.output.string() << " sudah mutakhir.\n";
        return 0;
    }
    out << "Situs dibangun di " << options.output.string() << ": " << summary.pages << " halaman, " << summary.files
        << " berkas data, " << summary.assets << " aset (" << summary.written << " berkas ditulis, " << summary.unchanged
        << " tidak berubah; " << summary.rendered << " halaman dirender).\n";
    return 0;
}

}  // namespace pepgen
