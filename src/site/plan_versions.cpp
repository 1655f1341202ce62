// Earlier versions stay: every data file as each release published it, at
// data/versi/<rilis>/…, whenever its bytes differ from the release before;
// SHA256SUMS over all of them, and datapackage.json (Frictionless Data
// Package) describing the newest release's files at their stable addresses.
#include "site/plan_versions.h"

#include "format/csv.h"
#include "format/indonesian.h"
#include "format/json_pretty.h"
#include "site/page_context.h"

namespace json = boost::json;

namespace pepgen {

namespace {

const char* licence_title(const std::string& id) {
    if (id == "CC-BY-4.0") return "Creative Commons Attribution 4.0 International";
    if (id == "CC0-1.0") return "Creative Commons Zero v1.0 Universal";
    if (id == "CC-BY-SA-4.0") return "Creative Commons Attribution Share Alike 4.0 International";
    if (id == "ODbL-1.0") return "Open Data Commons Open Database License v1.0";
    if (id == "PDDL-1.0") return "Open Data Commons Public Domain Dedication & License 1.0";
    return nullptr;
}

/// A CSV version's own header, as Table Schema fields: the columns of that
/// version, whatever the program writes today.
json::array csv_fields(const std::string& bytes, const std::vector<Indicator>& catalogue) {
    std::string head = bytes.substr(0, bytes.find('\n'));
    if (head.rfind(kUtf8Bom, 0) == 0) head.erase(0, 3);
    if (!head.empty() && head.back() == '\r') head.pop_back();
    json::array fields;
    std::size_t start = 0;
    while (start <= head.size()) {
        auto end = head.find(';', start);
        if (end == std::string::npos) end = head.size();
        std::string name = head.substr(start, end - start);
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
        bool integer = name == "ik" || name == "peringkat" || name == "perubahan_ik";
        for (const auto& ind : catalogue) integer = integer || name == ind.code;
        fields.push_back(json::object{{"name", name}, {"type", integer ? "integer" : "string"}});
        start = end + 1;
    }
    return fields;
}

std::string resource_name(const std::string& path) {
    std::string out;
    for (char c : path.substr(5)) out += (c == '/' || c == '.') ? '-' : c;  // drop "data/"
    return out;
}

}  // namespace

std::vector<FileVersion> file_versions(const Ledger& ledger) {
    std::vector<FileVersion> out;
    const std::map<std::string, std::string>* previous = nullptr;
    for (const auto& r : ledger.releases) {
        for (const auto& [path, hash] : r.files) {
            if (previous) {
                auto it = previous->find(path);
                if (it != previous->end() && it->second == hash) continue;
            }
            auto blob = ledger.archive.find(hash);
            FileVersion v;
            v.path = path;
            v.release = r.number;
            v.sha256 = hash;
            v.bytes = blob == ledger.archive.end() ? 0 : blob->second.size();
            v.versioned_path = "data/versi/" + std::to_string(r.number) + "/" + path.substr(5);
            out.push_back(std::move(v));
        }
        if (previous)
            for (const auto& [path, hash] : *previous)
                if (!r.files.count(path)) {
                    FileVersion v;
                    v.path = path;
                    v.release = r.number;
                    v.removed = true;
                    out.push_back(std::move(v));
                }
        previous = &r.files;
    }
    return out;
}

void plan_versions(const SiteModel& model, SitePlan& plan) {
    const auto& ledger = model.data.ledger;
    const auto* latest = ledger.latest();
    if (!latest) return;
    const auto versions = file_versions(ledger);
    std::string sums;
    std::map<std::string, const FileVersion*> current;  // path -> the version the newest release carries
    for (const auto& v : versions) {
        if (v.removed) {
            current.erase(v.path);
            continue;
        }
        auto blob = ledger.archive.find(v.sha256);
        if (blob == ledger.archive.end()) continue;  // the loader has reported it
        current[v.path] = &v;
        const auto& bytes = blob->second;
        const auto key = model.keys.global.empty() ? std::string() : "v" + v.sha256;
        if (!plan.unchanged(v.versioned_path, key, false)) plan.file(v.versioned_path, bytes, key);
        sums += v.sha256 + "  " + v.versioned_path + "\n";
    }
    plan.file("SHA256SUMS", sums);

    const auto& config = model.content.config;
    json::object pkg;
    pkg["profile"] = "data-package";
    pkg["name"] = "kinerja-lsp-konstruksi";
    pkg["title"] = config.title;
    pkg["description"] =
        "Hasil PEP Bersama LSP terlisensi bidang jasa konstruksi sebagaimana diterbitkan pada rilis " +
        std::to_string(latest->number) + " (" + format_date(latest->date) +
        "). Setiap sumber menunjuk versi berkas yang tidak pernah diubah; arti setiap kolom ada di kamus data "
        "(unduh/index.html).";
    pkg["version"] = std::to_string(latest->number) + ".0.0";
    pkg["created"] = latest->date + "T00:00:00Z";
    if (!model.base_url.empty()) pkg["homepage"] = model.base_url;
    json::object licence{{"name", config.data_licence}};
    if (const char* t = licence_title(config.data_licence)) licence["title"] = t;
    pkg["licenses"] = json::array{licence};
    pkg["contributors"] = json::array{json::object{{"title", config.publisher}, {"role", "publisher"}}};
    pkg["sitasi"] = config.publisher + ". " + config.title + ", rilis " + std::to_string(latest->number) + " (" +
                    format_date(latest->date) + "). " +
                    (model.base_url.empty() ? std::string() : model.base_url) +
                    "datapackage.json. Kutip berkas tertentu dengan alamat versinya (data/versi/…) dan SHA-256-nya.";
    json::array resources;
    for (const auto& [path, v] : current) {
        const bool csv = path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
        json::object res;
        res["name"] = resource_name(path);
        res["path"] = v->versioned_path;
        res["format"] = csv ? "csv" : "json";
        res["mediatype"] = csv ? "text/csv" : "application/json";
        res["encoding"] = "utf-8";
        res["bytes"] = v->bytes;
        res["hash"] = "sha256:" + v->sha256;
        res["rilis"] = v->release;
        if (csv) {
            res["profile"] = "tabular-data-resource";
            res["dialect"] = json::object{{"delimiter", ";"}, {"header", true}};
            res["schema"] = json::object{{"fields", csv_fields(ledger.archive.find(v->sha256)->second, model.content.indicators)}};
        } else {
            res["profile"] = "data-resource";
        }
        resources.push_back(std::move(res));
    }
    pkg["resources"] = std::move(resources);
    plan.file("datapackage.json", pretty_json(pkg));
}

}  // namespace pepgen
