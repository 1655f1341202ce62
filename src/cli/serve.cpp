#include "cli/serve.h"

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>

#include <httplib.h>

#include "cli/build.h"
#include "cli/input_watch.h"
#include "cli/serve_path.h"
#include "site/incremental_keys.h"
#include "site/manifest.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

// Served as a same-origin file (never inlined), so the policy below needs no
// 'unsafe-inline': polls the build version and reloads when it changes.
constexpr const char* kReloadScript =
    "(function(){var v=null;function t(){fetch('/__pepgen/versi',{cache:'no-store'})"
    ".then(function(r){return r.json();}).then(function(d){if(v===null){v=d.versi;}else if(d.versi!==v){"
    "location.reload();}}).catch(function(){}).then(function(){setTimeout(t,250);});}t();})();\n";
constexpr const char* kReloadTag = "<script src=\"/__pepgen/muat-ulang.js\"></script>";
constexpr const char* kErrorStyle =
    "body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}"
    "pre{background:#fdf3f1;border-left:4px solid #a3203a;padding:1rem;white-space:pre-wrap}\n";

// Sent with every response, the library's own error responses included. The
// default theme needs only its own files: external scripts and one
// stylesheet, no inline code, no style attributes, no images or fonts, forms
// that submit to the site itself. Any HTML that reaches the preview therefore
// cannot run script of its own, be framed, or be sniffed into another type.
const httplib::Headers kSecurityHeaders = {
    {"X-Content-Type-Options", "nosniff"},
    {"Content-Security-Policy",
     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
     "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
    {"Cache-Control", "no-store"},
};

// Idle and slow clients: a connection waits at most kKeepAliveSeconds for its
// next request and kIoSeconds for each read or write, and there are enough
// workers that the connections a browser (or a hostile page) holds open
// cannot take them all.
constexpr std::size_t kWorkers = 64;
constexpr time_t kKeepAliveSeconds = 2;
constexpr std::size_t kKeepAliveRequests = 100;
constexpr time_t kIoSeconds = 5;

struct State {
    std::mutex mutex;
    long version = 0;
    std::string errors;  ///< diagnostics of the last failed build; empty when it succeeded
};

std::string content_type(const std::string& name) {
    const auto ext = fs::path(name).extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js") return "text/javascript; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".xml") return name == "feed.xml" ? "application/atom+xml" : "application/xml";
    if (ext == ".csv") return "text/csv; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

std::string inject(std::string html) {
    const auto pos = html.rfind("</body>");
    if (pos == std::string::npos) return html + kReloadTag;
    return html.insert(pos, kReloadTag);
}

std::string error_page(const std::string& errors) {
    return "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Build gagal</title>"
           "<link rel=\"stylesheet\" href=\"/__pepgen/galat.css\"></head>"
           "<body><h1>Situs tidak dapat dibangun</h1><p>Perbaiki masalah berikut; halaman ini dimuat ulang sendiri "
           "setelah berkas disimpan.</p><pre>" + html_escape(errors) + "</pre></body></html>";
}

/// The preview's working folder: made by mkdtemp (a name nobody can guess or
/// plant beforehand, mode 0700) under TMPDIR or /tmp, and removed with
/// everything in it when this object goes, however run_serve ends.
class PrivateFolder {
public:
    static std::optional<PrivateFolder> create(std::string& error) {
        const char* tmpdir = std::getenv("TMPDIR");
        const fs::path base = tmpdir && *tmpdir ? tmpdir : "/tmp";
        std::string name = (base / "pepgen-pratinjau-XXXXXX").string();
        if (!::mkdtemp(name.data())) {
            error = "folder kerja pratinjau tidak dapat dibuat di " + base.string() + ": " + system_reason(errno) +
                    "; atur TMPDIR ke folder yang dapat ditulis";
            return std::nullopt;
        }
        return PrivateFolder(name);
    }
    PrivateFolder(PrivateFolder&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
    PrivateFolder(const PrivateFolder&) = delete;
    PrivateFolder& operator=(const PrivateFolder&) = delete;
    PrivateFolder& operator=(PrivateFolder&&) = delete;
    ~PrivateFolder() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    explicit PrivateFolder(fs::path path) : path_(std::move(path)) {}
    fs::path path_;
};

/// Stops the server on SIGINT, SIGTERM or SIGHUP, taken by this thread with
/// sigwait so that stopping is orderly, or when request_stop() is called.
class Stopper {
public:
    Stopper(httplib::Server& server, const sigset_t& signals)
        : thread_([this, &server, signals] {
              int sig = 0;
              sigwait(&signals, &sig);
              requested_ = true;
              // server.stop() does nothing until listening has begun, so a
              // signal that came during the first build waits for it.
              while (!finished_) {
                  if (server.is_running()) {
                      server.stop();
                      break;
                  }
                  std::this_thread::sleep_for(std::chrono::milliseconds(10));
              }
          }) {}
    Stopper(const Stopper&) = delete;
    Stopper& operator=(const Stopper&) = delete;
    ~Stopper() {
        finished_ = true;
        request_stop();
        thread_.join();
    }
    void request_stop() { pthread_kill(thread_.native_handle(), SIGTERM); }
    bool requested() const { return requested_; }

private:
    std::atomic<bool> requested_{false};
    std::atomic<bool> finished_{false};
    std::thread thread_;  // last: it uses the flags above
};

bool is_preview_host(std::string host, int port) {
    std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const std::string name : {"127.0.0.1", "localhost"})
        if (host == name + ":" + std::to_string(port) || (port == 80 && host == name)) return true;
    return false;
}

void refuse(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(message + "\n", "text/plain; charset=utf-8");
}

/// Answers every request: the Host and method are checked first, then the
/// target is resolved inside the built site.
void answer(const httplib::Request& req, httplib::Response& res, const fs::path& site, int port, State& state) {
    const auto address = "http://127.0.0.1:" + std::to_string(port) + "/";
    if (req.get_header_value_count("Host") != 1) {
        refuse(res, 400, "Permintaan ditolak: pratinjau pepgen memerlukan tepat satu header Host. Buka " + address +
                             " di peramban.");
        return;
    }
    // A page on another site that has pointed its own name at 127.0.0.1 (DNS
    // rebinding) sends that name: only our loopback names are answered.
    if (!is_preview_host(req.get_header_value("Host"), port)) {
        refuse(res, 403, "Permintaan ditolak: pratinjau pepgen hanya melayani " + address + " dan http://localhost:" +
                             std::to_string(port) + "/, bukan nama lain. Buka salah satu alamat itu di peramban.");
        return;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        res.set_header("Allow", "GET, HEAD");
        refuse(res, 405, "Pratinjau pepgen hanya menjawab GET dan HEAD.");
        return;
    }
    const auto rel = resolve_request_target(req.target);
    if (!rel) {
        refuse(res, 400, "Alamat ditolak: pratinjau hanya menyajikan berkas di dalam situs yang dibangun (tanpa '..', "
                         "'//', '\\', berkas tersembunyi, karakter kendali atau %-escape yang rusak).");
        return;
    }
    if (*rel == "__pepgen/versi") {
        std::lock_guard<std::mutex> lock(state.mutex);
        res.set_content("{\"versi\": " + std::to_string(state.version) + "}", "application/json");
        return;
    }
    if (*rel == "__pepgen/muat-ulang.js") return res.set_content(kReloadScript, content_type("muat-ulang.js"));
    if (*rel == "__pepgen/galat.css") return res.set_content(kErrorStyle, content_type("galat.css"));
    std::string errors;
    {
        std::lock_guard<std::mutex> lock(state.mutex);
        errors = state.errors;
    }
    auto file = read_site_file(site, *rel);
    const bool html = !file || fs::path(file->name).extension() == ".html";
    if (!errors.empty() && html) {
        res.status = 500;
        res.set_content(inject(error_page(errors)), "text/html; charset=utf-8");
        return;
    }
    if (!file) {
        res.status = 404;
        auto missing = read_site_file(site, "404.html");
        res.set_content(inject(missing ? std::move(missing->bytes) : "<!DOCTYPE html><title>404</title><p>Tidak ditemukan.</p>"),
                        "text/html; charset=utf-8");
        return;
    }
    res.set_content(html ? inject(std::move(file->bytes)) : std::move(file->bytes), content_type(file->name));
}

/// Rebuilds into `output` and records the outcome.
void rebuild(const fs::path& root, const fs::path& output, State& state, std::ostream& out) {
    Diagnostics diags;
    BuildOptions options;
    options.output = output;
    options.progress = false;
    options.notices = &out;
    options.expect_corrections = true;  // the first build is into a new folder, and an edit follows
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

/// A file's stamp as the build's scan takes it (site/input_memo.h): a file copied in with its old
/// size and mtime (cp -p, rsync -t) still has a new ctime and inode.
std::string stamp_text(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return "?";
    const auto stamp = stamp_of(st);
    return std::to_string(st.st_mode) + "|" + std::to_string(stamp.size) + "|" + std::to_string(stamp.mtime_ns) +
           "|" + std::to_string(stamp.ctime_ns) + "|" + std::to_string(stamp.inode);
}

}  // namespace

std::string input_signature(const fs::path& root) {
    // The inputs as the build's scan lists them (through linked folders, folders and non-files
    // too): a change the build would see is a change here.
    const auto listed = list_inputs(root);
    std::vector<std::string> entries;
    entries.reserve(listed.paths.size());
    for (std::size_t i = 0; i < listed.paths.size(); ++i) {
        const auto& path = listed.paths[i];
        entries.push_back(path.string() + "|" + (listed.folder[i] ? std::string("folder") : stamp_text(path)));
    }
    std::sort(entries.begin(), entries.end());
    std::string sig = listed.complete ? "" : "incomplete\n";
    for (const auto& e : entries) sig += e + "\n";
    return sig + "pepgen.yaml|" + stamp_text(root / "pepgen.yaml");
}

int run_serve(const fs::path& root, int port, std::ostream& out, std::ostream& err) {
    // Blocked in every thread (all are started after this), taken by the Stopper.
    sigset_t signals;
    sigemptyset(&signals);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&signals, sig);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    std::string error;
    const auto folder = PrivateFolder::create(error);
    if (!folder) {
        err << "pepgen: " << error << "\n";
        return 1;
    }
    // Missing until the first build makes it, so the writer never finds
    // anything in it that it did not write itself.
    const auto site = folder->path() / "site";

    State state;
    httplib::Server server;
    server.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
    server.set_keep_alive_timeout(kKeepAliveSeconds);
    server.set_keep_alive_max_count(kKeepAliveRequests);
    server.set_read_timeout(kIoSeconds);
    server.set_write_timeout(kIoSeconds);
    server.set_default_headers(kSecurityHeaders);
    int bound = -1;
    server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        answer(req, res, site, bound, state);
        return httplib::Server::HandlerResponse::Handled;
    });
    // Only SO_REUSEADDR: the default also sets SO_REUSEPORT, which would let a
    // second preview start on the same port and split the requests between them.
    socket_t listening = INVALID_SOCKET;
    server.set_socket_options([&listening](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listening = sock;
    });
    bound = port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
    if (bound <= 0) {
        err << "pepgen: port " << port << " di 127.0.0.1 tidak dapat dipakai (mungkin sudah dipakai program lain); "
            << "coba --port lain\n";
        return 1;
    }
    // Debian's cpp-httplib 0.11 is compiled with a listen backlog of 5: a page
    // whose browser opens its parallel connections while a few others idle
    // would wait a second or three for the SYN to be retried. Listening again
    // on the bound socket only raises its queue.
    if (listening != INVALID_SOCKET) ::listen(listening, SOMAXCONN);

    Stopper stopper(server, signals);
    std::atomic<bool> failed{false};
    // Taken before the first build, so an edit made while it runs is not missed.
    auto last_signature = input_signature(root);
    rebuild(root, site, state, out);
    out << "Pratinjau: http://127.0.0.1:" << bound << "/  (Ctrl+C untuk berhenti)\n";
    out.flush();

    std::jthread watcher([&](std::stop_token stop) {
        InputWatch watch(root);
        try {
            auto last = last_signature;
            // Wakes on a change (or every 300 ms where inotify cannot), and at once on stop.
            using Woke = InputWatch::Woke;
            while (watch.wait(std::chrono::milliseconds(300), stop) != Woke::stop) {
                if (input_signature(root) == last) continue;
                // Wait for the editor to finish saving: rebuild once the tree
                // has been quiet for 100 ms (or after 3 s of steady changes).
                if (watch.wait_until_quiet(std::chrono::milliseconds(100), std::chrono::seconds(3), stop) == Woke::stop)
                    break;
                last = input_signature(root);
                rebuild(root, site, state, out);
            }
        } catch (const std::exception& e) {
            err << "pepgen: kesalahan internal: " << e.what() << "\n";
            failed = true;
            stopper.request_stop();
        }
    });
    if (!stopper.requested()) server.listen_after_bind();
    watcher.request_stop();
    watcher.join();
    out << "Pratinjau dihentikan.\n";
    out.flush();  // said when it is so, not when the process has finished ending
    return failed ? 1 : 0;
}

}  // namespace pepgen
