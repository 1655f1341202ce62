// serve_path_fuzz: one request target, as `pepgen serve` receives it on the
// request line (the bytes between "GET " and " HTTP/1.1").
//
//   resolve_request_target -> read_site_file on a small site that holds
//   symlinks to a secret file outside it (directly and through a folder).
//
// Oracles: the result is a refusal or a relative path that is not empty, not
// absolute, has no empty, '.' or '..' segment (none starting with '.'), and
// no NUL, control character or backslash; joined to the site folder and
// normalised it stays inside it; and reading it never returns the secret.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli/serve_path.h"
#include "fuzz_support.h"

using namespace pepgen;
namespace fs = std::filesystem;

namespace {

constexpr const char* kSecret = "RAHASIA-DI-LUAR-SITUS";

[[noreturn]] void fail(const std::string& target, const std::string& what) {
    std::fprintf(stderr, "pepgen fuzz harness: serve_path: %s for target \"%s\"\n", what.c_str(), target.c_str());
    std::fflush(stderr);
    std::abort();
}

/// scratch/site with a few real files, symlinks leading out of it, and the
/// secret they lead to beside it.
const fs::path& site() {
    static const fs::path dir = [] {
        const auto root = fuzz::scratch_root() / "serve_path";
        const auto s = root / "site";
        fuzz::write_file(root / "rahasia.txt", kSecret);
        fuzz::write_file(s / "index.html", "<!DOCTYPE html><title>beranda</title>");
        fuzz::write_file(s / "lsp/lsp-a/index.html", "kartu");
        fuzz::write_file(s / "assets/style.css", "body{}");
        std::error_code ec;
        fs::create_symlink(root / "rahasia.txt", s / "tautan.txt", ec);
        fs::create_directory_symlink(root, s / "luar", ec);
        fs::create_directory_symlink(root, s / "assets" / "naik", ec);
        return s;
    }();
    return dir;
}

void check_path(const std::string& target, const std::string& rel) {
    if (rel.empty()) fail(target, "empty path");
    if (rel.front() == '/') fail(target, "absolute path \"" + rel + "\"");
    for (const char c : rel) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f || c == '\\') fail(target, "control character or backslash in \"" + rel + "\"");
    }
    std::size_t start = 0;
    while (start <= rel.size()) {
        auto end = rel.find('/', start);
        if (end == std::string::npos) end = rel.size();
        const auto segment = rel.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == ".." || segment.front() == '.')
            fail(target, "segment \"" + segment + "\" in \"" + rel + "\"");
        start = end + 1;
    }
    const auto joined = (fs::path("/situs") / rel).lexically_normal().string();
    if (joined.rfind("/situs/", 0) != 0) fail(target, "\"" + rel + "\" leaves the site: " + joined);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string target(reinterpret_cast<const char*>(data), size);
    const auto rel = resolve_request_target(target);
    if (!rel) return 0;
    check_path(target, *rel);
    if (const auto file = read_site_file(site(), *rel); file && file->bytes.find(kSecret) != std::string::npos)
        fail(target, "read the file outside the site through \"" + *rel + "\"");
    return 0;
}
