// Machine-readable results: data/indeks-<periode>.json per round.
#include "render/json_pretty.h"
#include "site/plan.h"

namespace json = boost::json;

namespace pepgen {

void plan_exports(const SiteModel& model, SitePlan& plan) {
    for (std::size_t i = 0; i < model.data.rounds.size(); ++i) {
        const auto& round = model.data.rounds[i];
        const auto& rr = model.results.rounds[i];
        json::object doc;
        doc["periode"] = round.period;
        doc["jenis"] = round.kind == RoundKind::rutin ? "rutin" : "insidental";
        doc["tanggal"] = round.date;
        doc["judul"] = round.title;
        doc["sumber"] = round.source_file;
        doc["data_contoh"] = model.data.meta.example_data;
        doc["ik_maks"] = model.content.categories.index_max;
        json::array results;
        for (const auto& s : rr.sheets) {
            const auto& lsp = *model.lsp_by_id.at(s.lsp_id);
            json::object r;
            r["lsp"] = lsp.id;
            r["nama"] = lsp.name;
            r["jenis"] = lsp.type;
            r["provinsi"] = lsp.province;
            r["lengkap"] = s.complete;
            r["ik"] = s.ik ? json::value(*s.ik) : json::value(nullptr);
            if (s.category) {
                const auto& c = model.content.categories.categories[*s.category];
                r["kategori"] = c.name;
                r["kode_kategori"] = c.key;
            } else {
                r["kategori"] = nullptr;
                r["kode_kategori"] = nullptr;
            }
            r["peringkat"] = s.rank ? json::value(*s.rank) : json::value(nullptr);
            r["perubahan_ik"] = s.delta ? json::value(*s.delta) : json::value(nullptr);
            r["dibanding_periode"] =
                s.previous_round ? json::value(model.data.rounds[*s.previous_round].period) : json::value(nullptr);
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
            json::object scores;
            const ScoreSheet* sheet = nullptr;
            for (const auto& sh : round.sheets)
                if (sh.lsp_id == s.lsp_id) sheet = &sh;
            for (const auto& ind : model.content.indicators) {
                auto it = sheet->scores.find(ind.code);
                scores[ind.code] =
                    it != sheet->scores.end() && it->second ? json::value(*it->second) : json::value(nullptr);
            }
            r["skor"] = std::move(scores);
            results.emplace_back(std::move(r));
        }
        doc["hasil"] = std::move(results);
        plan.files.push_back({"data/indeks-" + round.period + ".json", pretty_json(doc)});
    }
}

}  // namespace pepgen
