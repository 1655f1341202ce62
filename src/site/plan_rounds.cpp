// Round pages (every LSP's result in one evaluation round), the list of
// rounds, and category tables per round; kategori/ shows the newest periodic round.
#include <algorithm>
#include <memory>
#include <mutex>

#include "format/indonesian.h"
#include "render/value_digest.h"
#include "site/page_context.h"
#include "site/page_keys.h"
#include "site/publication_context.h"
#include "scoring/schedule.h"
#include "site/round_charts.h"

namespace pepgen {

namespace {

Value result_row(const SiteModel& model, const RoundResult& rr, const SheetResult& s, const Links& links) {
    const auto& lsp = model.lsp_of(rr, s);
    auto r = Value::object(18);
    r.set("name", lsp.name)
        .set("id", lsp.id)
        .set("href", links.lsp(lsp.id))
        .set("type", lsp.type)
        .set("province", lsp.province)
        .set("ik", ik_text(s))
        .set("category", category_badge(model, s))
        .set("rank", s.rank ? format_int(*s.rank) : std::string("\u2013"))
        .set("rank_full", rank_text(s, rr))
        .set("change", change_text(model, s))
        .set("up", s.move == Move::up)
        .set("down", s.move == Move::down)
        .set("complete", s.complete)
        .set("delta", s.delta ? std::to_string(*s.delta) : std::string());
    const auto& round = model.data.rounds[rr.round];
    const auto* sp = model.results.publication.sheet(round.period, s.lsp_id);
    r.set("corrected", sp && !sp->corrections.empty());
    bool open = false;
    for (const auto& d : source_sheet(model.data, rr, s).disputes) open = open || d.status == "terbuka";
    r.set("dispute_open", open);
    std::string missing;
    for (const auto& m : s.missing) missing += (missing.empty() ? "" : ", ") + m;
    r.set("missing", missing);
    std::vector<Value> groups;
    for (const auto& gs : s.groups)
        groups.push_back(Value::object(1).set("percent", gs.complete ? format_percent(gs.percent, 1) : std::string("\u2013")));
    r.set("groups", Value::list(std::move(groups)));
    return r;
}

/// A round's table rows, made once for its round page and its category page by whichever
/// of the two is made first: at national scale building them is half of each page's work.
/// Both pages lie two folders deep, so the rows' links read the same from either.
struct SharedRows {
    std::string page;  ///< a page of the depth the rows are made for: their links are relative to it
    std::string root;  ///< Links(page).root()
    std::once_flag made;
    std::vector<Value> by_sheet;  ///< one per RoundResult::sheets entry, in that order
};

/// A round's table rows for one page, in listing order (ranked_sheets), made when read. Read whole
/// (a page rendered whole), they come from `shared` when it is given. A page made in parts keys
/// each row by its sheet's digest (PageKeys::sheets) and makes only the rows it renders.
class TableRows final : public LazyItems {
public:
    TableRows(const SiteModel& model, const RoundResult& rr, const std::string& page, std::shared_ptr<SharedRows> shared,
              const std::function<bool(const SheetResult&)>& wanted)
        : model_(model), rr_(rr), links_(page), shared_(std::move(shared)) {
        for (const auto at : rr.ranked)
            if (wanted(rr.sheets[at])) sheets_.push_back(at);
        const auto& keys = model.keys.pages.sheets;
        if (rr.round < keys.size() && keys[rr.round].size() == rr.sheets.size()) {
            sheet_keys_ = &keys[rr.round];
            // A change names the round compared with; the badge names the category.
            context_ = row_key_context(model, links_);
        }
    }
    std::size_t size() const override { return sheets_.size(); }
    Value make(std::size_t i) const override { return result_row(model_, rr_, rr_.sheets[sheets_[i]], links_); }
    std::vector<Value> make_all() const override {
        if (!shared_) return LazyItems::make_all();
        std::vector<Value> rows;
        rows.reserve(sheets_.size());
        std::call_once(shared_->made, [&] {
            const Links at(shared_->page);
            shared_->by_sheet.reserve(rr_.sheets.size());
            for (const auto& s : rr_.sheets) shared_->by_sheet.push_back(Value::shared(result_row(model_, rr_, s, at)));
        });
        // A row's only link is to its LSP's scorecard: a page at another depth lays its own over the shared row.
        const bool same_depth = shared_->root == links_.root();
        for (const auto at : sheets_) {
            const auto& row = shared_->by_sheet[at];
            rows.push_back(same_depth ? row : Value::over(row).set("href", links_.lsp(rr_.sheets[at].lsp_id)));
        }
        return rows;
    }
    bool keyed() const override { return sheet_keys_ != nullptr; }
    std::uint64_t key(std::size_t i) const override {
        ValueFeed feed(context_);
        feed.number((*sheet_keys_)[sheets_[i]]);
        return feed.digest();
    }

private:
    const SiteModel& model_;
    const RoundResult& rr_;
    const Links links_;
    std::shared_ptr<SharedRows> shared_;
    std::vector<std::size_t> sheets_;  ///< positions in rr.sheets, in listing order
    const std::vector<std::uint64_t>* sheet_keys_ = nullptr;
    std::uint64_t context_ = 0;
};

/// The rows of `rr` that `wanted` takes, for the page at `page`, as a list made when read (TableRows).
Value table_rows(const SiteModel& model, const RoundResult& rr, const std::string& page,
                 std::shared_ptr<SharedRows> shared, const std::function<bool(const SheetResult&)>& wanted) {
    return Value::lazy(std::make_shared<TableRows>(model, rr, page, std::move(shared), wanted));
}

Value round_selector(const SiteModel& model, std::size_t current, const Links& links, bool categories) {
    std::vector<Value> items;
    for (std::size_t i = model.data.rounds.size(); i-- > 0;) {
        const auto& round = model.data.rounds[i];
        Value it;
        it.set("title", round.title)
            .set("period", round.period)
            .set("href", categories ? links.categories(round.period) : links.round(round.period))
            .set("current", i == current);
        items.push_back(std::move(it));
    }
    return Value::list(std::move(items));
}

Value round_header(const SiteModel& model, std::size_t index, const Links& links) {
    const auto& round = model.data.rounds[index];
    Value h;
    h.set("title", round.title);
    h.set("period", round.period);
    h.set("kind", kind_label(round.kind));
    h.set("incidental", round.kind == RoundKind::insidental);
    h.set("date", format_date(round.date));
    h.set("source", round.source_file);
    h.set("href", links.round(round.period));
    h.set("categories_href", links.categories(round.period));
    h.set("export_href", links.export_json(round.period));
    h.set("csv_href", links.round_csv(round.period));
    h.set("print_href", links.print(round.period));
    h.set("draft", round.draft);
    h.set("publication", round_publication(model, round, links));
    h.set("ledger_used", !model.data.ledger.releases.empty());
    std::vector<Value> team;
    for (const auto& m : round.team)
        team.push_back(Value().set("name", m.name).set("agency", m.agency).set("has_agency", !m.agency.empty()));
    h.set("team", Value::list(team));
    h.set("has_team", !team.empty());
    return h;
}

/// What a round's pages show: its value key (page_keys.h) through the page's template.
std::string round_key(const SiteModel& model, std::size_t index, const std::string& template_name) {
    const auto& keys = model.keys.pages.round;
    return index < keys.size() ? record_page_key(model, template_name, keys[index]) : std::string();
}

void plan_category_page(const SiteModel& model, std::size_t index, const std::string& path, SitePlan& plan,
                        std::shared_ptr<SharedRows> shared = nullptr) {
    const auto key = round_key(model, index, "categories");
    if (plan.unchanged(path, key)) return;
    plan.page_later(path, "categories", [&model, index, path, shared]() -> Value {
        const Links links(path);
        const auto& round = model.data.rounds[index];
        const auto& rr = model.results.rounds[index];
        auto ctx = base_context(model, path, "Kategori LSP, " + round.title, "kategori",
                                "LSP per kategori kinerja pada " + round.title + ".");
        ctx.set("draft", draft_notice(model, round));
        ctx.set("round", round_header(model, index, links));
        std::vector<Value> sections;
        const auto& cats = model.content.categories.categories;
        for (std::size_t c = 0; c < cats.size(); ++c) {
            auto members = table_rows(model, rr, path, shared,
                                      [c](const SheetResult& s) { return s.category && *s.category == c; });
            const auto count = members.lazy()->size();
            Value sec;
            sec.set("name", cats[c].name)
                .set("key", cats[c].key)
                .set("css", "cat-" + std::to_string(c))
                .set("range", range_text(cats[c].min, cats[c].max))
                .set("condition", cats[c].condition)
                .set("count", format_int(static_cast<std::int64_t>(count)))
                .set("empty", count == 0)
                .set("rows", std::move(members));
            sections.push_back(std::move(sec));
        }
        // Few, and read whole: made one by one rather than from the shared rows.
        auto incomplete = table_rows(model, rr, path, nullptr, [](const SheetResult& s) { return !s.complete; });
        ctx.set("sections", Value::list(std::move(sections)));
        ctx.set("has_incomplete", incomplete.lazy()->size() > 0);
        ctx.set("incomplete", std::move(incomplete));
        ctx.set("rounds", round_selector(model, index, links, true));
        ctx.set("filter", filter_context(model, false));
        ctx.set("is_latest", model.results.latest_periodic == index);
        ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Kategori", links.section("kategori")}, {round.title, links.categories(round.period)}}));
        return ctx;
    }, key, Load::heavy, "rows");
}

}  // namespace

void plan_rounds(const SiteModel& model, SitePlan& plan) {
    const auto& rounds = model.data.rounds;
    {
        const std::string path = Links::site().section("penilaian");
        const Links links(path);
        auto ctx = base_context(model, path, "Penilaian", "penilaian",
                                "Seluruh putaran penilaian PEP Bersama, rutin maupun insidental.");
        std::vector<Value> rows;
        for (std::size_t i = rounds.size(); i-- > 0;) {
            const auto& rr = model.results.rounds[i];
            auto h = round_header(model, i, links);
            h.set("count", format_int(static_cast<std::int64_t>(rr.sheets.size())));
            h.set("mean_ik", rr.mean_ik ? format_decimal(*rr.mean_ik, 1) : std::string("\u2013"));
            h.set("incomplete_count", format_int(rr.incomplete_count));
            rows.push_back(std::move(h));
        }
        ctx.set("rounds", Value::list(rows));
        ctx.set("has_rounds", !rows.empty());
        ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Penilaian", links.section("penilaian")}}));
        plan.page(path, "rounds", std::move(ctx));
    }
    std::vector<std::shared_ptr<SharedRows>> rows_of(rounds.size());
    for (std::size_t i = 0; i < rounds.size(); ++i) {
        const std::string path = Links::site().round(rounds[i].period);
        if (rounds[i].draft) {
            plan.unlisted.insert(path);
            plan.unlisted.insert(Links::site().categories(rounds[i].period));
        }
        auto shared = std::make_shared<SharedRows>();
        shared->page = path;
        shared->root = Links(path).root();
        rows_of[i] = shared;
        plan_category_page(model, i, Links::site().categories(rounds[i].period), plan, shared);
        const auto key = round_key(model, i, "round");
        if (plan.unchanged(path, key)) continue;
        plan.page_later(path, "round", [&model, i, path, shared]() -> Value {
            const auto& round = model.data.rounds[i];
            const auto& rr = model.results.rounds[i];
            const Links links(path);
            auto ctx = base_context(model, path, round.title, "penilaian",
                                    "Hasil " + round.title + " untuk setiap LSP yang dinilai.");
            ctx.set("draft", draft_notice(model, round));
            ctx.set("round", round_header(model, i, links));
            add_round_summary(model, rr, path, "putaran", ctx);
            ctx.set("mean_ik", rr.mean_ik ? Value(format_decimal(*rr.mean_ik, 1)) : Value(false));
            ctx.set("rows", table_rows(model, rr, path, shared, [](const SheetResult&) { return true; }));
            std::vector<Value> missing;
            if (round.kind == RoundKind::rutin)
                for (const auto* l : missing_from_round(model.data, round))
                    missing.push_back(Value().set("name", l->name).set("href", links.lsp(l->id))
                                          .set("expired", licence_expired_on(*l, round.date))
                                          .set("valid_until", format_date(l->licence_valid_until)));
            ctx.set("missing", Value::list(missing));
            ctx.set("has_missing", !missing.empty());
            std::vector<Value> group_heads;
            for (const auto& g : all_groups()) group_heads.push_back(Value().set("label", g.label));
            ctx.set("group_heads", Value::list(std::move(group_heads)));
            ctx.set("rounds", round_selector(model, i, links, false));
            ctx.set("filter", filter_context(model, true));
            ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Penilaian", links.section("penilaian")}, {round.title, links.round(round.period)}}));
            return ctx;
        }, key, Load::heavy, "rows");
    }
    if (model.results.latest_periodic) {
        // The newest periodic round's table once more, one folder higher: its rows are that round's.
        const auto latest = *model.results.latest_periodic;
        plan_category_page(model, latest, Links::site().section("kategori"), plan, rows_of[latest]);
    } else {
        const std::string path = Links::site().section("kategori");
        const Links links(path);
        auto ctx = base_context(model, path, "Kategori LSP", "kategori", "Belum ada penilaian rutin.");
        ctx.set("crumbs", crumbs({{"Beranda", links.home()}, {"Kategori", links.section("kategori")}}));
        ctx.set("sections", Value::list());
        ctx.set("round", false);
        ctx.set("has_incomplete", false);
        ctx.set("filter", filter_context(model, true));
        plan.page(path, "categories", std::move(ctx));
    }
}

}  // namespace pepgen
