#include "content/embeds.h"

#include "content/front_matter.h"
#include "content/yaml_load.h"
#include "format/markdown_parse.h"
#include "util/text.h"

namespace pepgen {

namespace {

std::optional<ChartKind> chart_kind(const std::string& s) {
    if (s == "batang") return ChartKind::bar;
    if (s == "batang-bertumpuk") return ChartKind::stacked_bar;
    if (s == "garis") return ChartKind::line;
    if (s == "peta") return ChartKind::tile_map;
    if (s == "tidak" || s == "tidak-ada") return ChartKind::none;
    return std::nullopt;
}

}  // namespace

std::vector<EmbedSpec> parse_embeds(const std::string& markdown, const std::string& file, int body_line,
                                    Diagnostics& diags) {
    std::vector<EmbedSpec> out;
    for (const auto& block : find_embed_blocks(markdown)) {
        EmbedSpec spec;
        spec.file = file;
        spec.line = body_line + block.line - 1;
        auto loaded = load_yaml(block.body, file, spec.line + 1, "blok statistik: YAML", diags);
        if (!loaded) {
            out.push_back(spec);
            continue;
        }
        YAML::Node node = std::move(*loaded);
        if (!node.IsMap()) {
            diags.error(file, "blok statistik harus berisi pasangan 'kunci: nilai', sedikitnya 'data: <id>'", spec.line);
            out.push_back(spec);
            continue;
        }
        FieldReader r(node, file, spec.line + 1, diags, "blok statistik");
        spec.dataset = r.text("data", true).value_or("");
        if (auto g = r.text("grafik", false)) {
            if (auto k = chart_kind(*g)) spec.chart = *k;
            else r.error(node, "grafik '" + *g + "' tidak dikenal; pilih batang, batang-bertumpuk, garis, peta atau tidak");
        }
        spec.label_column = r.text("label", false).value_or("");
        const YAML::Node& cnode = node;
        if (cnode["nilai"].IsDefined() && cnode["nilai"].IsScalar()) spec.value_columns = {cnode["nilai"].Scalar()};
        else spec.value_columns = r.text_list("nilai", false);
        spec.table = r.boolean("tabel", false).value_or(true);
        spec.title = r.text("judul", false).value_or("");
        for (auto it = node.begin(); it != node.end(); ++it)
            if (it->first.IsScalar()) {
                const auto k = it->first.Scalar();
                if (k != "data" && k != "grafik" && k != "label" && k != "nilai" && k != "tabel" && k != "judul")
                    r.error(it->first, "pilihan '" + k + "' tidak dikenal; yang tersedia: data, grafik, label, nilai, tabel, judul");
            }
        out.push_back(spec);
    }
    return out;
}

}  // namespace pepgen
