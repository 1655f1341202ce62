/// Fingerprints of the project's input files, and from them a key per page
/// naming exactly the inputs it depends on: a page whose key is unchanged
/// since the last build is kept as it is, without being rebuilt.
#pragma once

#include <filesystem>
#include <map>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/types.h"
#include "render/value.h"
#include "site/input_memo.h"

namespace pepgen {

/// Value keys of the many per-LSP and per-round pages (site/page_keys.h makes them).
struct PageKeys {
    /// lsp id -> what its scorecard and its JSON file show (the LSP's record, and
    /// per round of its history: the sheet, its results as printed, the round's means)
    std::unordered_map<std::string, std::string> lsp;
    /// what the registry's list page shows: every LSP (lsp above, in the registry's order)
    std::string lsp_list;
    /// per round: what its round page, categories page and exports show
    std::vector<std::string> round;
    /// per round, per print part (ranked order)
    std::vector<std::vector<std::string>> print_parts;
    /// per indicator (catalogue order): what its page shows of the newest periodic round
    std::vector<std::string> indicators;
    /// per round, per sheet (RoundResult order): everything a row of the round's tables and
    /// downloads shows of that sheet, besides the site's inputs and `meta`
    std::vector<std::vector<std::uint64_t>> sheets;
    /// every round's name, date and kind, and which is the newest periodic one
    std::string meta;
};

struct InputKeys {
    std::string all;       ///< every input, the program and the options
    std::string global;    ///< everything except round files and statistics tables
    /// everything except round files, statistics tables, the registry and the
    /// theme's templates: what every page may read besides its own values
    std::string site;
    std::string registry;  ///< data/lsp.json
    /// The program and the build's options alone: with a page's data and its templates, all that
    /// decides its bytes (RenderPool keeps pages and parts of pages by it). Content and
    /// configuration reach a page only through its data, so an edit to a guide leaves the
    /// thousands of pages that do not show it as they are, though their input keys moved.
    std::string render;
    /// What the downloads and LSP files read besides their own values: the site's inputs outside
    /// content/ and the theme, and content/ as loaded without the guides and without the text of
    /// the statistics pages, the data dictionary and the home page, which no data file carries.
    std::string data;
    /// What the pages of records read besides their own values (scorecards, the LSP list, round,
    /// category, print and indicator pages): the same with the theme's other files and the
    /// guides' headings and links, but no guide's, statistics page's or home page's text.
    std::string records;
    std::string datasets;  ///< every statistics table (data/statistik/): all the statistics pages show besides the site
    /// theme template name -> its text with partials inlined (Theme::template_key); filled once the theme is loaded
    std::map<std::string, std::string> templates;
    PageKeys pages;        ///< filled once results are computed
};

/// Every entry below content/, data/ and themes/ as the loaders reach them: through symlinked
/// folders too (they list folders through links), each folder once, so that a link back up ends
/// there. Folders and other non-files are listed as well: a loader that meets one where it expects
/// a file refuses it, so its coming or going is a change. `via_link` marks entries reached through
/// a link (their own or a folder's), the only ones that can lead out of the project; a linked folder
/// that leads out is listed but not walked. A folder that cannot be listed makes the list incomplete.
/// The build's scan and serve's watch both use it.
struct ListedInputs {
    std::vector<std::filesystem::path> paths;
    std::vector<bool> via_link;
    std::vector<bool> folder;
    bool complete = true;
};
ListedInputs list_inputs(const std::filesystem::path& root);

/// Every input file's fingerprint, and one over all of them plus `extra`
/// (options, program identity): equal to the last build's means nothing to do.
struct InputFiles {
    std::map<std::string, std::uint64_t> files;  ///< project-relative path -> fingerprint
    std::string all;
    /// false when a folder could not be listed: files may be missing, so no key made from
    /// them may stand for the build's inputs (the build then renders every page again)
    bool complete = true;
};
/// With a memo (site/input_memo.h), a file whose stamp is as remembered is not read again,
/// and the memo is renewed with what this scan saw.
InputFiles scan_inputs(const std::filesystem::path& root, const std::string& extra, const InputMemo& memo = {});

/// The keys shared by many pages, from the input fingerprints and content/ as loaded (page_keys
/// adds each page's own values).
InputKeys derive_keys(const InputFiles& inputs, const std::string& extra, const Content& content);

class Theme;
/// Each template's key: its text with partials inlined, so a page is made
/// again when its own template, a partial it uses or the layout changes, and
/// only then.
std::map<std::string, std::string> template_keys(const Theme& theme);

/// A page's content key: `global` (InputKeys::render: the program and the options; with the
/// templates' keys, RenderPool::rendered_by) and everything its template is given. Equal keys render to equal bytes, so
/// a page whose input key changed but whose data did not needs no rendering.
std::string content_key(const std::string& global, const std::string& template_name, const Value& context);

/// Identifies this pepgen binary (version, size, modification time), so a
/// new program never reuses pages an older one made.
std::string program_identity();

}  // namespace pepgen
