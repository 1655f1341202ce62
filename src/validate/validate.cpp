#include "validate/validate.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "data/data_loader.h"
#include "data/field_rules.h"
#include "format/indonesian.h"
#include "scoring/schedule.h"
#include "util/parallel.h"
#include "util/text.h"

#include <algorithm>
#include <map>
#include <set>

namespace pepgen {

namespace {

std::string range_text(int from, int to) { return std::to_string(from) + "–" + std::to_string(to); }

void validate_categories(const Content& content, Diagnostics& diags) {
    const auto& table = content.categories;
    const auto& file = content.categories_file;
    if (table.categories.empty()) return;
    std::set<std::string> keys;
    for (const auto& c : table.categories)
        if (!keys.insert(c.key).second) diags.error(file, "kode kategori '" + c.key + "' dipakai lebih dari sekali");
    auto sorted = table.categories;
    std::sort(sorted.begin(), sorted.end(), [](const Category& a, const Category& b) { return a.min < b.min; });
    int expected = 0;
    for (const auto& c : sorted) {
        if (c.min > expected)
            diags.error(file, "tabel kategori berlubang: IK " + range_text(expected, c.min - 1) +
                                  " tidak masuk kategori mana pun");
        else if (c.min < expected)
            diags.error(file, "tabel kategori tumpang tindih: IK " + range_text(c.min, std::min(c.max, expected - 1)) +
                                  " masuk lebih dari satu kategori ('" + c.name + "' dan kategori sebelumnya)");
        expected = std::max(expected, c.max + 1);
    }
    if (expected - 1 < table.index_max)
        diags.error(file, "tabel kategori berlubang: IK " + range_text(expected, table.index_max) +
                              " tidak masuk kategori mana pun");
    if (expected - 1 > table.index_max)
        diags.error(file, "tabel kategori melampaui ik_maks " + std::to_string(table.index_max) + " (sampai " +
                              std::to_string(expected - 1) + ")");
}

void validate_rubric(const Indicator& ind, Diagnostics& diags) {
    if (ind.rubric.empty()) {
        diags.warning(ind.source_file, ind.code + ": rubrik belum diisi");
        return;
    }
    auto levels = ind.rubric;
    std::sort(levels.begin(), levels.end(), [](const RubricLevel& a, const RubricLevel& b) { return a.from < b.from; });
    int expected = 0;
    for (const auto& l : levels) {
        if (l.from > l.to) {
            diags.error(ind.source_file, ind.code + ": rubrik " + range_text(l.from, l.to) + ": 'dari' lebih besar dari 'sampai'");
            continue;
        }
        if (l.from > expected)
            diags.error(ind.source_file, ind.code + ": rubrik berlubang: skor " + range_text(expected, l.from - 1) +
                                             " tidak tercakup tingkat mana pun");
        else if (l.from < expected)
            diags.error(ind.source_file, ind.code + ": rubrik tumpang tindih pada skor " +
                                             range_text(l.from, std::min(l.to, expected - 1)));
        expected = std::max(expected, l.to + 1);
    }
    if (expected - 1 != ind.max_score)
        diags.error(ind.source_file, ind.code + ": rubrik harus mencakup skor 0 sampai skor_maks " +
                                         std::to_string(ind.max_score) + ", tetapi berakhir di " +
                                         std::to_string(expected - 1));
}

}  // namespace

void validate_content(const Content& content, Diagnostics& diags) {
    std::map<std::string, std::string> seen;
    int total = 0;
    for (const auto& ind : content.indicators) {
        auto [it, fresh] = seen.emplace(ind.code, ind.source_file);
        if (!fresh) diags.error(ind.source_file, "kode " + ind.code + " sudah dipakai di " + it->second);
        total += ind.max_score;
        validate_rubric(ind, diags);
    }
    if (content.indicators.empty()) {
        diags.error("content/indikator", "tidak ada berkas indikator (<KODE>.md)");
        return;
    }
    if (!content.categories_file.empty() && total != content.categories.index_max)
        diags.error(content.categories_file, "jumlah skor_maks seluruh indikator (" + std::to_string(total) +
                                                 ") tidak sama dengan ik_maks (" +
                                                 std::to_string(content.categories.index_max) + ")");
    validate_categories(content, diags);
}

void validate_round(const Content& content, const std::set<std::string>* registry, const Round& round,
                    Diagnostics& out) {
    const auto& file = round.source_file;
    if (const auto problem = entry_count_problem(round.sheets.size(), "lembar skor"); !problem.empty())
        out.error(file, problem);
    std::unordered_set<std::string_view> in_round;  // views of the round's own ids
    in_round.reserve(round.sheets.size());
    // Candidates for "mungkin maksudnya …?", made only when something is unknown.
    std::vector<std::string> known_ids, known_codes;
    const auto near_id = [&](const std::string& id) {
        if (known_ids.empty() && registry) known_ids.assign(registry->begin(), registry->end());
        return did_you_mean(id, known_ids);
    };
    const auto near_code = [&](const std::string& code) {
        if (known_codes.empty())
            for (const auto& ind : content.indicators) known_codes.push_back(ind.code);
        return did_you_mean(code, known_codes);
    };
    if (round.sheets.empty()) out.warning(file, "penilaian ini belum memuat hasil LSP mana pun");
    for (const auto& sheet : round.sheets) {
        const auto& id = sheet.lsp_id;
        if (registry && !registry->count(id))
            out.error(file, id + ": LSP tidak terdaftar di data/lsp.json" + near_id(id), sheet.source_line);
        if (!in_round.insert(id).second)
            out.error(file, id + ": LSP dinilai lebih dari sekali dalam penilaian ini", sheet.source_line);
        for (const auto& stray : sheet.stray) {
            // A code whose own file failed is reported there, once, not here per score.
            if (!content.failed_indicators.count(stray.code))
                out.error(file, id + ": kode indikator " + stray.code + " tidak dikenal" + near_code(stray.code),
                          stray.line > 0 ? stray.line : sheet.source_line);
        }
        std::vector<std::string> missing;
        for (std::size_t k = 0; k < content.indicators.size(); ++k) {
            const auto& ind = content.indicators[k];
            const auto score = sheet.score(k);
            if (!score) missing.push_back(ind.code);
            else if (*score > ind.max_score)
                out.error(file, id + ": " + ind.code + " = " + std::to_string(*score) + " melebihi skor_maks " +
                                      std::to_string(ind.max_score) + "; perbaiki skornya (0 sampai " +
                                      std::to_string(ind.max_score) + ") di lembar kerja lalu impor ulang",
                          sheet.line_of(k));
        }
        if (!missing.empty() && !content.indicators.empty()) {
            std::string list;
            for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
            out.warning(file, id + ": lembar skor belum lengkap (belum dinilai: " + list +
                                  "); IK dan kategorinya tidak dihitung",
                        sheet.source_line);
        }
    }
}

void validate_data(const Content& content, const Data& data, Diagnostics& diags) {
    std::set<std::string> registry;
    for (const auto& lsp : data.lsps) registry.insert(lsp.id);
    // An unreadable registry is already reported; don't repeat it for every sheet.
    const auto* known = data.registry_loaded ? &registry : nullptr;
    // Rounds are checked in parallel, each into its own list; the lists are
    // then joined in round order, so messages never depend on timing.
    std::vector<Diagnostics> found(data.rounds.size());
    for_each_index(data.rounds.size(), [&](std::size_t r) { validate_round(content, known, data.rounds[r], found[r]); });
    for (auto& d : found) diags.append(d);
}

void validate_schedule(const Data& data, Diagnostics& diags) {
    const auto years = schedule_by_year(data);
    for (std::size_t i = 0; i < years.size(); ++i) {
        const auto& y = years[i];
        if (y.meets_minimum()) continue;
        const bool last = i + 1 == years.size();
        diags.warning("data/penilaian", "tahun " + std::to_string(y.year) + (last ? " sejauh ini" : "") + " baru " +
                                            std::to_string(y.periodic.size()) +
                                            " penilaian rutin; Surat Edaran meminta sekurang-kurangnya dua kali setahun");
    }
    std::unordered_map<std::string, const Lsp*> registry;  // looked up for every sheet of every round
    for (const auto& lsp : data.lsps) registry[lsp.id] = &lsp;
    // Rounds are checked in parallel, each into its own list, joined in round order (as validate_data).
    std::vector<Diagnostics> found(data.rounds.size());
    for_each_index(data.rounds.size(), [&](std::size_t r) {
        const auto& round = data.rounds[r];
        auto& out = found[r];
        if (round.period.substr(0, 4) != round.date.substr(0, 4))
            out.warning(round.source_file, "periode " + round.period + " bertanggal " + format_date(round.date) +
                                               ": tahunnya berbeda; periksa 'tanggal'");
        // The period code says the kind ("2027-i1" is incidental): a round
        // made before the two were checked may disagree.
        const bool incidental_code = kind_of_period(round.period) == RoundKind::insidental;
        if (incidental_code != (round.kind == RoundKind::insidental))
            out.warning(round.source_file, "periode " + round.period + " berkode penilaian " +
                                               (incidental_code ? "insidental" : "rutin") + ", tetapi 'jenis' berisi " +
                                               (round.kind == RoundKind::rutin ? "rutin" : "insidental") +
                                               "; perbaiki 'jenis' (atau kode periodenya) agar keduanya cocok");
        if (round.kind == RoundKind::rutin) {
            const auto missing = missing_from_round(data, round);
            if (!missing.empty()) {
                std::string list;
                for (const auto* l : missing) list += (list.empty() ? "" : ", ") + l->id;
                out.warning(round.source_file, "LSP terdaftar yang tidak dinilai pada putaran ini: " + list +
                                                   " (lisensinya berlaku pada tanggal penilaian, tetapi tidak ada "
                                                   "lembar skornya di berkas ini); tambahkan barisnya di lembar "
                                                   "kerja lalu impor, atau biarkan bila memang tidak dinilai");
            }
        }
        for (const auto& sheet : round.sheets) {
            auto it = registry.find(sheet.lsp_id);
            if (it == registry.end() || !licence_expired_on(*it->second, round.date)) continue;
            out.warning(round.source_file, sheet.lsp_id + ": lisensi berakhir " +
                                               format_date(it->second->licence_valid_until) +
                                               ", sebelum tanggal penilaian " + format_date(round.date),
                        sheet.source_line);
        }
    });
    for (auto& d : found) diags.append(d);
}

}  // namespace pepgen
