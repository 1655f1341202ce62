#include "site/incremental_keys.h"

#include <sys/stat.h>
#include <unistd.h>


#include <chrono>
#include <optional>

#include "content/content_cache.h"
#include "render/theme.h"
#include "render/value_digest.h"
#include "site/input_memo.h"
#include "util/fingerprint.h"
#include "util/files.h"
#include "util/parallel.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

std::uint64_t mix(std::uint64_t seed, const std::string& s) { return fingerprint(s, seed ^ 0x9e3779b97f4a7c15ull); }

// Seeds for what stands in for bytes: a folder, a link leading out of the project (by where it leads).
constexpr std::uint64_t kFolderSeed = 0x666f6c646572ull;
constexpr std::uint64_t kLeavesProjectSeed = 0x6f7574736964ull;

}  // namespace

ListedInputs list_inputs(const fs::path& root) {
    ListedInputs out;
    FolderVisits visits;
    for (const char* top : {"content", "data", "themes"}) {
        const auto dir = root / top;
        std::error_code ec;
        const auto top_status = fs::symlink_status(dir, ec);
        if (ec || top_status.type() == fs::file_type::not_found) continue;
        if (!fs::is_directory(fs::status(dir, ec))) {
            out.paths.push_back(dir);  // the loaders say what it is instead
            out.via_link.push_back(true);
            out.folder.push_back(false);
            continue;
        }
        if (!visits.first(dir)) continue;
        out.paths.push_back(dir);  // present, even if empty
        out.via_link.push_back(fs::is_symlink(top_status));
        out.folder.push_back(true);
        // A folder that leads out of the project is not walked: the loaders refuse all it holds, and a
        // link to a large folder elsewhere must not cost every build a walk through it.
        if (fs::is_symlink(top_status) && leaves_project(root, dir)) continue;
        // Folders reached through a link, as path prefixes: what lies below them is marked.
        std::vector<std::string> linked;
        if (fs::is_symlink(top_status)) linked.push_back(dir.string() + "/");
        auto under_link = [&](const fs::path& p) {
            const auto& text = p.native();
            for (const auto& prefix : linked)
                if (text.compare(0, prefix.size(), prefix) == 0) return true;
            return false;
        };
        fs::recursive_directory_iterator it(dir, fs::directory_options::follow_directory_symlink, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            std::error_code kind_ec;
            const bool link = it->is_symlink(kind_ec) || under_link(it->path());
            const bool folder = it->is_directory(kind_ec);
            if (folder) {
                if (!visits.first(it->path()) || (link && leaves_project(root, it->path())))
                    it.disable_recursion_pending();
                else if (it->is_symlink(kind_ec)) linked.push_back(it->path().string() + "/");
            }
            out.paths.push_back(it->path());
            out.via_link.push_back(link);
            out.folder.push_back(folder);
        }
        if (ec) out.complete = false;
    }
    return out;
}

std::string content_key(const std::string& global, const std::string& template_name, const Value& context) {
    if (global.empty()) return {};
    ValueFeed feed(mix(mix(1469598103934665603ull, global), template_name));
    feed.value(context);
    return "c" + fingerprint_hex(feed.digest());
}

std::map<std::string, std::string> template_keys(const Theme& theme) {
    std::map<std::string, std::string> keys;
    for (const auto& [name, text] : theme.sources()) keys.emplace(name, "t" + fingerprint_hex(fingerprint(text)));
    return keys;
}

std::string program_identity() {
    struct stat st {};
    std::string id = "pepgen-" PEPGEN_VERSION;
    if (::stat("/proc/self/exe", &st) == 0)
        id += "|" + std::to_string(st.st_size) + "|" + std::to_string(st.st_mtim.tv_sec) + "." +
              std::to_string(st.st_mtim.tv_nsec);
    return id;
}

InputFiles scan_inputs(const fs::path& root, const std::string& extra, const InputMemo& memo) {
    InputFiles in;
    auto listed = list_inputs(root);
    in.complete = listed.complete;
    auto& paths = listed.paths;
    auto& via_link = listed.via_link;
    auto& folder = listed.folder;
    paths.push_back(root / "pepgen.yaml");
    via_link.push_back(true);  // one path: looking costs a few system calls
    folder.push_back(false);
    std::vector<std::string> names(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) names[i] = display_path(root, paths[i]);
    // A file whose stamp is what the memo says is not read again: tens of megabytes of
    // round files at national scale, read and hashed on every core when they must be.
    const auto remembered =
        memo.file.empty() || !memo.trust ? std::unordered_map<std::string, MemoEntry>() : read_input_memo(memo.file);
    const auto now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
    const auto settled_before = now - std::chrono::duration_cast<std::chrono::nanoseconds>(memo.settle).count();
    std::vector<std::optional<std::uint64_t>> hashes(paths.size());
    std::vector<std::optional<MemoEntry>> seen(paths.size());
    for_each_index(paths.size(), [&](std::size_t i) {
        // The loaders refuse a file that leads out of the project, whatever its bytes: its fingerprint
        // names where it leads, and nothing there is read.
        if (via_link[i]) {
            if (const auto real = leaves_project(root, paths[i])) {
                hashes[i] = fingerprint(real->string(), kLeavesProjectSeed);
                return;
            }
        }
        if (folder[i]) {  // present, and nothing to read
            hashes[i] = fingerprint(names[i], kFolderSeed);
            return;
        }
        // The stamp before the bytes: a change in between leaves a stamp that no longer matches.
        struct stat st {};
        const bool stamped = ::stat(paths[i].c_str(), &st) == 0 && S_ISREG(st.st_mode);
        const auto stamp = stamped ? stamp_of(st) : FileStamp{};
        if (stamped) {
            if (auto it = remembered.find(names[i]); it != remembered.end() && it->second.stamp == stamp) {
                hashes[i] = it->second.hash;
                seen[i] = it->second;
                return;
            }
        }
        if (const auto hash = fingerprint_text_file(paths[i])) {
            hashes[i] = *hash;
            if (stamped && stamp.mtime_ns < settled_before && stamp.ctime_ns < settled_before)
                seen[i] = MemoEntry{stamp, *hashes[i]};
        }
    });
    for (std::size_t i = 0; i + 1 < paths.size(); ++i) in.files[names[i]] = hashes[i].value_or(0);
    // Absent is no input; anything else there is one (a folder named pepgen.yaml is refused by the loader).
    if (hashes.back() || entry_exists(root / "pepgen.yaml")) in.files["pepgen.yaml"] = hashes.back().value_or(0);
    std::uint64_t all = mix(1469598103934665603ull, extra);
    for (const auto& [path, hash] : in.files) all = mix(all, path + "=" + fingerprint_hex(hash));
    in.all = fingerprint_hex(all);
    if (!memo.file.empty()) {
        std::map<std::string, MemoEntry> next;
        for (std::size_t i = 0; i < paths.size(); ++i)
            if (seen[i]) next.emplace(names[i], *seen[i]);
        // Rewritten only when it would say something else.
        bool same = next.size() == remembered.size();
        for (auto it = next.begin(); same && it != next.end(); ++it) {
            const auto r = remembered.find(it->first);
            same = r != remembered.end() && r->second == it->second;
        }
        if (!same) write_input_memo(memo.file, next);
    }
    return in;
}

namespace {

bool is_round(const std::string& p) { return p.rfind("data/penilaian/", 0) == 0; }
bool is_dataset(const std::string& p) { return p.rfind("data/statistik/", 0) == 0; }
/// themes/<name>/templates/...: a page depends on its own templates only (Theme::template_key).
bool is_template(const std::string& p) {
    if (p.rfind("themes/", 0) != 0) return false;
    const auto slash = p.find('/', 7);
    return slash != std::string::npos && p.compare(slash, 11, "/templates/") == 0;
}

/// The site's inputs outside content/ (and the theme's other files, for pages), then content/
/// as loaded with its prose left out: encoded as the content cache encodes it, so that every
/// field the table, the catalogue or a guide's heading gains is covered without being named here.
std::string content_but_prose(const InputFiles& inputs, const std::string& extra, Content content, bool for_pages) {
    std::uint64_t key = mix(1469598103934665603ull, extra);
    for (const auto& [path, hash] : inputs.files) {
        const bool own_key = path.rfind("content/", 0) == 0 || is_round(path) || is_dataset(path) || path == "data/lsp.json";
        const bool theme = path.rfind("themes/", 0) == 0;
        if (!own_key && (!theme || (for_pages && !is_template(path)))) key = mix(key, path + "=" + fingerprint_hex(hash));
    }
    content.home.body_markdown.clear();
    for (auto* pages : {&content.guides, &content.stats_pages})
        for (auto& page : *pages) {
            page.body_markdown.clear();
            page.embeds.clear();
        }
    if (content.data_dictionary) {
        content.data_dictionary->body_markdown.clear();
        content.data_dictionary->embeds.clear();
    }
    // A download links to no guide: their headings go too.
    if (!for_pages) content.guides.clear();
    return fingerprint_hex(mix(key, encode_loaded_content("", LoadedContent{std::move(content), {}})));
}

}  // namespace

InputKeys derive_keys(const InputFiles& inputs, const std::string& extra, const Content& content) {
    const auto& files = inputs.files;
    std::uint64_t global = mix(1469598103934665603ull, extra), site = global, datasets = global;
    for (const auto& [path, hash] : files) {
        if (is_dataset(path)) datasets = mix(datasets, path + "=" + fingerprint_hex(hash));
        if (!is_round(path) && !is_dataset(path)) {
            global = mix(global, path + "=" + fingerprint_hex(hash));
            if (path != "data/lsp.json" && !is_template(path)) site = mix(site, path + "=" + fingerprint_hex(hash));
        }
    }
    InputKeys keys;
    keys.all = inputs.all;
    keys.global = "g" + fingerprint_hex(global);
    keys.site = "w" + fingerprint_hex(site);
    keys.render = "r" + fingerprint_hex(mix(1469598103934665603ull, extra));
    auto registry = files.find("data/lsp.json");
    keys.registry = "l" + fingerprint_hex(registry == files.end() ? 0 : registry->second);
    keys.datasets = "s" + fingerprint_hex(datasets);
    keys.data = "d" + content_but_prose(inputs, extra, content, false);
    keys.records = "e" + content_but_prose(inputs, extra, content, true);
    return keys;
}

}  // namespace pepgen
