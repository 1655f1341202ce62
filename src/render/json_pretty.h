/// Indented JSON output for published data files: diff-friendly and readable,
/// keys in insertion order, so exports are deterministic.
#pragma once

#include <string>

#include <boost/json.hpp>

namespace pepgen {

std::string pretty_json(const boost::json::value& v);

}  // namespace pepgen
