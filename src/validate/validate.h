/// Cross-file rules: the indicator catalogue against the category table,
/// and every round's sheets against the registry and the catalogue.
#pragma once

#include "model/diagnostic.h"
#include "model/types.h"

namespace pepgen {

void validate_content(const Content& content, Diagnostics& diags);
void validate_data(const Content& content, const Data& data, Diagnostics& diags);

/// Warnings only: years with fewer than two periodic rounds, registered LSPs
/// missing from a periodic round, LSPs evaluated after their licence ended.
void validate_schedule(const Data& data, Diagnostics& diags);

}  // namespace pepgen
