/// One part of a large download made in parts (data/semua.json): the planner
/// gives each part a key, and the writer copies a part whose key the last
/// build also wrote from that build's file instead of making it again.
#pragma once

#include <functional>
#include <string>

namespace pepgen {

struct FilePart {
    std::string key;  ///< what the part's bytes depend on; empty: always made
    std::function<std::string()> make;
};

}  // namespace pepgen
