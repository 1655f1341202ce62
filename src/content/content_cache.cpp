#include "content/content_cache.h"

#include "util/cache_entry.h"
#include "util/files.h"
#include "util/fingerprint.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

using namespace cache_entry;

// Bumped whenever the layout below changes: an older entry is then never read.
constexpr std::string_view kMagic = "pepgen-konten-cache 1\n";

// A field added to these structs must be added to the encoding below (and the
// test beside it), or cached content would come back without it.
static_assert(sizeof(Content) == 688 && sizeof(SiteConfig) == 168 && sizeof(HomeText) == 96 &&
                  sizeof(GuidePage) == 192 && sizeof(EmbedSpec) == 176 && sizeof(Indicator) == 224 &&
                  sizeof(RubricLevel) == 72 && sizeof(Category) == 104 && sizeof(CategoryTable) == 72,
              "the content cache encodes every field of loaded content: update encode_loaded_content");

bool below_content(const std::string& path) {
    return path == "pepgen.yaml" || path == "content" || path.starts_with("content/");
}

/// Whether the content loader reads the entry at `path` when it is a file: pepgen.yaml, the two
/// pages at the top of content/, and the visible *.md directly in its three folders.
bool loader_reads(const std::string& path) {
    if (path == "pepgen.yaml" || path == "content/beranda.md" || path == "content/kamus-data.md") return true;
    for (const std::string folder : {"content/panduan/", "content/statistik/", "content/indikator/"}) {
        if (!path.starts_with(folder)) continue;
        const auto name = path.substr(folder.size());
        return !name.empty() && name.find('/') == std::string::npos && name[0] != '.' && name.ends_with(".md");
    }
    return false;
}

void put_guide(Out& out, const GuidePage& g) {
    out.text(g.slug);
    out.text(g.title);
    out.i32(g.order);
    out.text(g.summary);
    out.text(g.body_markdown);
    out.text(g.source_file);
    out.count(g.embeds.size());
    for (const auto& e : g.embeds) {
        out.text(e.dataset);
        out.i32(static_cast<int>(e.chart));
        out.text(e.label_column);
        out.count(e.value_columns.size());
        for (const auto& c : e.value_columns) out.text(c);
        out.flag(e.table);
        out.text(e.title);
        out.text(e.file);
        out.i32(e.line);
    }
}

GuidePage get_guide(In& in) {
    GuidePage g;
    g.slug = in.text();
    g.title = in.text();
    g.order = in.i32();
    g.summary = in.text();
    g.body_markdown = in.text();
    g.source_file = in.text();
    g.embeds.resize(in.count());
    for (auto& e : g.embeds) {
        e.dataset = in.text();
        const int chart = in.i32();
        if (chart < static_cast<int>(ChartKind::none) || chart > static_cast<int>(ChartKind::tile_map)) in.damaged();
        else e.chart = static_cast<ChartKind>(chart);
        e.label_column = in.text();
        e.value_columns.resize(in.count());
        for (auto& c : e.value_columns) c = in.text();
        e.table = in.flag();
        e.title = in.text();
        e.file = in.text();
        e.line = in.i32();
    }
    return g;
}

void put_indicator(Out& out, const Indicator& ind) {
    out.text(ind.code);
    out.i32(static_cast<int>(ind.group));
    out.text(ind.title);
    out.i32(ind.max_score);
    out.text(ind.summary);
    out.count(ind.rubric.size());
    for (const auto& level : ind.rubric) {
        out.i32(level.from);
        out.i32(level.to);
        out.text(level.label);
        out.text(level.criteria);
    }
    out.count(ind.evidence.size());
    for (const auto& e : ind.evidence) out.text(e);
    out.text(ind.body_markdown);
    out.text(ind.source_file);
}

Indicator get_indicator(In& in) {
    Indicator ind;
    ind.code = in.text();
    const int group = in.i32();
    if (group < static_cast<int>(Group::masukan) || group > static_cast<int>(Group::dampak)) in.damaged();
    else ind.group = static_cast<Group>(group);
    ind.title = in.text();
    ind.max_score = in.i32();
    ind.summary = in.text();
    ind.rubric.resize(in.count());
    for (auto& level : ind.rubric) {
        level.from = in.i32();
        level.to = in.i32();
        level.label = in.text();
        level.criteria = in.text();
    }
    ind.evidence.resize(in.count());
    for (auto& e : ind.evidence) e = in.text();
    ind.body_markdown = in.text();
    ind.source_file = in.text();
    return ind;
}

}  // namespace

std::string content_cache_key(std::string_view program, const std::map<std::string, std::uint64_t>& scan) {
    std::string entries;
    for (const auto& [path, hash] : scan)
        if (below_content(path)) entries += path + "=" + fingerprint_hex(hash) + "\n";
    return std::string(program) + "|" + fingerprint_hex(fingerprint(entries));
}

bool content_reads_match(const ContentReads& reads, const std::map<std::string, std::uint64_t>& scan) {
    if (reads.unreadable()) return false;
    for (const auto& [path, hash] : reads.files()) {
        const auto it = scan.find(path);
        if (it == scan.end() || it->second != hash) return false;
    }
    for (const auto& [path, hash] : scan)
        if (loader_reads(path) && !reads.files().count(path)) return false;
    return true;
}

std::string encode_loaded_content(const std::string& key, const LoadedContent& loaded) {
    const auto& c = loaded.content;
    Out out;
    out.bytes().append(kMagic);
    out.text(key);
    out.text(c.config.title);
    out.text(c.config.publisher);
    out.text(c.config.theme);
    out.text(c.config.base_url);
    out.i32(c.config.review_days);
    out.text(c.config.data_licence);
    out.text(c.home.title);
    out.text(c.home.summary);
    out.text(c.home.body_markdown);
    for (const auto* pages : {&c.guides, &c.stats_pages}) {
        out.count(pages->size());
        for (const auto& g : *pages) put_guide(out, g);
    }
    out.flag(c.data_dictionary.has_value());
    if (c.data_dictionary) put_guide(out, *c.data_dictionary);
    out.count(c.indicators.size());
    for (const auto& ind : c.indicators) put_indicator(out, ind);
    out.count(c.failed_indicators.size());
    for (const auto& code : c.failed_indicators) out.text(code);
    out.i32(c.categories.index_max);
    out.count(c.categories.categories.size());
    for (const auto& cat : c.categories.categories) {
        out.text(cat.key);
        out.text(cat.name);
        out.i32(cat.min);
        out.i32(cat.max);
        out.text(cat.condition);
    }
    out.flag(c.categories.default_scores);
    out.text(c.categories.default_scores_note);
    out.text(c.categories_file);
    put_diags(out, loaded.diags);
    return sealed(out);
}

std::optional<LoadedContent> decode_loaded_content(std::string_view bytes, const std::string& key) {
    return decode_entry<LoadedContent>(bytes, kMagic, key, [](In& in, LoadedContent& loaded) {
        auto& c = loaded.content;
        c.config.title = in.text();
        c.config.publisher = in.text();
        c.config.theme = in.text();
        c.config.base_url = in.text();
        c.config.review_days = in.i32();
        c.config.data_licence = in.text();
        c.home.title = in.text();
        c.home.summary = in.text();
        c.home.body_markdown = in.text();
        for (auto* pages : {&c.guides, &c.stats_pages}) {
            pages->resize(in.count());
            for (auto& g : *pages) g = get_guide(in);
        }
        if (in.flag()) c.data_dictionary = get_guide(in);
        c.indicators.resize(in.count());
        for (auto& ind : c.indicators) ind = get_indicator(in);
        for (auto n = in.count(); n > 0 && in.ok(); --n) c.failed_indicators.insert(in.text());
        c.categories.index_max = in.i32();
        c.categories.categories.resize(in.count());
        for (auto& cat : c.categories.categories) {
            cat.key = in.text();
            cat.name = in.text();
            cat.min = in.i32();
            cat.max = in.i32();
            cat.condition = in.text();
        }
        c.categories.default_scores = in.flag();
        c.categories.default_scores_note = in.text();
        c.categories_file = in.text();
    });
}

Content load_content_cached(const fs::path& root, Diagnostics& diags, const ContentCache& cache) {
    if (!cache.fingerprints) return load_content(root, diags);
    const auto folder = cache.file.parent_path();
    const auto key = content_cache_key(cache.program, *cache.fingerprints);
    if (cache.read) {
        if (const auto bytes = read_cache_file({folder}, cache.file)) {
            if (auto kept = decode_loaded_content(*bytes, key)) {
                diags.append(kept->diags);
                return std::move(kept->content);
            }
        }
    }
    LoadedContent loaded;
    ContentReads reads;
    loaded.content = load_content(root, loaded.diags, &reads);
    if (content_reads_match(reads, *cache.fingerprints)) write_cache_file({folder}, cache.file, encode_loaded_content(key, loaded));
    diags.append(loaded.diags);
    return std::move(loaded.content);
}

}  // namespace pepgen
