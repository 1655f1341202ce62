/// The chart a statistics embed asks for (bars, stacked bars, lines or a
/// province tile map), drawn as inline SVG with a text alternative that
/// names its figures.
#pragma once

#include <string>

#include "model/stats.h"

namespace pepgen {

/// The SVG of the embed's chart, or nothing when it asks for none or the
/// dataset has no label or value column to draw.
std::string stat_chart_svg(const Dataset& ds, const EmbedSpec& spec, const std::string& id);

}  // namespace pepgen
