#include "cli/commands.h"

#include <filesystem>
#include <optional>
#include <ostream>

#include "cli/build.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

constexpr const char* kVersion = "0.1.0";

void usage(std::ostream& os) {
    os << "Penggunaan:\n"
          "  pepgen build [--root DIR] [--output DIR] [--base-url URL]\n"
          "                                             bangun situs (bawaan: ROOT/site); URL = alamat publik\n"
          "                                             situs untuk tautan kanonik, sitemap dan feed\n"
          "  pepgen check [--root DIR]                  periksa content/ dan data/ tanpa menulis apa pun\n"
          "  pepgen --help | --version\n"
          "\n"
          "Kode keluar: 0 berhasil (peringatan boleh), 1 galat isi atau data, 2 penggunaan salah.\n";
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
    if (cmd != "build" && cmd != "check") {
        err << "pepgen: perintah tidak dikenal: " << cmd << "\n\n";
        usage(err);
        return 2;
    }
    fs::path root = ".";
    std::optional<fs::path> output;
    std::optional<std::string> base_url;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const auto& a = args[i];
        auto value = [&](const std::string& name) -> std::optional<std::string> {
            if (i + 1 >= args.size() || args[i + 1].empty()) {
                err << "pepgen: " << name << " memerlukan nilai\n";
                return std::nullopt;
            }
            return args[++i];
        };
        if (a == "--help" || a == "-h") {
            usage(out);
            return 0;
        } else if (a == "--root") {
            auto v = value(a);
            if (!v) return 2;
            root = *v;
        } else if (a == "--output" && cmd == "build") {
            auto v = value(a);
            if (!v) return 2;
            output = fs::path(*v);
        } else if (a == "--base-url" && cmd == "build") {
            auto v = value(a);
            if (!v) return 2;
            std::string error;
            base_url = normalize_base_url(*v, error);
            if (!base_url) {
                err << "pepgen: --base-url " << error << "\n";
                return 2;
            }
        } else {
            err << "pepgen: opsi tidak dikenal untuk " << cmd << ": " << a << "\n\n";
            usage(err);
            return 2;
        }
    }
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        err << "pepgen: direktori proyek tidak ditemukan: " << root.string() << "\n";
        return 2;
    }
    if (cmd == "check") return run_check(root, out, err);
    return run_build(root, {output.value_or(root / "site"), base_url}, out, err);
}

}  // namespace pepgen
