// front_matter_fuzz: one Markdown file's text, as content/ files are read.
//
//   split_front_matter -> FieldReader (text/integer/boolean/text_list/map_list,
//   nested readers over list items) -> parse_embeds -> render_markdown (with and
//   without an embed renderer), render_markdown_inline, markdown_plain_text.
//
// The loaders refuse files that are not UTF-8 (or hold NUL) before splitting,
// so split_front_matter/parse_embeds only see such text. The Markdown
// renderers get the raw bytes as well: YAML escapes ("\0", "\x85", ...) put
// arbitrary code points into criteria and evidence that reach them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "content/embeds.h"
#include "content/front_matter.h"
#include "util/diagnostic.h"
#include "model/types.h"
#include "format/markdown_parse.h"
#include "render/markdown.h"
#include "util/text.h"

using namespace pepgen;

namespace {

constexpr std::size_t kMaxKeys = 48;
constexpr std::size_t kMaxItems = 48;

const char* const kKnownKeys[] = {
    // indicators
    "kode", "kelompok", "judul", "skor_maks", "ringkasan", "rubrik", "bukti",
    // guidance pages and the category table
    "urutan", "ik_maks", "skor_bawaan", "catatan_skor", "kategori",
    // pepgen.yaml
    "penerbit", "alamat_situs", "tema",
};
const char* const kItemKeys[] = {"dari", "sampai", "label", "kriteria", "kode", "nama", "min", "maks", "kondisi"};

void read_every_way(FieldReader& r, const std::string& key, bool required) {
    (void)r.text(key, required);
    (void)r.integer(key, required);
    (void)r.boolean(key, required);
    (void)r.text_list(key, required);
    const YAML::Node list = r.map_list(key, required);
    if (!list.IsDefined()) return;
    std::size_t n = 0;
    for (const auto& item : list) {
        if (++n > kMaxItems) break;
        auto ir = r.nested(item, "butir ke-" + std::to_string(n));
        (void)ir.line_of(item);
        if (!item.IsMap()) {
            ir.error(item, "harus berupa pasangan kunci: nilai");
            continue;
        }
        for (const char* k : kItemKeys) {
            (void)ir.text(k, n % 2 == 0);
            (void)ir.integer(k, n % 2 == 1);
            (void)ir.boolean(k, false);
        }
    }
}

void read_fields(const FrontMatterDoc& doc, Diagnostics& diags) {
    FieldReader r(doc.meta, "x.md", doc.meta_line, diags);
    std::vector<std::string> keys(std::begin(kKnownKeys), std::end(kKnownKeys));
    const YAML::Node& meta = doc.meta;  // const: iteration and look-ups never insert
    for (auto it = meta.begin(); it != meta.end() && keys.size() < kMaxKeys; ++it)
        if (it->first.IsScalar()) keys.push_back(it->first.Scalar());
    bool required = false;
    for (const auto& k : keys) {
        read_every_way(r, k, required);
        required = !required;
    }
    (void)r.line_of(doc.meta);
    (void)group_from_key(r.text("kelompok", false).value_or(""));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    Diagnostics diags;
    std::string body = text;
    if (is_valid_utf8(text)) {
        if (auto doc = split_front_matter(text, "x.md", diags)) {
            read_fields(*doc, diags);
            body = doc->body;
            const auto specs = parse_embeds(doc->body, "x.md", doc->body_line, diags);
            (void)specs;
        } else {
            (void)parse_embeds(text, "x.md", 1, diags);
        }
    }
    (void)render_markdown(body);
    // A body is cut once per embed block, and no cut marker is ever left in it.
    const auto parts = render_markdown_parts(body);
    if (parts.size() != find_embed_blocks(body).size() + 1) std::abort();
    for (const auto& part : parts)
        if (part.find("PEPGEN-SEMAT-") != std::string::npos && body.find("PEPGEN-SEMAT-") == std::string::npos) std::abort();
    (void)render_markdown_inline(body);
    (void)markdown_plain_text(body);
    (void)find_embed_blocks(body);
    for (const auto& d : diags.items()) (void)Diagnostics::format(d);
    return 0;
}
