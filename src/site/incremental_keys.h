/// Fingerprints of the project's input files, and from them a key per page
/// naming exactly the inputs it depends on: a page whose key is unchanged
/// since the last build is kept as it is, without being rebuilt.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/types.h"
#include "render/value.h"

namespace pepgen {

struct InputKeys {
    std::string all;       ///< every input, the program and the options
    std::string global;    ///< everything except round files and statistics tables
    std::string datasets;  ///< global + every statistics table
    std::vector<std::string> round_prefix;  ///< global + round files 0..i (rounds in date order)
    std::string rounds;    ///< global + every round file

    /// Pages of one LSP (scorecard, history): the rounds up to its last one.
    std::string for_lsp(const std::vector<std::size_t>& history) const;
};

/// Every input file's fingerprint, and one over all of them plus `extra`
/// (options, program identity): equal to the last build's means nothing to do.
struct InputFiles {
    std::map<std::string, std::uint64_t> files;  ///< project-relative path -> fingerprint
    std::string all;
};
InputFiles scan_inputs(const std::filesystem::path& root, const std::string& extra);

/// The per-page keys, once the rounds' order is known.
InputKeys derive_keys(const InputFiles& inputs, const Data& data, const std::string& extra);

/// A page's content key: the global key (program, options, content, theme)
/// and everything its template is given. Equal keys render to equal bytes, so
/// a page whose input key changed but whose data did not needs no rendering.
std::string content_key(const std::string& global, const std::string& template_name, const Value& context);

/// Identifies this pepgen binary (version, size, modification time), so a
/// new program never reuses pages an older one made.
std::string program_identity();

}  // namespace pepgen
