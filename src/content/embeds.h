/// Reads the ```statistik blocks of a Markdown page into EmbedSpec values,
/// reporting each bad option with its file line.
#pragma once

#include <string>
#include <vector>

#include "util/diagnostic.h"
#include "model/stats.h"

namespace pepgen {

/// body_line is the file line where the Markdown body starts.
std::vector<EmbedSpec> parse_embeds(const std::string& markdown, const std::string& file, int body_line,
                                    Diagnostics& diags);

}  // namespace pepgen
