#include "worksheet/worksheet.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "render/csv.h"
#include "util/text.h"
#include "worksheet/csv_reader.h"

namespace pepgen {

std::string worksheet_csv(const Content& content, const std::vector<Lsp>& lsps) {
    std::vector<std::string> header = {"lsp", "nama"};
    for (const auto& ind : content.indicators)
        header.push_back(csv_text(ind.code + " (maks " + std::to_string(ind.max_score) + ")"));
    header.push_back("catatan");
    header.push_back("rekomendasi");
    std::string out = kUtf8Bom + csv_row(header);
    for (const auto& lsp : lsps) {
        std::vector<std::string> row = {csv_text(lsp.id), csv_text(lsp.name)};
        row.resize(header.size());
        out += csv_row(row);
    }
    return out;
}

namespace {

enum class Role { lsp, name, notes, recommendations, score, ignored };

struct ColumnRole {
    Role role = Role::ignored;
    std::string code;
};

/// What a header cell means: "lsp", "nama", "catatan", "rekomendasi", or an
/// indicator code at its start ("M03", "m03 (maks 10)").
ColumnRole classify(const std::string& raw, const std::set<std::string>& codes, std::string& unknown_code) {
    const auto h = to_lower_ascii(trim(raw));
    if (h == "lsp" || h == "id" || h == "id lsp" || h == "id_lsp") return {Role::lsp, {}};
    if (h == "nama" || h == "nama lsp") return {Role::name, {}};
    if (h == "catatan") return {Role::notes, {}};
    if (h == "rekomendasi") return {Role::recommendations, {}};
    if (h.size() >= 3 && std::isalpha(static_cast<unsigned char>(h[0])) && std::isdigit(static_cast<unsigned char>(h[1])) &&
        std::isdigit(static_cast<unsigned char>(h[2])) && (h.size() == 3 || !std::isalnum(static_cast<unsigned char>(h[3])))) {
        const auto code = to_upper_ascii(h.substr(0, 3));
        if (codes.count(code)) return {Role::score, code};
        unknown_code = code;
    }
    return {Role::ignored, {}};
}

/// A score as a spreadsheet saves it: "8", " 8 ", "8,0" or "8.0".
std::optional<int> parse_score(const std::string& cell) {
    auto s = trim(cell);
    const auto sep = s.find_first_of(",.");
    if (sep != std::string::npos) {
        const auto frac = s.substr(sep + 1);
        if (frac.empty() || frac.find_first_not_of('0') != std::string::npos) return std::nullopt;
        s = s.substr(0, sep);
    }
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoi(s);
}

}  // namespace

std::optional<ImportedWorksheet> import_worksheet(const std::string& csv_text_in, const std::string& file,
                                                  const Content& content, const std::vector<Lsp>& lsps,
                                                  Diagnostics& diags) {
    const auto errors_before = diags.error_count();
    if (!is_valid_utf8(csv_text_in.rfind("\xEF\xBB\xBF", 0) == 0 ? csv_text_in.substr(3) : csv_text_in)) {
        diags.error(file, "berkas bukan teks UTF-8; simpan ulang dari program lembar kerja sebagai \"CSV UTF-8\"");
        return std::nullopt;
    }
    const auto table = read_csv(csv_text_in);
    if (!table.error.empty()) {
        diags.error(file, table.error);
        return std::nullopt;
    }
    if (table.rows.empty()) {
        diags.error(file, "lembar kerja kosong: baris judul kolom tidak ditemukan");
        return std::nullopt;
    }
    std::set<std::string> codes;
    std::map<std::string, int> max_of;
    for (const auto& ind : content.indicators) {
        codes.insert(ind.code);
        max_of[ind.code] = ind.max_score;
    }
    const auto& header = table.rows.front();
    std::vector<ColumnRole> roles;
    int lsp_col = -1;
    std::set<std::string> seen_codes;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        std::string unknown;
        auto role = classify(header.cells[i], codes, unknown);
        const auto label = trim(header.cells[i]);
        if (!unknown.empty())
            diags.error(file, "kolom '" + label + "': kode indikator " + unknown + " tidak dikenal", header.line);
        else if (role.role == Role::ignored && !label.empty())
            diags.warning(file, "kolom '" + label + "' tidak dikenal dan diabaikan", header.line);
        if (role.role == Role::lsp) {
            if (lsp_col >= 0) diags.error(file, "kolom lsp muncul lebih dari sekali", header.line);
            lsp_col = static_cast<int>(i);
        }
        if (role.role == Role::score && !seen_codes.insert(role.code).second)
            diags.error(file, "kolom indikator " + role.code + " muncul lebih dari sekali", header.line);
        roles.push_back(role);
    }
    if (lsp_col < 0) {
        diags.error(file, "kolom 'lsp' (ID LSP) tidak ditemukan di baris judul", header.line);
        return std::nullopt;
    }
    for (const auto& code : codes)
        if (!seen_codes.count(code))
            diags.warning(file, "kolom indikator " + code + " tidak ada di lembar kerja; skor " + code +
                                    " di berkas penilaian tidak diubah", header.line);

    std::map<std::string, std::size_t> registry;
    for (std::size_t i = 0; i < lsps.size(); ++i) registry[lsps[i].id] = i;
    std::map<std::size_t, ScoreSheet> sheets;  // by registry position
    std::map<std::string, int> first_line;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const auto cell = [&](std::size_t i) { return i < row.cells.size() ? row.cells[i] : std::string(); };
        const auto id = trim(cell(static_cast<std::size_t>(lsp_col)));
        if (id.empty()) {
            diags.error(file, "kolom lsp kosong; isi ID LSP atau hapus baris ini", row.line);
            continue;
        }
        auto reg = registry.find(id);
        if (reg == registry.end()) {
            diags.error(file, id + ": LSP tidak terdaftar di data/lsp.json", row.line);
            continue;
        }
        if (auto [it, fresh] = first_line.emplace(id, row.line); !fresh) {
            diags.error(file, id + ": muncul lagi (pertama di baris " + std::to_string(it->second) + ")", row.line);
            continue;
        }
        ScoreSheet sheet;
        sheet.lsp_id = id;
        sheet.source_line = row.line;
        for (const auto& code : codes) sheet.scores[code] = std::nullopt;
        for (std::size_t i = 0; i < roles.size(); ++i) {
            const auto value = cell(i);
            switch (roles[i].role) {
                case Role::score: {
                    const auto& code = roles[i].code;
                    if (trim(value).empty()) break;
                    auto score = parse_score(value);
                    if (!score)
                        diags.error(file, id + ": kolom " + code + ": '" + trim(value) + "' bukan skor; isi bilangan bulat 0 sampai " +
                                              std::to_string(max_of[code]) + ", atau kosongkan bila belum dinilai",
                                    row.line);
                    else if (*score > max_of[code])
                        diags.error(file, id + ": kolom " + code + ": " + std::to_string(*score) + " melebihi skor maksimum " +
                                              std::to_string(max_of[code]), row.line);
                    else
                        sheet.scores[code] = *score;
                    break;
                }
                case Role::notes: sheet.notes_markdown = trim(value); break;
                case Role::recommendations: {
                    std::string line;
                    for (std::size_t k = 0; k <= value.size(); ++k) {
                        if (k == value.size() || value[k] == '\n') {
                            auto t = trim(line);
                            if (!t.empty()) sheet.recommendations_markdown.push_back(t);
                            line.clear();
                        } else if (value[k] != '\r') {
                            line += value[k];
                        }
                    }
                    break;
                }
                default: break;
            }
        }
        sheets.emplace(reg->second, std::move(sheet));
    }
    if (diags.error_count() > errors_before) return std::nullopt;
    ImportedWorksheet out;
    for (auto& [pos, sheet] : sheets) out.sheets.push_back(std::move(sheet));
    out.codes.assign(seen_codes.begin(), seen_codes.end());
    for (const auto& r : roles) {
        out.has_notes = out.has_notes || r.role == Role::notes;
        out.has_recommendations = out.has_recommendations || r.role == Role::recommendations;
    }
    return out;
}

std::size_t merge_worksheet(std::vector<ScoreSheet>& round_sheets, const ImportedWorksheet& imported,
                            const std::vector<Lsp>& lsps) {
    std::map<std::string, ScoreSheet*> existing;
    for (auto& s : round_sheets) existing[s.lsp_id] = &s;
    std::set<std::string> touched;
    std::vector<ScoreSheet> added;  // appended after the loop: pointers above must stay valid
    for (const auto& in : imported.sheets) {
        touched.insert(in.lsp_id);
        auto it = existing.find(in.lsp_id);
        if (it == existing.end()) {
            added.push_back(in);
            continue;
        }
        auto& sheet = *it->second;
        for (const auto& code : imported.codes) sheet.scores[code] = in.scores.at(code);
        if (imported.has_notes) sheet.notes_markdown = in.notes_markdown;
        if (imported.has_recommendations) sheet.recommendations_markdown = in.recommendations_markdown;
    }
    for (auto& s : added) round_sheets.push_back(std::move(s));
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < lsps.size(); ++i) order[lsps[i].id] = i;
    std::stable_sort(round_sheets.begin(), round_sheets.end(), [&](const ScoreSheet& a, const ScoreSheet& b) {
        const auto ia = order.count(a.lsp_id) ? order[a.lsp_id] : lsps.size();
        const auto ib = order.count(b.lsp_id) ? order[b.lsp_id] : lsps.size();
        return ia != ib ? ia < ib : a.lsp_id < b.lsp_id;
    });
    // Sheets the worksheet left out that are still empty scaffolding (no score,
    // note or recommendation) go: deleting a row means "not evaluated".
    auto empty = [](const ScoreSheet& s) {
        for (const auto& [code, v] : s.scores)
            if (v) return false;
        return s.notes_markdown.empty() && s.recommendations_markdown.empty();
    };
    round_sheets.erase(std::remove_if(round_sheets.begin(), round_sheets.end(),
                                      [&](const ScoreSheet& s) { return !touched.count(s.lsp_id) && empty(s); }),
                       round_sheets.end());
    std::size_t untouched = 0;
    for (const auto& s : round_sheets) untouched += touched.count(s.lsp_id) ? 0 : 1;
    return untouched;
}

}  // namespace pepgen
