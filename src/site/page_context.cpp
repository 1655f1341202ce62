#include "site/page_context.h"

#include <algorithm>
#include <set>

#include "format/indonesian.h"
#include "render/value_digest.h"
#include "util/text.h"

namespace pepgen {

SiteModel::SiteModel(const Content& c, const Data& d, const Results& r,
                     const std::map<std::string, DatasetCheck>& checks)
    : content(c), data(d), results(r), stat_checks(checks), base_url(c.config.base_url) {
    for (const auto& lsp : d.lsps) lsp_by_id[lsp.id] = &lsp;
    sheet_lsp.resize(d.rounds.size());
    for (const auto& rr : r.rounds) {
        if (rr.round >= sheet_lsp.size()) continue;
        auto& joined = sheet_lsp[rr.round];
        joined.reserve(rr.sheets.size());
        for (const auto& s : rr.sheets) {
            const auto it = lsp_by_id.find(s.lsp_id);
            joined.push_back(it == lsp_by_id.end() ? nullptr : it->second);
        }
    }
    for (const auto& ind : c.indicators) indicator_by_code[ind.code] = &ind;
    for (const auto& ds : d.datasets) dataset_by_id[ds.id] = &ds;
    const auto& cats = c.categories.categories;
    for (std::size_t i = 0; i < cats.size(); ++i)
        badges.push_back(Value::shared(Value()
                                           .set("name", cats[i].name)
                                           .set("key", cats[i].key)
                                           .set("css", "cat-" + std::to_string(i))
                                           .set("range", range_text(cats[i].min, cats[i].max))
                                           .set("condition", cats[i].condition)
                                           .set("complete", true)));
    badges.push_back(Value::shared(
        Value().set("name", "Belum lengkap").set("key", "belum-lengkap").set("css", "cat-none").set("complete", false)));
    badges.push_back(Value::shared(
        Value().set("name", "Tanpa kategori").set("key", "tanpa-kategori").set("css", "cat-none").set("complete", true)));
}

const Lsp* SiteModel::registered(const RoundResult& rr, const SheetResult& s) const {
    const std::less<const SheetResult*> before;
    const auto* first = rr.sheets.data();
    if (rr.round < sheet_lsp.size() && !before(&s, first) && before(&s, first + rr.sheets.size())) {
        const auto k = static_cast<std::size_t>(&s - first);
        if (k < sheet_lsp[rr.round].size()) return sheet_lsp[rr.round][k];
    }
    const auto it = lsp_by_id.find(s.lsp_id);
    return it == lsp_by_id.end() ? nullptr : it->second;
}

const Lsp& SiteModel::lsp_of(const RoundResult& rr, const SheetResult& s) const {
    if (const auto* lsp = registered(rr, s)) return *lsp;
    throw std::out_of_range("LSP tidak terdaftar: " + s.lsp_id);
}

Links::Links(const std::string& page_path) {
    const auto depth = std::count(page_path.begin(), page_path.end(), '/');
    for (long i = 0; i < depth; ++i) root_ += "../";
}

std::string Links::indicator(const std::string& code) const {
    return root_ + "indikator/" + to_lower_ascii(code) + "/index.html";
}

std::string canonical_url(const std::string& base_url, const std::string& page_path) {
    std::string path = page_path;
    if (path == "index.html") path.clear();
    else if (path.size() > 11 && path.compare(path.size() - 11, 11, "/index.html") == 0) path.resize(path.size() - 10);
    return base_url + path;
}

Value base_context(const SiteModel& model, const std::string& page_path, const std::string& title,
                            const std::string& section, const std::string& description, const Links* links_override) {
    const Links links = links_override ? *links_override : Links(page_path);
    static const std::vector<std::pair<std::string, std::string>> nav = {
        {"", "Beranda"},          {"panduan", "Panduan"},     {"indikator", "Indikator"},
        {"lsp", "Daftar LSP"},    {"kategori", "Kategori"},   {"penilaian", "Penilaian"},
        {"statistik", "Statistik"},
    };
    std::vector<Value> items;
    for (const auto& [dir, label] : nav) {
        Value item;
        item.set("label", label).set("href", dir.empty() ? links.home() : links.section(dir));
        item.set("current", dir.empty() ? section == "beranda" : dir == section);
        items.push_back(std::move(item));
    }
    Value ctx;
    ctx.set("site_title", model.content.config.title);
    ctx.set("site_publisher", model.content.config.publisher);
    ctx.set("page_title", title);
    ctx.set("is_home", page_path == "index.html");
    ctx.set("description", description);
    ctx.set("root", links.root());
    ctx.set("home_href", links.home());
    ctx.set("css_href", links.asset("style.css"));
    ctx.set("nav", Value::list(std::move(items)));
    ctx.set("feed_href", links.feed());
    ctx.set("search_href", links.section("cari"));
    ctx.set("js_href", links.asset("situs.js"));
    ctx.set("example_data", model.data.meta.example_data);
    // The example flag covers the LSP evaluation data; the statistics pages
    // quote a real source, so their banner says which part is fictional.
    ctx.set("example_note", section == "statistik"
                                ? "Data penilaian LSP di situs ini adalah data contoh. Angka di bagian statistik "
                                  "ini dikutip dari sumber yang disebutkan pada setiap tabel."
                                : model.data.meta.note);
    ctx.set("canonical", model.base_url.empty() ? Value(false) : Value(canonical_url(model.base_url, page_path)));
    // A draft round's pages replace these (publication_context.h): banner and noindex.
    ctx.set("draft", false);
    ctx.set("errata_href", links.root() + "ralat/index.html");
    ctx.set("downloads_href", links.section("unduh"));
    return ctx;
}

Value filter_context(const SiteModel& model, bool with_category) {
    std::set<std::string> provinces, types;
    for (const auto& l : model.data.lsps) {
        provinces.insert(l.province);
        types.insert(l.type);
    }
    std::vector<Value> p, t, c;
    for (const auto& s : provinces) p.push_back(Value(s));
    for (const auto& s : types) t.push_back(Value(s));
    for (const auto& cat : model.content.categories.categories) c.push_back(Value().set("key", cat.key).set("name", cat.name));
    c.push_back(Value().set("key", "belum-lengkap").set("name", "Belum lengkap"));
    c.push_back(Value().set("key", "belum-dinilai").set("name", "Belum dinilai"));
    Value f;
    f.set("provinces", Value::list(std::move(p))).set("types", Value::list(std::move(t))).set("categories", Value::list(std::move(c))).set("with_category", with_category);
    return f;
}

Value crumbs(const std::vector<std::pair<std::string, std::string>>& items) {
    std::vector<Value> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Value c;
        c.set("label", items[i].first).set("href", items[i].second).set("last", i + 1 == items.size());
        out.push_back(std::move(c));
    }
    return Value::list(std::move(out));
}

std::string range_text(int from, int to) { return std::to_string(from) + "\u2013" + std::to_string(to); }

Value category_badge(const SiteModel& model, const SheetResult& s) {
    const auto n = model.content.categories.categories.size();
    const auto at = !s.complete ? n : !s.category ? n + 1 : *s.category;
    return at < model.badges.size() ? model.badges[at] : Value(false);
}

std::uint64_t row_key_context(const SiteModel& model, const Links& links) {
    ValueFeed around(0);
    around.text(model.keys.pages.meta);
    around.text(links.root());
    for (const auto& badge : model.badges) around.value(badge);
    return around.digest();
}

std::vector<const SheetResult*> ranked_sheets(const SiteModel&, const RoundResult& rr) {
    std::vector<const SheetResult*> out;
    out.reserve(rr.ranked.size());
    for (auto at : rr.ranked) out.push_back(&rr.sheets[at]);
    return out;
}

std::string ik_text(const SheetResult& s) { return s.ik ? format_int(*s.ik) : "belum lengkap"; }

std::string indicator_percent_text(const SiteModel& model, std::size_t k, std::optional<int> score) {
    const auto p = model.results.percent(k, score);
    return p ? format_percent(*p, 1) : std::string("\u2013");
}

std::string rank_text(const SheetResult& s, const RoundResult& rr) {
    if (!s.rank) return "\u2013";
    return format_int(*s.rank) + " dari " + format_int(rr.complete_count);
}

std::string kind_label(RoundKind kind) { return kind == RoundKind::rutin ? "Rutin (periodik)" : "Insidental"; }

std::string change_text(const SiteModel& model, const SheetResult& s) {
    if (!s.complete) return "\u2013";
    if (!s.previous_round || !s.delta) return "penilaian pertama";
    std::string out = format_signed(*s.delta) + " dibanding " + model.data.rounds[*s.previous_round].period;
    switch (s.move) {
        case Move::up: out += ", naik kategori"; break;
        case Move::down: out += ", turun kategori"; break;
        case Move::same: out += ", kategori tetap"; break;
        case Move::none: break;
    }
    return out;
}

}  // namespace pepgen
