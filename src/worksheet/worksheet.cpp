#include "worksheet/worksheet.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "data/field_rules.h"
#include "format/csv.h"
#include "format/indonesian.h"
#include "util/text.h"
#include "worksheet/csv_reader.h"
#include "worksheet/workbook_names.h"
#include "worksheet/workbook_reader.h"

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

/// "; mungkin maksudnya M03?" when a known code is one typo away.
std::string nearest_code_hint(const std::string& code, const std::set<std::string>& codes) {
    return did_you_mean(code, std::vector<std::string>(codes.begin(), codes.end()));
}

std::string nearest_id_hint(const std::string& id, const std::map<std::string, std::size_t>& registry) {
    std::vector<std::string> ids;
    for (const auto& [known, pos] : registry) ids.push_back(known);
    return did_you_mean(id, ids);
}

constexpr const char* kSaveAsUtf8 = "simpan ulang dari program lembar kerja sebagai \"CSV UTF-8\"";

/// The bytes must be UTF-8 text, one worksheet: each problem is reported at
/// its line with what to do. False when the text cannot be read as CSV.
bool check_encoding(const std::string& text, const std::string& file, Diagnostics& diags) {
    const bool bom = text.rfind("\xEF\xBB\xBF", 0) == 0;
    // Excel's "Unicode text" is UTF-16: a byte-order mark, or every other byte NUL.
    if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0 ||
        (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0'))) {
        diags.error(file, "berkas tersimpan sebagai UTF-16 (jenis \"Teks Unicode\" di Excel), bukan CSV UTF-8; " +
                              std::string(kSaveAsUtf8), 1);
        return false;
    }
    const std::string_view body = std::string_view(text).substr(bom ? 3 : 0);
    if (const auto at = invalid_utf8_offset(body); at != std::string_view::npos) {
        const auto offset = at + (bom ? 3 : 0);
        const int line = line_of_offset(text, offset);
        if (text[offset] == '\0') {
            diags.error(file, "memuat karakter NUL (kode 0), yang tidak ada dalam lembar kerja CSV; " +
                                  std::string(kSaveAsUtf8), line);
            return false;
        }
        // Quote the text just before the bad byte, so the cell can be found.
        auto from = text.rfind('\n', offset == 0 ? 0 : offset - 1);
        from = from == std::string::npos || from >= offset ? 0 : from + 1;
        if (offset - from > 30) from = offset - 30;
        while (from < offset && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[offset])));
        diags.error(file, std::string("bukan teks UTF-8: bita ") + byte + " sesudah \"" + text.substr(from, offset - from) +
                              "\"; berkas tampaknya disimpan dengan pengodean lain (misalnya jenis \"CSV\" biasa "
                              "di Excel, Windows-1252); " + kSaveAsUtf8,
                    line);
        return false;
    }
    bool ok = true;
    int line = 1;
    std::size_t counted = 0;  // lines are counted on from the last BOM: thousands of them stay linear
    for (auto at = text.find("\xEF\xBB\xBF", bom ? 3 : 0); at != std::string::npos; at = text.find("\xEF\xBB\xBF", at + 3)) {
        line += static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted),
                                            text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        counted = at;
        diags.error(file, "tanda BOM (U+FEFF) di tengah berkas: lembar kerja ini tampaknya gabungan beberapa berkas "
                          "CSV; salin baris-barisnya ke satu lembar kerja, lalu " + std::string(kSaveAsUtf8),
                    line);
        ok = false;
    }
    return ok;
}

/// What a message located at text `line` of `row` starts with: the LSP, and
/// "baris lembar kerja 7" when cells with line breaks make the spreadsheet's
/// row number differ from that line.
std::string row_subject(const std::string& id, const SheetRow& row, int line) {
    const auto note = row.row != line ? "baris lembar kerja " + std::to_string(row.row) : std::string();
    if (id.empty()) return note.empty() ? std::string() : note + ": ";
    return id + (note.empty() ? "" : " (" + note + ")") + ": ";
}

std::string column_name(const std::vector<std::string>* header, std::size_t i) {
    const auto label = header && i < header->size() ? trim((*header)[i]) : std::string();
    return label.empty() ? "kolom " + column_letter(i) : "kolom '" + label + "'";
}

std::string csv_error_message(const CsvError& e, const std::vector<std::string>* header) {
    const std::string fix =
        "periksa tanda kutip (\") sel itu: sel yang diawali tanda kutip harus diakhiri tanda kutip, dan tanda kutip "
        "di dalam teks ditulis dua kali (\"\"); " + std::string(kSaveAsUtf8) + " agar tanda kutip ditulis dengan benar";
    std::string at = e.row != e.line ? "baris lembar kerja " + std::to_string(e.row) + ", " : "";
    at += column_name(header, e.column) + ": ";
    switch (e.kind) {
        case CsvError::Kind::unclosed_quote:
            return at + "sel diawali tanda kutip yang tidak pernah ditutup, sehingga semua baris sampai akhir berkas (baris " +
                   std::to_string(e.stop_line) + ") terbaca sebagai isi sel ini; " + fix;
        case CsvError::Kind::text_after_quote:
            if (e.stop_line != e.line)
                return at + "sel diawali tanda kutip yang baru tertutup di baris " + std::to_string(e.stop_line) +
                       " dan diikuti teks lain: kemungkinan tanda kutip pembukanya tidak ditutup; " + fix;
            return at + "sesudah tanda kutip penutup sel masih ada teks; " + fix;
        case CsvError::Kind::quote_inside_cell:
            return at + "tanda kutip di tengah sel yang tidak diawali tanda kutip; " + fix;
        case CsvError::Kind::out_of_memory: break;
    }
    return "lembar kerja tidak dapat dibaca: memori tidak cukup";
}

/// A line inside a cell that reads like a worksheet row of a registered LSP
/// (its lsp column holds an id): text swallowed by a quote that did not close
/// where it should. Returns that id and the line's index in the cell.
std::optional<std::pair<std::string, int>> swallowed_row(const std::string& cell, std::size_t lsp_col, char delimiter,
                                                         const std::map<std::string, std::size_t>& registry) {
    int index = 0;
    for (std::size_t pos = cell.find('\n'); pos != std::string::npos; pos = cell.find('\n', pos + 1)) {
        ++index;
        const auto end = cell.find('\n', pos + 1);
        const std::string_view line = std::string_view(cell).substr(pos + 1, end == std::string::npos ? end : end - pos - 1);
        std::size_t from = 0;
        for (std::size_t col = 0; col < lsp_col && from != std::string_view::npos; ++col) {
            from = line.find(delimiter, from);
            if (from != std::string_view::npos) ++from;
        }
        if (from == std::string_view::npos) continue;
        const auto to = line.find(delimiter, from);
        if (to == std::string_view::npos && lsp_col == 0) continue;  // a lone id on a line is not a row
        const auto id = trim(line.substr(from, to == std::string_view::npos ? to : to - from));
        if (registry.count(id)) return std::make_pair(id, index);
    }
    return std::nullopt;
}

}  // namespace

std::optional<SheetTable> csv_sheet_table(const std::string& csv_text_in, const std::string& file, Diagnostics& diags) {
    if (!check_encoding(csv_text_in, file, diags)) return std::nullopt;
    const auto csv = read_csv(csv_text_in);
    if (csv.error) {
        const auto* header = csv.rows.empty() || csv.error->line <= csv.rows.front().line ? nullptr : &csv.rows.front().cells;
        diags.error(file, csv_error_message(*csv.error, header), csv.error->line);
        return std::nullopt;
    }
    SheetTable table;
    table.delimiter = csv.delimiter;
    for (const auto& r : csv.rows) {
        SheetRow row;
        row.line = r.line;
        row.row = r.row;
        row.cell_lines = r.cell_lines;
        for (const auto& c : r.cells) row.cells.push_back(SheetCell{c});
        table.rows.push_back(std::move(row));
    }
    return table;
}

SheetTable workbook_sheet_table(const WorkbookSheet& sheet) {
    SheetTable table;
    table.sheet = sheet.name;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        SheetRow row;
        row.row = static_cast<int>(r + 1);
        bool blank = true;
        for (const auto& c : sheet.rows[r]) {
            SheetCell cell;
            cell.text = c.text;
            cell.number = c.kind == WorkbookCell::Kind::number;
            cell.value = c.number;
            cell.date = c.date;
            cell.formula = c.formula;
            blank = blank && trim(c.text).empty();
            row.cells.push_back(std::move(cell));
        }
        if (!blank) table.rows.push_back(std::move(row));
    }
    return table;
}

std::optional<ImportedWorksheet> import_worksheet(const std::string& csv_text, const std::string& file,
                                                  const Content& content, const std::vector<Lsp>& lsps,
                                                  Diagnostics& diags) {
    const auto table = csv_sheet_table(csv_text, file, diags);
    if (!table) return std::nullopt;
    return import_worksheet(*table, file, content, lsps, diags);
}

std::optional<ImportedWorksheet> import_worksheet(const SheetTable& table, const std::string& file,
                                                  const Content& content, const std::vector<Lsp>& lsps,
                                                  Diagnostics& diags) {
    const auto errors_before = diags.error_count();
    const bool workbook = !table.sheet.empty();
    if (table.rows.empty()) {
        diags.error(file, (workbook ? "lembar " + table.sheet + " kosong" : std::string("lembar kerja kosong")) +
                              ": baris judul kolom tidak ditemukan");
        return std::nullopt;
    }
    if (const auto problem = entry_count_problem(table.rows.size() - 1, "baris LSP"); !problem.empty()) {
        diags.error(file, "lembar kerja memuat " + problem, table.rows.back().line);
        return std::nullopt;
    }
    std::set<std::string> codes;
    std::map<std::string, int> max_of;
    const auto position = code_positions(content.indicators);
    for (const auto& ind : content.indicators) {
        codes.insert(ind.code);
        max_of[ind.code] = ind.max_score;
    }
    const auto& header = table.rows.front();
    std::vector<std::string> header_texts;
    for (const auto& c : header.cells) header_texts.push_back(c.text);
    // Where a message points: a CSV's text line, or a workbook's sheet and cell.
    const auto sheet_prefix = workbook ? "lembar " + table.sheet + ", " : std::string();
    const auto header_at = workbook ? sheet_prefix + "baris judul (baris " + std::to_string(header.row) + "): " : std::string();
    std::vector<ColumnRole> roles;
    int lsp_col = -1;
    std::set<std::string> seen_codes;
    std::map<std::string, std::size_t> stored_at;  // a column whose values are kept, by role: its first position
    for (std::size_t i = 0; i < header_texts.size(); ++i) {
        std::string unknown;
        auto role = classify(header_texts[i], codes, unknown);
        const auto label = trim(header_texts[i]);
        if (!unknown.empty())
            diags.error(file, header_at + "kolom '" + label + "': kode indikator " + unknown + " tidak dikenal" +
                                  nearest_code_hint(unknown, codes), header.line);
        else if (role.role == Role::ignored && !label.empty())
            diags.warning(file, header_at + "kolom '" + label + "' tidak dikenal dan diabaikan", header.line);
        if (role.role == Role::lsp && lsp_col < 0) lsp_col = static_cast<int>(i);
        if (role.role == Role::score) seen_codes.insert(role.code);
        const std::string key = role.role == Role::lsp               ? "lsp"
                                : role.role == Role::notes           ? "catatan"
                                : role.role == Role::recommendations ? "rekomendasi"
                                : role.role == Role::score           ? "indikator " + role.code
                                                                     : "";
        // Two columns for one value: whichever came last would silently win.
        if (!key.empty())
            if (auto [it, fresh] = stored_at.emplace(key, i); !fresh)
                diags.error(file, header_at + "kolom " + key + " muncul lebih dari sekali (kolom " + column_letter(it->second) +
                                      " dan " + column_letter(i) + "); hapus salah satunya",
                            header.line);
        roles.push_back(role);
    }
    if (lsp_col < 0) {
        diags.error(file, header_at + "kolom 'lsp' (ID LSP) tidak ditemukan di baris judul", header.line);
        return std::nullopt;
    }
    for (const auto& code : codes)
        if (!seen_codes.count(code))
            diags.warning(file, header_at + "kolom indikator " + code + " tidak ada di lembar kerja; skor " + code +
                                    " di berkas penilaian tidak diubah", header.line);

    std::map<std::string, std::size_t> registry;
    for (std::size_t i = 0; i < lsps.size(); ++i) registry[lsps[i].id] = i;
    std::map<std::size_t, ScoreSheet> sheets;  // by registry position
    std::map<std::string, int> first_line;
    std::set<std::size_t> untitled_reported;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        static const SheetCell kEmpty;
        const auto cell_at = [&](std::size_t i) -> const SheetCell& { return i < row.cells.size() ? row.cells[i] : kEmpty; };
        const auto cell = [&](std::size_t i) { return cell_at(i).text; };
        const auto line_of = [&](std::size_t i) { return i < row.cell_lines.size() ? row.cell_lines[i] : row.line; };
        const auto id = trim(cell(static_cast<std::size_t>(lsp_col)));
        const auto id_note = id.empty() ? std::string() : " (" + id + ")";
        // CSV: "lsp-a: " (the line goes with the message); workbook: "lembar Penilaian, sel F12 (lsp-a): ".
        const auto at_cell = [&](std::size_t i) {
            return workbook ? sheet_prefix + "sel " + cell_name(static_cast<std::size_t>(row.row - 1), i) + id_note + ": "
                            : row_subject(id, row, line_of(i));
        };
        const auto at_row = [&] {
            return workbook ? sheet_prefix + "baris " + std::to_string(row.row) + id_note + ": " : row_subject(id, row, row.line);
        };
        bool bad_row = false;
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            if (workbook) break;  // quoting faults exist only in CSV text
            if (auto swallowed = swallowed_row(row.cells[i].text, static_cast<std::size_t>(lsp_col), table.delimiter, registry)) {
                diags.error(file, at_cell(i) + column_name(&header_texts, i) + ": baris teks " +
                                      std::to_string(line_of(i) + swallowed->second) + " di dalam sel ini tampak seperti baris "
                                      "lembar kerja LSP " + swallowed->first + ": kemungkinan tanda kutip (\") sel ini "
                                      "tidak ditutup; periksa tanda kutip sel itu, atau " + kSaveAsUtf8,
                            line_of(i));
                bad_row = true;
            }
        }
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const bool untitled = i >= header_texts.size() || trim(header_texts[i]).empty();
            if (untitled && !trim(row.cells[i].text).empty() && untitled_reported.insert(i).second)
                diags.error(file, at_cell(i) + "kolom " + column_letter(i) + " tidak berjudul, tetapi berisi '" +
                                      trim(row.cells[i].text).substr(0, 40) + "'; beri judul kolom itu atau kosongkan selnya",
                            line_of(i));
        }
        if (bad_row) continue;
        if (id.empty()) {
            diags.error(file, at_row() + "kolom lsp kosong; isi ID LSP atau hapus baris ini", row.line);
            continue;
        }
        auto reg = registry.find(id);
        if (reg == registry.end()) {
            diags.error(file, at_row() + "LSP tidak terdaftar di data/lsp.json" + nearest_id_hint(id, registry), row.line);
            continue;
        }
        if (auto [it, fresh] = first_line.emplace(id, workbook ? row.row : row.line); !fresh) {
            diags.error(file, at_row() + "muncul lagi (pertama di baris " + std::to_string(it->second) + ")", row.line);
            continue;
        }
        ScoreSheet sheet;
        sheet.lsp_id = id;
        sheet.source_line = workbook ? row.row : row.line;
        sheet.scores.resize(content.indicators.size());
        for (std::size_t i = 0; i < roles.size(); ++i) {
            const auto& sc = cell_at(i);
            const auto value = sc.text;
            const auto role = roles[i].role;
            // A value the spreadsheet shows as a date is not what was typed
            // ("2026-2" becomes 1 February 2026): its meaning is lost.
            if (sc.number && sc.date && (role == Role::score || role == Role::notes || role == Role::recommendations)) {
                diags.error(file, at_cell(i) + "kolom " + (role == Role::score ? roles[i].code : header_texts[i]) +
                                      ": sel ini berformat tanggal (tampil sebagai " + (is_iso_date(value) ? format_date(value) : value) +
                                      "), sehingga isinya tidak lagi seperti yang diketik (misalnya 2026-2 menjadi "
                                      "Feb-26); ubah format sel itu menjadi Teks (atau Angka untuk skor), lalu ketik "
                                      "ulang isinya",
                            line_of(i));
                continue;
            }
            if (workbook && sc.formula && role == Role::score)
                diags.warning(file, at_cell(i) + "kolom " + roles[i].code + ": sel berisi rumus; hasilnya yang tersimpan (" +
                                        value + ") dipakai sebagai skor");
            switch (role) {
                case Role::score: {
                    const auto& code = roles[i].code;
                    if (trim(value).empty()) break;
                    std::optional<int> score;
                    if (sc.number) {
                        if (sc.value >= 0 && sc.value <= 1e6 && sc.value == static_cast<double>(static_cast<int>(sc.value)))
                            score = static_cast<int>(sc.value);
                    } else {
                        score = parse_score(value);
                        if (score && workbook)
                            diags.warning(file, at_cell(i) + "kolom " + code + ": skor " + trim(value) +
                                                    " tersimpan sebagai teks, bukan angka; dibaca sebagai " +
                                                    std::to_string(*score) + " (ubah format sel menjadi Angka agar "
                                                    "aturan validasinya berlaku)");
                    }
                    if (!score)
                        diags.error(file, at_cell(i) + "kolom " + code + ": '" + trim(value) + "' bukan skor; isi bilangan bulat 0 sampai " +
                                              std::to_string(max_of[code]) + ", atau kosongkan bila belum dinilai",
                                    line_of(i));
                    else if (*score > max_of[code])
                        diags.error(file, at_cell(i) + "kolom " + code + ": " + std::to_string(*score) + " melebihi skor maksimum " +
                                              std::to_string(max_of[code]) + "; isi skor 0 sampai " + std::to_string(max_of[code]) +
                                              " sesuai rubrik indikator itu",
                                    line_of(i));
                    else
                        sheet.set_score(position.at(code), *score);
                    break;
                }
                case Role::notes:
                    sheet.notes_markdown = trim(value);
                    if (const auto problem = text_field_problem(sheet.notes_markdown); !problem.empty())
                        diags.error(file, at_cell(i) + "kolom catatan " + problem, line_of(i));
                    break;
                case Role::recommendations: {
                    std::string item;
                    int item_line = line_of(i);
                    for (std::size_t k = 0; k <= value.size(); ++k) {
                        if (k == value.size() || value[k] == '\n') {
                            auto t = trim(item);
                            if (const auto problem = text_field_problem(t); !problem.empty())
                                diags.error(file, (workbook ? at_cell(i) : row_subject(id, row, item_line)) + "kolom rekomendasi, butir ke-" +
                                                      std::to_string(sheet.recommendations_markdown.size() + 1) + " " + problem,
                                            item_line);
                            else if (!t.empty())
                                sheet.recommendations_markdown.push_back(t);
                            item.clear();
                            if (!workbook) ++item_line;
                        } else if (value[k] != '\r') {
                            item += value[k];
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
    for (const auto& code : seen_codes) out.columns.push_back(position.at(code));
    std::sort(out.columns.begin(), out.columns.end());
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
            added.back().source_line = 0;  // a worksheet line: meaningless in the round file
            continue;
        }
        auto& sheet = *it->second;
        for (const auto k : imported.columns) sheet.set_score(k, in.score(k));
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
        for (const auto& v : s.scores)
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
