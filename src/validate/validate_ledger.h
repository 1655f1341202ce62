/// The publication ledger against itself and the rounds: an unbroken chain of
/// releases, corrections that were not edited after their release, release
/// figures that match the archived files, disputes and review windows.
#pragma once

#include <string>

#include "model/types.h"
#include "scoring/publication.h"
#include "util/diagnostic.h"

namespace pepgen {

/// `today`: the day the site would go out (publish's --tanggal, else the
/// current date), for the review-window warnings. `correcting`: run by
/// `correct`, so a dispute may name the correction it is about to record.
void validate_ledger(const Content& content, const Data& data, const std::string& today, bool correcting,
                     Diagnostics& diags);

/// One error per released figure that changed without a correction, at the
/// score's line in its round file, and one naming the command that records them.
void report_unrecorded_changes(const FigureChanges& changes, const Content& content, const Data& data,
                               Diagnostics& diags);

/// "P02 10 → 14" and what followed from it, as messages and `correct` print them.
std::string describe_change(const ScoreChange& change);
std::string describe_consequence(const Consequence& q, const Content& content);

}  // namespace pepgen
