/// What the team's publication ledger (data/terbitan/) says once loaded:
/// releases with the figures they published, corrections, archived files.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pepgen {

/// One LSP's published figures in one round, as a release or a correction records them.
struct PublishedSheet {
    std::string lsp_id;
    std::map<std::string, std::optional<int>> scores;  ///< indicator code -> score (none: not scored)
    std::optional<int> ik;
    std::string category;       ///< category key, empty when none
    std::optional<int> rank;
};

struct PublishedRound {
    std::string period;
    std::vector<PublishedSheet> sheets;
};

struct Release {
    int number = 0;
    std::string date;             ///< YYYY-MM-DD
    std::string previous_sha256;  ///< of the previous release file's bytes; empty for the first
    std::size_t corrections = 0;  ///< how many correction entries (from the first) it includes
    std::string corrections_sha256;
    std::vector<PublishedRound> rounds;
    std::map<std::string, std::string> files;  ///< site path ("data/indeks-2026-1.json") -> sha256
    std::string source_file;
    std::string sha256;           ///< of this release file's bytes
};

/// A score that a correction changed; `code` empty means the whole sheet
/// (added to or dropped from a released round), old/new then being its IK.
struct ScoreChange {
    std::string period;
    std::string lsp_id;
    std::string code;
    std::optional<int> old_value, new_value;
    bool sheet_added = false, sheet_removed = false;
};

/// What followed from a correction for one LSP in one round.
struct Consequence {
    std::string period;
    std::string lsp_id;
    std::optional<int> old_ik, new_ik;
    std::string old_category, new_category;
    std::optional<int> old_rank, new_rank;
    bool ik_changed = false, category_changed = false, rank_changed = false;
};

struct Correction {
    int number = 0;
    std::string date;
    std::string reason;
    std::string basis;  ///< sanggahan | kesalahan-data | kesalahan-hitung | lainnya
    std::vector<ScoreChange> changes;
    std::vector<Consequence> consequences;
    int line = 0;
};

/// The accepted bases of a correction, with their labels for readers.
struct CorrectionBasis {
    const char* key;
    const char* label;
};
const std::vector<CorrectionBasis>& correction_bases();
const char* basis_label(const std::string& key);

struct Ledger {
    std::vector<Release> releases;        ///< by number
    std::vector<Correction> corrections;  ///< by number
    std::string corrections_file;         ///< "data/terbitan/ralat.json"
    /// Archived bytes by sha256, for every file a release lists.
    std::map<std::string, std::string> archive;

    const Release* latest() const { return releases.empty() ? nullptr : &releases.back(); }
};

/// A dispute an LSP lodged against its result in one round.
struct Dispute {
    std::string lodged;        ///< YYYY-MM-DD
    std::string status;        ///< terbuka | diterima | ditolak
    std::string decided;       ///< YYYY-MM-DD, when decided
    std::optional<int> correction;  ///< the correction that settled it (diterima)
    std::string note;          ///< the decision's reason or a summary
    int line = 0;
};

}  // namespace pepgen
