/// Where a large file goes part by part as it is made (SiteWriter::write_streamed): a part the
/// previous build's file holds under the same key is copied from it instead of made again.
#pragma once

#include <string>
#include <string_view>

namespace pepgen {

class PartStream {
public:
    virtual ~PartStream() = default;
    /// Puts the previous build's part with this key next in the file; false, with nothing
    /// written, when that file has none (or is not as pepgen left it): the caller then makes
    /// the part and adds it. An empty key is never kept.
    virtual bool keep(const std::string& key) = 0;
    /// Puts bytes made now next in the file, under `key` (empty: made on every build).
    virtual void add(const std::string& key, std::string_view bytes) = 0;
};

}  // namespace pepgen
