// `pepgen serve` as a real process, attacked the way a hostile local client
// or a web page (DNS rebinding) would: the requests go over raw sockets so
// that their targets and headers reach the server exactly as written.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "cli/serve.h"
#include "test_support.h"

using namespace pepgen;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

std::string get(int port, const std::string& target, const std::string& host) {
    return test::send_http(port, "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
}

std::string get(int port, const std::string& target) { return get(port, target, "127.0.0.1:" + std::to_string(port)); }

/// The one working folder a serve child made in tmp (its TMPDIR).
fs::path working_folder(const fs::path& tmp) {
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(tmp)) found.push_back(e.path());
    REQUIRE(found.size() == 1);
    return found.front();
}

/// A serve of the fixture project with its own TMPDIR.
struct Preview {
    test::TempDir project;
    test::TempDir tmp;
    test::Child child;
    int port = -1;
    Preview() {
        test::write_fixture_project(project.path());
        child = test::spawn_pepgen({"serve", "--root", project.path().string(), "--port", "0"}, {"TMPDIR=" + tmp.path().string()});
        port = test::wait_for_serve(child);
    }
    ~Preview() { test::stop_child(child); }
};

}  // namespace

TEST_CASE("serve answers only for files inside the built site, whatever the encoding", "[serve]") {
    Preview preview;
    REQUIRE(preview.port > 0);
    const int port = preview.port;
    // A file outside the site, named by its absolute path.
    const auto secret = preview.project / "rahasia.txt";
    test::write_file(secret, "RAHASIA-PRATINJAU");
    const std::string abs = secret.string();  // starts with '/'
    std::string up;
    for (int i = 0; i < 12; ++i) up += "../";
    std::string up_encoded;
    for (int i = 0; i < 12; ++i) up_encoded += "%2e%2e%2f";
    const std::vector<std::string> hostile = {
        "/" + abs,                                   // "//tmp/...": an absolute path replaced the site folder
        "//etc/passwd",
        "/%2f" + abs.substr(1),
        "/%2F" + abs.substr(1),
        "/assets/" + up + abs.substr(1),
        "/" + up_encoded + abs.substr(1),
        "/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e" + abs,
        "/assets/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f.." + abs,
        "/assets/..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5c" + abs.substr(1),
        "/..\\..\\..\\..\\..\\..\\..\\..\\..\\.." + abs,
        "/./" + abs,
        "/index.html%00" + abs,
        "/.pepgen-manifest",
        "http://127.0.0.1:" + std::to_string(port) + abs,
        "/%",
        "/%zz",
    };
    for (const auto& target : hostile) {
        INFO(target);
        const auto r = get(port, target);
        const int status = test::http_status(r);
        CHECK(status >= 400);
        CHECK(status < 500);
        CHECK(r.find("RAHASIA-PRATINJAU") == std::string::npos);
        CHECK(r.find("root:") == std::string::npos);
    }
    // Decoded once only: "%252e%252e" names a file called "%2e%2e", which is not there.
    CHECK(test::http_status(get(port, "/%252e%252e/%252e%252e" + abs)) == 404);

    // Symlinks inside the served folder do not lead out of it.
    const auto site = working_folder(preview.tmp.path()) / "site";
    REQUIRE(fs::exists(site / "index.html"));
    fs::create_symlink(secret, site / "tautan.txt");
    fs::create_directory_symlink(preview.project.path(), site / "luar");
    fs::create_symlink(secret, site / "assets" / "tautan.css");
    for (const auto& target : std::vector<std::string>{"/tautan.txt", "/luar/rahasia.txt", "/assets/tautan.css", "/luar/"}) {
        INFO(target);
        const auto r = get(port, target);
        CHECK(test::http_status(r) == 404);
        CHECK(r.find("RAHASIA-PRATINJAU") == std::string::npos);
    }
    // What is really in the site is still served, percent-encoded or not.
    CHECK(test::http_status(get(port, "/assets/style.css")) == 200);
    CHECK(test::http_status(get(port, "/%61ssets/styl%65.css?v=1")) == 200);
    CHECK(test::http_status(get(port, "/lsp/lsp-a/")) == 200);
    CHECK(test::http_status(get(port, "/lsp/lsp-a")) == 200);
    CHECK(test::http_status(get(port, "/")) == 200);
}

TEST_CASE("serve refuses requests whose Host is not its own loopback address", "[serve]") {
    Preview preview;
    REQUIRE(preview.port > 0);
    const int port = preview.port;
    const auto p = std::to_string(port);
    for (const auto& host : std::vector<std::string>{"127.0.0.1:" + p, "localhost:" + p, "LocalHost:" + p}) {
        INFO(host);
        CHECK(test::http_status(get(port, "/", host)) == 200);
    }
    // What a DNS-rebinding page sends: its own name, with or without the port.
    for (const auto& host : std::vector<std::string>{"evil.example:" + p, "evil.example", "127.0.0.1", "localhost",
                                    "127.0.0.1:" + std::to_string(port + 1), "[::1]:" + p, "127.0.0.2:" + p,
                                    "localhost.:" + p, "127.0.0.1:" + p + "@evil.example"}) {
        INFO(host);
        const auto r = get(port, "/", host);
        CHECK(test::http_status(r) == 403);
        CHECK_THAT(r, Contains("http://127.0.0.1:" + p + "/"));
        CHECK(r.find("<main") == std::string::npos);
    }
    // No Host (HTTP/1.1 requires one; only a non-browser client omits it, and we refuse it too), or two.
    for (const auto& request : std::vector<std::string>{std::string("GET / HTTP/1.1\r\nConnection: close\r\n\r\n"),
                                                        std::string("GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n"),
                                      std::string("GET / HTTP/1.0\r\n\r\n"),
                                      "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + p + "\r\nHost: evil.example\r\nConnection: close\r\n\r\n"}) {
        INFO(request);
        CHECK(test::http_status(test::send_http(port, request)) == 400);
    }
    CHECK(test::http_status(test::send_http(port, "GET / HTTP/1.0\r\nHost: 127.0.0.1:" + p + "\r\n\r\n")) == 200);
}

TEST_CASE("every preview response is sent with nosniff and a restrictive content security policy", "[serve]") {
    Preview preview;
    REQUIRE(preview.port > 0);
    const int port = preview.port;
    const auto page = get(port, "/lsp/lsp-a/");
    REQUIRE(test::http_status(page) == 200);
    // The live reload is a same-origin script file, not inline code.
    CHECK_THAT(page, Contains("<script src=\"/__pepgen/muat-ulang.js\"></script></body>"));
    CHECK(page.find("<script>") == std::string::npos);
    const auto reload = get(port, "/__pepgen/muat-ulang.js");
    CHECK(test::http_status(reload) == 200);
    CHECK_THAT(reload, Contains("Content-Type: text/javascript"));
    CHECK_THAT(reload, Contains("/__pepgen/versi"));
    const std::vector<std::string> responses = {
        page, reload, get(port, "/assets/style.css"), get(port, "/data/lsp.json"), get(port, "/tidak-ada/"),
        get(port, "//etc/passwd"), get(port, "/", "evil.example"), test::send_http(port, "GET / HTTP/1.0\r\n\r\n"),
        test::send_http(port, "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nConnection: close\r\n\r\n"),
        test::send_http(port, "GARBAGE\r\n\r\n"), get(port, "/__pepgen/versi")};
    for (const auto& r : responses) {
        INFO(r.substr(0, r.find("\r\n\r\n")));
        REQUIRE(test::http_status(r) > 0);
        CHECK_THAT(r, Contains("\r\nX-Content-Type-Options: nosniff\r\n"));
        CHECK_THAT(r, Contains("\r\nContent-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; "
                               "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'\r\n"));
        CHECK_THAT(r, Contains("\r\nReferrer-Policy: no-referrer\r\n"));
        CHECK_THAT(r, Contains("\r\nX-Frame-Options: DENY\r\n"));
        CHECK_THAT(r, Contains("\r\nCross-Origin-Resource-Policy: same-origin\r\n"));
        CHECK_THAT(r, Contains("\r\nCache-Control: no-store\r\n"));
    }
    CHECK(test::http_status(responses[8]) == 405);
}

TEST_CASE("serve keeps its working copy in a private folder and removes it on every exit it can catch", "[serve]") {
    test::TempDir project;
    test::write_fixture_project(project.path());
    for (const int sig : {SIGTERM, SIGINT, SIGHUP}) {
        INFO("signal " << sig);
        test::TempDir tmp;
        auto child = test::spawn_pepgen({"serve", "--root", project.path().string(), "--port", "0"}, {"TMPDIR=" + tmp.path().string()});
        REQUIRE(test::wait_for_serve(child) > 0);
        const auto folder = working_folder(tmp.path());
        const auto name = folder.filename().string();
        CHECK(name.rfind("pepgen-pratinjau-", 0) == 0);
        CHECK(name != "pepgen-pratinjau-" + std::to_string(child.pid));  // not guessable from the pid
        struct stat st {};
        REQUIRE(::lstat(folder.c_str(), &st) == 0);
        CHECK(S_ISDIR(st.st_mode));
        CHECK((st.st_mode & 07777) == 0700);
        CHECK(fs::exists(folder / "site" / "index.html"));
        CHECK(test::stop_child(child, sig) == 0);
        CHECK(fs::is_empty(tmp.path()));
    }
    // Port already in use: nothing is left behind either.
    test::TempDir tmp;
    const int holder = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(holder, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(holder, 1) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(holder, reinterpret_cast<sockaddr*>(&addr), &len);
    auto child = test::spawn_pepgen({"serve", "--root", project.path().string(), "--port", std::to_string(ntohs(addr.sin_port))},
                                    {"TMPDIR=" + tmp.path().string()});
    CHECK(test::wait_for_output(child, "tidak dapat dipakai", 20000));
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    child.pid = -1;
    ::close(child.fd);
    ::close(holder);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(fs::is_empty(tmp.path()));
    // A TMPDIR it cannot write to is named, not silently replaced.
    auto nowhere = test::spawn_pepgen({"serve", "--root", project.path().string(), "--port", "0"},
                                      {"TMPDIR=" + (tmp / "tidak-ada").string()});
    CHECK(test::wait_for_output(nowhere, "pepgen: folder kerja pratinjau tidak dapat dibuat di " + (tmp / "tidak-ada").string() +
                                             ": No such file or directory; atur TMPDIR ke folder yang dapat ditulis", 20000));
    CHECK(test::stop_child(nowhere) == 1);
}

TEST_CASE("idle and slow connections do not stall the preview", "[serve]") {
    Preview preview;
    REQUIRE(preview.port > 0);
    std::vector<int> held;
    // Connecting is timed too: with cpp-httplib's own listen queue of 5, a
    // burst like this waited a second or more for the kernel to retry SYNs.
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 40; ++i) {
        const int fd = test::connect_loopback(preview.port);
        REQUIRE(fd >= 0);
        // Half never say anything; half start a request and stop mid-line.
        if (i % 2) ::send(fd, "GET / HT", 8, MSG_NOSIGNAL);
        held.push_back(fd);
    }
    const auto r = get(preview.port, "/lsp/lsp-a/");
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    CHECK(test::http_status(r) == 200);
    CHECK(ms < 900);
    for (const int fd : held) ::close(fd);
}

TEST_CASE("serve answers on loopback, rebuilds after a change and shows errors in the browser", "[serve]") {
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    auto child = test::spawn_pepgen({"serve", "--root", dir.path().string(), "--port", "0"});
    const int port = test::wait_for_serve(child);
    REQUIRE(port > 0);
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);
    auto page = client.Get("/lsp/lsp-a/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK_THAT(page->body, Contains("<span class=\"ik-value\">36</span>"));
    CHECK_THAT(page->body, Contains("<script src=\"/__pepgen/muat-ulang.js\"></script>"));
    auto version = [&] {
        auto v = client.Get("/__pepgen/versi");
        return v ? v->body : std::string();
    };
    const auto v1 = version();
    auto round = test::read_file(dir / "data/penilaian/2025-2.json");
    round.replace(round.find("\"M01\": 9"), 8, "\"M01\": 5");
    test::write_file(dir / "data/penilaian/2025-2.json", round);
    for (int i = 0; i < 2000 && version() == v1; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(version() != v1);
    page = client.Get("/lsp/lsp-a/");
    REQUIRE(page);
    CHECK_THAT(page->body, Contains("<span class=\"ik-value\">32</span>"));
    // A broken file shows the error instead of a stale page.
    const auto v2 = version();
    round.replace(round.find("\"M01\": 5"), 8, "\"M01\": 50");
    test::write_file(dir / "data/penilaian/2025-2.json", round);
    for (int i = 0; i < 2000 && version() == v2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    page = client.Get("/lsp/lsp-a/");
    REQUIRE(page);
    CHECK(page->status == 500);
    CHECK_THAT(page->body, Contains("M01 = 50 melebihi skor_maks 10"));
    // The build error page needs no inline script or style either.
    CHECK_THAT(page->body, Contains("<link rel=\"stylesheet\" href=\"/__pepgen/galat.css\">"));
    CHECK_THAT(page->body, Contains("<script src=\"/__pepgen/muat-ulang.js\"></script>"));
    CHECK(page->body.find("<style") == std::string::npos);
    CHECK(page->body.find("<script>") == std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").rfind("default-src 'none'; script-src 'self';", 0) == 0);
    CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
    auto css = client.Get("/__pepgen/galat.css");
    REQUIRE(css);
    CHECK(css->get_header_value("Content-Type").rfind("text/css", 0) == 0);
    CHECK(client.Get("/../../etc/passwd")->status >= 400);
    CHECK(test::stop_child(child) == 0);
    CHECK_THAT(child.output, Contains("Pratinjau dihentikan."));
}

TEST_CASE("Ctrl+C stops the preview at once, without waiting for the file watcher's next look", "[serve]") {
    test::TempDir project;
    test::write_fixture_project(project.path());
    auto child = test::spawn_pepgen({"serve", "--root", project.path().string(), "--port", "0"});
    REQUIRE(test::wait_for_serve(child) > 0);
    // The watcher looks every 300 ms; it used to sleep through a stop request. Timed to the
    // farewell, which comes once the server and the watcher have stopped: what follows is the
    // process ending, which under the sanitizers' leak check alone took 150-230 ms (CI, two tests
    // at a time) and says nothing about the watcher.
    const auto start = std::chrono::steady_clock::now();
    ::kill(child.pid, SIGINT);
    CHECK(test::wait_for_output(child, "Pratinjau dihentikan.", 5000));
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    CHECK(ms < 200);
    CHECK(test::stop_child(child, SIGINT) == 0);  // it has ended already: this only collects its status
    CHECK_THAT(child.output, Contains("Pratinjau dihentikan."));
}

TEST_CASE("serve's look at the inputs sees a change in a linked folder and a folder where a file belongs",
          "[serve]") {
    // What the build's scan sees (scan_inputs), serve must see too, or a save is never previewed.
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    test::link_indicator_folder(dir.path());
    const auto before = input_signature(dir.path());
    test::write_file(dir / "bersama/indikator/P01.md", test::read_file(dir / "bersama/indikator/P01.md") + "\nTambahan.\n");
    const auto edited = input_signature(dir.path());
    CHECK(edited != before);
    fs::create_directory(dir / "content/panduan/folder.md");
    CHECK(input_signature(dir.path()) != edited);
}

TEST_CASE("serve's look at the inputs sees a file copied in with its old size and time", "[serve]") {
    // cp -p and rsync -t keep the size and mtime; the build's scan still sees the new ctime and inode.
    test::TempDir dir;
    test::write_fixture_project(dir.path());
    const auto round = dir / "data/penilaian/2025-2.json";
    const auto text = test::read_file(round);
    const auto at = text.find("\"M01\": 9,");
    REQUIRE(at != std::string::npos);
    auto changed = text;
    changed.replace(at, 9, "\"M01\": 8,");  // same size
    const auto when = fs::last_write_time(round);
    const auto before = input_signature(dir.path());
    test::write_file(dir / "salinan.json", changed);
    fs::last_write_time(dir / "salinan.json", when);
    fs::rename(dir / "salinan.json", round);
    REQUIRE(fs::last_write_time(round) == when);
    REQUIRE(fs::file_size(round) == text.size());
    CHECK(input_signature(dir.path()) != before);
}
