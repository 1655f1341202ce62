#include "site/incremental_keys.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "render/theme.h"
#include "util/fingerprint.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

std::string hex(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::uint64_t mix(std::uint64_t seed, const std::string& s) { return fingerprint(s, seed ^ 0x9e3779b97f4a7c15ull); }

/// Every kind, name, text and flag of the tree, with lengths, so that no two
/// different trees feed the same byte sequence.
std::uint64_t hash_value(std::uint64_t h, const Value& v) {
    auto add = [&h](std::string_view s) { h = fingerprint(s, h); };  // mixes the length in too
    switch (v.kind()) {
        case Value::Kind::text:
            add("t");
            add(v.text());
            break;
        case Value::Kind::flag: add(v.flag() ? "1" : "0"); break;
        case Value::Kind::list:
            add("l" + std::to_string(v.items().size()));
            for (const auto& item : v.items()) h = hash_value(h, item);
            break;
        case Value::Kind::object:
            add("o" + std::to_string(v.fields().size()));
            for (const auto& [name, field] : v.fields()) {
                add(name);
                h = hash_value(h, field);
            }
            break;
    }
    return h;
}

}  // namespace

std::string content_key(const std::string& global, const std::string& template_name, const Value& context) {
    if (global.empty()) return {};
    return "c" + hex(hash_value(mix(mix(1469598103934665603ull, global), template_name), context));
}

std::map<std::string, std::string> template_keys(const Theme& theme) {
    std::map<std::string, std::string> keys;
    for (const auto& [name, text] : theme.sources()) keys.emplace(name, "t" + hex(fingerprint(text)));
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

InputFiles scan_inputs(const fs::path& root, const std::string& extra) {
    InputFiles in;
    std::error_code ec;
    for (const char* dir : {"content", "data", "themes"}) {
        for (auto it = fs::recursive_directory_iterator(root / dir, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            auto read = read_text_file(it->path());
            in.files[display_path(root, it->path())] = read.text ? fingerprint(*read.text) : 0;
        }
        ec.clear();
    }
    if (auto read = read_text_file(root / "pepgen.yaml"); read.text) in.files["pepgen.yaml"] = fingerprint(*read.text);
    std::uint64_t all = mix(1469598103934665603ull, extra);
    for (const auto& [path, hash] : in.files) all = mix(all, path + "=" + hex(hash));
    in.all = hex(all);
    return in;
}

InputKeys derive_keys(const InputFiles& inputs, const Data& data, const std::string& extra) {
    const auto& files = inputs.files;
    auto is_round = [](const std::string& p) { return p.rfind("data/penilaian/", 0) == 0; };
    auto is_dataset = [](const std::string& p) { return p.rfind("data/statistik/", 0) == 0; };
    // themes/<name>/templates/...: a page depends on its own templates only (Theme::template_key).
    auto is_template = [](const std::string& p) {
        if (p.rfind("themes/", 0) != 0) return false;
        const auto slash = p.find('/', 7);
        return slash != std::string::npos && p.compare(slash, 11, "/templates/") == 0;
    };
    std::uint64_t global = mix(1469598103934665603ull, extra), site = global;
    for (const auto& [path, hash] : files)
        if (!is_round(path) && !is_dataset(path)) {
            global = mix(global, path + "=" + hex(hash));
            if (path != "data/lsp.json" && !is_template(path)) site = mix(site, path + "=" + hex(hash));
        }
    std::uint64_t datasets = global;
    for (const auto& [path, hash] : files)
        if (is_dataset(path)) datasets = mix(datasets, path + "=" + hex(hash));
    InputKeys keys;
    keys.all = inputs.all;
    keys.global = "g" + hex(global);
    keys.site = "w" + hex(site);
    auto registry = files.find("data/lsp.json");
    keys.registry = "l" + hex(registry == files.end() ? 0 : registry->second);
    keys.datasets = "s" + hex(datasets);
    std::uint64_t prefix = global;
    for (const auto& round : data.rounds) {
        auto it = files.find(round.source_file);
        prefix = mix(prefix, round.source_file + "=" + hex(it == files.end() ? 0 : it->second));
        keys.round_prefix.push_back("r" + hex(prefix));
    }
    // Files in data/penilaian/ that are not rounds (a backup, a note) still count.
    std::uint64_t rounds = prefix;
    for (const auto& [path, hash] : files)
        if (is_round(path)) rounds = mix(rounds, path + "=" + hex(hash));
    keys.rounds = "a" + hex(rounds);
    return keys;
}

}  // namespace pepgen
