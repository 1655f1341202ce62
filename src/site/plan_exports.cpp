// Open data: per round JSON (data/indeks-<periode>.json) and CSV
// (data/hasil-<periode>.csv), per LSP history (data/lsp/<id>.json) and the
// whole dataset in one file (data/semua.json). Field names are explained on
// the data dictionary page.
#include "data/round_writer.h"
#include "render/csv.h"
#include "render/json_pretty.h"
#include "site/plan.h"

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

const ScoreSheet& sheet_of(const Round& round, const std::string& lsp_id) {
    if (const auto* sheet = round.find_sheet(lsp_id)) return *sheet;
    throw std::logic_error("sheet missing for " + lsp_id);  // results are computed from these very sheets
}

json::value opt(const std::optional<int>& v) { return v ? json::value(*v) : json::value(nullptr); }

/// One LSP's computed result in one round: the record shared by every export.
json::object result_json(const SiteModel& model, std::size_t round_index, const SheetResult& s, bool with_identity) {
    const auto& round = model.data.rounds[round_index];
    json::object r;
    if (with_identity) {
        const auto& lsp = *model.lsp_by_id.at(s.lsp_id);
        r["lsp"] = lsp.id;
        r["nama"] = lsp.name;
        r["jenis"] = lsp.type;
        r["provinsi"] = lsp.province;
    }
    r["lengkap"] = s.complete;
    r["ik"] = opt(s.ik);
    if (s.category) {
        const auto& c = model.content.categories.categories[*s.category];
        r["kategori"] = c.name;
        r["kode_kategori"] = c.key;
    } else {
        r["kategori"] = nullptr;
        r["kode_kategori"] = nullptr;
    }
    r["peringkat"] = opt(s.rank);
    r["perubahan_ik"] = opt(s.delta);
    r["dibanding_periode"] =
        s.previous_round ? json::value(model.data.rounds[*s.previous_round].period) : json::value(nullptr);
    const char* mv = move_key(s.move);
    r["perubahan_kategori"] = mv ? json::value(mv) : json::value(nullptr);
    json::array missing;
    for (const auto& m : s.missing) missing.emplace_back(m);
    r["belum_dinilai"] = std::move(missing);
    json::object groups;
    for (const auto& gs : s.groups) {
        json::object g;
        g["skor"] = gs.score;
        g["maks"] = gs.max;
        g["lengkap"] = gs.complete;
        groups[group_info(gs.group).key] = std::move(g);
    }
    r["kelompok"] = std::move(groups);
    const auto& sheet = sheet_of(round, s.lsp_id);
    json::object scores;
    for (const auto& ind : model.content.indicators) {
        auto it = sheet.scores.find(ind.code);
        scores[ind.code] = it != sheet.scores.end() && it->second ? json::value(*it->second) : json::value(nullptr);
    }
    r["skor"] = std::move(scores);
    return r;
}

json::object round_identity(const Round& round) {
    json::object doc;
    doc["periode"] = round.period;
    doc["jenis"] = round.kind == RoundKind::rutin ? "rutin" : "insidental";
    doc["tanggal"] = round.date;
    doc["judul"] = round.title;
    doc["sumber"] = round.source_file;
    return doc;
}

json::object round_header(const SiteModel& model, const Round& round) {
    json::object doc = round_identity(round);
    doc["data_contoh"] = model.data.meta.example_data;
    doc["ik_maks"] = model.content.categories.index_max;
    return doc;
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

std::string round_csv(const SiteModel& model, std::size_t index) {
    const auto& rr = model.results.rounds[index];
    std::vector<std::string> header = {"lsp", "nama", "jenis", "provinsi", "lengkap", "ik", "kategori", "peringkat",
                                       "perubahan_ik", "dibanding_periode", "perubahan_kategori"};
    for (const auto& ind : model.content.indicators) header.push_back(ind.code);
    std::string out = kUtf8Bom + csv_row(header);
    auto num = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
    for (const auto& s : rr.sheets) {
        const auto& lsp = *model.lsp_by_id.at(s.lsp_id);
        const char* mv = move_key(s.move);
        std::vector<std::string> row = {
            csv_text(lsp.id), csv_text(lsp.name), csv_text(lsp.type), csv_text(lsp.province),
            s.complete ? "ya" : "tidak", num(s.ik),
            s.category ? csv_text(model.content.categories.categories[*s.category].name) : std::string(),
            num(s.rank), num(s.delta),
            s.previous_round ? csv_text(model.data.rounds[*s.previous_round].period) : std::string(),
            mv ? mv : ""};
        const auto& sheet = sheet_of(model.data.rounds[index], s.lsp_id);
        for (const auto& ind : model.content.indicators) {
            auto it = sheet.scores.find(ind.code);
            row.push_back(it != sheet.scores.end() && it->second ? std::to_string(*it->second) : std::string());
        }
        out += csv_row(row);
    }
    return out;
}

}  // namespace

void plan_exports(const SiteModel& model, SitePlan& plan) {
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
    // semua.json holds every round; it is written piece by piece, one round
    // at a time, so the whole dataset never exists as one JSON tree.
    std::vector<std::string> round_pieces;

    for (std::size_t i = 0; i < model.data.rounds.size(); ++i) {
        const auto& round = model.data.rounds[i];
        const auto& rr = model.results.rounds[i];
        auto doc = round_header(model, round);
        json::array results;
        for (const auto& s : rr.sheets) results.emplace_back(result_json(model, i, s, true));
        doc["hasil"] = std::move(results);
        plan.file("data/indeks-" + round.period + ".json", pretty_json(doc));
        plan.file("data/hasil-" + round.period + ".csv", round_csv(model, i));
        json::array team;
        for (const auto& m : round.team) team.push_back(json::object{{"nama", m.name}, {"instansi", m.agency}});
        doc["tim"] = std::move(team);
        auto piece = pretty_json(doc, true, 4);
        piece.pop_back();  // its final newline
        round_pieces.push_back("    " + std::move(piece));
    }
    // Handed over in pieces too: the whole file is the size of every round together.
    auto head = pretty_json(everything);
    head.resize(head.size() - 3);  // reopen the object: drop "\n}\n"
    head += ",\n  \"penilaian\": [";
    std::vector<std::string> parts;
    parts.reserve(round_pieces.size() * 2 + 2);
    parts.push_back(std::move(head));
    for (std::size_t i = 0; i < round_pieces.size(); ++i) {
        parts.emplace_back(i ? ",\n" : "\n");
        parts.push_back(std::move(round_pieces[i]));
    }
    parts.emplace_back(round_pieces.empty() ? "]\n}\n" : "\n  ]\n}\n");
    plan.file_in_parts("data/semua.json", std::move(parts));

    static const std::vector<std::size_t> no_history;
    for (const auto& lsp : model.data.lsps) {
        const auto path = "data/lsp/" + lsp.id + ".json";
        auto hist_it = model.results.history.find(lsp.id);
        const auto key = model.keys.for_lsp(hist_it == model.results.history.end() ? no_history : hist_it->second);
        if (plan.unchanged(path, key, false)) continue;
        plan.file_later(path, [&model, &lsp]() {
            json::object doc;
            doc["lsp"] = lsp_json(lsp);
            doc["data_contoh"] = model.data.meta.example_data;
            doc["ik_maks"] = model.content.categories.index_max;
            json::array history;
            auto it = model.results.history.find(lsp.id);
            if (it != model.results.history.end())
                for (auto r : it->second) {
                    const auto& round = model.data.rounds[r];
                    const auto* s = model.results.rounds[r].find(lsp.id);
                    json::object entry = round_identity(round);
                    entry["jumlah_lsp_lengkap"] = model.results.rounds[r].complete_count;
                    auto result = result_json(model, r, *s, false);
                    for (auto& kv : result) entry[kv.key()] = std::move(kv.value());
                    // Rewrites "skor" where it is, then adds the notes and recommendations.
                    add_sheet_fields(entry, sheet_of(round, lsp.id), model.content.indicators);
                    history.emplace_back(std::move(entry));
                }
            doc["riwayat"] = std::move(history);
            return pretty_json(doc);
        }, key);
    }
}

}  // namespace pepgen
