#include "cli/publication.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <ostream>
#include <set>

#include "cli/build.h"
#include "cli/check.h"
#include "cli/interrupt.h"
#include "cli/project.h"
#include "data/ledger_loader.h"
#include "data/ledger_writer.h"
#include "format/indonesian.h"
#include "scoring/publication.h"
#include "site/memory_disk.h"
#include "util/atomic_file.h"
#include "util/files.h"
#include "util/sha256.h"
#include "util/text.h"
#include "validate/validate_ledger.h"
#include "util/today.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

bool same_figures(const std::vector<PublishedRound>& a, const std::vector<PublishedRound>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].period != b[i].period || a[i].sheets.size() != b[i].sheets.size()) return false;
        for (std::size_t k = 0; k < a[i].sheets.size(); ++k) {
            const auto &x = a[i].sheets[k], &y = b[i].sheets[k];
            if (x.lsp_id != y.lsp_id || x.scores != y.scores || x.ik != y.ik || x.category != y.category ||
                x.rank != y.rank)
                return false;
        }
    }
    return true;
}

/// Every published data file of a site (data/, not the archived versions) with its bytes.
std::map<std::string, std::string> data_files(const MemoryDisk& disk, const fs::path& site) {
    std::map<std::string, std::string> out;
    const auto prefix = site.string() + "/";
    for (const auto& [path, node] : disk.nodes()) {
        if (node.kind != Disk::Kind::file || path.rfind(prefix, 0) != 0) continue;
        const auto rel = path.substr(prefix.size());
        if (is_archivable_path(rel)) out[rel] = node.bytes;
    }
    return out;
}

/// One publish or correct at a time per project: two at once would both take
/// the next release or correction number, and one record would replace the other.
class LedgerLock {
public:
    explicit LedgerLock(const fs::path& root) {
        fd_ = ::open((root / ".pepgen-terbitan.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd_);
            fd_ = -1;
            busy_ = true;
        }
    }
    ~LedgerLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    LedgerLock(const LedgerLock&) = delete;
    LedgerLock& operator=(const LedgerLock&) = delete;
    /// Empty when held, else why not.
    std::string problem() const {
        if (busy_) return "pepgen publish atau pepgen correct lain sedang berjalan di proyek ini; tunggu sampai selesai";
        if (fd_ < 0) return "berkas kunci .pepgen-terbitan.lock tidak dapat dibuat di folder proyek";
        return {};
    }

private:
    int fd_ = -1;
    bool busy_ = false;
};

bool holds(const LedgerLock& lock, std::ostream& err) {
    const auto problem = lock.problem();
    if (!problem.empty()) err << "pepgen: " << problem << "\n";
    return problem.empty();
}

ProjectOptions ledger_options(const std::string& date, bool include_drafts, bool allow_unrecorded) {
    ProjectOptions po;
    po.include_drafts = include_drafts;
    po.allow_unrecorded = allow_unrecorded;
    po.today = date;
    return po;
}

bool valid_date_option(const std::optional<std::string>& date, std::ostream& err) {
    if (!date || is_iso_date(*date)) return true;
    err << "pepgen: --tanggal '" << *date << "' bukan tanggal YYYY-MM-DD yang sah\n";
    return false;
}

}  // namespace

int run_publish(const fs::path& root, const PublishOptions& options, std::ostream& out, std::ostream& err) {
    if (!valid_date_option(options.date, err)) return 2;
    InterruptCleanup interrupt;
    LedgerLock lock(root);
    if (!holds(lock, err)) return 1;
    const auto date = options.date.value_or(today_iso());
    Diagnostics diags;
    // The release from the project as it stands: its figures, its place in the chain.
    auto project = load_project(root, diags, ledger_options(date, false, false));
    if (diags.has_errors()) {
        print_diagnostics(diags, err);
        err << "Tidak ada rilis yang dicatat; " << options.output.string() << " tidak diubah.\n";
        return 1;
    }
    const auto& ledger = project.data.ledger;
    std::optional<Release> latest;
    if (const auto* l = ledger.latest()) latest = *l;
    if (latest && date < latest->date) {
        err << "pepgen: --tanggal " << date << " lebih awal dari rilis " << latest->number << " (" << latest->date
            << "); rilis baru tidak boleh bertanggal sebelum rilis yang sudah ada\n";
        return 1;
    }
    if (!ledger.corrections.empty() && date < ledger.corrections.back().date) {
        err << "pepgen: --tanggal " << date << " lebih awal dari ralat terakhir (" << ledger.corrections.back().date
            << ")\n";
        return 1;
    }
    Release release;
    release.number = latest ? latest->number + 1 : 1;
    release.date = date;
    release.previous_sha256 = latest ? latest->sha256 : std::string();
    release.corrections = ledger.corrections.size();
    release.corrections_sha256 = corrections_digest(ledger.corrections, release.corrections);
    release.rounds = published_figures(project.content, project.data, *project.results);
    std::vector<std::string> catalogue;
    for (const auto& ind : project.content.indicators) catalogue.push_back(ind.code);
    const auto drafts = project.drafts_left_out;
    const auto correction_count = ledger.corrections.size();

    // First pass, in memory: the site as this release publishes it, for the
    // bytes of every data file. Nothing on disk changes yet.
    BuildOptions memory;
    memory.data_held = true;  // publish holds data/ (see commands.cpp) while it records the release
    memory.base_url = options.base_url;
    memory.progress = false;
    memory.incremental = false;
    memory.include_drafts = false;
    MemoryDisk disk;
    memory.disk = &disk;
    memory.output = "/situs";
    memory.release = release;
    Diagnostics memory_diags;
    if (!build_site(root, memory, memory_diags)) {
        print_diagnostics(memory_diags, err);
        err << "Tidak ada rilis yang dicatat; " << options.output.string() << " tidak diubah.\n";
        return 1;
    }
    const auto files = data_files(disk, memory.output);
    for (const auto& [path, bytes] : files) release.files[path] = sha256_hex(bytes);

    release.sha256 = sha256_hex(release_json(release, catalogue));  // as the file will be written
    const bool nothing_new = latest && latest->corrections == correction_count && latest->files == release.files &&
                             same_figures(latest->rounds, release.rounds);
    std::size_t archived = 0;
    if (!nothing_new) {
        for (const auto& [path, bytes] : files) {
            const auto& hash = release.files[path];
            if (!entry_exists(root / "data" / "terbitan" / "arsip" / hash)) ++archived;
            if (auto e = archive_bytes(root, hash, bytes); !e.empty()) {
                print_diagnostics(diags, err);
                err << e << "\nTidak ada rilis yang dicatat.\n";
                return 1;
            }
        }
    }

    // Second pass, to the output folder: the same site, now with the release's
    // file list (the downloads page, datapackage.json). Written atomically.
    BuildOptions real;
    real.data_held = true;
    real.output = options.output;
    real.base_url = options.base_url;
    real.include_drafts = false;
    if (!nothing_new) real.release = release;
    Diagnostics build_diags;
    BuildSummary summary;
    if (!build_site(root, real, build_diags, &summary)) {
        print_diagnostics(build_diags, err);
        err << "Situs tidak dibangun; tidak ada rilis yang dicatat dan " << options.output.string()
            << " tidak diubah.\n";
        return 1;
    }
    // What went out is what the release records, byte for byte.
    for (const auto& [path, hash] : release.files) {
        auto read = read_text_file(options.output / path);
        if (!read.text || sha256_hex(*read.text) != hash) {
            err << options.output.string() << "/" << path
                << ": galat internal: berkas yang ditulis tidak sama dengan yang diarsipkan; tidak ada rilis yang "
                   "dicatat. Laporkan ini kepada pengembang pepgen\n";
            return 1;
        }
    }
    print_diagnostics(diags, err);
    for (const auto& period : drafts)
        out << "Putaran " << period << " masih draf: tidak ikut diterbitkan.\n";
    if (nothing_new) {
        out << "Tidak ada yang berubah sejak rilis " << latest->number << " (" << format_date(latest->date)
            << "); tidak ada rilis baru. Situs dibangun di " << options.output.string() << ".\n";
        return 0;
    }
    const auto file = root / "data" / "terbitan" / release_file_name(release.number);
    if (entry_exists(file)) {  // the lock makes this impossible; never replace a release
        err << display_path(root, file) << ": sudah ada; rilis tidak pernah ditimpa. Situs sudah dibangun, tetapi "
            << "rilisnya tidak dicatat\n";
        return 1;
    }
    if (auto e = write_file_atomically(file, release_json(release, catalogue)); !e.empty()) {
        err << display_path(root, file) << ": " << e
            << "\nSitus sudah dibangun, tetapi rilisnya tidak tercatat; jalankan pepgen publish lagi dengan tanggal yang sama.\n";
        return 1;
    }
    std::size_t sheets = 0;
    for (const auto& r : release.rounds) sheets += r.sheets.size();
    out << "Rilis " << release.number << " (" << format_date(release.date) << ") dicatat di "
        << display_path(root, file) << ": " << release.rounds.size() << " putaran, " << sheets << " lembar skor, "
        << release.files.size() << " berkas data (" << archived << " salinan baru di data/terbitan/arsip/).\n";
    out << "Situs dibangun di " << options.output.string() << ": " << summary.pages << " halaman, " << summary.files
        << " berkas data. Simpan data/terbitan/ bersama data lainnya (misalnya commit ke git): isinya bukti apa "
           "yang terbit.\n";
    return 0;
}

int run_correct(const fs::path& root, const CorrectOptions& options, std::ostream& out, std::ostream& err) {
    if (!valid_date_option(options.date, err)) return 2;
    LedgerLock lock(root);
    if (!holds(lock, err)) return 1;
    const auto date = options.date.value_or(today_iso());
    Diagnostics diags;
    auto project = load_project(root, diags, ledger_options(date, true, true));
    print_diagnostics(diags, err);
    if (diags.has_errors()) {
        err << "Tidak ada ralat yang dicatat; perbaiki galat di atas dulu.\n";
        return 1;
    }
    auto& ledger = project.data.ledger;
    const auto* latest = ledger.latest();
    if (!latest) {
        out << "Belum ada rilis: angka belum pernah terbit, jadi perubahan tidak perlu diralat.\n";
        return 0;
    }
    const auto& changes = project.unrecorded;
    if (changes.empty()) {
        out << "Tidak ada angka terbit yang berubah sejak rilis " << latest->number
            << " dan ralat yang sudah dicatat; tidak ada ralat baru.\n";
        return 0;
    }
    const auto last = ledger.corrections.empty() ? latest->date : std::max(latest->date, ledger.corrections.back().date);
    if (date < last) {
        err << "pepgen: --tanggal " << date << " lebih awal dari rilis atau ralat terakhir (" << last << ")\n";
        return 1;
    }
    Correction c;
    c.number = static_cast<int>(ledger.corrections.size()) + 1;
    c.date = date;
    c.reason = trim(options.reason);
    c.basis = options.basis;
    c.changes = changes.changes;
    c.consequences = changes.consequences;
    out << "Ralat " << c.number << " (" << format_date(date) << ", dasar: " << basis_label(c.basis) << "):\n";
    // Each changed LSP with what followed for it; then the others that moved.
    std::set<std::pair<std::string, std::string>> changed;
    for (std::size_t i = 0; i < c.changes.size(); ++i) {
        const auto& ch = c.changes[i];
        out << "  " << ch.period << "  " << ch.lsp_id << ": " << describe_change(ch) << "\n";
        changed.insert({ch.period, ch.lsp_id});
        const bool last_of_sheet = i + 1 == c.changes.size() || c.changes[i + 1].lsp_id != ch.lsp_id ||
                                   c.changes[i + 1].period != ch.period;
        if (last_of_sheet)
            for (const auto& q : c.consequences)
                if (q.period == ch.period && q.lsp_id == ch.lsp_id)
                    out << "  " << q.period << "  " << q.lsp_id << ": akibatnya " << describe_consequence(q, project.content) << "\n";
    }
    for (const auto& q : c.consequences)
        if (!changed.count({q.period, q.lsp_id}))
            out << "  " << q.period << "  " << q.lsp_id << ": " << describe_consequence(q, project.content)
                << " (ikut bergeser, bukan ralat atas LSP ini)\n";
    out << "  alasan: " << c.reason << "\n";
    if (options.dry_run) {
        out << "--coba: tidak ada yang ditulis.\n";
        return 0;
    }
    auto all = ledger.corrections;
    all.push_back(c);
    const auto file = root / "data" / "terbitan" / "ralat.json";
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (auto e = write_file_atomically(file, corrections_json(all)); !e.empty()) {
        err << display_path(root, file) << ": " << e << "\n";
        return 1;
    }
    out << "Dicatat di " << display_path(root, file) << ". Situs menampilkannya setelah pepgen build; rilis "
        << "berikutnya (pepgen publish) menyertakannya.\n";
    if (c.basis == "sanggahan")
        out << "Bila ralat ini menjawab sanggahan, ubah sanggahan itu di berkas putaran menjadi "
               "\"status\": \"diterima\", \"diputus\": \""
            << date << "\", \"ralat\": " << c.number << ".\n";
    return 0;
}

}  // namespace pepgen
