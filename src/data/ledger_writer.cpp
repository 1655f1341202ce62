#include "data/ledger_writer.h"

#include <set>

#include "data/ledger_loader.h"
#include "format/json_pretty.h"
#include "util/atomic_file.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

void pair(JsonStream& js, const char* key, const std::optional<int>& a, const std::optional<int>& b) {
    js.key(key).begin_array(true);
    js.number_or_null(a);
    js.number_or_null(b);
    js.end();
}

void text_or_null(JsonStream& js, const std::string& s) {
    if (s.empty()) js.null();
    else js.string(s);
}

}  // namespace

std::string release_json(const Release& r, const std::vector<std::string>& catalogue) {
    std::string out;
    // Files the team keeps: readable as written, no HTML escaping.
    JsonStream js(out, false);
    js.begin_object(false);
    js.key("rilis").number(r.number);
    js.key("tanggal").string(r.date);
    js.key("sebelumnya");
    text_or_null(js, r.previous_sha256);
    js.key("ralat").number(static_cast<std::int64_t>(r.corrections));
    js.key("ralat_sha256").string(r.corrections_sha256);
    js.key("putaran").begin_array(false);
    for (const auto& round : r.rounds) {
        js.begin_object(false);
        js.key("periode").string(round.period);
        js.key("hasil").begin_array(false);
        for (const auto& s : round.sheets) {
            js.begin_object(false);
            js.key("lsp").string(s.lsp_id);
            js.key("skor").begin_object(true);
            std::set<std::string> done;
            for (const auto& code : catalogue)
                if (auto it = s.scores.find(code); it != s.scores.end()) {
                    js.key(code).number_or_null(it->second);
                    done.insert(code);
                }
            for (const auto& [code, v] : s.scores)
                if (!done.count(code)) js.key(code).number_or_null(v);
            js.end();
            js.key("ik").number_or_null(s.ik);
            js.key("kategori");
            text_or_null(js, s.category);
            js.key("peringkat").number_or_null(s.rank);
            js.end();
        }
        js.end();
        js.end();
    }
    js.end();
    js.key("berkas").begin_object(false);
    for (const auto& [path, hash] : r.files) js.key(path).string(hash);
    js.end();
    js.end();
    return out + "\n";
}

std::string corrections_json(const std::vector<Correction>& corrections) {
    std::string out;
    JsonStream js(out, false);
    js.begin_object(false);
    js.key("ralat").begin_array(false);
    for (const auto& c : corrections) {
        js.begin_object(false);
        js.key("nomor").number(c.number);
        js.key("tanggal").string(c.date);
        js.key("alasan").string(c.reason);
        js.key("dasar").string(c.basis);
        js.key("perubahan").begin_array(false);
        for (const auto& ch : c.changes) {
            js.begin_object(true);
            js.key("periode").string(ch.period);
            js.key("lsp").string(ch.lsp_id);
            js.key("indikator");
            text_or_null(js, ch.code);
            if (ch.sheet_added || ch.sheet_removed) js.key("lembar").string(ch.sheet_added ? "ditambah" : "dihapus");
            js.key("lama").number_or_null(ch.old_value);
            js.key("baru").number_or_null(ch.new_value);
            js.end();
        }
        js.end();
        js.key("akibat").begin_array(false);
        for (const auto& q : c.consequences) {
            js.begin_object(false);
            js.key("periode").string(q.period);
            js.key("lsp").string(q.lsp_id);
            if (q.ik_changed) pair(js, "ik", q.old_ik, q.new_ik);
            if (q.category_changed) {
                js.key("kategori").begin_array(true);
                text_or_null(js, q.old_category);
                text_or_null(js, q.new_category);
                js.end();
            }
            if (q.rank_changed) pair(js, "peringkat", q.old_rank, q.new_rank);
            js.end();
        }
        js.end();
        js.end();
    }
    js.end();
    js.end();
    return out + "\n";
}

std::string archive_bytes(const fs::path& root, const std::string& sha256, const std::string& bytes) {
    const auto dir = root / "data" / "terbitan" / "arsip";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return display_path(root, dir) + ": folder arsip tidak dapat dibuat: " + ec.message();
    const auto path = dir / sha256;
    if (entry_exists(path)) return {};
    auto error = write_file_atomically(path, bytes);
    return error.empty() ? std::string() : display_path(root, path) + ": " + error;
}

}  // namespace pepgen
