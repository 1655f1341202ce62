/// Rules for statistics: every embed names an existing dataset and columns
/// of the right kind; every declared figure that disagrees with its rows is
/// a warning naming the file and table; province names must be known.
#pragma once

#include "util/diagnostic.h"
#include "model/types.h"

namespace pepgen {

void validate_stats(const Content& content, const Data& data, Diagnostics& diags);

/// The label column of an embed: the one it names, or the first text column.
int embed_label_column(const Dataset& ds, const EmbedSpec& spec);
/// The value columns of an embed: the ones it names, or the first numeric column.
std::vector<int> embed_value_columns(const Dataset& ds, const EmbedSpec& spec);

}  // namespace pepgen
