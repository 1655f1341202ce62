#include "cli/workflow.h"

#include <ctime>
#include <set>
#include <ostream>

#include "content/content_loader.h"
#include "data/data_loader.h"
#include "data/round_writer.h"
#include "scoring/schedule.h"
#include "util/atomic_file.h"
#include "util/files.h"
#include "util/text.h"
#include "validate/validate.h"
#include "worksheet/worksheet.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

void print(const Diagnostics& diags, std::ostream& err) {
    for (const auto& d : diags.items()) err << Diagnostics::format(d) << "\n";
    if (!diags.items().empty()) err << diags.error_count() << " galat, " << diags.warning_count() << " peringatan\n";
}

bool check_kind_and_date(const std::string& kind, const std::string& date, std::ostream& err) {
    if (kind != "rutin" && kind != "insidental") {
        err << "pepgen: --jenis harus rutin atau insidental, bukan '" << kind << "'\n";
        return false;
    }
    if (!is_iso_date(date)) {
        err << "pepgen: --tanggal harus tanggal YYYY-MM-DD yang sah, bukan '" << date << "'\n";
        return false;
    }
    return true;
}

/// Why the named worksheet cannot be read as a file at all, with what to do; empty when it can.
/// Checked before opening, so a FIFO is never opened (that would wait for a writer forever).
std::string worksheet_file_problem(const fs::path& path) {
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (st.type() == fs::file_type::not_found) {
        if (fs::is_symlink(fs::symlink_status(path, ec)))
            return "tautan simbolik ini menunjuk ke berkas yang tidak ada; sebutkan berkas CSV lembar kerja itu sendiri";
        return "berkas tidak ditemukan; periksa nama dan foldernya (misalnya lembar-kerja/2027-1.csv)";
    }
    if (st.type() == fs::file_type::directory)
        return "ini folder, bukan berkas; sebutkan berkas CSV lembar kerja di dalamnya (misalnya lembar-kerja/2027-1.csv)";
    if (st.type() != fs::file_type::regular)
        return "bukan berkas biasa (misalnya pipa/FIFO atau perangkat); simpan lembar kerja sebagai berkas CSV lalu "
               "sebutkan berkas itu";
    return {};
}

std::string default_title(RoundKind kind, const std::string& period) {
    return std::string(kind == RoundKind::rutin ? "Penilaian Rutin " : "Penilaian Insidental ") + period;
}

}  // namespace

std::string today_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

fs::path worksheet_path(const fs::path& root, const std::string& period) {
    return root / "lembar-kerja" / (period + ".csv");
}

int run_new_round(const fs::path& root, const NewRoundOptions& options, std::ostream& out, std::ostream& err) {
    if (!is_period(options.period)) {
        err << "pepgen: periode '" << options.period
            << "' harus berbentuk TAHUN-KODE, misalnya 2027-1 atau 2027-i1 (huruf kecil, angka, tanda hubung)\n";
        return 2;
    }
    const auto date = options.date.value_or(today_iso());
    if (!check_kind_and_date(options.kind, date, err)) return 2;
    const auto round_file = root / "data" / "penilaian" / (options.period + ".json");
    const auto sheet_file = worksheet_path(root, options.period);
    bool exists = false;
    for (const auto& p : {round_file, sheet_file})
        if (fs::exists(p)) {
            err << display_path(root, p) << ": galat: sudah ada; pepgen tidak menimpa penilaian yang sudah dibuat\n";
            exists = true;
        }
    if (exists) return 1;
    Diagnostics diags;
    const auto content = load_content(root, diags);
    const auto lsps = load_registry(root, diags);
    if (diags.has_errors()) {
        print(diags, err);
        return 1;
    }
    Round round;
    round.period = options.period;
    round.kind = options.kind == "rutin" ? RoundKind::rutin : RoundKind::insidental;
    round.date = date;
    round.title = default_title(round.kind, round.period);
    std::vector<Lsp> listed;
    for (const auto& lsp : lsps) {
        // Only LSPs licensed on the round's date are expected to be evaluated.
        if (licence_expired_on(lsp, date) || (!lsp.licence_issued.empty() && lsp.licence_issued > date)) continue;
        listed.push_back(lsp);
        ScoreSheet sheet;
        sheet.lsp_id = lsp.id;
        round.sheets.push_back(std::move(sheet));
    }
    // The round file is written last: if the worksheet cannot be written, no half-made round appears.
    if (auto e = write_file_atomically(sheet_file, worksheet_csv(content, listed)); !e.empty()) {
        err << display_path(root, sheet_file) << ": galat: " << e << "\n";
        return 1;
    }
    if (auto e = write_file_atomically(round_file, round_json(round, content.indicators)); !e.empty()) {
        fs::remove(sheet_file);
        err << display_path(root, round_file) << ": galat: " << e << "\n";
        return 1;
    }
    out << "Penilaian " << round.period << " (" << options.kind << ", " << date << ") dibuat untuk " << listed.size()
        << " LSP:\n  " << display_path(root, round_file) << "  (skor masih kosong)\n  " << display_path(root, sheet_file)
        << "  (lembar kerja: isi di program lembar kerja, lalu jalankan pepgen import)\n";
    return 0;
}

int run_import(const fs::path& root, const ImportOptions& options, std::ostream& out, std::ostream& err) {
    if (!is_period(options.period)) {
        err << "pepgen: periode '" << options.period << "' harus berbentuk TAHUN-KODE, misalnya 2027-1\n";
        return 2;
    }
    Diagnostics diags;
    const auto file = options.worksheet.string();
    if (const auto problem = worksheet_file_problem(options.worksheet); !problem.empty()) {
        err << file << ": galat: " << problem << "\n";
        return 1;
    }
    auto text = read_text_file(options.worksheet);
    if (!text.text) {
        err << file << ": galat: " << text.error << "\n";
        return 1;
    }
    const auto content = load_content(root, diags);
    const auto lsps = load_registry(root, diags);
    if (diags.has_errors()) {
        print(diags, err);
        return 1;
    }
    const auto round_file = root / "data" / "penilaian" / (options.period + ".json");
    Round round;
    if (fs::exists(round_file)) {
        Diagnostics round_diags;
        auto existing = load_round(root, round_file, content.indicators, round_diags);
        if (!existing) {
            print(round_diags, err);
            err << "Perbaiki atau hapus berkas penilaian itu dulu; tidak ada yang ditulis.\n";
            return 1;
        }
        round = std::move(*existing);
    } else {
        round.period = options.period;
        const auto kind = options.kind.value_or("rutin");
        const auto date = options.date.value_or(today_iso());
        if (!check_kind_and_date(kind, date, err)) return 2;
        round.kind = kind == "rutin" ? RoundKind::rutin : RoundKind::insidental;
        round.date = date;
        round.title = default_title(round.kind, round.period);
    }
    if (options.kind) {
        if (!check_kind_and_date(*options.kind, round.date, err)) return 2;
        round.kind = *options.kind == "rutin" ? RoundKind::rutin : RoundKind::insidental;
    }
    if (options.date) {
        if (!check_kind_and_date(round.kind == RoundKind::rutin ? "rutin" : "insidental", *options.date, err)) return 2;
        round.date = *options.date;
    }
    const auto refuse = [&] {
        print(diags, err);
        err << "Impor dibatalkan; " << display_path(root, round_file) << " tidak diubah.\n";
        return 1;
    };
    auto imported = import_worksheet(*text.text, file, content, lsps, diags);
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
    if (auto e = write_file_atomically(round_file, round_json(round, content.indicators)); !e.empty()) {
        err << display_path(root, round_file) << ": galat: " << e << "\n";
        return 1;
    }
    print(diags, err);
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
