#include "data/ledger_loader.h"

#include <algorithm>
#include <cstdio>

#include "data/json_reader.h"
#include "util/files.h"
#include "util/sha256.h"
#include "util/text.h"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace pepgen {

namespace {

bool is_hex64(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

/// An integer or null, read without JsonFields' "required" handling.
std::optional<int> int_or_null(const json::value* v, bool& ok) {
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_int64() && v->get_int64() >= -1000000 && v->get_int64() <= 1000000)
        return static_cast<int>(v->get_int64());
    ok = false;
    return std::nullopt;
}

/// "ik": [old, new] and the like: a pair of integers or nulls.
bool read_pair(const json::object& obj, const char* key, std::optional<int>& a, std::optional<int>& b, bool& present) {
    const auto* v = obj.if_contains(key);
    if (!v) return true;
    present = true;
    if (!v->is_array() || v->get_array().size() != 2) return false;
    bool ok = true;
    a = int_or_null(&v->get_array()[0], ok);
    b = int_or_null(&v->get_array()[1], ok);
    return ok;
}

bool read_text_pair(const json::object& obj, const char* key, std::string& a, std::string& b, bool& present) {
    const auto* v = obj.if_contains(key);
    if (!v) return true;
    present = true;
    if (!v->is_array() || v->get_array().size() != 2) return false;
    for (int i = 0; i < 2; ++i) {
        const auto& e = v->get_array()[i];
        if (e.is_null()) continue;
        if (!e.is_string()) return false;
        (i == 0 ? a : b) = std::string(e.get_string());
    }
    return true;
}

void read_sheet(const json::object& obj, const JsonDoc& doc, Diagnostics& diags, const std::string& where,
                PublishedSheet& sheet, bool& ok) {
    JsonFields f(obj, doc, diags, where, doc.line_of("\"" + sheet.lsp_id + "\""));
    if (const auto* skor = f.object("skor", true))
        for (const auto& [code, value] : *skor) {
            bool good = true;
            auto v = int_or_null(&value, good);
            if (!good) {
                f.error("skor " + std::string(code) + " harus bilangan bulat atau null");
                ok = false;
            }
            sheet.scores[std::string(code)] = v;
        }
    bool good = true;
    sheet.ik = int_or_null(obj.if_contains("ik"), good);
    sheet.rank = int_or_null(obj.if_contains("peringkat"), good);
    if (const auto* k = obj.if_contains("kategori"); k && k->is_string()) sheet.category = std::string(k->get_string());
    else if (k && !k->is_null()) good = false;
    if (!good) {
        f.error("ik, kategori dan peringkat harus bilangan bulat/teks atau null");
        ok = false;
    }
}

std::optional<Release> read_release(const fs::path& root, const fs::path& path, Diagnostics& diags) {
    auto doc = read_json_file(root, path, diags);
    if (!doc) return std::nullopt;
    if (!doc->value.is_object()) {
        diags.error(doc->file, "isi berkas rilis harus berupa objek {\"rilis\": ..., \"putaran\": [...]}", 1);
        return std::nullopt;
    }
    JsonFields f(doc->value.get_object(), *doc, diags, "", 0);
    Release r;
    r.source_file = doc->file;
    r.sha256 = sha256_hex(doc->text);
    bool ok = true;
    const auto number = f.integer("rilis", true);
    if (!number || *number < 1 || *number > 99999) {
        if (number) f.error("rilis harus bilangan 1 atau lebih");
        ok = false;
    } else {
        r.number = static_cast<int>(*number);
        if (path.filename().string() != release_file_name(r.number)) {
            f.error_at(doc->line_of("\"rilis\""),
                       "rilis " + std::to_string(r.number) + " harus bernama " + release_file_name(r.number));
            ok = false;
        }
    }
    r.date = f.text("tanggal", true).value_or("");
    if (r.date.empty() || !is_iso_date(r.date)) {
        if (!r.date.empty()) f.error("tanggal '" + r.date + "' bukan tanggal YYYY-MM-DD yang sah");
        ok = false;
    }
    const auto& obj = doc->value.get_object();
    if (const auto* prev = obj.if_contains("sebelumnya"); prev && !prev->is_null()) {
        if (!prev->is_string() || !is_hex64(prev->get_string())) {
            f.error("sebelumnya harus berupa SHA-256 (64 digit heksadesimal huruf kecil) atau null");
            ok = false;
        } else {
            r.previous_sha256 = std::string(prev->get_string());
        }
    }
    const auto count = f.integer("ralat", true);
    if (count && *count >= 0) r.corrections = static_cast<std::size_t>(*count);
    else {
        if (count) f.error("ralat harus bilangan 0 atau lebih");
        ok = false;
    }
    r.corrections_sha256 = f.text("ralat_sha256", true).value_or("");
    if (!is_hex64(r.corrections_sha256)) {
        if (!r.corrections_sha256.empty()) f.error("ralat_sha256 harus berupa SHA-256 (64 digit heksadesimal)");
        ok = false;
    }
    if (const auto* rounds = f.array("putaran", true)) {
        for (const auto& item : *rounds) {
            if (!item.is_object()) {
                f.error("setiap putaran harus berupa objek {\"periode\", \"hasil\"}");
                ok = false;
                continue;
            }
            std::string named;
            if (const auto* p = item.get_object().if_contains("periode"); p && p->is_string()) named = p->get_string();
            JsonFields rf(item.get_object(), *doc, diags, named.empty() ? "putaran" : named,
                          named.empty() ? 0 : doc->line_of("\"periode\": \"" + named + "\""));
            PublishedRound pr;
            pr.period = rf.text("periode", true).value_or("");
            if (const auto* results = rf.array("hasil", true))
                for (const auto& s : *results) {
                    if (!s.is_object() || !s.get_object().if_contains("lsp") ||
                        !s.get_object().at("lsp").is_string()) {
                        rf.error("setiap hasil harus berupa objek dengan \"lsp\"");
                        ok = false;
                        continue;
                    }
                    PublishedSheet sheet;
                    sheet.lsp_id = std::string(s.get_object().at("lsp").get_string());
                    read_sheet(s.get_object(), *doc, diags, pr.period + ": " + sheet.lsp_id, sheet, ok);
                    pr.sheets.push_back(std::move(sheet));
                }
            if (pr.period.empty()) ok = false;
            r.rounds.push_back(std::move(pr));
        }
    } else {
        ok = false;
    }
    if (const auto* files = f.object("berkas", true)) {
        for (const auto& [p, h] : *files) {
            const std::string site_path(p);
            if (!is_archivable_path(site_path)) {
                diags.error(doc->file, "berkas '" + site_path + "': bukan jalur berkas data situs (data/...)",
                            doc->line_of("\"" + site_path + "\""));
                ok = false;
            } else if (!h.is_string() || !is_hex64(h.get_string())) {
                diags.error(doc->file, "berkas '" + site_path + "': hash harus berupa SHA-256 (64 digit heksadesimal)",
                            doc->line_of("\"" + site_path + "\""));
                ok = false;
            } else {
                r.files[site_path] = std::string(h.get_string());
            }
        }
    } else {
        ok = false;
    }
    if (!ok) return std::nullopt;
    return r;
}

void read_corrections(const fs::path& root, Ledger& ledger, Diagnostics& diags) {
    const auto path = root / "data" / "terbitan" / "ralat.json";
    ledger.corrections_file = display_path(root, path);
    if (!entry_exists(path)) return;
    auto doc = read_json_file(root, path, diags);
    if (!doc) return;
    if (!doc->value.is_object()) {
        diags.error(doc->file, "isi berkas harus berupa objek {\"ralat\": [...]}", 1);
        return;
    }
    JsonFields top(doc->value.get_object(), *doc, diags, "", 0);
    const auto* list = top.array("ralat", true);
    if (!list) return;
    std::size_t cursor = 0;
    for (const auto& item : *list) {
        const std::size_t n = ledger.corrections.size() + 1;
        if (!item.is_object()) {
            top.error("ralat ke-" + std::to_string(n) + " harus berupa objek");
            return;
        }
        const auto& obj = item.get_object();
        const auto at = doc->offset_of("\"nomor\"", cursor);
        const int line = at == std::string::npos ? 0 : doc->line_at(at);
        if (at != std::string::npos) cursor = at + 1;
        JsonFields f(obj, *doc, diags, "ralat ke-" + std::to_string(n), line);
        Correction c;
        c.line = line;
        c.number = static_cast<int>(f.integer("nomor", true).value_or(0));
        c.date = f.text("tanggal", true).value_or("");
        c.reason = f.text("alasan", true).value_or("");
        c.basis = f.text("dasar", true).value_or("");
        bool ok = c.number > 0 && !c.reason.empty() && !c.basis.empty() && is_iso_date(c.date);
        if (!c.date.empty() && !is_iso_date(c.date)) f.error("tanggal '" + c.date + "' bukan tanggal YYYY-MM-DD yang sah");
        bool known = false;
        for (const auto& b : correction_bases()) known = known || c.basis == b.key;
        if (!c.basis.empty() && !known) {
            f.error("dasar '" + c.basis + "' tidak dikenal; pilih sanggahan, kesalahan-data, kesalahan-hitung atau lainnya");
            ok = false;
        }
        if (const auto* changes = f.array("perubahan", true))
            for (const auto& ch : *changes) {
                bool good = ch.is_object();
                ScoreChange sc;
                if (good) {
                    const auto& o = ch.get_object();
                    auto str = [&](const char* k) -> std::string {
                        const auto* v = o.if_contains(k);
                        if (v && v->is_string()) return std::string(v->get_string());
                        if (v && !v->is_null()) good = false;
                        return {};
                    };
                    sc.period = str("periode");
                    sc.lsp_id = str("lsp");
                    sc.code = str("indikator");
                    const auto sheet = str("lembar");
                    sc.sheet_added = sheet == "ditambah";
                    sc.sheet_removed = sheet == "dihapus";
                    if (!sheet.empty() && !sc.sheet_added && !sc.sheet_removed) good = false;
                    sc.old_value = int_or_null(o.if_contains("lama"), good);
                    sc.new_value = int_or_null(o.if_contains("baru"), good);
                    good = good && !sc.period.empty() && !sc.lsp_id.empty();
                }
                if (!good) {
                    f.error("setiap perubahan harus berupa {\"periode\", \"lsp\", \"indikator\", \"lama\", \"baru\"}");
                    ok = false;
                    continue;
                }
                c.changes.push_back(std::move(sc));
            }
        if (const auto* effects = f.array("akibat", false))
            for (const auto& e : *effects) {
                bool good = e.is_object();
                Consequence q;
                if (good) {
                    const auto& o = e.get_object();
                    if (const auto* v = o.if_contains("periode"); v && v->is_string()) q.period = std::string(v->get_string());
                    if (const auto* v = o.if_contains("lsp"); v && v->is_string()) q.lsp_id = std::string(v->get_string());
                    good = !q.period.empty() && !q.lsp_id.empty() &&
                           read_pair(o, "ik", q.old_ik, q.new_ik, q.ik_changed) &&
                           read_text_pair(o, "kategori", q.old_category, q.new_category, q.category_changed) &&
                           read_pair(o, "peringkat", q.old_rank, q.new_rank, q.rank_changed);
                }
                if (!good) {
                    f.error("setiap akibat harus berupa {\"periode\", \"lsp\", \"ik\": [lama, baru], \"kategori\": [...], "
                            "\"peringkat\": [...]}");
                    ok = false;
                    continue;
                }
                c.consequences.push_back(std::move(q));
            }
        if (ok) ledger.corrections.push_back(std::move(c));
        else ledger.corrections.push_back(Correction{});  // keeps numbering; validate reports the chain
    }
}

}  // namespace

std::string release_file_name(int number) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "rilis-%03d.json", number);
    return buf;
}

bool is_archivable_path(const std::string& path) {
    if (path.rfind("data/", 0) != 0 || path.rfind("data/versi/", 0) == 0 || path.size() > 200) return false;
    std::size_t start = 0;
    int segments = 0;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        const auto seg = std::string_view(path).substr(start, end - start);
        if (seg.empty() || seg.front() == '.' || ++segments > 4) return false;
        for (char c : seg)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')) return false;
        start = end + 1;
    }
    return segments >= 2;
}

Ledger load_ledger(const fs::path& root, Diagnostics& diags) {
    Ledger ledger;
    const auto dir = root / "data" / "terbitan";
    ledger.corrections_file = display_path(root, dir / "ralat.json");
    if (!entry_exists(dir)) return ledger;
    read_corrections(root, ledger, diags);
    for (const auto& path : list_files(root, dir, ".json", diags)) {
        const auto name = path.filename().string();
        if (name == "ralat.json") continue;
        if (name.rfind("rilis-", 0) != 0) {
            diags.error(display_path(root, path),
                        "berkas tidak dikenal di data/terbitan/; di sini hanya rilis-NNN.json (dibuat pepgen publish) "
                        "dan ralat.json (dibuat pepgen correct)");
            continue;
        }
        if (auto r = read_release(root, path, diags)) ledger.releases.push_back(std::move(*r));
    }
    std::sort(ledger.releases.begin(), ledger.releases.end(),
              [](const Release& a, const Release& b) { return a.number < b.number; });
    // The archive: each file is named by the SHA-256 of its bytes, so a changed byte shows.
    const auto archive = dir / "arsip";
    for (const auto& release : ledger.releases)
        for (const auto& [site_path, hash] : release.files) {
            if (ledger.archive.count(hash)) continue;
            const auto blob = archive / hash;
            const auto shown = display_path(root, blob);
            if (!entry_exists(blob)) {
                diags.error(shown, "berkas arsip untuk " + site_path + " (rilis " + std::to_string(release.number) +
                                       ") tidak ada; salinan terbitan tidak boleh dihapus. Kembalikan dari cadangan "
                                       "atau riwayat git");
                continue;
            }
            auto read = read_project_file(root, blob);
            if (!read.text) {
                diags.error(shown, read.error);
                continue;
            }
            if (sha256_hex(*read.text) != hash) {
                diags.error(shown, "isi berkas arsip untuk " + site_path + " (rilis " + std::to_string(release.number) +
                                       ") tidak sama lagi dengan hash yang tercatat; berkas terbitan tidak boleh "
                                       "diubah. Kembalikan dari cadangan atau riwayat git");
                continue;
            }
            ledger.archive.emplace(hash, std::move(*read.text));
        }
    return ledger;
}

}  // namespace pepgen
