#include "cli/serve.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <ostream>
#include <thread>

#include <httplib.h>

#include "cli/build.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

// Injected into every HTML page served by the preview (never into a built
// site): polls the build version and reloads when it changes.
constexpr const char* kReloadScript =
    "<script>(function(){var v=null;function t(){fetch('/__pepgen/versi',{cache:'no-store'})"
    ".then(function(r){return r.json();}).then(function(d){if(v===null){v=d.versi;}else if(d.versi!==v){"
    "location.reload();}}).catch(function(){}).then(function(){setTimeout(t,700);});}t();})();</script>";

struct State {
    std::mutex mutex;
    long version = 0;
    std::string errors;  ///< diagnostics of the last failed build; empty when it succeeded
};

std::string content_type(const fs::path& p) {
    const auto ext = p.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js") return "text/javascript; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".xml") return p.filename() == "feed.xml" ? "application/atom+xml" : "application/xml";
    if (ext == ".csv") return "text/csv; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

std::string inject(std::string html) {
    const auto pos = html.rfind("</body>");
    if (pos == std::string::npos) return html + kReloadScript;
    return html.insert(pos, kReloadScript);
}

std::string error_page(const std::string& errors) {
    return "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Build gagal</title>"
           "<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}"
           "pre{background:#fdf3f1;border-left:4px solid #a3203a;padding:1rem;white-space:pre-wrap}</style></head>"
           "<body><h1>Situs tidak dapat dibangun</h1><p>Perbaiki masalah berikut; halaman ini dimuat ulang sendiri "
           "setelah berkas disimpan.</p><pre>" + html_escape(errors) + "</pre></body></html>";
}

/// Rebuilds into `output` and records the outcome.
void rebuild(const fs::path& root, const fs::path& output, State& state, std::ostream& out) {
    Diagnostics diags;
    BuildOptions options;
    options.output = output;
    options.progress = false;
    const auto start = std::chrono::steady_clock::now();
    const bool ok = build_site(root, options, diags);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    std::string text;
    for (const auto& d : diags.items())
        if (d.severity == Severity::error) text += Diagnostics::format(d) + "\n";
    {
        std::lock_guard<std::mutex> lock(state.mutex);
        ++state.version;
        state.errors = ok ? std::string() : text;
    }
    if (ok)
        out << "Situs dibangun (" << ms << " ms)"
            << (diags.warning_count() ? ", " + std::to_string(diags.warning_count()) + " peringatan (lihat pepgen check)" : "")
            << ".\n";
    else out << "Situs gagal dibangun (" << diags.error_count() << " galat); lihat peramban atau jalankan pepgen check.\n";
    out.flush();
}

}  // namespace

std::string input_signature(const fs::path& root) {
    std::string sig;
    std::error_code ec;
    for (const char* dir : {"content", "data", "themes"}) {
        std::vector<std::string> entries;
        for (auto it = fs::recursive_directory_iterator(root / dir, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            const auto time = fs::last_write_time(it->path(), ec).time_since_epoch().count();
            entries.push_back(it->path().string() + "|" + std::to_string(it->file_size(ec)) + "|" + std::to_string(time));
        }
        std::sort(entries.begin(), entries.end());
        for (const auto& e : entries) sig += e + "\n";
        ec.clear();
    }
    const auto config = root / "pepgen.yaml";
    if (fs::exists(config, ec))
        sig += std::to_string(fs::last_write_time(config, ec).time_since_epoch().count()) + "|" +
               std::to_string(fs::file_size(config, ec));
    return sig;
}

int run_serve(const fs::path& root, int port, std::ostream& out, std::ostream& err) {
    const auto output = fs::temp_directory_path() / ("pepgen-pratinjau-" + std::to_string(::getpid()));
    State state;

    // Signals are taken by one thread with sigwait, so stopping is orderly.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    // Taken before the first build, so an edit made while it runs is not missed.
    auto last_signature = input_signature(root);
    rebuild(root, output, state, out);
    httplib::Server server;
    server.Get("/__pepgen/versi", [&](const httplib::Request&, httplib::Response& res) {
        std::lock_guard<std::mutex> lock(state.mutex);
        res.set_header("Cache-Control", "no-store");
        res.set_content("{\"versi\": " + std::to_string(state.version) + "}", "application/json");
    });
    server.Get(R"(/.*)", [&](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        std::string path = req.path;
        for (const auto& part : {std::string("/../"), std::string("/..")})
            if (path.find(part) != std::string::npos || path.find('\0') != std::string::npos) {
                res.status = 400;
                return;
            }
        std::string rel = path.substr(1);
        if (rel.empty() || rel.back() == '/') rel += "index.html";
        fs::path file = output / rel;
        std::error_code ec;
        if (fs::is_directory(file, ec)) file /= "index.html";
        std::string errors;
        {
            std::lock_guard<std::mutex> lock(state.mutex);
            errors = state.errors;
        }
        const bool html = file.extension() == ".html";
        if (!errors.empty() && (html || !fs::exists(file, ec))) {
            res.status = 500;
            res.set_content(inject(error_page(errors)), "text/html; charset=utf-8");
            return;
        }
        auto read = read_text_file(file);
        if (!read.text) {
            res.status = 404;
            auto missing = read_text_file(output / "404.html");
            res.set_content(inject(missing.text.value_or("<!DOCTYPE html><title>404</title><p>Tidak ditemukan.</p>")),
                            "text/html; charset=utf-8");
            return;
        }
        res.set_content(html ? inject(std::move(*read.text)) : std::move(*read.text), content_type(file));
    });

    // Only SO_REUSEADDR: the default also sets SO_REUSEPORT, which would let a
    // second preview start on the same port and split the requests between them.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    int bound = port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
    if (bound <= 0) {
        err << "pepgen: port " << port << " di 127.0.0.1 tidak dapat dipakai (mungkin sudah dipakai program lain); "
            << "coba --port lain\n";
        std::error_code ec;
        fs::remove_all(output, ec);
        return 1;
    }
    out << "Pratinjau: http://127.0.0.1:" << bound << "/  (Ctrl+C untuk berhenti)\n";
    out.flush();

    std::atomic<bool> running{true};
    std::thread watcher([&] {
        auto last = last_signature;
        while (running) {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            auto now = input_signature(root);
            if (now == last) continue;
            // Wait for the editor to finish saving: rebuild once the tree is quiet.
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            last = input_signature(root);
            rebuild(root, output, state, out);
        }
    });
    std::thread stopper([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        running = false;
        server.stop();
    });
    server.listen_after_bind();
    running = false;
    watcher.join();
    pthread_kill(stopper.native_handle(), SIGTERM);  // wake it if the server stopped on its own
    stopper.join();
    std::error_code ec;
    fs::remove_all(output, ec);
    out << "Pratinjau dihentikan.\n";
    return 0;
}

}  // namespace pepgen
