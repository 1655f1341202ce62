/// Cross-file rules: the indicator catalogue against the category table,
/// and every round's sheets against the registry and the catalogue.
#pragma once

#include <set>
#include <string>

#include "util/diagnostic.h"
#include "model/types.h"

namespace pepgen {

void validate_content(const Content& content, Diagnostics& diags);
void validate_data(const Content& content, const Data& data, Diagnostics& diags);

/// One round against the catalogue and the registry (null: unreadable, not
/// checked): what check and build require of every round, and what import
/// requires of the round it is about to write.
void validate_round(const Content& content, const std::set<std::string>* registry, const Round& round,
                    Diagnostics& out);

/// Warnings only: years with fewer than two periodic rounds, registered LSPs
/// missing from a periodic round, LSPs evaluated after their licence ended.
void validate_schedule(const Data& data, Diagnostics& diags);

}  // namespace pepgen
