// Open data: per round JSON (data/indeks-<periode>.json) and CSV
// (data/hasil-<periode>.csv), per LSP history (data/lsp/<id>.json) and the
// whole dataset in one file (data/semua.json). Field names are explained on
// the data dictionary page.
#include "data/round_writer.h"
#include "format/csv.h"
#include "format/json_pretty.h"
#include "site/page_context.h"
#include "site/page_keys.h"
#include "site/plan.h"
#include "util/fingerprint.h"

namespace json = boost::json;

namespace pepgen {

namespace {

const char* move_key(Move m) {
    switch (m) {
        case Move::up: return "naik";
        case Move::down: return "turun";
        case Move::same: return "tetap";
        case Move::none: break;
    }
    return nullptr;
}

/// One LSP's computed result in one round, the record shared by every export:
/// its fields, written into an object the caller has opened.
/// The corrections that changed this sheet's scores, those of others that
/// moved its figures, and the LSP's disputes: the same record in every export.
void publication_fields(JsonStream& js, const SiteModel& model, const std::string& period, const std::string& lsp_id,
                        const ScoreSheet& sheet) {
    const auto& all = model.data.ledger.corrections;
    const auto* sp = model.results.publication.sheet(period, lsp_id);
    js.key("ralat").begin_array(false);
    if (sp)
        for (int n : sp->corrections) {
            const auto& c = all[static_cast<std::size_t>(n) - 1];
            js.begin_object(false);
            js.key("nomor").number(n);
            js.key("tanggal").string(c.date);
            js.key("dasar").string(c.basis);
            js.key("alasan").string(c.reason);
            js.key("perubahan").begin_array(false);
            for (const auto& ch : c.changes)
                if (ch.period == period && ch.lsp_id == lsp_id) {
                    js.begin_object(true);
                    if (ch.code.empty()) js.key("lembar").string(ch.sheet_added ? "ditambah" : "dihapus");
                    else js.key("indikator").string(ch.code);
                    js.key("lama").number_or_null(ch.old_value);
                    js.key("baru").number_or_null(ch.new_value);
                    js.end();
                }
            js.end();
            js.end();
        }
    js.end();
    js.key("ralat_akibat").begin_array(true);
    if (sp)
        for (int n : sp->consequences) js.number(n);
    js.end();
    js.key("sanggahan").begin_array(false);
    for (const auto& d : sheet.disputes) {
        js.begin_object(true);
        js.key("diajukan").string(d.lodged);
        js.key("status").string(d.status);
        if (d.decided.empty()) js.key("diputus").null();
        else js.key("diputus").string(d.decided);
        js.key("ralat").number_or_null(d.correction);
        js.key("keterangan").string(d.note);
        js.end();
    }
    js.end();
}

void result_fields(JsonStream& js, const SiteModel& model, const std::string& period, const SheetResult& s,
                   const ScoreSheet& sheet, const Lsp* identity) {
    if (identity) {
        js.key("lsp").string(identity->id);
        js.key("nama").string(identity->name);
        js.key("jenis").string(identity->type);
        js.key("provinsi").string(identity->province);
    }
    js.key("lengkap").boolean(s.complete);
    js.key("ik").number_or_null(s.ik);
    if (s.category) {
        const auto& c = model.content.categories.categories[*s.category];
        js.key("kategori").string(c.name);
        js.key("kode_kategori").string(c.key);
    } else {
        js.key("kategori").null();
        js.key("kode_kategori").null();
    }
    js.key("peringkat").number_or_null(s.rank);
    js.key("perubahan_ik").number_or_null(s.delta);
    if (s.previous_round) js.key("dibanding_periode").string(model.data.rounds[*s.previous_round].period);
    else js.key("dibanding_periode").null();
    if (const char* mv = move_key(s.move)) js.key("perubahan_kategori").string(mv);
    else js.key("perubahan_kategori").null();
    js.key("belum_dinilai").begin_array(true);
    for (const auto& m : s.missing) js.string(m);
    js.end();
    js.key("kelompok").begin_object(false);
    for (const auto& gs : s.groups) {
        js.key(group_info(gs.group).key).begin_object(true);
        js.key("skor").number(gs.score);
        js.key("maks").number(gs.max);
        js.key("lengkap").boolean(gs.complete);
        js.end();
    }
    js.end();
    js.key("skor").begin_object(true);
    for (std::size_t k = 0; k < model.content.indicators.size(); ++k)
        js.key(model.content.indicators[k].code).number_or_null(sheet.score(k));
    js.end();
    publication_fields(js, model, period, s.lsp_id, sheet);
}

/// A round's identity, into an object the caller has opened: written, not built as a JSON object
/// first, since every row of every LSP's history carries it (tens of thousands per build).
void round_identity(JsonStream& js, const Round& round) {
    js.key("periode").string(round.period);
    js.key("jenis").string(round.kind == RoundKind::rutin ? "rutin" : "insidental");
    js.key("tanggal").string(round.date);
    js.key("judul").string(round.title);
    js.key("sumber").string(round.source_file);
}

void round_header(JsonStream& js, const SiteModel& model, const Round& round) {
    round_identity(js, round);
    js.key("data_contoh").boolean(model.data.meta.example_data);
    js.key("ik_maks").number(model.content.categories.index_max);
    const auto* rp = model.results.publication.round(round.period);
    js.key("terbit_pertama");
    if (rp && rp->first_release > 0) {
        js.begin_object(true);
        js.key("rilis").number(rp->first_release);
        js.key("tanggal").string(rp->first_date);
        js.end();
    } else {
        js.null();
    }
    if (rp && !rp->last_correction_date.empty()) js.key("ralat_terakhir").string(rp->last_correction_date);
    else js.key("ralat_terakhir").null();
}

json::object lsp_json(const Lsp& lsp) {
    json::object o;
    o["id"] = lsp.id;
    o["nama"] = lsp.name;
    o["jenis"] = lsp.type;
    o["provinsi"] = lsp.province;
    o["kota"] = lsp.city;
    o["alamat"] = lsp.address;
    o["nomor_lisensi"] = lsp.licence_number;
    o["lisensi_terbit"] = lsp.licence_issued;
    o["lisensi_berlaku_sampai"] = lsp.licence_valid_until;
    o["situs_web"] = lsp.website;
    return o;
}

/// A round's rows written in runs of SitePlan::rows_per_part sheets (the round's order), each a part of the
/// file: a run whose sheets show what they showed when the previous build's file was written
/// (PageKeys::sheets, with every round's name and the site's inputs) is copied from that file,
/// not written again. What comes between runs is made every time. Without sheet keys (a build
/// from scratch) every row is made and nothing is cut.
class RowRuns {
public:
    /// `out` holds what is being written; it is handed to the stream at every run.
    RowRuns(const SiteModel& model, std::size_t round, std::size_t rows, std::string kind, PartStream& stream,
            std::string& out)
        : model_(model), round_(round), rows_(std::max<std::size_t>(1, rows)), kind_(std::move(kind)), stream_(stream), out_(out) {}

    /// write_row(k) writes the round's k-th sheet into `out`; skipped() is told of each run kept.
    template <typename WriteRow, typename Skipped>
    void rows(WriteRow&& write_row, Skipped&& skipped) {
        const auto& sheets = model_.results.rounds[round_].sheets;
        const auto& keys = model_.keys.pages;
        const bool keyed = round_ < keys.sheets.size() && keys.sheets[round_].size() == sheets.size();
        // A sheet's key does not name its round, whose corrections its row lists.
        const auto& period = model_.data.rounds[model_.results.rounds[round_].round].period;
        for (std::size_t from = 0; from < sheets.size(); from += rows_) {
            const auto to = std::min(sheets.size(), from + rows_);
            std::string key;
            if (keyed) {
                // The first run stands first (no separator before it): its own kind of key.
                std::string text = file_key(model_, kind_ + "|" + period + (from == 0 ? "|awal" : ""), keys.meta);
                if (!text.empty()) {
                    for (std::size_t k = from; k < to; ++k)
                        text.append(reinterpret_cast<const char*>(&keys.sheets[round_][k]), sizeof(std::uint64_t));
                    key = fingerprint_hex(fingerprint(text));
                }
            }
            if (key.empty()) {
                for (std::size_t k = from; k < to; ++k) write_row(k);
                continue;
            }
            flush();
            if (stream_.keep(key)) {
                skipped();
                continue;
            }
            for (std::size_t k = from; k < to; ++k) write_row(k);
            stream_.add(key, out_);
            out_.clear();
        }
    }
    /// Hands over what was written since the last run, as a part made every time.
    void flush() {
        if (out_.empty()) return;
        stream_.add({}, out_);
        out_.clear();
    }

private:
    const SiteModel& model_;
    std::size_t round_, rows_;
    std::string kind_;
    PartStream& stream_;
    std::string& out_;
};

void round_csv(const SiteModel& model, std::size_t index, std::size_t rows, PartStream& stream) {
    const auto& rr = model.results.rounds[index];
    std::vector<std::string> header = {"lsp", "nama", "jenis", "provinsi", "lengkap", "ik", "kategori", "peringkat",
                                       "perubahan_ik", "dibanding_periode", "perubahan_kategori"};
    for (const auto& ind : model.content.indicators) header.push_back(ind.code);
    for (const char* h : {"ralat", "ralat_alasan", "sanggahan"}) header.push_back(h);
    const auto& period = model.data.rounds[index].period;
    const auto& all = model.data.ledger.corrections;
    std::string out = kUtf8Bom + csv_row(header);
    auto num = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
    RowRuns runs(model, index, rows, "indeks-csv-baris", stream, out);
    runs.rows([&](std::size_t at) {
        const auto& s = rr.sheets[at];
        const auto& lsp = model.lsp_of(rr, s);
        const char* mv = move_key(s.move);
        std::vector<std::string> row = {
            csv_text(lsp.id), csv_text(lsp.name), csv_text(lsp.type), csv_text(lsp.province),
            s.complete ? "ya" : "tidak", num(s.ik),
            s.category ? csv_text(model.content.categories.categories[*s.category].name) : std::string(),
            num(s.rank), num(s.delta),
            s.previous_round ? csv_text(model.data.rounds[*s.previous_round].period) : std::string(),
            mv ? mv : ""};
        const auto& sheet = source_sheet(model.data, rr, s);
        for (std::size_t k = 0; k < model.content.indicators.size(); ++k) row.push_back(num(sheet.score(k)));
        // Which corrections changed this row, when and why; disputes as they stand.
        std::string which, why, disputes;
        if (const auto* sp = model.results.publication.sheet(period, s.lsp_id))
            for (int n : sp->corrections) {
                const auto& c = all[static_cast<std::size_t>(n) - 1];
                which += (which.empty() ? "" : " | ") + std::to_string(n) + " (" + c.date + ")";
                why += (why.empty() ? "" : " | ") + c.reason;
            }
        for (const auto& d : sheet.disputes)
            disputes += (disputes.empty() ? "" : " | ") + d.status + " (diajukan " + d.lodged +
                        (d.decided.empty() ? "" : ", diputus " + d.decided) + ")";
        row.push_back(csv_text(which));
        row.push_back(csv_text(why));
        row.push_back(csv_text(disputes));
        out += csv_row(row);
    }, [] {});
    runs.flush();
}

/// The whole dataset's head: title, categories, indicators and LSPs.
json::object dataset_head(const SiteModel& model) {
    json::object everything;
    everything["judul"] = model.content.config.title;
    everything["data_contoh"] = model.data.meta.example_data;
    everything["ik_maks"] = model.content.categories.index_max;
    json::array cats;
    for (const auto& c : model.content.categories.categories)
        cats.push_back(json::object{{"kode", c.key}, {"nama", c.name}, {"min", c.min}, {"maks", c.max}, {"kondisi", c.condition}});
    everything["kategori"] = std::move(cats);
    json::array inds;
    for (const auto& i : model.content.indicators)
        inds.push_back(json::object{{"kode", i.code}, {"kelompok", group_info(i.group).key}, {"judul", i.title}, {"skor_maks", i.max_score}});
    everything["indikator"] = std::move(inds);
    json::array lsps;
    for (const auto& l : model.data.lsps) lsps.push_back(lsp_json(l));
    everything["lsp"] = std::move(lsps);
    // No list of releases here: a release would then change this file, and
    // publishing twice without a change would make a release of its own.
    json::array corrections;
    for (const auto& c : model.data.ledger.corrections) {
        json::array changes;
        for (const auto& ch : c.changes) {
            json::object o{{"periode", ch.period}, {"lsp", ch.lsp_id}};
            if (ch.code.empty()) o["lembar"] = ch.sheet_added ? "ditambah" : "dihapus";
            else o["indikator"] = ch.code;
            o["lama"] = ch.old_value ? json::value(*ch.old_value) : json::value(nullptr);
            o["baru"] = ch.new_value ? json::value(*ch.new_value) : json::value(nullptr);
            changes.push_back(std::move(o));
        }
        corrections.push_back(json::object{{"nomor", c.number}, {"tanggal", c.date}, {"dasar", c.basis},
                                           {"alasan", c.reason}, {"perubahan", std::move(changes)}});
    }
    everything["ralat"] = std::move(corrections);
    return everything;
}

/// One round's results (data/indeks-<periode>.json); with its team, a piece
/// of data/semua.json at depth `indent`. Written after what `out` holds, the rows
/// in runs (RowRuns); what follows the last run is left in `out`.
void round_export(const SiteModel& model, std::size_t index, bool with_team, int indent, std::string& out,
                  std::size_t rows, const std::string& kind, PartStream& stream) {
    const auto& round = model.data.rounds[index];
    JsonStream js(out, true, indent);
    js.begin_object(false);
    round_header(js, model, round);
    js.key("hasil").begin_array(false);
    const auto& rr = model.results.rounds[index];
    RowRuns runs(model, index, rows, kind, stream, out);
    runs.rows(
        [&](std::size_t k) {
            const auto& s = rr.sheets[k];
            js.begin_object(false);
            result_fields(js, model, round.period, s, source_sheet(model.data, rr, s), &model.lsp_of(rr, s));
            js.end();
        },
        [&] { js.members_skipped(); });
    js.end();
    if (with_team) {
        js.key("tim").begin_array(false);
        for (const auto& m : round.team) js.value(json::object{{"nama", m.name}, {"instansi", m.agency}});
        js.end();
    }
    js.end();
}

}  // namespace

void plan_exports(const SiteModel& model, SitePlan& plan) {
    // Every file here is made on the worker threads: the rounds in parallel.
    const auto rounds = model.data.rounds.size();
    // A draft is for the LSPs' check on its own pages: no download carries it.
    std::vector<std::size_t> published;
    for (std::size_t i = 0; i < rounds; ++i)
        if (!model.data.rounds[i].draft) published.push_back(i);
    for (std::size_t i : published) {
        const auto& period = model.data.rounds[i].period;
        const auto value = i < model.keys.pages.round.size() ? model.keys.pages.round[i] : std::string();
        const auto json_path = Links::site().export_json(period), csv_path = Links::site().round_csv(period);
        const auto json_key = file_key(model, "indeks-json", value), csv_key = file_key(model, "indeks-csv", value);
        if (!plan.unchanged(json_path, json_key, false))
            plan.file_streamed(json_path, [&model, i, rows = plan.rows_per_part](PartStream& stream) {
                std::string out;
                round_export(model, i, false, 0, out, rows, "indeks-json-baris", stream);
                stream.add({}, out + "\n");
            }, json_key);
        if (!plan.unchanged(csv_path, csv_key, false))
            plan.file_streamed(csv_path, [&model, i, rows = plan.rows_per_part](PartStream& stream) {
                round_csv(model, i, rows, stream);
            }, csv_key);
    }
    // semua.json holds every round: it is made and written a run of rows at a time (RowRuns), so
    // neither the whole dataset's JSON tree nor its text exists at once, and a correction to one
    // score makes a few runs again: the rest is copied from the last build's file.
    plan.file_streamed(Links::site().all_json(), [&model, published, rows = plan.rows_per_part](PartStream& stream) {
        const auto head_key = file_key(model, "semua-kepala", model.keys.registry);
        if (!stream.keep(head_key)) {
            auto head = pretty_json(dataset_head(model));
            head.resize(head.size() - 3);  // reopen the object: drop "\n}\n"
            stream.add(head_key, head + ",\n  \"penilaian\": [");
        }
        std::string out;
        for (std::size_t k = 0; k < published.size(); ++k) {
            out += k ? ",\n    " : "\n    ";  // the first round has no comma before it
            round_export(model, published[k], true, 4, out, rows, "semua-baris", stream);
        }
        out += published.empty() ? "]\n}\n" : "\n  ]\n}\n";
        stream.add({}, out);
    });

    for (const auto& lsp : model.data.lsps) {
        const auto path = Links::site().lsp_json(lsp.id);
        const auto value = model.keys.pages.lsp.find(lsp.id);
        const auto key = value == model.keys.pages.lsp.end() ? std::string() : file_key(model, "lsp-json", value->second);
        if (plan.unchanged(path, key, false)) continue;
        plan.file_later(path, [&model, &lsp]() {
            std::string out;
            JsonStream js(out);
            js.begin_object(false);
            js.key("lsp").value(lsp_json(lsp));
            js.key("data_contoh").boolean(model.data.meta.example_data);
            js.key("ik_maks").number(model.content.categories.index_max);
            js.key("riwayat").begin_array(false);
            auto it = model.results.history.find(lsp.id);
            if (it != model.results.history.end())
                for (const auto& at : it->second) {
                    const auto r = at.round;
                    const auto& round = model.data.rounds[r];
                    const auto& s = model.results.rounds[r].sheets[at.sheet];
                    const auto& sheet = source_sheet(model.data, model.results.rounds[r], s);
                    js.begin_object(false);
                    round_identity(js, round);
                    js.key("jumlah_lsp_lengkap").number(static_cast<std::int64_t>(model.results.rounds[r].complete_count));
                    result_fields(js, model, round.period, s, sheet, nullptr);
                    js.key("catatan").string(sheet.notes_markdown);
                    js.key("rekomendasi").begin_array(true);
                    for (const auto& rec : sheet.recommendations_markdown) js.string(rec);
                    js.end();
                    js.end();
                }
            js.end();
            js.end();
            return out + "\n";
        }, key);
    }
}

}  // namespace pepgen
