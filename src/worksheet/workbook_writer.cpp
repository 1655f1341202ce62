#include "worksheet/workbook_writer.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

#include <xlsxwriter.h>

#include "model/provinces.h"
#include "util/files.h"
#include "util/text.h"
#include "worksheet/workbook_names.h"

namespace fs = std::filesystem;

namespace pepgen {

std::string catalogue_signature(const std::vector<Indicator>& indicators) {
    std::string out;
    for (const auto& ind : indicators) out += (out.empty() ? "" : ";") + ind.code + "=" + std::to_string(ind.max_score);
    return out;
}

namespace {

std::vector<std::pair<std::string, std::string>> signature_items(const std::string& signature) {
    std::vector<std::pair<std::string, std::string>> items;
    std::size_t from = 0;
    while (from < signature.size()) {
        auto end = signature.find(';', from);
        if (end == std::string::npos) end = signature.size();
        const auto item = signature.substr(from, end - from);
        const auto eq = item.find('=');
        items.emplace_back(item.substr(0, eq), eq == std::string::npos ? "" : item.substr(eq + 1));
        from = end + 1;
    }
    return items;
}

/// Text for a cell's input message or a header: at most `limit` bytes, cut at
/// a character boundary (Excel refuses longer messages).
std::string fit(const std::string& s, std::size_t limit) {
    if (s.size() <= limit) return s;
    auto cut = limit - 3;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "...";
}

std::string input_message(const Indicator& ind) {
    std::string msg = ind.title + ". Isi bilangan bulat 0 sampai " + std::to_string(ind.max_score) + ".";
    for (const auto& level : ind.rubric)
        msg += "\n" + std::to_string(level.from) + (level.to != level.from ? "-" + std::to_string(level.to) : "") + ": " +
               level.label;
    return fit(msg, 255);
}

/// A folder only this process uses, removed with everything in it when done:
/// libxlsxwriter writes to a named file, and nothing else may see it half made.
struct PrivateFolder {
    fs::path path;
    PrivateFolder() {
        const char* tmp = std::getenv("TMPDIR");
        std::string templ = (tmp && *tmp ? std::string(tmp) : std::string("/tmp")) + "/pepgen-xlsx-XXXXXX";
        if (::mkdtemp(templ.data())) path = templ;
    }
    ~PrivateFolder() {
        std::error_code ec;
        if (!path.empty()) fs::remove_all(path, ec);
    }
};

/// A workbook being written in a private folder, with fixed properties so
/// that the same content gives the same bytes.
struct XlsxFile {
    PrivateFolder folder;
    std::string file;
    lxw_workbook* wb = nullptr;

    /// `date`: YYYY-MM-DD used as the creation time.
    bool open(const std::string& title, const std::string& date, std::string& error) {
        if (folder.path.empty()) {
            error = "folder sementara untuk membuat lembar kerja tidak dapat dibuat: " + system_reason(errno) +
                    "; atur TMPDIR ke folder yang dapat ditulis";
            return false;
        }
        file = (folder.path / "lembar.xlsx").string();
        lxw_workbook_options options{};
        options.tmpdir = const_cast<char*>(folder.path.c_str());
        wb = workbook_new_opt(file.c_str(), &options);
        if (!wb) {
            error = "lembar kerja tidak dapat dibuat";
            return false;
        }
        title_ = title;
        std::tm tm{};
        std::sscanf(date.c_str(), "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        tm.tm_hour = 12;
        lxw_doc_properties props{};
        props.title = const_cast<char*>(title_.c_str());
        props.author = const_cast<char*>("pepgen");
        props.created = ::timegm(&tm);
        workbook_set_properties(wb, &props);
        return true;
    }

    /// Closes the workbook and returns its bytes.
    std::optional<std::string> close(std::string& error) {
        const auto rc = workbook_close(wb);
        wb = nullptr;
        if (rc != LXW_NO_ERROR) {
            error = std::string("lembar kerja tidak dapat dibuat: ") + lxw_strerror(rc);
            return std::nullopt;
        }
        auto bytes = read_text_file(file, 512ull * 1024 * 1024);
        if (!bytes.text) {
            error = bytes.error;
            return std::nullopt;
        }
        return std::move(bytes.text);
    }

    ~XlsxFile() {
        if (wb) workbook_close(wb);
    }

private:
    std::string title_;
};

lxw_format* header_format(lxw_workbook* wb) {
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header, 0xDDE6F0);
    format_set_border(header, LXW_BORDER_THIN);
    return header;
}

/// Landscape A4, pages across with the header row (and `columns` first columns) on each, gridlines printed.
void print_setup(lxw_worksheet* ws, const std::string& title, lxw_col_t columns) {
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES);
    worksheet_repeat_rows(ws, 0, 0);
    if (columns > 0) worksheet_repeat_columns(ws, 0, columns - 1);
    const auto page_header = "&L" + title + "&RHalaman &P dari &N";
    worksheet_set_header(ws, page_header.c_str());
}

}  // namespace

std::string catalogue_difference(const std::string& made_for, const std::string& now) {
    if (made_for == now) return {};
    const auto before = signature_items(made_for), after = signature_items(now);
    std::map<std::string, std::string> max_before(before.begin(), before.end()), max_after(after.begin(), after.end());
    std::vector<std::string> parts;
    for (const auto& [code, max] : before)
        if (!max_after.count(code)) parts.push_back(code + " tidak ada lagi");
    for (const auto& [code, max] : after)
        if (!max_before.count(code)) parts.push_back(code + " baru");
        else if (max_before[code] != max) parts.push_back("skor maksimum " + code + " " + max_before[code] + " → " + max);
    if (parts.empty()) parts.push_back("urutan indikator berubah");
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

std::optional<std::string> worksheet_xlsx(const Content& content, const std::vector<Lsp>& lsps,
                                          const WorksheetMeta& meta, std::string& error) {
    const std::string title = "Lembar kerja penilaian " + meta.period;
    XlsxFile out;
    if (!out.open(title, meta.date, error)) return std::nullopt;
    lxw_workbook* wb = out.wb;
    lxw_format* header = header_format(wb);
    lxw_format* locked = workbook_add_format(wb);
    format_set_bg_color(locked, 0xF2F2F2);
    format_set_num_format(locked, "@");  // text: an id like "2026-1" stays as typed
    lxw_format* score = workbook_add_format(wb);
    format_set_unlocked(score);
    format_set_align(score, LXW_ALIGN_CENTER);
    format_set_num_format(score, "0");
    lxw_format* text = workbook_add_format(wb);
    format_set_unlocked(text);
    format_set_text_wrap(text);
    format_set_num_format(text, "@");  // text: "2026-2" in a note is not turned into a date

    lxw_worksheet* ws = workbook_add_worksheet(wb, kScoresSheet);
    const auto n_ind = content.indicators.size();
    const lxw_col_t col_notes = static_cast<lxw_col_t>(2 + n_ind), col_recs = static_cast<lxw_col_t>(3 + n_ind);
    const lxw_row_t last_row = static_cast<lxw_row_t>(lsps.size());
    worksheet_set_column(ws, 0, 0, 16, locked);
    worksheet_set_column(ws, 1, 1, 34, locked);
    if (n_ind > 0) worksheet_set_column(ws, 2, static_cast<lxw_col_t>(1 + n_ind), 7.5, score);
    worksheet_set_column(ws, col_notes, col_recs, 48, text);
    worksheet_set_row(ws, 0, 45, nullptr);
    worksheet_write_string(ws, 0, 0, "lsp", header);
    worksheet_write_string(ws, 0, 1, "nama", header);
    for (std::size_t k = 0; k < n_ind; ++k) {
        const auto& ind = content.indicators[k];
        const auto col = static_cast<lxw_col_t>(2 + k);
        const auto label = ind.code + " (maks " + std::to_string(ind.max_score) + ")";
        worksheet_write_string(ws, 0, col, label.c_str(), header);
        if (last_row == 0) continue;
        const auto message = input_message(ind);
        const auto error_text = "Skor " + ind.code + " harus bilangan bulat 0 sampai " + std::to_string(ind.max_score) +
                                ", atau kosong bila belum dinilai.";
        lxw_data_validation v{};
        v.validate = LXW_VALIDATION_TYPE_INTEGER;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = 0;
        v.maximum_number = ind.max_score;
        v.ignore_blank = LXW_VALIDATION_ON;
        v.show_input = LXW_VALIDATION_ON;
        v.show_error = LXW_VALIDATION_ON;
        v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        v.input_title = const_cast<char*>(ind.code.c_str());
        v.input_message = const_cast<char*>(message.c_str());
        v.error_title = const_cast<char*>("Skor di luar rentang");
        v.error_message = const_cast<char*>(error_text.c_str());
        worksheet_data_validation_range(ws, 1, col, last_row, col, &v);
    }
    worksheet_write_string(ws, 0, col_notes, "catatan", header);
    worksheet_write_string(ws, 0, col_recs, "rekomendasi", header);
    for (std::size_t i = 0; i < lsps.size(); ++i) {
        const auto row = static_cast<lxw_row_t>(i + 1);
        worksheet_write_string(ws, row, 0, lsps[i].id.c_str(), locked);
        worksheet_write_string(ws, row, 1, lsps[i].name.c_str(), locked);
    }
    worksheet_freeze_panes(ws, 1, 2);
    // Not fitted to one page: 27 indicator columns on one A4 width would be
    // unreadable. Pages run across, each repeating the ids, names and header;
    // gridlines are printed too: empty score cells need their boxes.
    print_setup(ws, title, 2);
    // Ids and names are locked so a row cannot be retyped to another LSP by
    // accident; no password, so the team can still unprotect it on purpose.
    lxw_protection protection{};
    protection.format_columns = 1;
    protection.format_rows = 1;
    protection.sort = 1;
    protection.autofilter = 1;
    worksheet_protect(ws, nullptr, &protection);
    worksheet_activate(ws);

    lxw_worksheet* hidden = workbook_add_worksheet(wb, kMetaSheet);
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"periode", meta.period},
        {"jenis", meta.kind == RoundKind::rutin ? "rutin" : "insidental"},
        {"tanggal", meta.date},
        {"katalog", meta.catalogue},
        {"keterangan", "Lembar ini dibaca pepgen import; jangan diubah."},
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        worksheet_write_string(hidden, static_cast<lxw_row_t>(i), 0, rows[i].first.c_str(), nullptr);
        worksheet_write_string(hidden, static_cast<lxw_row_t>(i), 1, rows[i].second.c_str(), nullptr);
    }
    worksheet_hide(hidden);
    worksheet_protect(hidden, nullptr, nullptr);

    return out.close(error);
}

std::optional<std::string> registry_xlsx(const std::vector<Lsp>& lsps, std::string& error) {
    XlsxFile out;
    // A fixed creation time: the registry has no date of its own.
    if (!out.open("Daftar LSP terlisensi", "2020-01-01", error)) return std::nullopt;
    lxw_workbook* wb = out.wb;
    lxw_format* header = header_format(wb);
    lxw_format* text = workbook_add_format(wb);
    format_set_num_format(text, "@");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    format_set_align(date, LXW_ALIGN_LEFT);

    lxw_worksheet* ws = workbook_add_worksheet(wb, kRegistrySheet);
    const auto& columns = registry_columns();
    const double widths[] = {18, 40, 7, 24, 20, 28, 14, 14, 30, 40};
    for (lxw_col_t c = 0; c < columns.size(); ++c) {
        const bool is_date = columns[c] == "lisensi_terbit" || columns[c] == "lisensi_berlaku_sampai";
        worksheet_set_column(ws, c, c, widths[c], is_date ? date : text);
        worksheet_write_string(ws, 0, c, columns[c].c_str(), header);
    }
    const lxw_row_t last = static_cast<lxw_row_t>(std::max<std::size_t>(lsps.size() + 200, 500));
    for (std::size_t i = 0; i < lsps.size(); ++i) {
        const auto& l = lsps[i];
        const auto row = static_cast<lxw_row_t>(i + 1);
        const std::string values[] = {l.id, l.name, l.type, l.province, l.city, l.licence_number,
                                      l.licence_issued, l.licence_valid_until, l.website, l.address};
        for (lxw_col_t c = 0; c < columns.size(); ++c) {
            const auto& v = values[c];
            if (v.empty()) continue;
            int y = 0, m = 0, d = 0;
            if ((columns[c] == "lisensi_terbit" || columns[c] == "lisensi_berlaku_sampai") &&
                std::sscanf(v.c_str(), "%d-%d-%d", &y, &m, &d) == 3) {
                lxw_datetime dt{y, m, d, 0, 0, 0};
                worksheet_write_datetime(ws, row, c, &dt, date);
            } else {
                worksheet_write_string(ws, row, c, v.c_str(), text);
            }
        }
    }
    // Lists for jenis and provinsi; dates as dates. Room below the last LSP for new ones.
    const char* types[] = {"P1", "P2", "P3", nullptr};
    lxw_data_validation type_rule{};
    type_rule.validate = LXW_VALIDATION_TYPE_LIST;
    type_rule.value_list = const_cast<char**>(types);
    type_rule.input_title = const_cast<char*>("Jenis LSP");
    type_rule.input_message = const_cast<char*>("P1, P2 atau P3.");
    worksheet_data_validation_range(ws, 1, 2, last, 2, &type_rule);
    lxw_worksheet* hidden = workbook_add_worksheet(wb, kMetaSheet);
    worksheet_write_string(hidden, 0, 0, "berkas", nullptr);
    worksheet_write_string(hidden, 0, 1, kRegistryKind, nullptr);
    worksheet_write_string(hidden, 1, 0, "keterangan", nullptr);
    worksheet_write_string(hidden, 1, 1, "Lembar ini dibaca pepgen import; jangan diubah.", nullptr);
    const auto provinces = province_names();
    for (std::size_t i = 0; i < provinces.size(); ++i)
        worksheet_write_string(hidden, static_cast<lxw_row_t>(i), 3, provinces[i].c_str(), nullptr);
    const auto province_range = std::string("=") + kMetaSheet + "!$D$1:$D$" + std::to_string(provinces.size());
    lxw_data_validation province_rule{};
    province_rule.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    province_rule.value_formula = const_cast<char*>(province_range.c_str());
    province_rule.input_title = const_cast<char*>("Provinsi");
    province_rule.input_message = const_cast<char*>("Pilih dari daftar provinsi.");
    worksheet_data_validation_range(ws, 1, 3, last, 3, &province_rule);
    for (const lxw_col_t c : {lxw_col_t{6}, lxw_col_t{7}}) {
        lxw_data_validation date_rule{};
        date_rule.validate = LXW_VALIDATION_TYPE_DATE;
        date_rule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        date_rule.minimum_datetime = lxw_datetime{1990, 1, 1, 0, 0, 0};
        date_rule.maximum_datetime = lxw_datetime{2100, 12, 31, 0, 0, 0};
        date_rule.input_title = const_cast<char*>("Tanggal");
        date_rule.input_message = const_cast<char*>("Tanggal, misalnya 2027-05-17.");
        date_rule.error_message = const_cast<char*>("Isi tanggal yang sah, misalnya 2027-05-17.");
        worksheet_data_validation_range(ws, 1, c, last, c, &date_rule);
    }
    worksheet_freeze_panes(ws, 1, 1);
    print_setup(ws, "Daftar LSP terlisensi", 2);
    worksheet_activate(ws);
    worksheet_hide(hidden);
    worksheet_protect(hidden, nullptr, nullptr);
    return out.close(error);
}

}  // namespace pepgen
