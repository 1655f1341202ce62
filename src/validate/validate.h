/// Cross-file rules: the indicator catalogue against the category table,
/// and every round's sheets against the registry and the catalogue.
#pragma once

#include "model/diagnostic.h"
#include "model/types.h"

namespace pepgen {

void validate_content(const Content& content, Diagnostics& diags);
void validate_data(const Content& content, const Data& data, Diagnostics& diags);

}  // namespace pepgen
