/// Indented JSON output for published data files: diff-friendly, readable,
/// deterministic (keys in insertion order) and inert when sniffed as HTML.
#pragma once

#include <string>

#include <boost/json.hpp>

namespace pepgen {

std::string pretty_json(const boost::json::value& v);

}  // namespace pepgen
