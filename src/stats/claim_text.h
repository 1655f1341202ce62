/// How a claim reads where its figure is not a plain quantity: a weekday,
/// dates inside a stated period, the items a stated count names.
#pragma once

#include <optional>
#include <string>

#include "model/stats.h"

namespace pepgen {

/// The stated side of a calendar claim ("Kamis", "antara 21 Desember 2021 dan
/// 31 Desember 2021"); nothing for a quantity, which is formatted as a figure.
std::optional<std::string> calendar_stated_text(const StatStatement& st);

/// The recomputed side in the claim's own terms: "Jumat"; "semua 2 tanggal
/// tercatat di dalamnya"; "5 butir disebutkan: A; B; …". Nothing for a plain quantity.
std::optional<std::string> claim_computed_text(const StatComputation& c, double computed);

}  // namespace pepgen
