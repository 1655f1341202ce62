#include "worksheet/registry_import.h"

#include <map>
#include <set>

#include "data/field_rules.h"
#include "data/registry_rules.h"
#include "util/text.h"
#include "worksheet/workbook_names.h"
#include "worksheet/workbook_writer.h"

namespace pepgen {

namespace {

/// An entry's fields by their JSON name, for reading and comparing alike.
std::vector<std::pair<std::string, std::string*>> fields_of(Lsp& l) {
    return {{"id", &l.id},
            {"nama", &l.name},
            {"jenis", &l.type},
            {"provinsi", &l.province},
            {"kota", &l.city},
            {"nomor_lisensi", &l.licence_number},
            {"lisensi_terbit", &l.licence_issued},
            {"lisensi_berlaku_sampai", &l.licence_valid_until},
            {"situs_web", &l.website},
            {"alamat", &l.address}};
}

const std::set<std::string> kRequired = {"id", "nama", "jenis", "provinsi", "nomor_lisensi", "lisensi_berlaku_sampai"};
const std::set<std::string> kDates = {"lisensi_terbit", "lisensi_berlaku_sampai"};

}  // namespace

std::optional<std::vector<Lsp>> import_registry(const WorkbookSheet& sheet, const std::string& file, Diagnostics& diags) {
    const auto errors_before = diags.error_count();
    const auto at = [&](std::size_t r, std::size_t c, const std::string& id) {
        return "lembar " + sheet.name + ", sel " + cell_name(r, c) + (id.empty() ? "" : " (" + id + ")") + ": ";
    };
    if (sheet.rows.empty()) {
        diags.error(file, "lembar " + sheet.name + " kosong: baris judul kolom tidak ditemukan");
        return std::nullopt;
    }
    std::map<std::string, std::size_t> column_of;
    const auto& header = sheet.rows.front();
    for (std::size_t c = 0; c < header.size(); ++c) {
        const auto name = to_lower_ascii(trim(header[c].text));
        if (name.empty()) continue;
        bool known = false;
        for (const auto& k : registry_columns()) known = known || k == name;
        if (!known) {
            diags.warning(file, at(0, c, "") + "kolom '" + name + "' tidak dikenal dan diabaikan");
            continue;
        }
        if (!column_of.emplace(name, c).second)
            diags.error(file, at(0, c, "") + "kolom " + name + " muncul lebih dari sekali; hapus salah satunya");
    }
    for (const auto& k : kRequired)
        if (!column_of.count(k)) diags.error(file, "lembar " + sheet.name + ": kolom " + k + " tidak ada di baris judul");
    if (diags.error_count() > errors_before) return std::nullopt;
    if (const auto problem = entry_count_problem(sheet.rows.size() - 1, "LSP"); !problem.empty()) {
        diags.error(file, "lembar " + sheet.name + " memuat " + problem);
        return std::nullopt;
    }
    std::vector<Lsp> out;
    std::map<std::string, std::size_t> first_row;
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
        const auto& row = sheet.rows[r];
        bool blank = true;
        for (const auto& c : row) blank = blank && trim(c.text).empty();
        if (blank) continue;
        const auto cell = [&](const std::string& name) -> const WorkbookCell* {
            auto it = column_of.find(name);
            return it != column_of.end() && it->second < row.size() ? &row[it->second] : nullptr;
        };
        Lsp lsp;
        const auto* id_cell = cell("id");
        const std::string id = id_cell ? trim(id_cell->text) : std::string();
        for (auto& [name, value] : fields_of(lsp)) {
            const auto col = column_of.count(name) ? column_of.at(name) : 0;
            const auto* c = cell(name);
            if (!c || trim(c->text).empty()) {
                if (kRequired.count(name) && column_of.count(name))
                    diags.error(file, at(r, col, id) + "kolom " + name + " kosong; isi " + name + " LSP ini");
                continue;
            }
            if (kDates.count(name)) {
                // A date cell is read as its date; text must already be YYYY-MM-DD.
                if (c->kind == WorkbookCell::Kind::number && !c->date) {
                    diags.error(file, at(r, col, id) + "kolom " + name + ": " + c->text +
                                          " adalah angka, bukan tanggal; ketik tanggal seperti 2027-05-17");
                    continue;
                }
            } else if (c->kind == WorkbookCell::Kind::number && c->date) {
                diags.error(file, at(r, col, id) + "kolom " + name + ": sel ini berformat tanggal (tampil sebagai " +
                                      c->text + "); ubah format sel menjadi Teks lalu ketik ulang isinya");
                continue;
            }
            *value = trim(c->text);
            if (const auto problem = text_field_problem(*value); !problem.empty())
                diags.error(file, at(r, col, id) + "kolom " + name + " " + problem);
        }
        for (const auto& problem : lsp_problems(lsp)) {
            const auto col = column_of.count(problem.field) ? column_of.at(problem.field) : 0;
            if (problem.error) diags.error(file, at(r, col, id) + problem.message);
            else diags.warning(file, at(r, col, id) + problem.message);
        }
        if (!id.empty())
            if (auto [it, fresh] = first_row.emplace(id, r); !fresh)
                diags.error(file, at(r, column_of.at("id"), id) + "id dipakai lagi (pertama di baris " +
                                      std::to_string(it->second + 1) + ")");
        out.push_back(std::move(lsp));
    }
    if (diags.error_count() > errors_before) return std::nullopt;
    return out;
}

std::vector<std::string> registry_changes(const std::vector<Lsp>& before, const std::vector<Lsp>& after) {
    std::map<std::string, Lsp> old_by_id, new_by_id;
    for (const auto& l : before) old_by_id[l.id] = l;
    for (const auto& l : after) new_by_id[l.id] = l;
    std::vector<std::string> lines;
    for (auto l : after) {
        auto it = old_by_id.find(l.id);
        if (it == old_by_id.end()) {
            lines.push_back(l.id + ": baru (" + l.name + ")");
            continue;
        }
        auto old = it->second;
        std::string parts;
        const auto now_fields = fields_of(l), old_fields = fields_of(old);
        for (std::size_t i = 0; i < now_fields.size(); ++i)
            if (*now_fields[i].second != *old_fields[i].second)
                parts += (parts.empty() ? "" : ", ") + now_fields[i].first + " '" + *old_fields[i].second + "' → '" +
                         *now_fields[i].second + "'";
        if (!parts.empty()) lines.push_back(l.id + ": " + parts);
    }
    for (const auto& l : before)
        if (!new_by_id.count(l.id)) lines.push_back(l.id + ": dihapus dari daftar (" + l.name + ")");
    return lines;
}

}  // namespace pepgen
