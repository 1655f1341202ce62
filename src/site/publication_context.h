/// What pages show of the publication ledger: when a round was first
/// released and last corrected, corrections, disputes and the draft notice.
#pragma once

#include <string>

#include "site/page_context.h"

namespace pepgen {

/// Site path of the errata page.
inline std::string errata_path() { return "ralat/index.html"; }
/// The guide page explaining publication, corrections and disputes.
inline const char* kPublicationGuide = "penerbitan-dan-ralat";

/// {released, first_release, first_date, corrected, last_correction_date, corrections: [...]}
/// for a round's page and its LSPs' scorecards.
Value round_publication(const SiteModel& model, const Round& round, const Links& links);

/// One correction as readers see it: number, date, basis, reason, every
/// changed score with its LSP and round, what followed for those LSPs and
/// (listed apart) the other LSPs whose rank or category moved with it.
/// `only_period` limits it to one round's part ("" for all).
Value correction_value(const SiteModel& model, const Correction& c, const Links& links,
                       const std::string& only_period = {});

/// The corrections that concern one LSP in one round: those that changed its
/// scores, and those of others that moved its figures (as consequences).
Value sheet_corrections(const SiteModel& model, const std::string& period, const std::string& lsp_id,
                        const Links& links);

/// A sheet's disputes: {lodged, status, open, accepted, rejected, decided, note, correction_href}.
Value disputes_value(const ScoreSheet& sheet, const Links& links);

/// The draft banner's data for a round's pages, or false for a published round.
Value draft_notice(const SiteModel& model, const Round& round);

/// Link to the publication guide page, or false when the site has none.
Value publication_guide_href(const SiteModel& model, const Links& links);

}  // namespace pepgen
