#include "content/content_loader.h"

#include <algorithm>
#include <map>

#include "content/embeds.h"
#include "content/front_matter.h"
#include "content/yaml_load.h"
#include "util/files.h"
#include "util/fingerprint.h"
#include "util/parallel.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

/// read_input_text, noting in `reads` what was read.
std::optional<std::string> read_noted(const fs::path& root, const fs::path& path, Diagnostics& diags,
                                      ContentReads* reads) {
    auto text = read_input_text(root, path, diags);
    if (reads) reads->note(display_path(root, path), text ? std::optional<std::uint64_t>(fingerprint(*text)) : std::nullopt);
    return text;
}

std::optional<FrontMatterDoc> parse_doc(const fs::path& root, const fs::path& path, Diagnostics& diags,
                                        ContentReads* reads) {
    const auto file = display_path(root, path);
    const auto text = read_noted(root, path, diags, reads);
    if (!text) return std::nullopt;
    auto doc = split_front_matter(*text, file, diags);
    if (doc && doc->body.size() > kMaxPageBytes) {
        diags.error(file, "isi halaman terlalu panjang (" + std::to_string(doc->body.size()) + " bita; batas " +
                              std::to_string(kMaxPageBytes) + " bita); bagi menjadi beberapa halaman");
        return std::nullopt;
    }
    return doc;
}

/// Every page's file read and its front matter parsed on every core, before the pages are
/// taken in order: YAML parsing is most of the content stage. A page's messages are
/// given when it is taken, so they come in the same order as when read one by one.
class Docs {
public:
    Docs(const fs::path& root, std::vector<fs::path> paths, ContentReads* reads) : root_(root), reads_(reads) {
        std::vector<Parsed> parsed(paths.size());
        for_each_index(paths.size(),
                       [&](std::size_t i) { parsed[i].doc = parse_doc(root, paths[i], parsed[i].diags, reads); });
        for (std::size_t i = 0; i < paths.size(); ++i) parsed_.emplace(paths[i].string(), std::move(parsed[i]));
    }
    std::optional<FrontMatterDoc> read(const fs::path& path, Diagnostics& diags) {
        auto it = parsed_.find(path.string());
        if (it == parsed_.end()) return parse_doc(root_, path, diags, reads_);
        diags.append(it->second.diags);
        auto doc = std::move(it->second.doc);
        parsed_.erase(it);
        return doc;
    }

private:
    struct Parsed {
        std::optional<FrontMatterDoc> doc;
        Diagnostics diags;
    };
    fs::path root_;
    ContentReads* reads_;
    std::map<std::string, Parsed> parsed_;
};

void load_config(const fs::path& root, Content& content, Diagnostics& diags, ContentReads* reads) {
    const auto path = root / "pepgen.yaml";
    if (!entry_exists(path)) return;
    const auto file = display_path(root, path);
    const auto text = read_noted(root, path, diags, reads);
    if (!text) return;
    const auto loaded = load_yaml(*text, file, 1, "YAML", diags);
    if (!loaded) return;
    const YAML::Node& node = *loaded;
    if (node.IsNull()) return;
    if (!node.IsMap()) {
        diags.error(file, "isi berkas harus berupa pasangan 'kunci: nilai'", 1);
        return;
    }
    FieldReader r(node, file, 1, diags);
    if (auto v = r.text("judul", false)) content.config.title = *v;
    if (auto v = r.text("penerbit", false)) content.config.publisher = *v;
    if (auto v = r.text("alamat_situs", false)) {
        std::string error;
        auto url = normalize_base_url(*v, error);
        if (url) content.config.base_url = *url;
        else r.error(node, "alamat_situs: " + error);
    }
    if (auto v = r.integer("masa_tinjauan_hari", false)) {
        if (*v < 1 || *v > 365) r.error(node, "masa_tinjauan_hari harus bilangan 1..365");
        else content.config.review_days = static_cast<int>(*v);
    }
    if (auto v = r.text("lisensi_data", false)) {
        if (v->empty() || v->size() > 64 || v->find_first_of(" \t\n\"<>") != std::string::npos)
            r.error(node, "lisensi_data harus berupa kode lisensi SPDX, misalnya CC-BY-4.0 atau ODbL-1.0");
        else content.config.data_licence = *v;
    }
    if (auto v = r.text("tema", false)) {
        if (const auto problem = slug_problem(*v); !problem.empty())
            r.error(node, "nama tema '" + *v + "' " + problem);
        else
            content.config.theme = *v;
    }
}

void load_home(const fs::path& root, Content& content, Docs& docs, Diagnostics& diags) {
    const auto path = root / "content" / "beranda.md";
    content.home.title = content.config.title;
    if (!entry_exists(path)) return;
    auto doc = docs.read(path, diags);
    if (!doc) return;
    FieldReader r(doc->meta, display_path(root, path), doc->meta_line, diags);
    if (auto v = r.text("judul", false)) content.home.title = *v;
    content.home.summary = r.text("ringkasan", false).value_or("");
    content.home.body_markdown = doc->body;
}

CategoryTable read_categories(FieldReader& r) {
    CategoryTable table;
    table.index_max = r.integer("ik_maks", true).value_or(0);
    if (table.index_max < 1 || table.index_max > 100000) {
        r.error(YAML::Node(), "ik_maks harus antara 1 dan 100000");
        table.index_max = std::clamp(table.index_max, 0, 100000);
    }
    table.default_scores = r.boolean("skor_bawaan", false).value_or(false);
    table.default_scores_note = r.text("catatan_skor", false).value_or("");
    const auto list = r.map_list("kategori", true);
    if (!list.IsDefined()) return table;
    int n = 0;
    for (const auto& item : list) {
        ++n;
        if (!item.IsMap()) {
            r.error(item, "kategori ke-" + std::to_string(n) + " harus memuat kode, nama, min, maks dan kondisi");
            continue;
        }
        auto ir = r.nested(item, "kategori ke-" + std::to_string(n));
        Category c;
        c.key = ir.text("kode", true).value_or("");
        c.name = ir.text("nama", true).value_or("");
        auto min = ir.integer("min", true);
        auto max = ir.integer("maks", true);
        c.condition = ir.text("kondisi", false).value_or("");
        if (const auto problem = slug_problem(c.key); !c.key.empty() && !problem.empty())
            ir.error(item, "kode '" + c.key + "' " + problem);
        if (!min || !max) continue;
        if (*min < 0 || *max < 0 || *min > 100000 || *max > 100000) {
            ir.error(item, "min dan maks harus antara 0 dan 100000");
            continue;
        }
        c.min = *min;
        c.max = *max;
        if (c.min > c.max) {
            ir.error(item, "min " + std::to_string(c.min) + " lebih besar dari maks " + std::to_string(c.max));
            continue;
        }
        table.categories.push_back(std::move(c));
    }
    // Best first, whatever order the file lists them in.
    std::stable_sort(table.categories.begin(), table.categories.end(),
                     [](const Category& a, const Category& b) { return a.min > b.min; });
    return table;
}

/// Prose pages of one folder (content/panduan/, content/statistik/).
std::vector<GuidePage> load_pages(const fs::path& root, const std::string& folder, Content& content, Docs& docs,
                                  Diagnostics& diags) {
    std::vector<GuidePage> pages;
    for (const auto& path : list_files(root, root / "content" / folder, ".md", diags)) {
        const auto file = display_path(root, path);
        const auto slug = path.stem().string();
        if (const auto problem = slug_problem(slug); !problem.empty()) {
            diags.error(file, "nama berkas '" + slug + "' " + problem + " (nama berkas menjadi alamat halaman)");
            continue;
        }
        auto doc = docs.read(path, diags);
        if (!doc) continue;
        FieldReader r(doc->meta, file, doc->meta_line, diags);
        GuidePage page;
        page.slug = slug;
        page.source_file = file;
        page.title = r.text("judul", true).value_or(slug);
        page.order = r.integer("urutan", false).value_or(1000);
        page.summary = r.text("ringkasan", false).value_or("");
        page.body_markdown = doc->body;
        page.embeds = parse_embeds(doc->body, file, doc->body_line, diags);
        const YAML::Node& meta = doc->meta;
        if (meta["kategori"].IsDefined()) {
            if (!content.categories_file.empty()) {
                diags.error(file, "tabel kategori sudah didefinisikan di " + content.categories_file +
                                      "; hanya satu halaman boleh memuat 'kategori'");
            } else {
                content.categories = read_categories(r);
                content.categories_file = file;
            }
        }
        pages.push_back(std::move(page));
    }
    std::stable_sort(pages.begin(), pages.end(), [](const GuidePage& a, const GuidePage& b) {
        return a.order != b.order ? a.order < b.order : a.slug < b.slug;
    });
    return pages;
}

void load_indicators(const fs::path& root, Content& content, Docs& docs, Diagnostics& diags) {
    const auto dir = root / "content" / "indikator";
    for (const auto& path : list_files(root, dir, ".md", diags)) {
        const auto file = display_path(root, path);
        auto doc = docs.read(path, diags);
        if (!doc) {
            content.failed_indicators.insert(path.stem().string());
            continue;
        }
        FieldReader r(doc->meta, file, doc->meta_line, diags);
        Indicator ind;
        ind.source_file = file;
        ind.code = r.text("kode", true).value_or("");
        const auto group = r.text("kelompok", true);
        ind.title = r.text("judul", true).value_or("");
        const auto max = r.integer("skor_maks", true);
        ind.summary = r.text("ringkasan", false).value_or("");
        ind.evidence = r.text_list("bukti", false);
        ind.body_markdown = doc->body;
        bool ok = !ind.code.empty() && group && max;
        if (!ind.code.empty() && path.stem().string() != ind.code) {
            r.error(doc->meta, "kode '" + ind.code + "' tidak sama dengan nama berkas '" + path.filename().string() +
                                   "'; beri nama berkas <KODE>.md");
            ok = false;
        }
        if (group) {
            if (auto g = group_from_key(*group)) {
                ind.group = *g;
                const std::string prefix = group_info(*g).prefix;
                if (!ind.code.empty() && ind.code.rfind(prefix, 0) != 0) {
                    r.error(doc->meta, "kode '" + ind.code + "' tidak sesuai kelompok '" + *group +
                                           "' (kode kelompok ini diawali '" + prefix + "')");
                    ok = false;
                }
            } else {
                r.error(doc->meta, "kelompok '" + *group +
                                       "' tidak dikenal; pilih masukan, proses, keluaran, hasil atau dampak");
                ok = false;
            }
        }
        if (max) {
            if (*max <= 0 || *max > 1000) {
                r.error(doc->meta, "skor_maks " + std::to_string(*max) + " harus antara 1 dan 1000");
                ok = false;
            } else {
                ind.max_score = *max;
            }
        }
        const auto levels = r.map_list("rubrik", false);
        if (levels.IsDefined()) {
            int n = 0;
            for (const auto& item : levels) {
                ++n;
                auto ir = r.nested(item, "rubrik tingkat ke-" + std::to_string(n));
                if (!item.IsMap()) {
                    ir.error(item, "harus memuat dari, sampai, label dan kriteria");
                    continue;
                }
                RubricLevel level;
                auto from = ir.integer("dari", true);
                auto to = ir.integer("sampai", true);
                level.label = ir.text("label", false).value_or("");
                level.criteria = ir.text("kriteria", true).value_or("");
                if (!from || !to) continue;
                if (*from < 0 || *to < 0 || *from > 1000 || *to > 1000) {
                    ir.error(item, "dari dan sampai harus antara 0 dan 1000");
                    continue;
                }
                level.from = *from;
                level.to = *to;
                ind.rubric.push_back(std::move(level));
            }
        }
        if (ok) {
            content.indicators.push_back(std::move(ind));
        } else {
            content.failed_indicators.insert(path.stem().string());
            if (!ind.code.empty()) content.failed_indicators.insert(ind.code);
        }
    }
    std::stable_sort(content.indicators.begin(), content.indicators.end(),
                     [](const Indicator& a, const Indicator& b) {
                         return a.group != b.group ? a.group < b.group : a.code < b.code;
                     });
}

}  // namespace

void ContentReads::note(std::string file, std::optional<std::uint64_t> bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!bytes) unreadable_ = true;
    else files_[std::move(file)] = *bytes;
}

Content load_content(const fs::path& root, Diagnostics& diags, ContentReads* reads) {
    Content content;
    std::vector<fs::path> pages;
    for (const char* file : {"beranda.md", "kamus-data.md"})
        if (entry_exists(root / "content" / file)) pages.push_back(root / "content" / file);
    for (const char* folder : {"panduan", "statistik", "indikator"}) {
        Diagnostics ignored;  // given again when each folder is listed in turn below
        for (auto& path : list_files(root, root / "content" / folder, ".md", ignored)) pages.push_back(std::move(path));
    }
    Docs docs(root, std::move(pages), reads);
    load_config(root, content, diags, reads);
    load_home(root, content, docs, diags);
    content.guides = load_pages(root, "panduan", content, docs, diags);
    content.stats_pages = load_pages(root, "statistik", content, docs, diags);
    if (entry_exists(root / "content" / "kamus-data.md")) {
        const auto path = root / "content" / "kamus-data.md";
        if (auto doc = docs.read(path, diags)) {
            GuidePage page;
            page.slug = "kamus-data";
            page.source_file = display_path(root, path);
            FieldReader r(doc->meta, page.source_file, doc->meta_line, diags);
            page.title = r.text("judul", false).value_or("Kamus data");
            page.body_markdown = doc->body;
            page.embeds = parse_embeds(doc->body, page.source_file, doc->body_line, diags);
            content.data_dictionary = std::move(page);
        }
    }
    load_indicators(root, content, docs, diags);
    if (content.categories_file.empty())
        diags.error("content/panduan", "tabel kategori tidak ditemukan: satu halaman panduan harus memuat "
                                       "'ik_maks' dan 'kategori' di front matter-nya");
    return content;
}

}  // namespace pepgen
