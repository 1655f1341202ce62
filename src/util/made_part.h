/// One part of a file written in parts (site/writer.h write_parts): bytes made by this build,
/// or a key whose bytes the previous build's file already holds.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace pepgen {

struct MadePart {
    std::string key;                   ///< empty: made on every build
    std::optional<std::string> bytes;  ///< nothing: the previous build's file has this part under `key`
};

/// Whether the previous build's file has a part with this key (then it need not be made).
using KeptPart = std::function<bool(const std::string& key)>;

}  // namespace pepgen
