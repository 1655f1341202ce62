/// The date pepgen takes as today: the machine's local calendar date, as YYYY-MM-DD.
#pragma once

#include <string>

namespace pepgen {

std::string today_iso();

}  // namespace pepgen
