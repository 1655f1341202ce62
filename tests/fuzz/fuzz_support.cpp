#include "fuzz_support.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#ifndef PEPGEN_SOURCE_DIR
#error "PEPGEN_SOURCE_DIR must be defined (tests/fuzz/CMakeLists.txt does)"
#endif

namespace fs = std::filesystem;

namespace pepgen::fuzz {

namespace {

fs::path* g_root = nullptr;

void remove_scratch() {
    if (!g_root) return;
    std::error_code ec;
    fs::remove_all(*g_root, ec);
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "pepgen fuzz harness: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

}  // namespace

// UBSan checks are compiled recoverable (so that a suppressions file can set a
// known finding aside, see scripts/fuzz.sh FUZZ_SET_ASIDE=1) but halt on the
// first report by default, exactly like -fno-sanitize-recover. UBSAN_OPTIONS
// from the environment is applied on top of these.
extern "C" const char* __ubsan_default_options() {
    return "halt_on_error=1:abort_on_error=1:print_stacktrace=1:report_error_type=1";
}

bool verbose() {
    static const bool v = [] {
        const char* e = std::getenv("PEPGEN_FUZZ_VERBOSE");
        return e && *e && std::strcmp(e, "0") != 0;
    }();
    return v;
}

bool set_aside(const std::string& id) {
    static const std::string list = [] {
        const char* e = std::getenv("PEPGEN_FUZZ_SET_ASIDE");
        return " " + std::string(e ? e : "") + " ";
    }();
    return list.find(" " + id + " ") != std::string::npos;
}

const fs::path& scratch_root() {
    if (!g_root) {
        const char* tmp = std::getenv("TMPDIR");
        std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/pepgen-fuzz-XXXXXX";
        std::vector<char> buf(templ.begin(), templ.end());
        buf.push_back('\0');
        if (!::mkdtemp(buf.data())) die("mkdtemp failed for " + templ);
        g_root = new fs::path(buf.data());  // intentionally never freed (reachable global)
        std::atexit(remove_scratch);
    }
    return *g_root;
}

void write_file(const fs::path& path, std::string_view bytes) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) die("cannot open " + path.string() + " for writing");
    if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) die("short write to " + path.string());
    if (std::fclose(f) != 0) die("cannot close " + path.string());
}

// ---------------------------------------------------------------- fixtures

namespace {

std::string indicator_md(const std::string& code, const std::string& group, const std::string& title, int max) {
    const int mid = max / 2;
    return "---\nkode: " + code + "\nkelompok: " + group + "\njudul: \"" + title + "\"\nskor_maks: " +
           std::to_string(max) + "\nringkasan: \"Ringkasan " + code + ".\"\nrubrik:\n  - dari: 0\n    sampai: " +
           std::to_string(mid) + "\n    label: Kurang\n    kriteria: \"Belum ada *bukti*.\"\n  - dari: " +
           std::to_string(mid + 1) + "\n    sampai: " + std::to_string(max) +
           "\n    label: Baik\n    kriteria: \"Bukti **lengkap**, lihat [panduan](../../panduan/dasar/).\"\n"
           "bukti:\n  - \"Dokumen " + code + "\"\n  - \"Notulen `rapat`\"\n---\n## Apa yang dinilai\n\n"
           "Indikator " + code + " menilai sesuatu. Lihat <https://contoh.example/>.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
}

// Uses only the default columns, so any dataset with a text and a numeric
// column validates, whatever data_json_fuzz feeds as data/statistik/x.json.
const char* kReportDefaults =
    "---\njudul: Laporan X\nurutan: 1\nringkasan: Semua jenis grafik.\n---\nPengantar.\n\n"
    "```statistik\ndata: x\n```\n\n"
    "```statistik\ndata: x\ngrafik: peta\n```\n\n"
    "```statistik\ndata: x\ngrafik: batang-bertumpuk\ntabel: tidak\njudul: Bertumpuk\n```\n\n"
    "```statistik\ndata: x\ngrafik: garis\n```\n\n"
    "```statistik\ndata: x\ngrafik: tidak\n```\n";

// Names the columns of dataset_x() explicitly (small fixture only).
const char* kReportExplicit =
    "---\njudul: Laporan X\nurutan: 1\nringkasan: Semua jenis grafik.\n---\nPengantar.\n\n"
    "```statistik\ndata: x\ngrafik: peta\nlabel: provinsi\nnilai: [jumlah]\n```\n\n"
    "```statistik\ndata: x\ngrafik: batang-bertumpuk\nnilai: [p1, p3]\ntabel: tidak\njudul: LSP per jenis\n```\n\n"
    "```statistik\ndata: x\ngrafik: garis\nnilai: [p1, p3]\n```\n\n"
    "```statistik\ndata: x\ngrafik: garis\nnilai: [anggaran]\n```\n\n"
    "```statistik\ndata: x\ngrafik: batang\nnilai: [p1, p3]\n```\n\n"
    "```statistik\ndata: x\ngrafik: batang\nnilai: realisasi\n```\n\n"
    "```statistik\ndata: x\ngrafik: tidak\n```\n";

void write_common_pages(const fs::path& root) {
    write_file(root / "pepgen.yaml", "judul: Situs Fuzz\npenerbit: Tim Fuzz\n");
    write_file(root / "content/beranda.md",
               "---\njudul: Beranda\nringkasan: Ringkasan beranda.\n---\nHalo, lihat [daftar](lsp/).\n");
    write_file(root / "content/panduan/dasar.md",
               "---\njudul: Dasar\nurutan: 1\nringkasan: Dasar hukum.\n---\nLihat [indikator](../../indikator/m01/#x).\n");
    write_file(root / "content/kamus-data.md", "---\njudul: Kamus data\n---\n## Kolom\n\n- `ik`: indeks kinerja\n");
}

}  // namespace

void Fixture::write_small_content(const fs::path& root) {
    write_common_pages(root);
    write_file(root / "content/panduan/indeks.md",
               "---\njudul: Indeks\nurutan: 2\nik_maks: 40\nskor_bawaan: true\ncatatan_skor: Bawaan uji.\n"
               "kategori:\n"
               "  - {kode: atas, nama: Atas, min: 30, maks: 40, kondisi: Sehat.}\n"
               "  - {kode: tengah, nama: Tengah, min: 20, maks: 29, kondisi: Cukup.}\n"
               "  - {kode: bawah, nama: Bawah, min: 0, maks: 19, kondisi: Kurang.}\n"
               "---\nIK adalah jumlah skor.\n");
    write_file(root / "content/indikator/M01.md", indicator_md("M01", "masukan", "Visi", 10));
    write_file(root / "content/indikator/P01.md", indicator_md("P01", "proses", "Proses", 20));
    write_file(root / "content/indikator/D01.md", indicator_md("D01", "dampak", "Dampak", 10));
    write_file(root / "content/statistik/laporan-x.md", kReportExplicit);
}

void Fixture::write_full_content(const fs::path& root) {
    write_common_pages(root);
    write_file(root / "content/panduan/indeks-kinerja.md",
               "---\njudul: \"Indeks Kinerja\"\nurutan: 5\nik_maks: 350\nskor_bawaan: true\ncatatan_skor: \"Bawaan.\"\n"
               "kategori:\n"
               "  - {kode: sangat-baik, nama: Sangat Baik, min: 301, maks: 350, kondisi: \"Sehat.\"}\n"
               "  - {kode: baik, nama: Baik, min: 251, maks: 300, kondisi: \"Cukup sehat.\"}\n"
               "  - {kode: cukup-baik, nama: Cukup Baik, min: 200, maks: 250, kondisi: \"Belum mandiri.\"}\n"
               "  - {kode: kurang-baik, nama: Kurang Baik, min: 0, maks: 199, kondisi: \"Tidak sehat.\"}\n"
               "---\n## Cara menghitung\n\nIK adalah jumlah skor.\n");
    struct G { const char* prefix; const char* key; int count; int max; };
    for (const G& g : {G{"M", "masukan", 12, 10}, G{"P", "proses", 5, 20}, G{"K", "keluaran", 5, 14},
                       G{"H", "hasil", 2, 15}, G{"D", "dampak", 3, 10}})
        for (int i = 1; i <= g.count; ++i) {
            char code[8];
            std::snprintf(code, sizeof code, "%s%02d", g.prefix, i);
            write_file(root / "content/indikator" / (std::string(code) + ".md"),
                       indicator_md(code, g.key, std::string("Indikator ") + code, g.max));
        }
    write_file(root / "content/statistik/laporan-x.md", kReportDefaults);
}

void Fixture::write_meta(const fs::path& root) {
    write_file(root / "data/meta.json", R"J({"data_contoh": true, "keterangan": "Data uji fuzz."})J");
}

std::string Fixture::small_registry() {
    return R"J({"lsp": [
  {"id": "lsp-a", "nama": "LSP Uji A", "jenis": "P1", "provinsi": "Bali", "kota": "Denpasar", "nomor_lisensi": "A-1",
   "lisensi_terbit": "2025-01-02", "lisensi_berlaku_sampai": "2030-01-01", "situs_web": "https://a.example", "alamat": "Jl. A"},
  {"id": "lsp-b", "nama": "LSP Uji B", "jenis": "P2", "provinsi": "Aceh", "nomor_lisensi": "B-1", "lisensi_berlaku_sampai": "2030-01-01"}
]})J";
}

std::string Fixture::full_registry() {
    std::string out = "{\"lsp\": [\n";
    const char* prov[] = {"DKI Jakarta", "Jawa Barat", "Jawa Tengah", "Sulawesi Selatan"};
    const char* type[] = {"P3", "P3", "P1", "P2"};
    for (int i = 1; i <= 4; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "lsp-contoh-%02d", i);
        out += std::string(i > 1 ? ",\n" : "") + "  {\"id\": \"" + id + "\", \"nama\": \"LSP Contoh " + std::to_string(i) +
               "\", \"jenis\": \"" + type[i - 1] + "\", \"provinsi\": \"" + prov[i - 1] +
               "\", \"kota\": \"Kota\", \"nomor_lisensi\": \"BNSP-" + std::to_string(i) +
               "\", \"lisensi_terbit\": \"2022-02-14\", \"lisensi_berlaku_sampai\": \"2027-02-13\", "
               "\"situs_web\": \"https://" + id + ".example\", \"alamat\": \"Jl. Contoh\"}";
    }
    return out + "\n]}\n";
}

void Fixture::write_small_rounds(const fs::path& root) {
    // Two periodic rounds (so scorecards show a change) and a later incidental one.
    write_file(root / "data/penilaian/2025-1.json", R"J({"periode": "2025-1", "jenis": "rutin", "tanggal": "2025-06-01",
  "judul": "Penilaian Rutin 2025-1",
  "tim": [{"nama": "Penilai Satu", "instansi": "BNSP"}, "Penilai Dua"],
  "hasil": [
    {"lsp": "lsp-a", "skor": {"M01": 8, "P01": 15, "D01": 7}, "catatan": "Baik.", "rekomendasi": ["Pertahankan."]},
    {"lsp": "lsp-b", "skor": {"M01": 2, "P01": 5, "D01": 3}}
  ]})J");
    write_file(root / "data/penilaian/2025-2.json", R"J({"periode": "2025-2", "jenis": "rutin", "tanggal": "2025-11-01",
  "hasil": [
    {"lsp": "lsp-a", "skor": {"M01": 9, "P01": 18, "D01": 9}, "catatan": "Naik *terus*.", "rekomendasi": ["Pertahankan **mutu**."]},
    {"lsp": "lsp-b", "skor": {"M01": 3, "P01": null, "D01": 4}, "catatan": "Belum lengkap."}
  ]})J");
    write_file(root / "data/penilaian/2025-i1.json", R"J({"periode": "2025-i1", "jenis": "insidental", "tanggal": "2025-12-01",
  "hasil": [{"lsp": "lsp-a", "skor": {"M01": 1, "P01": 2, "D01": 3}, "catatan": "Pengaduan."}]})J");
}

std::string Fixture::full_round() {
    static const int scores[4][27] = {
        {8, 9, 7, 5, 8, 8, 8, 9, 10, 8, 9, 10, 20, 20, 19, 17, 17, 14, 13, 14, 13, 13, 15, 15, 10, 10, 9},
        {9, 7, 10, 9, 7, 7, 10, 8, 8, 9, 5, 6, 15, 17, 11, 15, 14, 13, 10, 12, 11, 13, 8, 13, 7, 8, 6},
        {9, 8, 8, 8, 7, 8, 8, 9, 7, 7, 7, 9, 18, 19, 15, 17, 16, 10, 11, 11, 9, 13, 11, 12, 8, 7, 8},
        {5, 6, 4, 6, 5, 6, 6, 4, 6, 6, 8, 3, 12, 14, 14, 9, 15, 13, 11, 14, 9, 10, 9, 8, 3, 5, 3},
    };
    static const char* codes[27] = {"M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09",
                                    "M10", "M11", "M12", "P01", "P02", "P03", "P04", "P05", "K01",
                                    "K02", "K03", "K04", "K05", "H01", "H02", "D01", "D02", "D03"};
    std::string out = "{\n  \"periode\": \"2025-1\",\n  \"jenis\": \"rutin\",\n  \"tanggal\": \"2025-06-16\",\n"
                      "  \"judul\": \"Penilaian Rutin Semester I Tahun 2025\",\n"
                      "  \"tim\": [{\"nama\": \"Dr. Rina\", \"instansi\": \"BNSP\"}],\n  \"hasil\": [\n";
    for (int i = 0; i < 4; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "lsp-contoh-%02d", i + 1);
        out += std::string(i ? ",\n" : "") + "    {\"lsp\": \"" + id + "\", \"skor\": {";
        for (int k = 0; k < 27; ++k)
            out += std::string(k ? ", " : "") + "\"" + codes[k] + "\": " + (i == 3 && k == 26 ? std::string("null") : std::to_string(scores[i][k]));
        out += "}, \"catatan\": \"Catatan *tim* untuk " + std::string(id) + ".\", \"rekomendasi\": [\"Perbaiki **arsip**.\"]}";
    }
    return out + "\n  ]\n}\n";
}

std::string Fixture::dataset_x() {
    return R"J({
  "id": "x",
  "judul": "LSP per Provinsi (uji)",
  "tahun": 2021,
  "sumber": {"dokumen": "Laporan Uji", "bagian": "Tabel 9. Uji"},
  "keterangan": "Tabel uji.",
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
})J";
}

void Fixture::copy_themes(const fs::path& root) {
    std::error_code ec;
    fs::remove_all(root / "themes", ec);
    fs::copy(fs::path(PEPGEN_SOURCE_DIR) / "themes", root / "themes", fs::copy_options::recursive, ec);
    if (ec) die("cannot copy themes from " + std::string(PEPGEN_SOURCE_DIR) + ": " + ec.message());
}

// ---------------------------------------------------------------- strings

std::vector<std::string> split_fields(const std::uint8_t* data, std::size_t size, std::size_t max_fields) {
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0 && out.size() + 1 < max_fields) {
            out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += static_cast<char>(data[i]);
        }
    }
    out.push_back(std::move(cur));
    return out;
}

std::string repair_utf8(std::string_view s) {
    static const char kReplacement[] = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) { out += kReplacement; ++i; continue; }
        if (c < 0x80) { out += static_cast<char>(c); ++i; continue; }
        int len = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        bool ok = len > 0 && i + static_cast<std::size_t>(len) <= n;
        for (int k = 1; ok && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc & 0xC0) != 0x80) ok = false;
            else cp = (cp << 6) | (cc & 0x3F);
        }
        if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
                   (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (!ok) { out += kReplacement; ++i; continue; }
        out.append(s.substr(i, static_cast<std::size_t>(len)));
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::string clean_text(std::string_view s) {
    std::string out;
    for (char c : repair_utf8(s)) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t' && c != '\r') || u == 0x7F) continue;
        out += c;
    }
    return out;
}

// ---------------------------------------------------------------- HTML check

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

[[noreturn]] void unsafe(const std::string& page, const std::string& why, const std::string& html, std::size_t at) {
    const std::size_t from = at > 200 ? at - 200 : 0;
    std::fprintf(stderr, "\n==== UNSAFE HTML in %s: %s\n---- excerpt (offset %zu) ----\n%s\n---- end ----\n", page.c_str(),
                 why.c_str(), at, html.substr(from, 600).c_str());
    std::fflush(stderr);
    std::abort();
}

/// Decodes the character references a browser would decode in an attribute
/// value (numeric ones and the few named ones that matter for URL schemes).
std::string decode_entities(std::string_view v) {
    std::string out;
    for (std::size_t i = 0; i < v.size();) {
        if (v[i] != '&') { out += v[i++]; continue; }
        std::size_t j = i + 1;
        if (j < v.size() && v[j] == '#') {
            ++j;
            const bool hex = j < v.size() && (v[j] == 'x' || v[j] == 'X');
            if (hex) ++j;
            unsigned long cp = 0;
            std::size_t digits = 0;
            while (j < v.size() && digits < 12) {
                const char c = v[j];
                int d = -1;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
                if (d < 0) break;
                cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
                ++j;
                ++digits;
            }
            if (digits == 0) { out += v[i++]; continue; }
            if (j < v.size() && v[j] == ';') ++j;
            if (cp < 0x80) out += static_cast<char>(cp);
            else out += '?';  // non-ASCII never forms a scheme
            i = j;
            continue;
        }
        static const std::pair<const char*, char> named[] = {{"colon;", ':'}, {"tab;", '\t'}, {"newline;", '\n'},
                                                             {"amp;", '&'},   {"lt;", '<'},   {"gt;", '>'},
                                                             {"quot;", '"'},  {"apos;", '\''}, {"sol;", '/'}};
        bool done = false;
        for (const auto& [name, ch] : named) {
            const std::size_t len = std::strlen(name);
            if (lower(v.substr(j, len)) == name) {
                out += ch;
                i = j + len;
                done = true;
                break;
            }
        }
        if (!done) out += v[i++];
    }
    return out;
}

/// The scheme a browser would see: controls and spaces stripped at the ends,
/// tab/CR/LF removed anywhere, lowercased.
std::string url_scheme_view(const std::string& value) {
    std::string s;
    for (char c : decode_entities(value))
        if (c != '\t' && c != '\n' && c != '\r') s += c;
    std::size_t b = 0;
    while (b < s.size() && static_cast<unsigned char>(s[b]) <= 0x20) ++b;
    return lower(s.substr(b));
}

bool allowed_script(const std::vector<std::pair<std::string, std::string>>& attrs) {
    std::string src;
    bool defer = false;
    for (const auto& [name, value] : attrs) {
        if (name == "src") src = value;
        else if (name == "defer") defer = true;
        else return false;
    }
    auto only_dotdots = [](std::string_view p) {
        while (p.size() >= 3 && p.substr(0, 3) == "../") p.remove_prefix(3);
        return p.empty();
    };
    auto under_assets = [&](const std::string& file) {
        const std::string tail = "assets/" + file;
        return src.size() >= tail.size() && src.compare(src.size() - tail.size(), tail.size(), tail) == 0 &&
               only_dotdots(std::string_view(src).substr(0, src.size() - tail.size()));
    };
    if (defer) return under_assets("situs.js");
    return src == "indeks.js" || under_assets("cari.js");
}

}  // namespace

namespace {

bool ieq(std::string_view a, std::string_view lower_b) {
    if (a.size() != lower_b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower_b[i]) return false;
    }
    return true;
}

bool istarts(std::string_view a, std::string_view lower_prefix) {
    return a.size() >= lower_prefix.size() && ieq(a.substr(0, lower_prefix.size()), lower_prefix);
}

/// Case-insensitive search for a lowercase needle.
std::size_t ifind(std::string_view hay, std::string_view lower_needle, std::size_t from) {
    for (std::size_t i = from; i + lower_needle.size() <= hay.size(); ++i)
        if (ieq(hay.substr(i, lower_needle.size()), lower_needle)) return i;
    return std::string_view::npos;
}

struct Attr {
    std::string_view name, value;
};

}  // namespace

void check_html_safe(const std::string& page, const std::string& html_string) {
    const std::string_view html(html_string);
    const std::size_t n = html.size();
    std::vector<Attr> attrs;
    std::size_t i = 0;
    while (i < n) {
        const std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) break;
        i = lt + 1;
        if (html.substr(lt, 4) == "<!--") {
            const auto end = html.find("-->", lt + 4);
            i = end == std::string_view::npos ? n : end + 3;
            continue;
        }
        bool closing = false;
        std::size_t p = lt + 1;
        if (p < n && html[p] == '/') { closing = true; ++p; }
        if (p >= n || !std::isalpha(static_cast<unsigned char>(html[p]))) {
            if (p < n && (html[p] == '!' || html[p] == '?')) {  // doctype / bogus comment
                const auto end = html.find('>', p);
                i = end == std::string_view::npos ? n : end + 1;
            }
            continue;
        }
        std::size_t q = p;
        while (q < n && !is_space(html[q]) && html[q] != '/' && html[q] != '>') ++q;
        const std::string_view tag = html.substr(p, q - p);
        // Attributes, tokenised the way an HTML5 parser does.
        attrs.clear();
        while (q < n && html[q] != '>') {
            if (is_space(html[q]) || html[q] == '/') { ++q; continue; }
            const std::size_t ns = q;
            ++q;  // a name may start with '='
            while (q < n && !is_space(html[q]) && html[q] != '/' && html[q] != '>' && html[q] != '=') ++q;
            const std::string_view name = html.substr(ns, q - ns);
            while (q < n && is_space(html[q])) ++q;
            std::string_view value;
            if (q < n && html[q] == '=') {
                ++q;
                while (q < n && is_space(html[q])) ++q;
                if (q < n && (html[q] == '"' || html[q] == '\'')) {
                    const char quote = html[q++];
                    const auto end = html.find(quote, q);
                    const std::size_t stop = end == std::string_view::npos ? n : end;
                    value = html.substr(q, stop - q);
                    q = stop == n ? n : stop + 1;
                } else {
                    const std::size_t vs = q;
                    while (q < n && !is_space(html[q]) && html[q] != '>') ++q;
                    value = html.substr(vs, q - vs);
                }
            }
            attrs.push_back({name, value});
        }
        i = q < n ? q + 1 : n;
        if (closing) continue;
        for (const auto& [name, value] : attrs) {
            if (name.size() > 2 && istarts(name, "on"))
                unsafe(page, "event-handler attribute '" + std::string(name) + "' on <" + std::string(tag) + ">",
                       html_string, lt);
            if (ieq(name, "href") || ieq(name, "src") || ieq(name, "action") || ieq(name, "formaction") ||
                ieq(name, "xlink:href") || ieq(name, "poster") || ieq(name, "data")) {
                // Fast path: a value without ':' or '&' cannot name a scheme.
                if (value.find(':') == std::string_view::npos && value.find('&') == std::string_view::npos) continue;
                const auto scheme = url_scheme_view(std::string(value));
                if (scheme.rfind("javascript:", 0) == 0 || scheme.rfind("vbscript:", 0) == 0)
                    unsafe(page, "script URL in " + std::string(name) + "=\"" + std::string(value) + "\" on <" +
                                     std::string(tag) + ">",
                           html_string, lt);
            }
        }
        if (ieq(tag, "iframe") || ieq(tag, "object") || ieq(tag, "embed") || ieq(tag, "base") || ieq(tag, "frame") ||
            ieq(tag, "frameset"))
            unsafe(page, "unexpected <" + std::string(tag) + "> element", html_string, lt);
        if (ieq(tag, "script")) {
            std::vector<std::pair<std::string, std::string>> named;
            for (const auto& [name, value] : attrs) named.emplace_back(lower(name), std::string(value));
            if (!allowed_script(named))
                unsafe(page, "<script> element that is not one of the theme's own", html_string, lt);
            // Raw text up to </script>: the theme's scripts are empty.
            if (!istarts(html.substr(i), "</script"))
                unsafe(page, "theme <script> element with inline content", html_string, lt);
        }
        if (ieq(tag, "style")) {
            const auto end = ifind(html, "</style", i);
            i = end == std::string_view::npos ? n : end;
        }
    }
}

}  // namespace pepgen::fuzz
