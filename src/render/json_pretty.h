/// Indented JSON output for published data files: diff-friendly, readable,
/// deterministic (keys in insertion order) and inert when sniffed as HTML.
#pragma once

#include <string>

#include <boost/json.hpp>

namespace pepgen {

/// Published files escape < > & (see above); files people edit by hand
/// (data/penilaian/*.json written by `import`) keep them as they are.
/// `indent` starts the output at that depth (for pieces of a larger file).
std::string pretty_json(const boost::json::value& v, bool escape_html = true, int indent = 0);
/// The same for an object or array, without first copying it into a value.
std::string pretty_json(const boost::json::object& v, bool escape_html = true, int indent = 0);
std::string pretty_json(const boost::json::array& v, bool escape_html = true, int indent = 0);

}  // namespace pepgen
