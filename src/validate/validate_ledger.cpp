#include "validate/validate_ledger.h"

#include <map>
#include <set>

#include <boost/json.hpp>

#include "format/indonesian.h"
#include "util/text.h"

namespace json = boost::json;

namespace pepgen {

namespace {

std::string num(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("kosong"); }

std::string category_name(const Content& content, const std::string& key) {
    if (key.empty()) return "tanpa kategori";
    for (const auto& c : content.categories.categories)
        if (c.key == key) return c.name;
    return key;
}

const Round* find_round(const Data& data, const std::string& period) {
    for (const auto& r : data.rounds)
        if (r.period == period) return &r;
    return nullptr;
}

void check_chain(const Ledger& ledger, Diagnostics& diags) {
    const auto& releases = ledger.releases;
    const auto& corrections = ledger.corrections;
    for (std::size_t i = 0; i < corrections.size(); ++i)
        if (corrections[i].number != 0 && corrections[i].number != static_cast<int>(i + 1))
            diags.error(ledger.corrections_file,
                        "ralat bernomor " + std::to_string(corrections[i].number) + " berada di urutan ke-" +
                            std::to_string(i + 1) + "; ralat tidak boleh dihapus, disisipkan atau diurutkan ulang",
                        corrections[i].line);
    for (std::size_t i = 0; i < releases.size(); ++i) {
        const auto& r = releases[i];
        const auto expected = static_cast<int>(i + 1);
        if (r.number != expected) {
            diags.error(r.source_file, "rilis " + std::to_string(expected) +
                                           " tidak ada: rilis harus bernomor urut tanpa celah; berkas rilis tidak boleh dihapus");
            return;  // the rest of the chain cannot be followed
        }
        if (i == 0 && !r.previous_sha256.empty())
            diags.error(r.source_file, "rilis pertama tidak punya 'sebelumnya'; isinya seharusnya null");
        if (i > 0 && r.previous_sha256 != releases[i - 1].sha256)
            diags.error(r.source_file, "'sebelumnya' tidak sama dengan SHA-256 " + releases[i - 1].source_file +
                                           ": berkas rilis sebelumnya telah diubah sesudah rilis ini dibuat. Rilis "
                                           "yang sudah terbit tidak boleh diubah; kembalikan dari riwayat git");
        if (i > 0 && r.date < releases[i - 1].date)
            diags.error(r.source_file, "tanggal " + r.date + " lebih awal dari rilis sebelumnya (" +
                                           releases[i - 1].date + ")");
        if (i > 0 && r.corrections < releases[i - 1].corrections)
            diags.error(r.source_file, "mencatat lebih sedikit ralat daripada rilis sebelumnya; ralat tidak boleh dihapus");
        if (r.corrections > corrections.size()) {
            diags.error(ledger.corrections_file,
                        "rilis " + std::to_string(r.number) + " mencakup " + std::to_string(r.corrections) +
                            " ralat, tetapi berkas ini hanya memuat " + std::to_string(corrections.size()) +
                            "; ralat yang sudah terbit tidak boleh dihapus");
        } else if (corrections_digest(corrections, r.corrections) != r.corrections_sha256) {
            diags.error(ledger.corrections_file,
                        "ralat nomor 1 sampai " + std::to_string(r.corrections) + " tidak sama lagi dengan yang dicatat "
                            "rilis " + std::to_string(r.number) + " (" + r.source_file +
                            "): ralat yang sudah terbit telah diubah. Kembalikan dari riwayat git; koreksi baru dicatat "
                            "sebagai ralat baru dengan pepgen correct");
        }
    }
    // Each correction comes after a release (there was a published figure to
    // correct) and on or after that release's day.
    for (const auto& c : corrections) {
        if (c.number == 0) continue;
        const Release* before = nullptr;
        for (const auto& r : releases)
            if (r.corrections < static_cast<std::size_t>(c.number)) before = &r;
        if (!before) {
            diags.error(ledger.corrections_file, "ralat " + std::to_string(c.number) + " tercatat sebelum rilis pertama",
                        c.line);
        } else if (c.date < before->date) {
            diags.error(ledger.corrections_file, "ralat " + std::to_string(c.number) + " bertanggal " + c.date +
                                                     ", sebelum rilis " + std::to_string(before->number) + " (" +
                                                     before->date + ") yang dikoreksinya",
                        c.line);
        }
    }
}

/// The newest release's figures against the round files it archived: editing
/// a release's figures to hide a change shows here.
void check_figures_against_archive(const Ledger& ledger, Diagnostics& diags) {
    const auto* latest = ledger.latest();
    if (!latest) return;
    for (const auto& round : latest->rounds) {
        const auto path = "data/indeks-" + round.period + ".json";
        auto f = latest->files.find(path);
        if (f == latest->files.end()) {
            diags.error(latest->source_file, "putaran " + round.period + " tercatat tanpa berkas " + path);
            continue;
        }
        auto blob = ledger.archive.find(f->second);
        if (blob == ledger.archive.end()) continue;  // already reported by the loader
        boost::system::error_code ec;
        auto doc = json::parse(blob->second, ec);
        if (ec || !doc.is_object() || !doc.get_object().if_contains("hasil") ||
            !doc.get_object().at("hasil").is_array()) {
            diags.error(latest->source_file, "arsip " + path + " bukan hasil putaran yang dapat dibaca");
            continue;
        }
        std::map<std::string, const json::object*> archived;
        for (const auto& h : doc.get_object().at("hasil").get_array())
            if (h.is_object() && h.get_object().if_contains("lsp") && h.get_object().at("lsp").is_string())
                archived[std::string(h.get_object().at("lsp").get_string())] = &h.get_object();
        auto as_int = [](const json::object& o, const char* key) -> std::optional<int> {
            const auto* v = o.if_contains(key);
            if (!v || !v->is_int64()) return std::nullopt;
            return static_cast<int>(v->get_int64());
        };
        bool same = archived.size() == round.sheets.size();
        for (const auto& s : round.sheets) {
            auto it = archived.find(s.lsp_id);
            if (it == archived.end()) {
                same = false;
                break;
            }
            const auto& o = *it->second;
            const auto* cat = o.if_contains("kode_kategori");
            const std::string category = cat && cat->is_string() ? std::string(cat->get_string()) : std::string();
            same = same && as_int(o, "ik") == s.ik && as_int(o, "peringkat") == s.rank && category == s.category;
            const auto* skor = o.if_contains("skor");
            for (const auto& [code, v] : s.scores) {
                std::optional<int> a;
                if (skor && skor->is_object())
                    if (const auto* x = skor->get_object().if_contains(code); x && x->is_int64())
                        a = static_cast<int>(x->get_int64());
                same = same && a == v;
            }
            if (!same) {
                diags.error(latest->source_file,
                            "angka " + s.lsp_id + " pada putaran " + round.period + " tidak sama dengan berkas " + path +
                                " yang diterbitkan rilis ini (arsip " + f->second.substr(0, 12) +
                                "…): isi rilis telah diubah. Rilis tidak boleh diubah; kembalikan dari riwayat git",
                            0);
                break;
            }
        }
        if (!same && archived.size() != round.sheets.size())
            diags.error(latest->source_file, "jumlah LSP putaran " + round.period + " tidak sama dengan berkas " + path +
                                                 " yang diterbitkan rilis ini: isi rilis telah diubah");
    }
}

void check_disputes_and_reviews(const Content& content, const Data& data, const std::string& today, bool correcting,
                                Diagnostics& diags) {
    const auto& ledger = data.ledger;
    const auto pub = publication_of(ledger);
    for (const auto& round : data.rounds) {
        const auto* rp = pub.round(round.period);
        const bool released = rp && rp->first_release > 0;
        if (round.draft && released)
            diags.error(round.source_file, "putaran " + round.period + " sudah terbit pada rilis " +
                                               std::to_string(rp->first_release) +
                                               " dan tidak dapat dijadikan draf lagi; hapus \"draf\": true");
        if (round.draft && round.review_start.empty())
            diags.warning(round.source_file, "draf tanpa 'tinjauan_mulai': LSP tidak dapat melihat kapan masa "
                                             "tinjauannya berakhir; isi tanggal draf dikirim ke LSP");
        if (!round.review_start.empty() && !round.draft) {
            const auto end = add_days(round.review_start, content.config.review_days);
            const auto when = released ? rp->first_date : today;
            if (when < end)
                diags.warning(round.source_file,
                              std::string(released ? "terbit" : "akan terbit") + " pada " + format_date(when) +
                                  ", sebelum masa tinjauan LSP berakhir (" + format_date(end) + ", " +
                                  std::to_string(content.config.review_days) + " hari sejak " +
                                  format_date(round.review_start) + ")");
        }
        for (const auto& sheet : round.sheets)
            for (const auto& d : sheet.disputes) {
                if (d.status == "terbuka" && !round.draft)
                    diags.warning(round.source_file,
                                  sheet.lsp_id + ": sanggahan yang diajukan " + format_date(d.lodged) +
                                      " masih terbuka; kartu skornya menampilkan pemberitahuan sampai sanggahan diputus",
                                  d.line);
                if (d.status != "diterima" || !d.correction) continue;
                const auto n = static_cast<std::size_t>(*d.correction);
                // `correct` is about to record it: the dispute may already name it.
                if (correcting && n == ledger.corrections.size() + 1) continue;
                bool concerns = false;
                if (n >= 1 && n <= ledger.corrections.size())
                    for (const auto& ch : ledger.corrections[n - 1].changes)
                        concerns = concerns || (ch.period == round.period && ch.lsp_id == sheet.lsp_id);
                if (!concerns)
                    diags.error(round.source_file,
                                sheet.lsp_id + ": sanggahan diterima merujuk ralat " + std::to_string(*d.correction) +
                                    ", tetapi " +
                                    (n >= 1 && n <= ledger.corrections.size()
                                         ? "ralat itu tidak mengubah angka LSP ini pada putaran " + round.period
                                         : "ralat itu tidak ada di " + ledger.corrections_file),
                                d.line);
            }
    }
}

}  // namespace

std::string describe_change(const ScoreChange& ch) {
    if (ch.sheet_added) return "lembar skor ditambahkan (IK " + num(ch.new_value) + ")";
    if (ch.sheet_removed) return "lembar skor dihapus (IK " + num(ch.old_value) + ")";
    return ch.code + " " + num(ch.old_value) + " \u2192 " + num(ch.new_value);
}

std::string describe_consequence(const Consequence& q, const Content& content) {
    std::string out;
    auto add = [&out](const std::string& s) { out += (out.empty() ? "" : ", ") + s; };
    if (q.ik_changed) add("IK " + num(q.old_ik) + " \u2192 " + num(q.new_ik));
    if (q.category_changed)
        add("kategori " + category_name(content, q.old_category) + " \u2192 " + category_name(content, q.new_category));
    if (q.rank_changed) add("peringkat " + num(q.old_rank) + " \u2192 " + num(q.new_rank));
    return out;
}

void validate_ledger(const Content& content, const Data& data, const std::string& today, bool correcting,
                     Diagnostics& diags) {
    check_chain(data.ledger, diags);
    check_figures_against_archive(data.ledger, diags);
    check_disputes_and_reviews(content, data, today, correcting, diags);
}

void report_unrecorded_changes(const FigureChanges& changes, const Content& content, const Data& data,
                               Diagnostics& diags) {
    if (changes.empty()) return;
    const auto* latest = data.ledger.latest();
    const std::string since = latest ? "rilis " + std::to_string(latest->number) + ", " + format_date(latest->date) : "";
    std::set<std::pair<std::string, std::string>> with_scores;
    for (const auto& ch : changes.changes) {
        with_scores.insert({ch.period, ch.lsp_id});
        const auto* round = find_round(data, ch.period);
        const std::string file = round ? round->source_file : "data/penilaian/" + ch.period + ".json";
        int line = 0;
        if (round)
            if (const auto* sheet = round->find_sheet(ch.lsp_id)) {
                line = sheet->source_line;
                for (std::size_t k = 0; k < content.indicators.size(); ++k)
                    if (content.indicators[k].code == ch.code) line = sheet->line_of(k);
            }
        std::string message = ch.lsp_id + ": " + describe_change(ch) + " mengubah angka yang sudah terbit (" + since + ")";
        for (const auto& q : changes.consequences)
            if (q.period == ch.period && q.lsp_id == ch.lsp_id) {
                message += "; akibatnya " + describe_consequence(q, content);
                break;
            }
        diags.error(file, message, line);
    }
    // Figures that moved without a score of their own changing: another LSP's
    // score moved the ranks, or the category table changed.
    std::map<std::string, std::vector<std::string>> others;
    for (const auto& q : changes.consequences)
        if (!with_scores.count({q.period, q.lsp_id})) others[q.period].push_back(q.lsp_id + " (" + describe_consequence(q, content) + ")");
    for (const auto& [period, list] : others) {
        const auto* round = find_round(data, period);
        std::string message = "angka yang sudah terbit ikut berubah tanpa perubahan skornya sendiri: ";
        for (std::size_t i = 0; i < list.size() && i < 12; ++i) message += (i ? "; " : "") + list[i];
        if (list.size() > 12) message += "; dan " + std::to_string(list.size() - 12) + " LSP lain";
        diags.error(round ? round->source_file : "data/penilaian/" + period + ".json", message);
    }
    diags.error(data.ledger.corrections_file.empty() ? std::string("data/terbitan/ralat.json") : data.ledger.corrections_file,
                "angka yang sudah terbit tidak boleh berubah tanpa catatan. Bila perubahan ini memang koreksi, catat "
                "alasannya: pepgen correct --alasan \"...\" --dasar sanggahan|kesalahan-data|kesalahan-hitung|lainnya; "
                "bila tidak, kembalikan angkanya seperti yang terbit");
}

}  // namespace pepgen
