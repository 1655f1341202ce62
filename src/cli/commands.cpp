#include "cli/commands.h"

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include "cli/build.h"
#include "cli/check.h"
#include "cli/data_lock.h"
#include "cli/publication.h"
#include "model/publication.h"
#include "cli/tool_commands.h"
#include "cli/workflow.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

constexpr const char* kVersion = PEPGEN_VERSION;

void usage(std::ostream& os) {
    os << "Penggunaan:\n"
          "  pepgen build [--root DIR] [--output DIR] [--base-url URL] [--penuh] [--verifikasi]\n"
          "        bangun situs (bawaan: ROOT/site); URL = alamat publik situs untuk tautan kanonik,\n"
          "        sitemap dan feed; halaman yang masukannya tidak berubah dipertahankan, kecuali\n"
          "        dengan --penuh (bangun ulang semuanya); --verifikasi membandingkan hasilnya\n"
          "        dengan build penuh di memori, berkas demi berkas\n"
          "  pepgen check [--root DIR]\n"
          "        periksa content/ dan data/ tanpa menulis apa pun\n"
          "  pepgen check --links [--root DIR] [--output DIR]\n"
          "        periksa semua tautan internal dan #fragmen di situs yang sudah dibangun\n"
          "  pepgen new penilaian PERIODE [--jenis rutin|insidental] [--tanggal YYYY-MM-DD] [--csv] [--root DIR]\n"
          "        buat data/penilaian/PERIODE.json untuk LSP yang berlisensi pada tanggal itu dan lembar\n"
          "        kerja lembar-kerja/PERIODE.xlsx (dengan --csv: PERIODE.csv); PERIODE seperti 2027-1\n"
          "        (rutin) atau 2027-i1 (insidental), jenisnya harus sesuai kode itu\n"
          "  pepgen import LEMBAR_KERJA [--periode PERIODE] [--jenis ...] [--tanggal ...] [--coba] [--root DIR]\n"
          "        baca lembar kerja yang sudah diisi (.xlsx, .ods atau .csv, dikenali dari isinya) ke\n"
          "        data/penilaian/PERIODE.json; periode diambil dari buku kerja buatan pepgen (wajib\n"
          "        --periode untuk CSV); berkas lama disimpan dulu di cadangan/; --coba hanya\n"
          "        menampilkan perubahannya tanpa menulis apa pun\n"
          "  pepgen export lsp [--root DIR]\n"
          "        tulis daftar LSP (data/lsp.json) ke buku kerja lembar-kerja/lsp.xlsx; setelah diubah di\n"
          "        program lembar kerja, pepgen import lembar-kerja/lsp.xlsx memperbarui data/lsp.json\n"
          "  pepgen publish [--tanggal YYYY-MM-DD] [--root DIR] [--output DIR] [--base-url URL]\n"
          "        terbitkan: bangun situs tanpa putaran draf dan catat rilis di data/terbitan/ (tanggal,\n"
          "        setiap skor, IK, kategori dan peringkat, SHA-256 setiap berkas data, salinan berkasnya)\n"
          "  pepgen correct --alasan TEKS [--dasar sanggahan|kesalahan-data|kesalahan-hitung|lainnya]\n"
          "                 [--tanggal YYYY-MM-DD] [--coba] [--root DIR]\n"
          "        catat setiap angka terbit yang berubah sebagai ralat di data/terbitan/ralat.json;\n"
          "        tanpa ralat, check, build dan publish menolak angka terbit yang berubah\n"
          "  pepgen serve [--root DIR] [--port N]\n"
          "        pratinjau di http://127.0.0.1:N/ (bawaan 8080), dibangun ulang otomatis saat berkas berubah\n"
          "  pepgen --help | --version\n"
          "\n"
          "Kode keluar: 0 berhasil (peringatan boleh), 1 galat isi atau data, 2 penggunaan salah.\n";
}

struct Parsed {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
};

/// Splits arguments into positionals and --options (each taking one value).
std::optional<Parsed> parse(const std::vector<std::string>& args, const std::string& cmd,
                            const std::set<std::string>& allowed, std::ostream& err) {
    Parsed p;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const auto& a = args[i];
        if (a.rfind("--", 0) != 0) {
            p.positional.push_back(a);
            continue;
        }
        if (!allowed.count(a)) {
            err << "pepgen: opsi tidak dikenal untuk " << cmd << ": " << a << "\n\n";
            usage(err);
            return std::nullopt;
        }
        if (a == "--penuh" || a == "--verifikasi" || a == "--links" || a == "--csv" || a == "--coba") {  // switches, take no value
            p.options[a] = "ya";
            continue;
        }
        if (i + 1 >= args.size() || args[i + 1].empty()) {
            err << "pepgen: " << a << " memerlukan nilai\n";
            return std::nullopt;
        }
        p.options[a] = args[++i];
    }
    return p;
}

std::optional<std::string> opt(const Parsed& p, const std::string& key) {
    auto it = p.options.find(key);
    if (it == p.options.end()) return std::nullopt;
    return it->second;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        usage(err);
        return 2;
    }
    const auto& cmd = args[0];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        usage(out);
        return 0;
    }
    if (cmd == "--version") {
        out << "pepgen " << kVersion << "\n";
        return 0;
    }
    for (const auto& a : args)
        if (a == "--help" || a == "-h") {
            usage(out);
            return 0;
        }
    // Before anything is checked or locked: pepgen-alat does all of it (it takes data/'s lock itself).
    if (is_tool_command(cmd) && !tool_commands()) return run_tool_program(args, out, err);
    static const std::map<std::string, std::set<std::string>> allowed = {
        {"build", {"--root", "--output", "--base-url", "--penuh", "--verifikasi"}},
        {"check", {"--root", "--links", "--output"}},
        {"new", {"--root", "--jenis", "--tanggal", "--csv"}},
        {"import", {"--root", "--periode", "--jenis", "--tanggal", "--coba"}},
        {"export", {"--root"}},
        {"serve", {"--root", "--port"}},
        {"publish", {"--root", "--output", "--base-url", "--tanggal"}},
        {"correct", {"--root", "--alasan", "--dasar", "--tanggal", "--coba"}},
    };
    auto known = allowed.find(cmd);
    if (known == allowed.end()) {
        err << "pepgen: perintah tidak dikenal: " << cmd << "\n\n";
        usage(err);
        return 2;
    }
    auto parsed = parse(args, cmd, known->second, err);
    if (!parsed) return 2;
    const fs::path root = opt(*parsed, "--root").value_or(".");
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        err << "pepgen: direktori proyek tidak ditemukan: " << root.string() << "\n";
        return 2;
    }
    const auto& pos = parsed->positional;
    auto expect_positionals = [&](std::size_t n, const char* what) {
        if (pos.size() == n) return true;
        err << "pepgen: " << cmd << " memerlukan " << what << "\n\n";
        usage(err);
        return false;
    };

    if (cmd == "check") {
        if (!expect_positionals(0, "tidak ada argumen lain")) return 2;
        if (opt(*parsed, "--output") && !opt(*parsed, "--links")) {
            err << "pepgen: --output untuk check hanya berlaku bersama --links\n";
            return 2;
        }
        if (opt(*parsed, "--links"))
            return run_check_links(opt(*parsed, "--output").value_or((root / "site").string()), out, err);
        // Checked as one state, like a build (see read_project_data).
        const auto hold = use_project_data(root, DataUse::read, err);
        if (!hold.ok) return 1;
        return run_check(root, out, err);
    }
    std::optional<std::string> base_url;
    if (auto url = opt(*parsed, "--base-url")) {
        std::string error;
        base_url = normalize_base_url(*url, error);
        if (!base_url) {
            err << "pepgen: --base-url " << error << "\n";
            return 2;
        }
    }
    if (cmd == "build") {
        if (!expect_positionals(0, "tidak ada argumen lain")) return 2;
        BuildOptions options;
        options.output = opt(*parsed, "--output").value_or((root / "site").string());
        options.incremental = !opt(*parsed, "--penuh");
        options.verify = opt(*parsed, "--verifikasi").has_value();
        options.base_url = base_url;
        options.notices = &err;
        return run_build(root, options, out, err);
    }
    if (cmd == "publish") {
        if (!expect_positionals(0, "tidak ada argumen lain")) return 2;
        PublishOptions options;
        options.output = opt(*parsed, "--output").value_or((root / "site").string());
        options.base_url = base_url;
        options.date = opt(*parsed, "--tanggal");
        const auto hold = hold_project_data(root, err);
        if (!hold.ok) return 1;
        return run_publish(root, options, out, err);
    }
    if (cmd == "correct") {
        if (!expect_positionals(0, "tidak ada argumen lain")) return 2;
        CorrectOptions options;
        options.reason = trim(opt(*parsed, "--alasan").value_or(""));
        if (options.reason.empty()) {
            err << "pepgen: correct memerlukan --alasan \"...\": alasan koreksi dibaca publik di halaman Ralat\n";
            return 2;
        }
        options.basis = opt(*parsed, "--dasar").value_or("lainnya");
        bool basis_known = false;
        for (const auto& b : correction_bases()) basis_known = basis_known || options.basis == b.key;
        if (!basis_known) {
            err << "pepgen: --dasar '" << options.basis
                << "' tidak dikenal; pilih sanggahan, kesalahan-data, kesalahan-hitung atau lainnya\n";
            return 2;
        }
        options.date = opt(*parsed, "--tanggal");
        options.dry_run = opt(*parsed, "--coba").has_value();
        // A dry run changes nothing, but what it reports is read as one state, like a build's.
        const auto hold = use_project_data(root, options.dry_run ? DataUse::read : DataUse::change, err);
        if (!hold.ok) return 1;
        return run_correct(root, options, out, err);
    }
    if (cmd == "new") {
        if (pos.size() != 2 || pos[0] != "penilaian") {
            err << "pepgen: gunakan: pepgen new penilaian PERIODE\n";
            return 2;
        }
        NewRoundOptions options;
        options.period = pos[1];
        options.kind = opt(*parsed, "--jenis");
        options.date = opt(*parsed, "--tanggal");
        options.csv = opt(*parsed, "--csv").has_value();
        const auto hold = hold_project_data(root, err);
        if (!hold.ok) return 1;
        return tool_commands()->new_round(root, options, out, err);
    }
    if (cmd == "import") {
        if (!expect_positionals(1, "satu berkas lembar kerja (.xlsx, .ods atau .csv)")) return 2;
        ImportOptions options;
        options.worksheet = pos[0];
        options.period = opt(*parsed, "--periode");
        options.kind = opt(*parsed, "--jenis");
        options.date = opt(*parsed, "--tanggal");
        options.dry_run = opt(*parsed, "--coba").has_value();
        // A dry run changes nothing, but what it reports is read as one state, like a build's.
        const auto hold = use_project_data(root, options.dry_run ? DataUse::read : DataUse::change, err);
        if (!hold.ok) return 1;
        return tool_commands()->import(root, options, out, err);
    }
    if (cmd == "export") {
        if (pos.size() != 1 || pos[0] != "lsp") {
            err << "pepgen: gunakan: pepgen export lsp\n";
            return 2;
        }
        const auto hold = use_project_data(root, DataUse::read, err);
        if (!hold.ok) return 1;
        return tool_commands()->export_registry(root, out, err);
    }
    // serve
    if (!expect_positionals(0, "tidak ada argumen lain")) return 2;
    int port = 8080;
    if (auto p = opt(*parsed, "--port")) {
        try {
            std::size_t used = 0;
            port = std::stoi(*p, &used);
            if (used != p->size() || port < 0 || port > 65535) throw std::out_of_range("port");
        } catch (...) {
            err << "pepgen: --port harus bilangan 0..65535 (0 = pilih sendiri)\n";
            return 2;
        }
    }
    return tool_commands()->serve(root, port, out, err);
}

}  // namespace pepgen
