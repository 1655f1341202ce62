#include "data/data_loader.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <set>

#include "data/field_rules.h"
#include "data/registry_rules.h"
#include "data/round_lines.h"
#include "data/round_reader.h"
#include "data/json_reader.h"
#include "data/ledger_loader.h"
#include "data/stats_loader.h"
#include "util/files.h"
#include "util/fingerprint.h"
#include "util/parallel.h"
#include "util/text.h"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace pepgen {

RoundKind kind_of_period(const std::string& period) {
    const auto dash = period.find('-');
    return dash != std::string::npos && dash + 1 < period.size() && period[dash + 1] == 'i' ? RoundKind::insidental
                                                                                            : RoundKind::rutin;
}

bool is_period(const std::string& s) {
    if (s.size() < 6 || s[4] != '-') return false;
    for (int i = 0; i < 4; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return is_slug(s);
}

namespace {

void load_meta(const fs::path& root, Data& data, Diagnostics& diags) {
    const auto path = root / "data" / "meta.json";
    if (!entry_exists(path)) return;
    auto doc = read_json_file(root, path, diags);
    if (!doc) return;
    if (!doc->value.is_object()) {
        diags.error(doc->file, "isi berkas harus berupa objek {...}", 1);
        return;
    }
    JsonFields f(doc->value.get_object(), *doc, diags, "", 0);
    data.meta.example_data = f.boolean("data_contoh", false).value_or(false);
    data.meta.note = f.text("keterangan", false).value_or("");
}

void load_registry_into(const fs::path& root, Data& data, Diagnostics& diags) {
    const auto path = root / "data" / "lsp.json";
    if (!entry_exists(path)) {
        diags.error("data/lsp.json", "daftar LSP tidak ditemukan; buat berkas ini berisi {\"lsp\": [...]}");
        return;
    }
    auto doc = read_json_file(root, path, diags);
    if (!doc) return;
    if (!doc->value.is_object()) {
        diags.error(doc->file, "isi berkas harus berupa objek {\"lsp\": [...]}", 1);
        return;
    }
    JsonFields top(doc->value.get_object(), *doc, diags, "", 1);
    const auto* list = top.array("lsp", true);
    if (!list) return;
    if (const auto problem = entry_count_problem(list->size(), "LSP"); !problem.empty()) {
        diags.error(doc->file, problem);
        return;
    }
    data.registry_loaded = true;
    std::set<std::string> seen;
    std::size_t n = 0;
    std::size_t cursor = 0;  // entries appear in file order: search onward, never from the top
    for (const auto& item : *list) {
        ++n;
        std::string context = "LSP ke-" + std::to_string(n);
        if (!item.is_object()) {
            diags.error(doc->file, context + ": harus berupa objek {...}, bukan " + json_kind(item));
            continue;
        }
        const auto& obj = item.get_object();
        int line = 0;
        if (const auto* id = obj.if_contains("id"); id && id->is_string()) {
            context = std::string(id->get_string());
            const auto at = doc->offset_of("\"" + context + "\"", cursor);
            if (at != std::string::npos) {
                line = doc->line_at(at);
                cursor = at + 1;
            }
        }
        JsonFields f(obj, *doc, diags, context, line);
        Lsp lsp;
        lsp.id = f.text("id", true).value_or("");
        lsp.name = f.text("nama", true).value_or("");
        lsp.type = f.text("jenis", true).value_or("");
        lsp.province = f.text("provinsi", true).value_or("");
        lsp.city = f.text("kota", false).value_or("");
        lsp.licence_number = f.text("nomor_lisensi", true).value_or("");
        lsp.licence_issued = f.text("lisensi_terbit", false).value_or("");
        lsp.licence_valid_until = f.text("lisensi_berlaku_sampai", true).value_or("");
        lsp.website = f.text("situs_web", false).value_or("");
        lsp.address = f.text("alamat", false).value_or("");
        bool ok = !lsp.id.empty();
        for (const auto& problem : lsp_problems(lsp)) {
            if (!problem.error) {
                f.warning(problem.message);
                continue;
            }
            f.error(problem.message);
            if (problem.field == "id") ok = false;
        }
        if (ok && !seen.insert(lsp.id).second) {
            f.error("id '" + lsp.id + "' dipakai lebih dari sekali");
            ok = false;
        }
        if (ok) data.lsps.push_back(std::move(lsp));
    }
}

/// Reads a sheet's "skor" object: each code the catalogue has goes to its
/// position, any other code is kept as stray for validation to name.
void read_scores(const json::object& skor, JsonFields& f, const std::vector<Indicator>& catalogue,
                 const FlatMap<std::string, std::size_t>& positions, const std::vector<int>& lines, ScoreSheet& sheet) {
    std::size_t n = 0;
    for (const auto& [key, value] : skor) {
        const std::string code(key);
        const int line = n < lines.size() ? lines[n] : 0;
        ++n;
        auto error = [&](const std::string& m) { f.error_at(line, m); };
        std::optional<int> score;
        if (value.is_null()) {
        } else if (value.is_int64()) {
            const auto v = value.get_int64();
            if (!storable_score(v)) {
                // A known indicator's maximum says what to type instead; the sheet cannot hold such a value.
                const auto at = positions.find(code);
                if (v > 0 && at != positions.end() && at->second < catalogue.size()) {
                    const auto max = std::to_string(catalogue[at->second].max_score);
                    error(code + " = " + std::to_string(v) + " melebihi skor_maks " + max + "; perbaiki skornya (0 sampai " +
                          max + ") di lembar kerja lalu impor ulang");
                } else {
                    error(code + " = " + std::to_string(v) + " di luar rentang skor yang mungkin");
                }
                continue;
            }
            score = static_cast<int>(v);
        } else if (value.is_uint64()) {
            error(code + " = " + std::to_string(value.get_uint64()) + " di luar rentang skor yang mungkin");
            continue;
        } else if (value.is_double()) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%g", value.get_double());
            error(code + " = " + buf + " harus bilangan bulat (tanpa desimal)");
            continue;
        } else {
            error(code + " harus berupa bilangan bulat atau null (belum dinilai), bukan " + json_kind(value));
            continue;
        }
        place_score(sheet, code, score, line, positions);
    }
}

/// A sheet's "sanggahan": each dispute's dates, status and, once decided, how.
void read_disputes(const json::array& list, const JsonDoc& doc, Diagnostics& diags, const std::string& context,
                   int line, ScoreSheet& sheet) {
    std::size_t n = 0;
    for (const auto& item : list) {
        ++n;
        const auto where = context + ": sanggahan ke-" + std::to_string(n);
        if (!item.is_object()) {
            diags.error(doc.file, where + " harus berupa objek {\"diajukan\", \"status\", ...}, bukan " + json_kind(item),
                        line);
            continue;
        }
        JsonFields df(item.get_object(), doc, diags, where, line);
        Dispute d;
        d.line = line;
        d.lodged = df.text("diajukan", true).value_or("");
        d.status = df.text("status", true).value_or("");
        d.decided = df.text("diputus", false).value_or("");
        d.note = df.text("keterangan", false).value_or("");
        if (auto c = df.integer("ralat", false)) d.correction = static_cast<int>(*c);
        bool ok = !d.lodged.empty() && !d.status.empty();
        for (const auto* date : {&d.lodged, &d.decided})
            if (!date->empty() && !is_iso_date(*date)) {
                df.error("tanggal '" + *date + "' bukan tanggal YYYY-MM-DD yang sah");
                ok = false;
            }
        if (!d.status.empty() && d.status != "terbuka" && d.status != "diterima" && d.status != "ditolak") {
            df.error("status '" + d.status + "' tidak dikenal; pilih terbuka, diterima atau ditolak");
            ok = false;
        }
        if (ok && d.status != "terbuka" && d.decided.empty()) {
            df.error("sanggahan yang " + d.status + " perlu tanggal 'diputus'");
            ok = false;
        }
        if (ok && d.status == "ditolak" && trim(d.note).empty()) {
            df.error("sanggahan yang ditolak perlu 'keterangan': alasan penolakannya dibaca publik");
            ok = false;
        }
        if (ok && d.status == "diterima" && !d.correction) {
            df.error("sanggahan yang diterima perlu 'ralat': nomor ralat yang mencatat perbaikannya (pepgen correct)");
            ok = false;
        }
        if (ok && d.status == "terbuka" && (!d.decided.empty() || d.correction)) {
            df.error("sanggahan yang masih terbuka belum punya 'diputus' atau 'ralat'; ubah statusnya bila sudah diputus");
            ok = false;
        }
        if (ok && !d.decided.empty() && d.decided < d.lodged) {
            df.error("diputus " + d.decided + " lebih awal dari diajukan " + d.lodged);
            ok = false;
        }
        if (ok) sheet.disputes.push_back(std::move(d));
    }
}

}  // namespace

namespace {

/// A round file through its JSON tree: every problem named, with its line.
std::optional<Round> read_round_tree(const fs::path& path, const std::vector<Indicator>& catalogue,
                                     const FlatMap<std::string, std::size_t>& positions, std::optional<JsonDoc> doc,
                                     Diagnostics& diags) {
    if (!doc || !parse_json_value(*doc, diags)) return std::nullopt;
    if (!doc->value.is_object()) {
        diags.error(doc->file, "isi berkas harus berupa objek {\"periode\": ..., \"hasil\": [...]}", 1);
        return std::nullopt;
    }
    JsonFields f(doc->value.get_object(), *doc, diags, "", 0);
    Round round;
    round.source_file = doc->file;
    round.period = f.text("periode", true).value_or("");
    const auto kind = f.text("jenis", true).value_or("");
    round.date = f.text("tanggal", true).value_or("");
    round.title = f.text("judul", false).value_or("");
    bool ok = !round.period.empty() && !round.date.empty() && !kind.empty();
    const auto stem = path.stem().string();
    if (!round.period.empty() && !is_period(round.period)) {
        f.error("periode '" + round.period + "' " +
                (round.period.size() > kMaxSlugLength
                     ? slug_problem(round.period)
                     : "harus berbentuk TAHUN-KODE, misalnya 2026-1 atau 2026-i1 (huruf kecil, angka, tanda hubung)"));
        ok = false;
    } else if (!round.period.empty() && round.period != stem) {
        f.error("periode '" + round.period + "' tidak sama dengan nama berkas '" + path.filename().string() +
                "'; beri nama berkas <periode>.json");
        ok = false;
    }
    if (kind == "rutin") round.kind = RoundKind::rutin;
    else if (kind == "insidental") round.kind = RoundKind::insidental;
    else if (!kind.empty()) {
        f.error("jenis '" + kind + "' tidak dikenal; pilih rutin atau insidental");
        ok = false;
    }
    if (!round.date.empty() && !is_iso_date(round.date)) {
        f.error("tanggal '" + round.date + "' bukan tanggal YYYY-MM-DD yang sah");
        ok = false;
    }
    round.draft = f.boolean("draf", false).value_or(false);
    round.review_start = f.text("tinjauan_mulai", false).value_or("");
    if (!round.review_start.empty() && !is_iso_date(round.review_start)) {
        f.error("tinjauan_mulai '" + round.review_start + "' bukan tanggal YYYY-MM-DD yang sah");
        round.review_start.clear();
    }
    if (const auto* team = f.array("tim", false)) {
        std::size_t n = 0;
        for (const auto& m : *team) {
            ++n;
            if (m.is_string()) {
                round.team.push_back({std::string(m.get_string()), ""});
            } else if (m.is_object()) {
                JsonFields mf(m.get_object(), *doc, diags, "tim ke-" + std::to_string(n), 0);
                TeamMember member;
                member.name = mf.text("nama", true).value_or("");
                member.agency = mf.text("instansi", false).value_or("");
                round.team.push_back(std::move(member));
            } else {
                f.error("tim ke-" + std::to_string(n) + " harus berupa teks atau objek {\"nama\", \"instansi\"}");
            }
        }
    }
    const auto* results = f.array("hasil", true);
    if (const auto problem = results ? entry_count_problem(results->size(), "lembar skor") : std::string();
        !problem.empty()) {
        f.error(problem);
        results = nullptr;
        ok = false;
    }
    if (results) {
        round.sheets.reserve(results->size());  // held for the whole build: no slack from growing
        std::size_t n = 0;
        std::size_t cursor = 0;  // sheets appear in file order
        for (const auto& item : *results) {
            ++n;
            std::string context = "hasil ke-" + std::to_string(n);
            if (!item.is_object()) {
                diags.error(doc->file, context + ": harus berupa objek {\"lsp\": ..., \"skor\": {...}}, bukan " +
                                           json_kind(item));
                continue;
            }
            const auto& obj = item.get_object();
            SheetPlace place;
            if (const auto* id = obj.if_contains("lsp"); id && id->is_string()) {
                context = std::string(id->get_string());
                place = locate_sheet(*doc, context, cursor);
            }
            const int line = place.line;
            JsonFields sf(obj, *doc, diags, context, line);
            ScoreSheet sheet;
            sheet.lsp_id = sf.text("lsp", true).value_or("");
            sheet.source_line = line;
            if (const auto* skor = sf.object("skor", true)) {
                // Point evaluators at the score itself, not just at the sheet.
                std::vector<std::string_view> keys;
                keys.reserve(skor->size());
                for (const auto& [key, value] : *skor) keys.emplace_back(key.data(), key.size());
                const auto lines = score_key_lines(*doc, place, keys);
                sheet.scores.resize(catalogue.size());
                sheet.score_line_offsets.resize(catalogue.size(), 0);
                read_scores(*skor, sf, catalogue, positions, lines, sheet);
            }
            sheet.notes_markdown = sf.text("catatan", false).value_or("");
            sheet.recommendations_markdown = sf.text_list("rekomendasi", false);
            if (const auto* disputes = sf.array("sanggahan", false))
                read_disputes(*disputes, *doc, diags, context, line, sheet);
            if (!sheet.lsp_id.empty()) round.sheets.push_back(std::move(sheet));
        }
    }
    if (!ok) return std::nullopt;
    finish_round(round);
    return round;
}

}  // namespace

std::optional<Round> load_round(const fs::path& root, const fs::path& path, const std::vector<Indicator>& catalogue,
                                Diagnostics& diags, std::optional<std::string> text) {
    const auto positions = code_positions(catalogue);
    auto doc = checked_json_doc(root, path, std::move(text), diags);
    if (!doc) return std::nullopt;
    // The file as an import writes it is read in one pass; anything else, and every problem, the tree names.
    if (auto round = read_round_direct(*doc, path.stem().string(), catalogue, positions)) return round;
    return read_round_tree(path, catalogue, positions, std::move(doc), diags);
}

std::optional<Round> load_round_by_tree(const fs::path& root, const fs::path& path,
                                        const std::vector<Indicator>& catalogue, Diagnostics& diags, std::string text) {
    return read_round_tree(path, catalogue, code_positions(catalogue), checked_json_doc(root, path, std::move(text), diags),
                           diags);
}

std::vector<Lsp> load_registry(const fs::path& root, Diagnostics& diags) {
    Data data;
    load_registry_into(root, data, diags);
    return data.lsps;
}

namespace {

/// The scan's fingerprint of an input file, if the build has one.
std::optional<std::uint64_t> scanned(const RoundCache& cache, const fs::path& root, const fs::path& path) {
    if (!cache.fingerprints) return std::nullopt;
    const auto it = cache.fingerprints->find(display_path(root, path));
    return it == cache.fingerprints->end() ? std::nullopt : std::optional<std::uint64_t>(it->second);
}

/// An input file's cache entry: first by the scan's fingerprint (the file is not read), else
/// by the bytes read now. `key` is left naming the bytes read, for keeping a new entry, and
/// `read_text` (when given) is left holding those bytes: the caller parses them, not a second
/// read, so the entry it keeps is for exactly what it parsed (and a changed round file of a
/// correction is read once).
template <typename Entry>
std::optional<Entry> cached(const RoundCache& cache, const fs::path& root, const fs::path& path,
                            const std::function<std::string(std::uint64_t)>& key_of,
                            const std::function<std::optional<Entry>(const std::string&)>& find, std::string& key,
                            std::optional<std::string>* read_text = nullptr) {
    const auto before = scanned(cache, root, path);
    if (before && cache.read)
        if (auto kept = find(key_of(*before))) return kept;
    auto read = read_project_file(root, path);
    if (!read.text) return std::nullopt;
    const auto content = fingerprint(*read.text);
    key = key_of(content);
    if (cache.read && (!before || *before != content))
        if (auto kept = find(key)) return kept;
    if (read_text) *read_text = std::move(read.text);
    return std::nullopt;
}

/// The registry, from the cache when its bytes are the ones an earlier build read.
void load_registry_cached(const fs::path& root, Data& data, Diagnostics& diags, const RoundCache* cache) {
    std::string key;
    if (cache) {
        const auto kept = cached<LoadedRegistry>(
            *cache, root, root / "data" / "lsp.json",
            [&](std::uint64_t content) { return registry_cache_key(cache->program, content); },
            [&](const std::string& k) { return find_cached_registry(*cache, k); }, key);
        if (kept) {
            data.registry_loaded = kept->loaded;
            data.lsps = std::move(kept->lsps);
            diags.append(kept->diags);
            return;
        }
    }
    Diagnostics found;
    load_registry_into(root, data, found);
    if (!key.empty()) keep_cached_registry(*cache, key, LoadedRegistry{data.registry_loaded, data.lsps, found});
    diags.append(found);
}

}  // namespace

Data load_data(const fs::path& root, const std::vector<Indicator>& catalogue, Diagnostics& diags,
               const RoundCache* cache) {
    Data data;
    // Round files are independent of each other and of the rest: parse them on every
    // core, beside the registry, statistics and ledger (the first task), then keep file
    // order for the rounds and every message, so output never depends on timing.
    Diagnostics registry_diags, list_diags, rest_diags;
    const auto paths = list_files(root, root / "data" / "penilaian", ".json", list_diags);
    std::vector<std::optional<Round>> loaded(paths.size());
    std::vector<Diagnostics> found(paths.size());
    std::atomic<std::size_t> parsed{0};
    // The file saved last is the one most likely changed, and parsing it is the longest task
    // of a correction's rebuild: it starts first, not after the others are taken from the cache.
    std::vector<std::size_t> order(paths.size());
    std::vector<fs::file_time_type> saved(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
        order[i] = i;
        std::error_code ec;
        saved[i] = fs::last_write_time(paths[i], ec);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return saved[a] > saved[b]; });
    for_each_index(paths.size() + 1, [&](std::size_t task) {
        if (task == 0) {
            load_meta(root, data, registry_diags);
            load_registry_cached(root, data, registry_diags, cache);
            data.datasets = load_datasets(root, rest_diags);
            data.ledger = load_ledger(root, rest_diags);
            return;
        }
        const auto i = order[task - 1];
        std::string key;
        std::optional<std::string> text;
        const auto name = paths[i].filename().string();
        if (cache) {
            auto kept = cached<LoadedRound>(
                *cache, root, paths[i],
                [&](std::uint64_t content) { return round_cache_key(cache->program, catalogue, content); },
                [&](const std::string& k) { return find_cached_round(*cache, name, k); }, key, &text);
            if (kept) {
                loaded[i] = std::move(kept->round);
                found[i] = std::move(kept->diags);
                return;
            }
        }
        ++parsed;
        loaded[i] = load_round(root, paths[i], catalogue, found[i], std::move(text));
        if (!key.empty()) {
            // Moved in and out again: a national round is 10,000 sheets, not worth a copy to encode.
            LoadedRound entry{std::move(loaded[i]), std::move(found[i])};
            keep_cached_round(*cache, name, key, entry);
            loaded[i] = std::move(entry.round);
            found[i] = std::move(entry.diags);
        }
    });
    if (cache) {
        std::vector<std::string> names;
        for (const auto& p : paths) names.push_back(p.filename().string());
        tidy_round_cache(*cache, names);
    }
    data.rounds_parsed = parsed;
    diags.append(registry_diags);
    diags.append(list_diags);
    for (std::size_t i = 0; i < paths.size(); ++i) {
        diags.append(found[i]);
        if (loaded[i]) data.rounds.push_back(std::move(*loaded[i]));
    }
    std::stable_sort(data.rounds.begin(), data.rounds.end(), [](const Round& a, const Round& b) {
        return a.date != b.date ? a.date < b.date : a.period < b.period;
    });
    diags.append(rest_diags);
    return data;
}

}  // namespace pepgen
