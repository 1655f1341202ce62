#include "data/round_writer.h"

#include <boost/json.hpp>

#include "format/json_pretty.h"

namespace json = boost::json;

namespace pepgen {

void add_sheet_fields(json::object& out, const ScoreSheet& sheet, const std::vector<Indicator>& catalogue) {
    json::object scores;
    for (std::size_t k = 0; k < catalogue.size(); ++k) {
        const auto score = sheet.score(k);
        scores[catalogue[k].code] = score ? json::value(*score) : json::value(nullptr);
    }
    out["skor"] = std::move(scores);
    out["catatan"] = sheet.notes_markdown;
    json::array recs;
    for (const auto& rec : sheet.recommendations_markdown) recs.emplace_back(rec);
    out["rekomendasi"] = std::move(recs);
}

std::string round_json(const Round& round, const std::vector<Indicator>& catalogue) {
    json::object doc;
    doc["periode"] = round.period;
    doc["jenis"] = round.kind == RoundKind::rutin ? "rutin" : "insidental";
    doc["tanggal"] = round.date;
    doc["judul"] = round.title;
    json::array team;
    for (const auto& m : round.team) team.push_back(json::object{{"nama", m.name}, {"instansi", m.agency}});
    doc["tim"] = std::move(team);
    json::array results;
    for (const auto& sheet : round.sheets) {
        json::object r;
        r["lsp"] = sheet.lsp_id;
        add_sheet_fields(r, sheet, catalogue);
        results.emplace_back(std::move(r));
    }
    doc["hasil"] = std::move(results);
    return pretty_json(doc, false);
}

}  // namespace pepgen
