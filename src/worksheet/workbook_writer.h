/// The round's worksheet as an .xlsx workbook (libxlsxwriter): one row per
/// LSP with id and name locked, one validated column per indicator, and a
/// hidden sheet recording which round and which indicator catalogue it is for.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/types.h"

namespace pepgen {

/// What the hidden "pepgen" sheet records, so an import cannot land in the
/// wrong round or read columns against another catalogue.
struct WorksheetMeta {
    std::string period;
    RoundKind kind = RoundKind::rutin;
    std::string date;       ///< YYYY-MM-DD
    std::string catalogue;  ///< catalogue_signature() when the workbook was made
};

/// The indicator catalogue as the worksheet depends on it: "M01=10;M02=10;…"
/// in catalogue order (codes and maxima; titles and rubrics may change freely).
std::string catalogue_signature(const std::vector<Indicator>& indicators);

/// How two catalogue signatures differ, in Indonesian ("M04 dihapus; maksimum
/// M01 10 → 12"); empty when they are the same.
std::string catalogue_difference(const std::string& made_for, const std::string& now);

/// Name of the visible sheet the team fills, and of the hidden one.
inline constexpr const char* kScoresSheet = "Penilaian";
inline constexpr const char* kMetaSheet = "pepgen";
/// The registry workbook's sheet, and what its hidden sheet says it is ("berkas").
inline constexpr const char* kRegistrySheet = "LSP";
inline constexpr const char* kRegistryKind = "daftar-lsp";

/// The workbook's bytes: the same input gives the same bytes (its creation
/// time is the round's date). On failure, nothing and `error` says why.
std::optional<std::string> worksheet_xlsx(const Content& content, const std::vector<Lsp>& lsps,
                                          const WorksheetMeta& meta, std::string& error);

/// The LSP registry as a workbook (`pepgen export lsp`): one row per LSP,
/// type and province chosen from lists, licence dates as dates.
std::optional<std::string> registry_xlsx(const std::vector<Lsp>& lsps, std::string& error);

}  // namespace pepgen
