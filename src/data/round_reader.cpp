#include "data/round_reader.h"

#include <bitset>

#include <boost/json/basic_parser_impl.hpp>

#include "data/data_loader.h"
#include "data/field_rules.h"
#include "data/round_lines.h"
#include "util/text.h"

namespace json = boost::json;

namespace pepgen {

namespace {

/// Where the parser is: which object or list it is in.
enum class In { nothing, round, team, member, sheets, sheet, scores, recommendations, done };
/// Which key's value comes next.
enum class Field { none, period, kind, date, title, draft, review, team, sheets, name, agency, lsp, scores, notes,
                   recommendations, score };

struct PendingSheet {
    std::string lsp, notes;
    bool has_lsp = false, has_scores = false, has_notes = false, has_recommendations = false;
    struct Score {
        std::string code;
        std::size_t position;  ///< in the catalogue; npos for a code it does not have
        std::optional<int> value;
    };
    std::vector<Score> scores;  ///< in file order
    std::vector<std::string> recommendations;
};

/// A text field the tree reader takes without a message: no forbidden character, and not blank when required.
bool clean(const std::string& s, bool required) {
    return text_field_problem(s).empty() && (!required || !trim(s).empty());
}

/// The parser's handler: builds the round while the text is parsed, and stops the parse (refused)
/// at the first thing it leaves to the tree reader.
class RoundHandler {
public:
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    RoundHandler(const JsonDoc& doc, const std::vector<Indicator>& catalogue,
                 const FlatMap<std::string, std::size_t>& positions)
        : doc_(doc), catalogue_(catalogue), positions_(positions) {
        // Scores come in catalogue order as an import writes them: the next code is tried first, when
        // each code's position is its place in the catalogue (a catalogue repeating a code is looked up).
        ordered_ = positions.size() == catalogue.size();
        for (std::size_t k = 0; ordered_ && k < catalogue.size(); ++k) {
            const auto at = positions.find(catalogue[k].code);
            ordered_ = at != positions.end() && at->second == k;
        }
    }

    Round round;
    std::size_t sheet_items = 0;
    bool seen_period = false, seen_kind = false, seen_date = false, seen_sheets = false;
    std::string kind;

    bool finished() const { return in_ == In::done; }

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code& ec) { return in_ == In::done || refuse(ec); }

    bool on_object_begin(boost::system::error_code& ec) {
        if (in_ == In::nothing) in_ = In::round;
        else if (in_ == In::team) in_ = In::member, member_ = TeamMember{}, has_name_ = has_agency_ = false;
        else if (in_ == In::sheets) in_ = In::sheet, sheet_ = PendingSheet{}, ++sheet_items;
        else if (in_ == In::sheet && field_ == Field::scores) in_ = In::scores, known_.reset(), next_ = 0;
        else return refuse(ec);
        field_ = Field::none;
        return true;
    }
    bool on_object_end(std::size_t, boost::system::error_code& ec) {
        switch (in_) {
            case In::scores: in_ = In::sheet; break;
            case In::sheet:
                if (!finish_sheet()) return refuse(ec);
                in_ = In::sheets;
                break;
            case In::member:
                if (!has_name_ || !clean(member_.name, true) || !clean(member_.agency, false)) return refuse(ec);
                round.team.push_back(std::move(member_));
                in_ = In::team;
                break;
            case In::round: in_ = In::done; break;
            default: return refuse(ec);
        }
        field_ = Field::none;
        return true;
    }
    bool on_array_begin(boost::system::error_code& ec) {
        if (in_ == In::round && field_ == Field::team) in_ = In::team;
        else if (in_ == In::round && field_ == Field::sheets) in_ = In::sheets;
        else if (in_ == In::sheet && field_ == Field::recommendations) in_ = In::recommendations;
        else return refuse(ec);
        field_ = Field::none;
        return true;
    }
    bool on_array_end(std::size_t, boost::system::error_code& ec) {
        if (in_ == In::team || in_ == In::sheets) in_ = In::round;
        else if (in_ == In::recommendations) in_ = In::sheet;
        else return refuse(ec);
        field_ = Field::none;
        return true;
    }

    bool on_key_part(json::string_view s, std::size_t, boost::system::error_code&) {
        key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(json::string_view s, std::size_t, boost::system::error_code& ec) {
        key_.append(s.data(), s.size());
        const bool ok = take_key();
        key_.clear();
        return ok || refuse(ec);
    }
    bool on_string_part(json::string_view s, std::size_t, boost::system::error_code&) {
        text_.append(s.data(), s.size());
        return true;
    }
    bool on_string(json::string_view s, std::size_t, boost::system::error_code& ec) {
        text_.append(s.data(), s.size());
        const bool ok = take_text();
        text_.clear();
        return ok || refuse(ec);
    }
    bool on_number_part(json::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t v, json::string_view, boost::system::error_code& ec) {
        if (in_ != In::scores || field_ != Field::score || !storable_score(v)) return refuse(ec);
        sheet_.scores.back().value = static_cast<int>(v);
        field_ = Field::none;
        return true;
    }
    bool on_uint64(std::uint64_t, json::string_view, boost::system::error_code& ec) { return refuse(ec); }
    bool on_double(double, json::string_view, boost::system::error_code& ec) { return refuse(ec); }
    bool on_bool(bool b, boost::system::error_code& ec) {
        if (in_ != In::round || field_ != Field::draft) return refuse(ec);
        round.draft = b;
        field_ = Field::none;
        return true;
    }
    bool on_null(boost::system::error_code& ec) {
        // A score not yet given; a null anywhere else means "absent" to the tree reader, which reads it then.
        if (in_ != In::scores || field_ != Field::score) return refuse(ec);
        field_ = Field::none;
        return true;
    }
    bool on_comment_part(json::string_view, boost::system::error_code& ec) { return refuse(ec); }
    bool on_comment(json::string_view, boost::system::error_code& ec) { return refuse(ec); }

private:
    static bool refuse(boost::system::error_code& ec) {
        ec = json::error::exception;
        return false;
    }

    /// A key names the value after it; a key met twice, or one this reader does not know, is the tree reader's.
    bool take_key() {
        if (field_ != Field::none) return false;
        auto once = [&](bool& seen, Field f) {
            if (seen) return false;
            seen = true;
            field_ = f;
            return true;
        };
        switch (in_) {
            case In::round:
                if (key_ == "periode") return once(seen_period, Field::period);
                if (key_ == "jenis") return once(seen_kind, Field::kind);
                if (key_ == "tanggal") return once(seen_date, Field::date);
                if (key_ == "judul") return once(seen_title_, Field::title);
                if (key_ == "draf") return once(seen_draft_, Field::draft);
                if (key_ == "tinjauan_mulai") return once(seen_review_, Field::review);
                if (key_ == "tim") return once(seen_team_, Field::team);
                if (key_ == "hasil") return once(seen_sheets, Field::sheets);
                return false;
            case In::member:
                if (key_ == "nama") return once(has_name_, Field::name);
                if (key_ == "instansi") return once(has_agency_, Field::agency);
                return false;
            case In::sheet:
                if (key_ == "lsp") return once(sheet_.has_lsp, Field::lsp);
                if (key_ == "skor") return once(sheet_.has_scores, Field::scores);
                if (key_ == "catatan") return once(sheet_.has_notes, Field::notes);
                if (key_ == "rekomendasi") return once(sheet_.has_recommendations, Field::recommendations);
                return false;  // "sanggahan" among them: disputes are read by the tree reader
            case In::scores: {
                std::size_t position = std::string::npos;
                if (ordered_ && next_ < catalogue_.size() && catalogue_[next_].code == key_) {
                    position = next_;
                } else if (const auto at = positions_.find(key_); at != positions_.end()) {
                    position = at->second;
                }
                // A code repeated within one sheet is the parser's error to name.
                if (position != std::string::npos) {
                    if (position >= known_.size() || known_.test(position)) return false;
                    known_.set(position);
                    next_ = position + 1;
                } else {
                    for (const auto& given : sheet_.scores)
                        if (given.code == key_) return false;
                }
                sheet_.scores.push_back({key_, position, std::nullopt});
                field_ = Field::score;
                return true;
            }
            default: return false;
        }
    }

    bool take_text() {
        const auto field = field_;
        field_ = Field::none;
        switch (in_) {
            case In::round:
                switch (field) {
                    case Field::period: round.period = text_; return true;
                    case Field::kind: kind = text_; return true;
                    case Field::date: round.date = text_; return true;
                    case Field::title: round.title = text_; return true;
                    case Field::review: round.review_start = text_; return true;
                    default: return false;
                }
            case In::team:  // a member given by name alone, taken as it is
                round.team.push_back({text_, ""});
                return true;
            case In::member:
                if (field == Field::name) member_.name = text_;
                else if (field == Field::agency) member_.agency = text_;
                else return false;
                return true;
            case In::sheet:
                if (field == Field::lsp) sheet_.lsp = text_;
                else if (field == Field::notes) sheet_.notes = text_;
                else return false;
                return true;
            case In::recommendations:
                sheet_.recommendations.push_back(text_);
                return true;
            default: return false;
        }
    }

    /// The sheet as the tree reader makes it, its lines found the same way (round_lines.h).
    bool finish_sheet() {
        if (!sheet_.has_lsp || !sheet_.has_scores || !clean(sheet_.lsp, true) || !clean(sheet_.notes, false))
            return false;
        for (const auto& r : sheet_.recommendations)
            if (!clean(r, false)) return false;
        const auto place = locate_sheet(doc_, sheet_.lsp, cursor_);
        std::vector<std::string_view> keys;
        keys.reserve(sheet_.scores.size());
        for (const auto& given : sheet_.scores) keys.emplace_back(given.code);
        const auto lines = score_key_lines(doc_, place, keys);
        ScoreSheet sheet;
        sheet.lsp_id = std::move(sheet_.lsp);
        sheet.source_line = place.line;
        sheet.scores.resize(catalogue_.size());
        sheet.score_line_offsets.resize(catalogue_.size(), 0);
        for (std::size_t k = 0; k < sheet_.scores.size(); ++k) {
            const auto& given = sheet_.scores[k];
            place_score_at(sheet, given.position, given.code, given.value, lines[k]);
        }
        sheet.notes_markdown = std::move(sheet_.notes);
        sheet.recommendations_markdown = std::move(sheet_.recommendations);
        round.sheets.push_back(std::move(sheet));
        return true;
    }

    const JsonDoc& doc_;
    const std::vector<Indicator>& catalogue_;
    const FlatMap<std::string, std::size_t>& positions_;
    In in_ = In::nothing;
    Field field_ = Field::none;
    std::string key_, text_;
    bool seen_title_ = false, seen_draft_ = false, seen_review_ = false, seen_team_ = false;
    TeamMember member_;
    bool has_name_ = false, has_agency_ = false;
    PendingSheet sheet_;
    std::bitset<256> known_;  ///< catalogue positions given a score in this sheet (a catalogue holds 27)
    std::size_t cursor_ = 0;  ///< where the search for the next sheet's LSP starts (round_lines.h)
    bool ordered_ = false;    ///< whether next_ may be tried before the look-up
    std::size_t next_ = 0;    ///< the catalogue position after the last code of this sheet
};

}  // namespace

std::optional<Round> read_round_direct(const JsonDoc& doc, const std::string& stem,
                                       const std::vector<Indicator>& catalogue,
                                       const FlatMap<std::string, std::size_t>& positions) {
    if (catalogue.size() > 256) return std::nullopt;
    const auto view = json_body(doc);  // parsed as the tree reader parses it
    json::basic_parser<RoundHandler> parser(json_parse_options(), doc, catalogue, positions);
    boost::system::error_code ec;
    const auto consumed = parser.write_some(false, view.data(), view.size(), ec);
    auto& h = parser.handler();
    if (ec || consumed != view.size() || !h.finished()) return std::nullopt;
    auto& round = h.round;
    // What the tree reader checks on the whole round, where any failure is its message to give.
    if (!h.seen_period || !h.seen_kind || !h.seen_date || !h.seen_sheets) return std::nullopt;
    if (!clean(round.period, true) || !clean(h.kind, true) || !clean(round.date, true) || !clean(round.title, false) ||
        !clean(round.review_start, false))
        return std::nullopt;
    if (!is_period(round.period) || round.period != stem || !is_iso_date(round.date)) return std::nullopt;
    if (h.kind == "rutin") round.kind = RoundKind::rutin;
    else if (h.kind == "insidental") round.kind = RoundKind::insidental;
    else return std::nullopt;
    if (!round.review_start.empty() && !is_iso_date(round.review_start)) return std::nullopt;
    if (!entry_count_problem(h.sheet_items, "lembar skor").empty()) return std::nullopt;
    round.source_file = doc.file;
    round.sheets.shrink_to_fit();  // held for the whole build: no slack from growing
    finish_round(round);
    return std::move(round);
}

}  // namespace pepgen
