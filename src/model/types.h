/// Plain value types shared by every stage: what content and data say once
/// loaded, before anything is computed from them.
#pragma once

#include <cstdint>
#include <map>
#include <unordered_map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/publication.h"
#include "model/stats.h"
#include "util/flat_map.h"
#include "util/id_index.h"

namespace pepgen {

/// The circular's five indicator groups, in its order.
enum class Group { masukan, proses, keluaran, hasil, dampak };
/// The circular's five groups: all_groups() lists them in this order.
inline constexpr std::size_t kGroupCount = 5;
static_assert(static_cast<std::size_t>(Group::dampak) + 1 == kGroupCount, "a group added to Group must be counted");

struct GroupInfo {
    Group group;
    const char* key;       ///< front-matter value, e.g. "masukan"
    const char* label;     ///< "Masukan"
    const char* gloss;     ///< the circular's English gloss, "Input"
    const char* prefix;    ///< indicator code prefix, "M"
};

const std::vector<GroupInfo>& all_groups();
const GroupInfo& group_info(Group g);
std::optional<Group> group_from_key(const std::string& key);

struct RubricLevel {
    int from = 0;
    int to = 0;
    std::string label;
    std::string criteria;  ///< Markdown
};

struct Indicator {
    std::string code;      ///< "M01"
    Group group = Group::masukan;
    std::string title;
    int max_score = 0;
    std::string summary;
    std::vector<RubricLevel> rubric;
    std::vector<std::string> evidence;  ///< Markdown, one item each
    std::string body_markdown;
    std::string source_file;
};

struct Category {
    std::string key;       ///< slug, e.g. "sangat-baik"
    std::string name;      ///< "Sangat Baik"
    int min = 0;
    int max = 0;
    std::string condition; ///< the circular's description of the LSP's condition
};

/// The category table, ordered best first (as the circular lists it).
struct CategoryTable {
    int index_max = 0;
    std::vector<Category> categories;
    bool default_scores = false;   ///< maxima/rubrics are the site's defaults
    std::string default_scores_note;
};

/// A Markdown page of prose: guidance (content/panduan/) or a statistics
/// report (content/statistik/), possibly embedding statistics tables.
struct GuidePage {
    std::string slug;
    std::string title;
    int order = 0;
    std::string summary;
    std::string body_markdown;
    std::string source_file;
    std::vector<EmbedSpec> embeds;  ///< the ```statistik blocks, in document order
};

struct HomeText {
    std::string title;
    std::string summary;
    std::string body_markdown;
};

struct SiteConfig {
    std::string title = "Kinerja LSP Terlisensi Bidang Jasa Konstruksi";
    std::string publisher = "BNSP dan Kementerian Pekerjaan Umum";
    std::string theme = "default";
    std::string base_url;   ///< public address of the site, e.g. https://kinerja.example/; may be empty
    int review_days = 14;   ///< masa_tinjauan_hari: how long LSPs may check a draft round
    std::string data_licence = "CC-BY-4.0";  ///< lisensi_data: SPDX id of the open data's licence
};

/// Everything read from content/ (and pepgen.yaml).
struct Content {
    SiteConfig config;
    HomeText home;
    std::vector<GuidePage> guides;        ///< sorted by order, then slug
    std::vector<GuidePage> stats_pages;   ///< content/statistik/, same order
    std::optional<GuidePage> data_dictionary;  ///< content/kamus-data.md
    std::vector<Indicator> indicators;    ///< sorted by group, then code
    /// Codes (file names) of indicator files that failed to load: their errors are
    /// reported there, so scores for these codes are not reported again as unknown.
    std::set<std::string> failed_indicators;
    CategoryTable categories;
    std::string categories_file;          ///< where the table was found
};

struct Lsp {
    std::string id;
    std::string name;
    std::string type;      ///< P1 | P2 | P3
    std::string province;
    std::string city;
    std::string licence_number;
    std::string licence_issued;      ///< YYYY-MM-DD or empty
    std::string licence_valid_until; ///< YYYY-MM-DD
    std::string website;
    std::string address;
};

enum class RoundKind { rutin, insidental };

struct TeamMember {
    std::string name;
    std::string agency;
};

/// A score a round file gives under a code the catalogue does not have. Kept,
/// not scored, so that validation can name it and its line.
struct StrayScore {
    std::string code;
    std::optional<int> value;
    int line = 0;
};

/// The largest score a sheet can hold. An indicator's maximum is at most 1,000
/// (content_loader); anything above this is refused when read, so 16 bits are enough.
inline constexpr int kMaxStoredScore = 32767;
/// Whether a sheet can hold `v`: 0..kMaxStoredScore.
inline constexpr bool storable_score(long long v) { return v >= 0 && v <= kMaxStoredScore; }

/// One LSP's sheet in one round. Scores are held by indicator position (the
/// catalogue's order), as the loader read them against the loaded content; a
/// missing or null score means "not scored yet".
/// Scores and their lines are held in 16 bits each: a national run holds over
/// 100,000 sheets, and their size decides the build's peak memory.
struct ScoreSheet {
    std::string lsp_id;
    std::vector<std::optional<std::int16_t>> scores;  ///< per indicator; may be shorter than the catalogue
    /// Per indicator: its score's line in the file, counted from source_line (a sheet may
    /// name its LSP after its scores, so it can be negative); 0 for the sheet's own line.
    std::vector<std::int16_t> score_line_offsets;
    std::vector<StrayScore> stray;           ///< codes the catalogue does not have
    std::string notes_markdown;
    std::vector<std::string> recommendations_markdown;
    std::vector<Dispute> disputes;  ///< "sanggahan", oldest first
    int source_line = 0;  ///< where the sheet starts in its round file

    /// The score at catalogue position k, if given.
    std::optional<int> score(std::size_t k) const {
        if (k >= scores.size() || !scores[k]) return std::nullopt;
        return *scores[k];
    }
    /// Where that score sits in the file, else where the sheet starts.
    int line_of(std::size_t k) const {
        return source_line + (k < score_line_offsets.size() ? score_line_offsets[k] : 0);
    }
    /// Gives the score at position k, growing the sheet to hold it. The value must lie in
    /// 0..kMaxStoredScore (readers refuse others first); a line too far from source_line to
    /// hold is left as the sheet's.
    void set_score(std::size_t k, std::optional<int> value, int line = 0);
};

/// IdIndex's id_at over anything with an `lsp_id` (sheets, their results).
template <class T>
auto lsp_id_at(const std::vector<T>& items) {
    return [&items](std::size_t k) -> const std::string& { return items[k].lsp_id; };
}

/// Catalogue code -> position, for readers that meet scores by code.
FlatMap<std::string, std::size_t> code_positions(const std::vector<Indicator>& catalogue);

struct Round {
    std::string period;    ///< "2026-1"
    RoundKind kind = RoundKind::rutin;
    std::string date;      ///< YYYY-MM-DD
    std::string title;
    std::vector<TeamMember> team;
    std::vector<ScoreSheet> sheets;
    std::string source_file;
    bool draft = false;        ///< "draf": shown for the LSPs' check, never published
    std::string review_start;  ///< "tinjauan_mulai": the day the draft went to the LSPs

    /// The LSP's sheet in this round, or nullptr.
    const ScoreSheet* find_sheet(const std::string& lsp_id) const;
    /// lsp id -> index into sheets; filled by the loader (find_sheet scans without it).
    IdIndex sheet_index;
    /// Indexes the sheets as they stand (after the loader, or after sheets are reordered).
    void index_sheets();
};

struct DataMeta {
    bool example_data = false;
    std::string note;
};

/// Everything read from data/.
struct Data {
    DataMeta meta;
    std::vector<Lsp> lsps;        ///< registry order
    bool registry_loaded = false; ///< false when data/lsp.json could not be read at all
    std::vector<Round> rounds;    ///< sorted by date, then period
    /// How many round files were parsed for this load (the others came from the round cache).
    std::size_t rounds_parsed = 0;
    std::vector<Dataset> datasets;  ///< data/statistik/, sorted by id
    Ledger ledger;                  ///< data/terbitan/
};

}  // namespace pepgen
