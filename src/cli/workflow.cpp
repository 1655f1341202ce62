#include "cli/workflow.h"

#include "cli/check.h"

#include <ctime>
#include <map>
#include <set>
#include <ostream>

#include "content/content_loader.h"
#include "format/indonesian.h"
#include "data/data_loader.h"
#include "data/registry_writer.h"
#include "data/round_writer.h"
#include "scoring/schedule.h"
#include "util/atomic_file.h"
#include "util/files.h"
#include "util/text.h"
#include "validate/validate.h"
#include "worksheet/registry_import.h"
#include "worksheet/round_changes.h"
#include "worksheet/workbook_reader.h"
#include "worksheet/workbook_writer.h"
#include "worksheet/worksheet.h"
#include "util/today.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

bool check_date(const std::string& date, std::ostream& err) {
    if (is_iso_date(date)) return true;
    err << "pepgen: --tanggal harus tanggal YYYY-MM-DD yang sah, bukan '" << date << "'\n";
    return false;
}

/// Why the named worksheet cannot be read as a file at all, with what to do; empty when it can.
/// Checked before opening, so a FIFO is never opened (that would wait for a writer forever).
std::string worksheet_file_problem(const fs::path& path) {
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (st.type() == fs::file_type::not_found) {
        if (fs::is_symlink(fs::symlink_status(path, ec)))
            return "tautan simbolik ini menunjuk ke berkas yang tidak ada; sebutkan berkas lembar kerja itu sendiri";
        return "berkas tidak ditemukan; periksa nama dan foldernya (misalnya lembar-kerja/2027-1.xlsx)";
    }
    if (st.type() == fs::file_type::directory)
        return "ini folder, bukan berkas; sebutkan berkas lembar kerja di dalamnya (misalnya lembar-kerja/2027-1.xlsx)";
    if (st.type() != fs::file_type::regular)
        return "bukan berkas biasa (misalnya pipa/FIFO atau perangkat); simpan lembar kerja sebagai berkas (.xlsx, "
               ".ods atau .csv) lalu sebutkan berkas itu";
    return {};
}

std::string default_title(RoundKind kind, const std::string& period) {
    return std::string(kind == RoundKind::rutin ? "Penilaian Rutin " : "Penilaian Insidental ") + period;
}

const char* kind_name(RoundKind kind) { return kind == RoundKind::rutin ? "rutin" : "insidental"; }

/// The kind asked for, checked against the period code; empty and a message when they disagree.
std::optional<RoundKind> agreeing_kind(const std::string& period, const std::optional<std::string>& asked, std::ostream& err) {
    const auto implied = kind_of_period(period);
    if (!asked) return implied;
    if (*asked != "rutin" && *asked != "insidental") {
        err << "pepgen: --jenis harus rutin atau insidental, bukan '" << *asked << "'\n";
        return std::nullopt;
    }
    const auto kind = *asked == "rutin" ? RoundKind::rutin : RoundKind::insidental;
    if (kind != implied) {
        err << "pepgen: periode " << period << " adalah kode penilaian " << kind_name(implied) << ", tetapi --jenis "
            << *asked << "; kode penilaian insidental diawali i sesudah tahun (misalnya 2027-i1), kode rutin "
            << "tidak (misalnya 2027-1): pakai kode yang sesuai jenisnya\n";
        return std::nullopt;
    }
    return kind;
}

/// A free name for a backup under root/cadangan/<folder>/, named for what it keeps and when.
fs::path backup_path(const fs::path& root, const std::string& folder, const std::string& name) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    const auto dir = root / "cadangan" / folder;
    auto path = dir / (name + "-" + stamp + ".json");
    for (int i = 2; fs::exists(path); ++i) path = dir / (name + "-" + stamp + "-" + std::to_string(i) + ".json");
    return path;
}

/// Keeps `bytes` (the file at `target` as it was) as a backup and says where;
/// false, with the reason, when it cannot (then nothing may be replaced).
bool keep_backup(const fs::path& root, const fs::path& backup, const std::string& bytes, const fs::path& target,
                 std::ostream& out, std::ostream& err) {
    if (auto e = write_file_atomically(backup, bytes); !e.empty()) {
        err << display_path(root, backup) << ": galat: cadangan tidak dapat ditulis (" << e << "); "
            << display_path(root, target) << " tidak diubah\n";
        return false;
    }
    out << "Berkas sebelumnya disimpan di " << display_path(root, backup) << " (untuk membatalkan impor: salin "
        << "berkas itu kembali ke " << display_path(root, target) << ").\n";
    return true;
}

}  // namespace

fs::path worksheet_path(const fs::path& root, const std::string& period, bool csv) {
    return root / "lembar-kerja" / (period + (csv ? ".csv" : ".xlsx"));
}

int run_new_round(const fs::path& root, const NewRoundOptions& options, std::ostream& out, std::ostream& err) {
    if (!is_period(options.period)) {
        err << "pepgen: periode '" << options.period
            << "' harus berbentuk TAHUN-KODE, misalnya 2027-1 atau 2027-i1 (huruf kecil, angka, tanda hubung)\n";
        return 2;
    }
    const auto date = options.date.value_or(today_iso());
    const auto kind = agreeing_kind(options.period, options.kind, err);
    if (!kind || !check_date(date, err)) return 2;
    const auto round_file = root / "data" / "penilaian" / (options.period + ".json");
    const auto sheet_file = worksheet_path(root, options.period, options.csv);
    bool exists = false;
    for (const auto& p : {round_file, worksheet_path(root, options.period, false), worksheet_path(root, options.period, true)})
        if (fs::exists(p)) {
            err << display_path(root, p) << ": galat: sudah ada; pepgen tidak menimpa penilaian yang sudah dibuat\n";
            exists = true;
        }
    if (exists) return 1;
    Diagnostics diags;
    const auto content = load_content(root, diags);
    const auto lsps = load_registry(root, diags);
    if (diags.has_errors()) {
        print_diagnostics(diags, err);
        return 1;
    }
    Round round;
    round.period = options.period;
    round.kind = *kind;
    round.date = date;
    round.title = default_title(round.kind, round.period);
    std::vector<Lsp> listed;
    std::vector<std::string> left_out;
    for (const auto& lsp : lsps) {
        // Only LSPs licensed on the round's date are expected to be evaluated.
        if (licence_expired_on(lsp, date)) {
            left_out.push_back(lsp.id + " (lisensi berakhir " + format_date(lsp.licence_valid_until) + ")");
            continue;
        }
        if (!lsp.licence_issued.empty() && lsp.licence_issued > date) {
            left_out.push_back(lsp.id + " (lisensi baru terbit " + format_date(lsp.licence_issued) + ")");
            continue;
        }
        listed.push_back(lsp);
        ScoreSheet sheet;
        sheet.lsp_id = lsp.id;
        round.sheets.push_back(std::move(sheet));
    }
    std::string sheet_bytes;
    if (options.csv) {
        sheet_bytes = worksheet_csv(content, listed);
    } else {
        std::string error;
        auto bytes = worksheet_xlsx(content, listed, {round.period, round.kind, date, catalogue_signature(content.indicators)}, error);
        if (!bytes) {
            err << display_path(root, sheet_file) << ": galat: " << error << "\n";
            return 1;
        }
        sheet_bytes = std::move(*bytes);
    }
    // The round file is written last: if the worksheet cannot be written, no half-made round appears.
    if (auto e = write_file_atomically(sheet_file, sheet_bytes); !e.empty()) {
        err << display_path(root, sheet_file) << ": galat: " << e << "\n";
        return 1;
    }
    if (auto e = write_file_atomically(round_file, round_json(round, content.indicators)); !e.empty()) {
        fs::remove(sheet_file);
        err << display_path(root, round_file) << ": galat: " << e << "\n";
        return 1;
    }
    out << "Penilaian " << round.period << " (" << kind_name(round.kind) << ", " << date << ") dibuat untuk " << listed.size()
        << " dari " << lsps.size() << " LSP terdaftar:\n  " << display_path(root, round_file) << "  (skor masih kosong)\n  "
        << display_path(root, sheet_file)
        << "  (lembar kerja: isi di program lembar kerja, lalu jalankan pepgen import)\n";
    if (!left_out.empty()) {
        out << left_out.size() << " LSP tidak dimasukkan karena tidak berlisensi pada " << date << ":\n";
        for (const auto& l : left_out) out << "  " << l << "\n";
    }
    return 0;
}

namespace {

/// The worksheet's rows and what its hidden sheet says, from a workbook or a CSV.
struct ReadWorksheet {
    SheetTable table;
    bool workbook = false;
    std::optional<Workbook> book;
    std::map<std::string, WorkbookCell> meta;  ///< the "pepgen" sheet: key -> value cell
};

std::optional<ReadWorksheet> read_worksheet(const std::string& bytes, const std::string& file, Diagnostics& diags) {
    ReadWorksheet out;
    const auto format = workbook_format(bytes);
    // Other spreadsheet files are named for what they are, not read as CSV text.
    if (format == WorkbookFormat::none && bytes.rfind("PK\x03\x04", 0) == 0) {
        const auto damage = zip_size_problem(bytes);
        diags.error(file, (damage.empty() ? std::string("berkas ini arsip ZIP, tetapi bukan buku kerja .xlsx atau .ods "
                                                        "(mungkin dokumen lain)")
                                          : "buku kerja rusak: " + damage) +
                              "; buka di Excel atau LibreOffice Calc lalu simpan sebagai .xlsx atau .ods");
        return std::nullopt;
    }
    if (bytes.rfind("\xD0\xCF\x11\xE0", 0) == 0) {
        diags.error(file, "berkas ini buku kerja Excel lama (.xls), yang tidak dibaca pepgen; buka di Excel atau "
                          "LibreOffice Calc lalu simpan sebagai .xlsx");
        return std::nullopt;
    }
    if (format == WorkbookFormat::none) {
        auto table = csv_sheet_table(bytes, file, diags);
        if (!table) return std::nullopt;
        out.table = std::move(*table);
        return out;
    }
    out.workbook = true;
    std::string error;
    out.book = read_workbook(bytes, format, error);
    if (!out.book) {
        diags.error(file, error);
        return std::nullopt;
    }
    const auto& book = out.book;
    const WorkbookSheet* scores = book->sheet(kScoresSheet);
    for (const auto& sh : book->sheets)
        if (!scores && sh.name != kMetaSheet) scores = &sh;
    if (!scores) {
        diags.error(file, std::string("buku kerja tidak memuat lembar ") + kScoresSheet + "; buat lembar kerja dengan pepgen new penilaian");
        return std::nullopt;
    }
    out.table = workbook_sheet_table(*scores);
    if (const auto* meta = book->sheet(kMetaSheet))
        for (const auto& r : meta->rows)
            if (r.size() >= 2 && r[0].kind == WorkbookCell::Kind::text) out.meta[r[0].text] = r[1];
    return out;
}

std::string meta_text(const ReadWorksheet& ws, const std::string& key) {
    auto it = ws.meta.find(key);
    return it == ws.meta.end() ? std::string() : trim(it->second.text);
}

}  // namespace

namespace {

/// `pepgen import` of the registry workbook: data/lsp.json replaced by its
/// rows, after the same checks the build makes, a backup and a summary.
int import_registry_workbook(const fs::path& root, const ImportOptions& options, const Workbook& book, std::ostream& out,
                             std::ostream& err) {
    const auto file = options.worksheet.string();
    if (options.period || options.kind || options.date) {
        err << "pepgen: " << file << " adalah daftar LSP, bukan lembar kerja penilaian; --periode, --jenis dan "
            << "--tanggal tidak berlaku untuknya\n";
        return 2;
    }
    const auto registry_file = root / "data" / "lsp.json";
    const auto refuse = [&](const Diagnostics& diags) {
        print_diagnostics(diags, err);
        err << "Impor dibatalkan; " << display_path(root, registry_file) << " tidak diubah.\n";
        return 1;
    };
    Diagnostics diags;
    const auto* sheet = book.sheet(kRegistrySheet);
    if (!sheet) {
        diags.error(file, std::string("buku kerja tidak memuat lembar ") + kRegistrySheet +
                              "; buat ulang dengan pepgen export lsp");
        return refuse(diags);
    }
    auto lsps = import_registry(*sheet, file, diags);
    if (!lsps) return refuse(diags);
    // An LSP that rounds still score cannot leave the registry: the build would refuse those rounds.
    Diagnostics load_diags;
    const auto content = load_content(root, load_diags);
    const auto data = load_data(root, content.indicators, load_diags);
    if (load_diags.has_errors()) {
        print_diagnostics(load_diags, err);
        err << "Perbaiki galat di atas dulu; " << display_path(root, registry_file) << " tidak diubah.\n";
        return 1;
    }
    std::set<std::string> kept;
    for (const auto& l : *lsps) kept.insert(l.id);
    for (const auto& round : data.rounds)
        for (const auto& s : round.sheets)
            if (!kept.count(s.lsp_id))
                diags.error(file, "lembar " + std::string(kRegistrySheet) + ": LSP " + s.lsp_id + " tidak ada lagi, tetapi masih dinilai di " +
                                      round.source_file + "; kembalikan barisnya (LSP yang dicabut lisensinya tetap "
                                      "dicantumkan, dengan tanggal berakhir lisensinya)");
    if (diags.has_errors()) return refuse(diags);
    const auto json = registry_json(*lsps);
    const auto old_bytes = read_text_file(registry_file).text;
    const auto changes = registry_changes(data.lsps, *lsps);
    print_diagnostics(diags, err);
    // Same entries: the file is left as it is, even if it is laid out differently.
    if (changes.empty()) {
        out << "Tidak ada perubahan: " << display_path(root, registry_file) << " sudah berisi daftar ini.\n";
        return 0;
    }
    out << (options.dry_run ? "Yang akan berubah di " : "Perubahan di ") << display_path(root, registry_file) << ":\n";
    for (const auto& line : changes) out << "  " << line << "\n";
    out << "  (" << changes.size() << " LSP berubah; daftar kini " << lsps->size() << " LSP)\n";
    if (options.dry_run) {
        out << "Tidak ada yang ditulis (--coba). Jalankan lagi tanpa --coba untuk mengimpor.\n";
        return 0;
    }
    if (old_bytes && !keep_backup(root, backup_path(root, "lsp", "lsp"), *old_bytes, registry_file, out, err)) return 1;
    if (auto e = write_file_atomically(registry_file, json); !e.empty()) {
        err << display_path(root, registry_file) << ": galat: " << e << "\n";
        return 1;
    }
    out << "Daftar LSP diperbarui. Lanjutkan dengan: pepgen check, lalu pepgen build.\n";
    return 0;
}

}  // namespace

int run_export_registry(const fs::path& root, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    const auto lsps = load_registry(root, diags);
    if (diags.has_errors()) {
        print_diagnostics(diags, err);
        return 1;
    }
    const auto path = root / "lembar-kerja" / "lsp.xlsx";
    if (fs::exists(path)) {
        err << display_path(root, path) << ": galat: sudah ada; pepgen tidak menimpanya (mungkin sedang diisi). "
            << "Impor dulu perubahannya dengan pepgen import, lalu pindahkan atau hapus berkas itu\n";
        return 1;
    }
    std::string error;
    const auto bytes = registry_xlsx(lsps, error);
    if (!bytes) {
        err << display_path(root, path) << ": galat: " << error << "\n";
        return 1;
    }
    if (auto e = write_file_atomically(path, *bytes); !e.empty()) {
        err << display_path(root, path) << ": galat: " << e << "\n";
        return 1;
    }
    print_diagnostics(diags, err);
    out << "Daftar " << lsps.size() << " LSP ditulis ke " << display_path(root, path)
        << ": ubah di program lembar kerja, lalu jalankan pepgen import " << display_path(root, path) << "\n";
    return 0;
}

int run_import(const fs::path& root, const ImportOptions& options, std::ostream& out, std::ostream& err) {
    if (options.period && !is_period(*options.period)) {
        err << "pepgen: periode '" << *options.period << "' harus berbentuk TAHUN-KODE, misalnya 2027-1\n";
        return 2;
    }
    Diagnostics diags;
    const auto file = options.worksheet.string();
    if (const auto problem = worksheet_file_problem(options.worksheet); !problem.empty()) {
        err << file << ": galat: " << problem << "\n";
        return 1;
    }
    auto bytes = read_text_file(options.worksheet);
    if (!bytes.text) {
        err << file << ": galat: " << bytes.error << "\n";
        return 1;
    }
    const auto content = load_content(root, diags);
    const auto lsps = load_registry(root, diags);
    if (diags.has_errors()) {
        print_diagnostics(diags, err);
        return 1;
    }
    auto worksheet = read_worksheet(*bytes.text, file, diags);
    if (!worksheet) {
        print_diagnostics(diags, err);
        if (options.period)
            err << "Impor dibatalkan; " << display_path(root, root / "data" / "penilaian" / (*options.period + ".json"))
                << " tidak diubah.\n";
        else
            err << "Impor dibatalkan; tidak ada yang ditulis.\n";
        return 1;
    }
    if (worksheet->workbook && meta_text(*worksheet, "berkas") == kRegistryKind)
        return import_registry_workbook(root, options, *worksheet->book, out, err);
    // Which round: the workbook says which it was made for; a CSV cannot.
    std::optional<std::string> period = options.period;
    std::optional<RoundKind> made_kind;
    std::string made_date;
    if (worksheet->workbook && !worksheet->meta.empty()) {
        const auto& cell = worksheet->meta["periode"];
        const auto made_for = meta_text(*worksheet, "periode");
        if (cell.date || !is_period(made_for)) {
            err << file << ": galat: lembar tersembunyi " << kMetaSheet << " tidak lagi memuat kode periode yang sah (isinya '"
                << made_for << "'" << (cell.date ? ", sel itu berformat tanggal" : "")
                << "); lembar itu jangan diubah: buat ulang lembar kerja dengan pepgen new penilaian, atau impor dengan "
                   "--periode bila yakin periodenya\n";
            if (!options.period) return 1;
        } else if (options.period && *options.period != made_for) {
            err << file << ": galat: lembar kerja ini dibuat untuk penilaian " << made_for << ", bukan " << *options.period
                << "; periksa berkasnya (impor ke penilaian yang salah akan menimpa skornya). Tanpa --periode, "
                << "lembar kerja diimpor ke " << made_for << "\n";
            return 1;
        } else {
            period = made_for;
        }
        const auto kind_text = meta_text(*worksheet, "jenis");
        if (kind_text == "rutin" || kind_text == "insidental")
            made_kind = kind_text == "rutin" ? RoundKind::rutin : RoundKind::insidental;
        made_date = meta_text(*worksheet, "tanggal");
        const auto catalogue = meta_text(*worksheet, "katalog");
        if (const auto diff = catalogue_difference(catalogue, catalogue_signature(content.indicators)); !diff.empty()) {
            err << file << ": galat: lembar kerja ini dibuat untuk katalog indikator yang lain (" << diff
                << "); kolomnya tidak lagi cocok dengan content/indikator/: buat lembar kerja baru dengan "
                   "pepgen new penilaian, lalu salin skornya\n";
            return 1;
        }
    }
    if (!period) {
        err << "pepgen: " << file << " tidak menyebut periodenya (lembar kerja CSV, atau buku kerja yang tidak dibuat "
            << "pepgen); sebutkan dengan --periode PERIODE, misalnya --periode 2027-1\n";
        return 2;
    }
    const auto round_file = root / "data" / "penilaian" / (*period + ".json");
    Round round;
    std::vector<ScoreSheet> before;
    std::optional<std::string> old_bytes;
    if (fs::exists(round_file)) {
        Diagnostics round_diags;
        auto existing = load_round(root, round_file, content.indicators, round_diags);
        if (!existing) {
            print_diagnostics(round_diags, err);
            err << "Perbaiki atau hapus berkas penilaian itu dulu; tidak ada yang ditulis.\n";
            return 1;
        }
        round = std::move(*existing);
        before = round.sheets;
        old_bytes = read_text_file(round_file).text;
        if (made_kind && *made_kind != round.kind) {
            err << file << ": galat: lembar kerja ini untuk penilaian " << kind_name(*made_kind) << ", tetapi "
                << display_path(root, round_file) << " adalah penilaian " << kind_name(round.kind)
                << "; periksa apakah berkasnya tertukar\n";
            return 1;
        }
        if (options.kind) {
            const auto kind = agreeing_kind(*period, options.kind, err);
            if (!kind) return 2;
            // The default title follows the kind; a title the team wrote stays.
            if (round.title == default_title(round.kind, round.period)) round.title = default_title(*kind, round.period);
            round.kind = *kind;
        }
        if (options.date) {
            if (!check_date(*options.date, err)) return 2;
            round.date = *options.date;
        }
    } else {
        // A new round: the options, else what the workbook recorded, else the period code and today.
        round.period = *period;
        auto asked = options.kind;
        if (!asked && made_kind) asked = kind_name(*made_kind);
        const auto kind = agreeing_kind(*period, asked, err);
        const auto date = options.date.value_or(made_date.empty() ? today_iso() : made_date);
        if (!kind || !check_date(date, err)) return 2;
        round.kind = *kind;
        round.date = date;
        round.title = default_title(round.kind, round.period);
    }
    const auto refuse = [&] {
        print_diagnostics(diags, err);
        err << "Impor dibatalkan; " << display_path(root, round_file) << " tidak diubah.\n";
        return 1;
    };
    auto imported = import_worksheet(worksheet->table, file, content, lsps, diags);
    if (!imported) return refuse();
    const auto kept = merge_worksheet(round.sheets, *imported, lsps);
    round.sheet_index.clear();  // the merge reordered the sheets
    // The round about to be written must pass what check and build require of
    // it (the sheets kept from the round file included): never write a round the build rejects.
    round.source_file = display_path(root, round_file);
    std::set<std::string> registry;
    for (const auto& lsp : lsps) registry.insert(lsp.id);
    Diagnostics round_check;
    validate_round(content, &registry, round, round_check);
    for (const auto& d : round_check.items())
        if (d.severity == Severity::error) diags.error(d.file, d.message, d.line);
    if (diags.has_errors()) return refuse();
    const auto json = round_json(round, content.indicators);
    const auto changes = round_changes(before, round.sheets, content.indicators);
    print_diagnostics(diags, err);
    if (changes.none() && old_bytes == json) {
        out << "Tidak ada perubahan: " << display_path(root, round_file) << " sudah berisi semua nilai lembar kerja ini.\n";
        return 0;
    }
    out << (options.dry_run ? "Yang akan berubah di " : "Perubahan di ") << display_path(root, round_file) << ":\n";
    for (const auto& line : changes.lines) out << "  " << line << "\n";
    out << "  (" << changes.scores_changed << " skor berubah pada " << changes.lsps_changed << " LSP; " << changes.lsps_added
        << " LSP baru; " << changes.lsps_removed << " LSP dikeluarkan)\n";
    if (options.dry_run) {
        out << "Tidak ada yang ditulis (--coba). Jalankan lagi tanpa --coba untuk mengimpor.\n";
        return 0;
    }
    // The file as it was is kept before it is replaced: a wrong import can be undone.
    if (old_bytes && *old_bytes != json &&
        !keep_backup(root, backup_path(root, "penilaian", *period), *old_bytes, round_file, out, err))
        return 1;
    if (auto e = write_file_atomically(round_file, json); !e.empty()) {
        err << display_path(root, round_file) << ": galat: " << e << "\n";
        return 1;
    }
    int complete = 0;
    for (const auto& s : round.sheets) {
        bool all = true;
        for (std::size_t k = 0; k < content.indicators.size(); ++k)
            if (!s.score(k)) all = false;
        complete += all ? 1 : 0;
    }
    out << "Diimpor " << imported->sheets.size() << " LSP ke " << display_path(root, round_file) << "; putaran ini kini "
        << round.sheets.size() << " LSP (" << complete << " lembar lengkap, "
        << round.sheets.size() - static_cast<std::size_t>(complete) << " belum lengkap).\n";
    if (kept > 0)
        out << kept << " LSP di berkas penilaian tidak ada di lembar kerja; hasil mereka dibiarkan seperti semula.\n";
    out << "Lanjutkan dengan: pepgen check, lalu pepgen build.\n";
    return 0;
}

}  // namespace pepgen
