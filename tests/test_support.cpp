#include "test_support.h"

#include "cli/commands.h"
#include "site/link_check.h"
#include "util/text.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "util/text.h"

namespace fs = std::filesystem;

namespace pepgen::test {

namespace {

/// Where test folders go: TMPDIR when the caller chose one, else a memory
/// file system when the machine has one with room to spare, else the system's
/// temporary folder. The fixtures are thousands of small files made and
/// removed again; on a virtual machine's disk that alone was most of the
/// suite's time.
fs::path scratch_root() {
    static const fs::path root = [] {
        if (const char* chosen = std::getenv("TMPDIR"); chosen && *chosen) return fs::temp_directory_path();
        struct statfs fs_info {};
        struct statvfs space {};
        constexpr unsigned long kTmpfsMagic = 0x01021994;
        if (::statfs("/dev/shm", &fs_info) == 0 && static_cast<unsigned long>(fs_info.f_type) == kTmpfsMagic &&
            ::statvfs("/dev/shm", &space) == 0 && space.f_bavail * space.f_frsize >= (1ull << 30) &&
            ::access("/dev/shm", W_OK) == 0)
            return fs::path("/dev/shm");
        return fs::temp_directory_path();
    }();
    return root;
}

}  // namespace

TempDir::TempDir() {
    std::random_device rd;
    std::mt19937_64 gen(rd());
    path_ = scratch_root() / ("pepgen-test-" + std::to_string(gen()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

void replace_in_file(const fs::path& path, const std::string& from, const std::string& to) {
    auto text = read_file(path);
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("'" + from + "' is not in " + path.string());
    text.replace(at, from.size(), to);
    write_file(path, text);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

namespace {

std::string indicator(const std::string& code, const std::string& group, const std::string& title, int max) {
    const int mid = max / 2;
    return "---\nkode: " + code + "\nkelompok: " + group + "\njudul: \"" + title + "\"\nskor_maks: " +
           std::to_string(max) + "\nringkasan: \"Ringkasan " + code + "\"\nrubrik:\n  - dari: 0\n    sampai: " +
           std::to_string(mid) + "\n    label: Kurang\n    kriteria: \"Belum ada bukti.\"\n  - dari: " +
           std::to_string(mid + 1) + "\n    sampai: " + std::to_string(max) +
           "\n    label: Baik\n    kriteria: \"Bukti **lengkap**.\"\nbukti:\n  - \"Dokumen " + code +
           "\"\n---\n## Apa yang dinilai\n\nIndikator " + code + " menilai sesuatu.\n";
}

}  // namespace

StatColumn stat_column(const char* key, const char* title, ColumnType type) {
    StatColumn col;
    col.key = key, col.title = title, col.type = type;
    return col;
}

std::vector<Indicator> fixture_catalogue() {
    std::vector<Indicator> out(3);
    out[0].code = "M01", out[0].group = Group::masukan, out[0].max_score = 10;
    out[1].code = "P01", out[1].group = Group::proses, out[1].max_score = 20;
    out[2].code = "D01", out[2].group = Group::dampak, out[2].max_score = 10;
    return out;
}

void write_fixture_project(const fs::path& root) {
    write_file(root / "pepgen.yaml", "judul: Situs Uji\npenerbit: Tim Uji\n");
    write_file(root / "content/beranda.md", "---\njudul: Beranda Uji\nringkasan: Ringkasan beranda.\n---\nHalo.\n");
    write_file(root / "content/panduan/dasar.md", "---\njudul: Dasar\nurutan: 1\n---\nLihat [indikator](../../indikator/m01/).\n");
    write_file(root / "content/panduan/indeks.md",
               "---\njudul: Indeks\nurutan: 2\nik_maks: 40\nskor_bawaan: true\ncatatan_skor: Bawaan uji.\n"
               "kategori:\n"
               "  - {kode: atas, nama: Atas, min: 30, maks: 40, kondisi: Sehat.}\n"
               "  - {kode: tengah, nama: Tengah, min: 20, maks: 29, kondisi: Cukup.}\n"
               "  - {kode: bawah, nama: Bawah, min: 0, maks: 19, kondisi: Kurang.}\n"
               "---\nIK adalah jumlah skor.\n");
    write_file(root / "content/indikator/M01.md", indicator("M01", "masukan", "Visi", 10));
    write_file(root / "content/indikator/P01.md", indicator("P01", "proses", "Proses", 20));
    write_file(root / "content/indikator/D01.md", indicator("D01", "dampak", "Dampak", 10));
    write_file(root / "data/meta.json", R"J({"data_contoh": true, "keterangan": "Data uji."})J");
    write_file(root / "data/lsp.json", R"J({"lsp": [
  {"id": "lsp-a", "nama": "LSP Uji A", "jenis": "P1", "provinsi": "Bali", "nomor_lisensi": "A-1", "lisensi_berlaku_sampai": "2030-01-01"},
  {"id": "lsp-b", "nama": "LSP Uji B", "jenis": "P2", "provinsi": "Aceh", "nomor_lisensi": "B-1", "lisensi_berlaku_sampai": "2030-01-01"},
  {"id": "lsp-c", "nama": "LSP Uji C", "jenis": "P3", "provinsi": "Papua", "nomor_lisensi": "C-1", "lisensi_berlaku_sampai": "2030-01-01"}
]})J");
    write_file(root / "data/penilaian/2025-1.json", R"J({"periode": "2025-1", "jenis": "rutin", "tanggal": "2025-06-01",
  "tim": [{"nama": "Penilai Satu", "instansi": "BNSP"}],
  "hasil": [
    {"lsp": "lsp-a", "skor": {"M01": 8, "P01": 15, "D01": 7}},
    {"lsp": "lsp-b", "skor": {"M01": 5, "P01": 10, "D01": 5}},
    {"lsp": "lsp-c", "skor": {"M01": 2, "P01": 5, "D01": 3}}
  ]})J");
    write_file(root / "data/penilaian/2025-i1.json", R"J({"periode": "2025-i1", "jenis": "insidental", "tanggal": "2025-08-01",
  "hasil": [{"lsp": "lsp-b", "skor": {"M01": 1, "P01": 2, "D01": 3}, "catatan": "Pengaduan."}]})J");
    write_file(root / "data/penilaian/2025-2.json", R"J({"periode": "2025-2", "jenis": "rutin", "tanggal": "2025-11-01",
  "hasil": [
    {"lsp": "lsp-a", "skor": {"M01": 9, "P01": 18, "D01": 9}, "rekomendasi": ["Pertahankan **mutu**."]},
    {"lsp": "lsp-b", "skor": {"M01": 6, "P01": 12, "D01": 6}, "catatan": "Naik."},
    {"lsp": "lsp-c", "skor": {"M01": 3, "P01": null, "D01": 4}}
  ]})J");
    fs::copy(fs::path(PEPGEN_SOURCE_DIR) / "themes", root / "themes", fs::copy_options::recursive);
}

fs::path link_indicator_folder(const fs::path& root) {
    fs::create_directories(root / "bersama");
    fs::rename(root / "content/indikator", root / "bersama/indikator");
    fs::create_directory_symlink("../bersama/indikator", root / "content/indikator");
    return root / "bersama/indikator";
}

void add_unscored_lsp(const fs::path& root) {
    replace_in_file(root / "data/lsp.json", "\n]}",
                    ",\n  {\"id\": \"lsp-d\", \"nama\": \"LSP Uji D\", \"jenis\": \"P1\", \"provinsi\": \"Jambi\", "
                    "\"nomor_lisensi\": \"D-1\", \"lisensi_berlaku_sampai\": \"2030-01-01\"}\n]}");
}

void write_fixture_stats(const fs::path& root) {
    write_file(root / "data/statistik/lsp-uji.json", R"J({
  "id": "lsp-uji",
  "judul": "LSP per Provinsi (uji)",
  "tahun": 2021,
  "sumber": {"dokumen": "Laporan Uji", "bagian": "Tabel 9. Uji"},
  "kolom": [
    {"kunci": "provinsi", "judul": "Provinsi", "jenis": "teks"},
    {"kunci": "p1", "judul": "P1", "jenis": "bilangan", "satuan": "LSP"},
    {"kunci": "p3", "judul": "P3", "jenis": "bilangan", "satuan": "LSP"},
    {"kunci": "jumlah", "judul": "Jumlah", "jenis": "bilangan", "satuan": "LSP", "rumus": {"jumlah": ["p1", "p3"]}},
    {"kunci": "anggaran", "judul": "Anggaran", "jenis": "rupiah"},
    {"kunci": "realisasi", "judul": "Realisasi", "jenis": "persen", "desimal": 2}
  ],
  "baris": [
    {"provinsi": "DI Aceh", "p1": 10, "p3": null, "jumlah": 10, "anggaran": 1500000000, "realisasi": 98.96},
    {"provinsi": "Sumatra Utara", "p1": 20, "p3": 5, "jumlah": 26, "anggaran": 2000000000, "realisasi": 95.5},
    {"provinsi": "DKI Jakarta", "p1": 20, "p3": 4, "jumlah": 24, "anggaran": 86911383000, "realisasi": 100}
  ],
  "total_tertulis": {"label": "Jumlah", "nilai": {"p1": 50, "p3": 9, "jumlah": 100}},
  "pernyataan": [
    {"label": "Total LSP", "nilai": 60, "hitung": {"jumlah_kolom": "jumlah"}, "sumber": "Ringkasan"},
    {"label": "Porsi P3", "nilai": 15.0, "hitung": {"persen_dari": {"pembilang": {"jumlah_kolom": "p3"}, "penyebut": 60}}}
  ]
})J");
    write_file(root / "content/statistik/laporan.md",
               "---\njudul: Laporan Uji\nurutan: 1\n---\nPengantar.\n\n"
               "```statistik\ndata: lsp-uji\ngrafik: peta\nnilai: [jumlah]\n```\n\n"
               "Lalu batang bertumpuk:\n\n"
               "```statistik\ndata: lsp-uji\ngrafik: batang-bertumpuk\nnilai: [p1, p3]\ntabel: tidak\njudul: LSP per jenis\n```\n");
}

std::unique_ptr<FixtureModel> fixture_model(const std::function<void(const fs::path&)>& edit) {
    auto f = std::make_unique<FixtureModel>();
    write_fixture_project(f->dir.path());
    if (edit) edit(f->dir.path());
    f->project = load_project(f->dir.path(), f->diags);
    if (!f->project.results) throw std::runtime_error("the fixture did not load:\n" + all_messages(f->diags));
    f->model = std::make_unique<SiteModel>(f->project.content, f->project.data, *f->project.results,
                                           f->project.stat_checks);
    return f;
}

std::shared_ptr<const FixtureModel> fixture_model() {
    static const std::shared_ptr<const FixtureModel> shared = fixture_model([](const fs::path&) {});
    return shared;
}

SitePlan plan_with(void (*planner)(const SiteModel&, SitePlan&), const SiteModel& model) {
    SitePlan plan;
    planner(model, plan);
    return plan;
}

const PlannedPage& planned_page(const SitePlan& plan, const std::string& path) {
    for (const auto& p : plan.pages)
        if (p.path == path) return p;
    throw std::runtime_error("no page planned at " + path);
}

const std::string& planned_file(const SitePlan& plan, const std::string& path) {
    for (const auto& f : plan.files)
        if (f.path == path) return f.bytes;
    throw std::runtime_error("no file planned at " + path);
}

const Value& value_at(const Value& v, const std::string& path) {
    const Value* cur = &v;
    std::size_t start = 0;
    while (true) {
        const auto dot = path.find('.', start);
        const auto part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        const Value* next = nullptr;
        if (cur->kind() == Value::Kind::list && !part.empty() &&
            part.find_first_not_of("0123456789") == std::string::npos) {
            const auto i = std::stoul(part);
            if (i < cur->items().size()) next = &cur->items()[i];
        } else {
            next = cur->get(part);
        }
        if (!next) throw std::runtime_error("no value at '" + path + "' (stopped at '" + part + "')");
        cur = next;
        if (dot == std::string::npos) return *cur;
        start = dot + 1;
    }
}

const std::string& text_at(const Value& v, const std::string& path) {
    const auto& t = value_at(v, path);
    if (t.kind() != Value::Kind::text) throw std::runtime_error("'" + path + "' is not a text");
    return t.text();
}

bool flag_at(const Value& v, const std::string& path) {
    const auto& f = value_at(v, path);
    if (f.kind() != Value::Kind::flag) throw std::runtime_error("'" + path + "' is not a flag");
    return f.flag();
}

void copy_example_project(const fs::path& root) {
    for (const char* dir : {"content", "data", "themes"})
        fs::copy(fs::path(PEPGEN_SOURCE_DIR) / dir, root / dir, fs::copy_options::recursive);
    if (fs::exists(fs::path(PEPGEN_SOURCE_DIR) / "pepgen.yaml"))
        fs::copy_file(fs::path(PEPGEN_SOURCE_DIR) / "pepgen.yaml", root / "pepgen.yaml");
}

std::string all_messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += Diagnostics::format(d) + "\n";
    return out;
}

std::string q(const fs::path& p) { return "\"" + p.string() + "\""; }

CommandResult run_in_process(const std::string& args) {
    std::vector<std::string> argv;
    std::string word;
    bool in_word = false;
    char quote = 0;
    for (const char c : args) {
        if (quote) {
            if (c == quote) quote = 0;
            else word += c;
        } else if (c == '"' || c == '\'') {
            quote = c;
            in_word = true;
        } else if (c == ' ') {
            if (in_word) argv.push_back(std::move(word));
            word.clear();
            in_word = false;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (in_word) argv.push_back(std::move(word));
    std::ostringstream out, err;
    CommandResult result;
    result.exit_code = run_cli(argv, out, err);
    result.output = out.str() + err.str();
    return result;
}

CommandResult run_pepgen(const std::string& args) {
    return run_command(std::string("\"") + PEPGEN_BINARY + "\" " + args + " 2>&1");
}

CommandResult run_command(const std::string& command_line) {
    CommandResult result;
    FILE* pipe = ::popen(command_line.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) result.output.append(buf.data(), n);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

Child spawn_pepgen(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    // posix_spawn, not fork: copying this test process's page tables for
    // every child cost more than many of the builds it starts.
    Child child;
    int pipefd[2];
    if (::pipe2(pipefd, O_CLOEXEC) != 0) return child;
    posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_adddup2(&actions, pipefd[1], 1);
    ::posix_spawn_file_actions_adddup2(&actions, pipefd[1], 2);
    std::map<std::string, std::string> vars;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const auto eq = entry.find('=');
        vars[entry.substr(0, eq)] = eq == std::string::npos ? "" : entry.substr(eq + 1);
    }
    for (const auto& e : env) {
        const auto eq = e.find('=');
        vars[e.substr(0, eq)] = e.substr(eq + 1);
    }
    std::vector<std::string> envs;
    for (const auto& [k, v] : vars) envs.push_back(k + "=" + v);
    std::vector<char*> envp, argv;
    for (auto& e : envs) envp.push_back(e.data());
    envp.push_back(nullptr);
    argv.push_back(const_cast<char*>(PEPGEN_BINARY));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, PEPGEN_BINARY, &actions, nullptr, argv.data(), envp.data());
    ::posix_spawn_file_actions_destroy(&actions);
    ::close(pipefd[1]);
    if (rc != 0) {
        ::close(pipefd[0]);
        return child;
    }
    child.pid = pid;
    child.fd = pipefd[0];
    return child;
}

bool wait_for_output(Child& child, const std::string& needle, int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (child.output.find(needle) == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) return false;
        pollfd p{child.fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
        char buf[4096];
        const auto n = ::read(child.fd, buf, sizeof buf);
        if (n <= 0) return child.output.find(needle) != std::string::npos;
        child.output.append(buf, static_cast<std::size_t>(n));
    }
    return true;
}

int stop_child(Child& child, int sig) {
    if (child.pid <= 0) return -1;
    ::kill(child.pid, sig ? sig : SIGTERM);
    int status = 0;
    bool killed = false;
    // A child that ignores the signal is killed rather than hanging the suite.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (::waitpid(child.pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(child.pid, SIGKILL);
            ::waitpid(child.pid, &status, 0);
            killed = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    char buf[4096];
    ssize_t n;
    while ((n = ::read(child.fd, buf, sizeof buf)) > 0) child.output.append(buf, static_cast<std::size_t>(n));
    ::close(child.fd);
    child.pid = -1;
    return !killed && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int wait_for_serve(Child& child, int timeout_ms) {
    const std::string prefix = "Pratinjau: http://127.0.0.1:";
    if (!wait_for_output(child, prefix, timeout_ms) || !wait_for_output(child, "(Ctrl+C", 5000)) return -1;
    return std::stoi(child.output.substr(child.output.find(prefix) + prefix.size()));
}

int connect_loopback(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

namespace {

/// Headers and a body of the length they announce have all arrived.
bool response_complete(const std::string& response) {
    const auto end = response.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    const auto headers = to_lower_ascii(response.substr(0, end));
    const auto at = headers.find("\r\ncontent-length:");
    if (at == std::string::npos) return false;  // read until the server closes
    const auto length = std::strtoull(headers.c_str() + at + 17, nullptr, 10);
    return response.size() - (end + 4) >= length;
}

}  // namespace

std::string send_http(int port, const std::string& request, int timeout_ms) {
    const int fd = connect_loopback(port);
    if (fd < 0) return {};
    std::string response;
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
            pollfd p{fd, POLLIN, 0};
            if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) break;
            char buf[4096];
            const auto n = ::read(fd, buf, sizeof buf);
            if (n <= 0) break;
            response.append(buf, static_cast<std::size_t>(n));
            if (response_complete(response)) break;  // a kept-alive connection would only time out
        }
    }
    ::close(fd);
    return response;
}

int http_status(const std::string& response) {
    if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return -1;
    return std::atoi(response.substr(9, 3).c_str());
}

std::string snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    if (fs::exists(dir))
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = read_file(e.path());
    std::string out;
    for (const auto& [k, v] : files) out += "== " + k + " (" + std::to_string(v.size()) + ")\n" + v + "\n";
    return out;
}

std::string published(const fs::path& dir) {
    auto snap = snapshot(dir);
    const auto at = snap.find("== .pepgen-manifest (");
    if (at == std::string::npos) return snap;
    const auto end = snap.find("\n== ", at + 1);
    return snap.erase(at, end == std::string::npos ? std::string::npos : end - at + 1);
}

}  // namespace pepgen::test

namespace pepgen::test {

std::string xml_problem(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const auto len = utf8_sequence(text, i, cp);
        if (len == 0) return "bukan UTF-8 di bita " + std::to_string(i);
        const bool xml_char = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                              (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!xml_char) return "karakter U+" + std::to_string(static_cast<unsigned>(cp)) + " di bita " + std::to_string(i);
        i += len;
    }
    try {
        boost::property_tree::ptree tree;
        std::istringstream in(text);
        boost::property_tree::read_xml(in, tree);
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

bool MemoryBuild::has(const std::string& rel) { return disk.lstat(site / rel).kind == Disk::Kind::file; }

std::string MemoryBuild::read(const std::string& rel) {
    std::string error;
    auto text = disk.read(site / rel, error);
    if (!text) throw std::runtime_error("not in the built site: " + rel + " (" + error + ")");
    return *text;
}

std::vector<std::string> MemoryBuild::list(const std::string& rel) {
    std::string error;
    return disk.list(site / rel, error);
}

std::vector<std::pair<std::string, std::string>> MemoryBuild::files() const {
    std::vector<std::pair<std::string, std::string>> out;
    const auto prefix = site.generic_string() + "/";
    for (const auto& [path, node] : disk.nodes())
        if (node.kind == Disk::Kind::file && path.rfind(prefix, 0) == 0 && path != prefix + ".pepgen-manifest")
            out.emplace_back(path.substr(prefix.size()), node.bytes);
    return out;
}

std::size_t pick(std::mt19937& rng, std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }

void edit_random_match(const fs::path& file, const std::regex& re, std::mt19937& rng,
                       const std::function<std::string(const std::smatch&)>& to) {
    auto text = read_file(file);
    std::vector<std::smatch> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        found.push_back(*it);
    if (found.empty()) throw std::runtime_error(file.string() + ": nothing to edit");
    const auto& m = found[pick(rng, found.size())];
    text.replace(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)), to(m));
    write_file(file, text);
}

unsigned property_seeds(unsigned fallback) {
    if (const char* n = std::getenv("PEPGEN_PROPERTY_SEEDS")) return static_cast<unsigned>(std::max(1, std::atoi(n)));
    return fallback;
}

void cycle_dispute(const fs::path& root, bool then_none) {
    const auto file = root / "data/penilaian/2025-2.json";
    auto text = read_file(file);
    const std::string open = R"J(, "sanggahan": [{"diajukan": "2025-11-10", "status": "terbuka"}])J";
    const std::string closed = R"J(, "sanggahan": [{"diajukan": "2025-11-10", "status": "ditolak", "diputus": "2025-11-20", "keterangan": "Bukti tidak cukup."}])J";
    const auto sheet = text.find("{\"lsp\": \"lsp-b\"");
    if (sheet == std::string::npos) throw std::runtime_error(file.string() + ": no sheet for lsp-b");
    if (const auto at = text.find(open); at != std::string::npos) text.replace(at, open.size(), closed);
    else if (const auto at2 = text.find(closed); at2 != std::string::npos) text.replace(at2, closed.size(), then_none ? "" : open);
    else text.insert(text.find('}', text.find("\"skor\"", sheet)) + 1, open);  // after the scores, which hold no braces
    write_file(file, text);
}

SiteFiles published_files(const fs::path& dir) {
    SiteFiles out;
    if (fs::exists(dir))
        for (const auto& e : fs::recursive_directory_iterator(dir)) {
            const auto rel = fs::relative(e.path(), dir).generic_string();
            if (e.is_regular_file() && rel != ".pepgen-manifest") out.emplace_back(rel, read_file(e.path()));
        }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> differing_files(const MemoryBuild& a, const MemoryBuild& b) {
    return differing_files(a.files(), b.files());
}

std::vector<std::string> differing_files(const SiteFiles& x, const SiteFiles& y) {
    std::vector<std::string> out;
    auto i = x.begin(), j = y.begin();
    while (i != x.end() || j != y.end()) {
        if (j == y.end() || (i != x.end() && i->first < j->first)) out.push_back((i++)->first + " (only in the first build)");
        else if (i == x.end() || j->first < i->first) out.push_back((j++)->first + " (only in the second build)");
        else {
            if (i->second != j->second) out.push_back(i->first);
            ++i, ++j;
        }
    }
    return out;
}

std::unique_ptr<MemoryBuild> build_in_memory(const fs::path& root, BuildOptions options) {
    auto b = std::make_unique<MemoryBuild>();
    build_again(*b, root, std::move(options));
    return b;
}

void build_again(MemoryBuild& b, const fs::path& root, BuildOptions options) {
    options.output = b.site;
    options.disk = &b.disk;
    options.progress = false;
    b.diags = Diagnostics();
    b.summary = BuildSummary();
    b.ok = build_site(root, options, b.diags, &b.summary);
}

Diagnostics MemoryBuild::link_errors() {
    Diagnostics errors;
    check_site_links(site, errors, disk);
    return errors;
}

bool write_parts(SiteWriter& w, const std::string& path, Parts parts, std::vector<std::string>* made,
                 const std::string& key) {
    return w.write_streamed(path, [&](PartStream& stream) {
        for (const auto& [part_key, text] : parts) {
            if (stream.keep(part_key)) continue;
            if (!text) throw std::runtime_error("tidak dapat dibuat");
            if (made) made->push_back(*text);
            stream.add(part_key, *text);
        }
    }, key);
}

Parts unkeyed(std::vector<std::string> texts) {
    Parts out;
    for (auto& t : texts) out.emplace_back(std::string(), std::move(t));
    return out;
}

}  // namespace pepgen::test
