#include "site/round_charts.h"

#include <algorithm>
#include <cmath>

#include "render/charts.h"
#include "format/indonesian.h"
#include "site/page_context.h"

namespace pepgen {

std::vector<IkBin> ik_bins(const CategoryTable& table, const std::vector<int>& iks) {
    std::vector<IkBin> bins;
    // Ascending categories; the table is stored best first.
    for (std::size_t ci = table.categories.size(); ci-- > 0;) {
        const auto& c = table.categories[ci];
        const int width = c.max - c.min + 1;
        const int n = std::max(1, static_cast<int>(std::lround(width / 25.0)));
        for (int i = 0; i < n; ++i) {
            IkBin b;
            b.from = c.min + static_cast<int>(static_cast<long>(i) * width / n);
            b.to = c.min + static_cast<int>(static_cast<long>(i + 1) * width / n) - 1;
            b.category = ci;
            bins.push_back(b);
        }
    }
    for (int ik : iks)
        for (auto& b : bins)
            if (ik >= b.from && ik <= b.to) ++b.count;
    // Drop empty bins below the lowest score so the chart starts where data does.
    auto first = std::find_if(bins.begin(), bins.end(), [](const IkBin& b) { return b.count > 0; });
    if (first != bins.end()) bins.erase(bins.begin(), first);
    return bins;
}

void add_round_summary(const SiteModel& model, const RoundResult& rr, const std::string& page_path,
                       const std::string& id, Value& ctx) {
    const auto& table = model.content.categories;
    const Links links(page_path);
    const auto& round = model.data.rounds[rr.round];

    BarChart cats;
    cats.id = id + "-kategori";
    cats.title = "Jumlah LSP per kategori, " + round.title;
    std::string desc;
    std::vector<Value> cat_rows;
    for (std::size_t i = 0; i < table.categories.size(); ++i) {
        const auto& c = table.categories[i];
        const int n = rr.category_counts[i];
        cats.items.push_back({c.name, static_cast<double>(n), format_int(n) + " LSP", "cat-" + std::to_string(i)});
        desc += (desc.empty() ? "" : "; ") + c.name + " " + format_int(n) + " LSP";
        const double share = rr.complete_count > 0 ? 100.0 * n / rr.complete_count : 0;
        Value row;
        row.set("name", c.name)
            .set("css", "cat-" + std::to_string(i))
            .set("range", range_text(c.min, c.max))
            .set("count", format_int(n))
            .set("share", format_percent(share, 1))
            .set("href", links.categories(round.period) + "#" + c.key);
        cat_rows.push_back(std::move(row));
    }
    if (rr.incomplete_count > 0) {
        cats.items.push_back({"Belum lengkap", static_cast<double>(rr.incomplete_count),
                              format_int(rr.incomplete_count) + " LSP", "cat-none"});
        desc += "; belum lengkap " + format_int(rr.incomplete_count) + " LSP";
    }
    cats.description = "Sebaran " + format_int(rr.complete_count) + " LSP dengan lembar skor lengkap: " + desc + ".";
    ctx.set("category_chart", render_bar_chart(cats));
    ctx.set("category_rows", Value::list(std::move(cat_rows)));

    std::vector<int> iks;
    for (const auto& s : rr.sheets)
        if (s.ik) iks.push_back(*s.ik);
    BarChart dist;
    dist.id = id + "-sebaran";
    dist.title = "Sebaran Indeks Kinerja, " + round.title;
    std::string ddesc;
    for (const auto& b : ik_bins(table, iks)) {
        const auto label = "IK " + range_text(b.from, b.to);
        dist.items.push_back({label, static_cast<double>(b.count), format_int(b.count) + " LSP",
                              "cat-" + std::to_string(b.category)});
        if (b.count > 0) ddesc += (ddesc.empty() ? "" : "; ") + label + ": " + format_int(b.count) + " LSP";
    }
    dist.description = "Jumlah LSP per rentang IK. " + (ddesc.empty() ? std::string("Belum ada IK.") : ddesc + ".");
    ctx.set("distribution_chart", render_bar_chart(dist));
    ctx.set("has_distribution", !iks.empty());
    // Every key is set, false when there is nothing: a key the template names and the page lacks is a typo.
    ctx.set("mean_ik", rr.mean_ik ? Value(format_decimal(*rr.mean_ik, 1)) : Value(false));
    ctx.set("min_ik", iks.empty() ? Value(false) : Value(format_int(*std::min_element(iks.begin(), iks.end()))));
    ctx.set("max_ik", iks.empty() ? Value(false) : Value(format_int(*std::max_element(iks.begin(), iks.end()))));

    BarChart groups;
    groups.id = id + "-kelompok";
    groups.title = "Rata-rata capaian per kelompok indikator, " + round.title;
    groups.max_value = 100;
    std::string gdesc;
    std::vector<Value> group_rows;
    for (const auto& g : all_groups()) {
        const auto& mean = rr.group_mean_percent[static_cast<std::size_t>(g.group)];
        const auto text = mean ? format_percent(*mean, 1) : std::string("\u2013");
        groups.items.push_back({g.label, mean.value_or(0), text, "bar-group"});
        gdesc += (gdesc.empty() ? "" : "; ") + std::string(g.label) + " " + text;
        Value row;
        row.set("label", g.label).set("gloss", g.gloss).set("mean", text);
        group_rows.push_back(std::move(row));
    }
    groups.description = "Rata-rata persentase skor terhadap skor maksimum kelompok, atas LSP dengan lembar skor "
                         "lengkap: " + gdesc + ".";
    ctx.set("group_chart", render_bar_chart(groups));
    ctx.set("group_rows", Value::list(std::move(group_rows)));
    ctx.set("complete_count", format_int(rr.complete_count));
    ctx.set("incomplete_count", format_int(rr.incomplete_count));
    ctx.set("has_incomplete", rr.incomplete_count > 0);
    ctx.set("sheet_count", format_int(static_cast<std::int64_t>(rr.sheets.size())));
}

}  // namespace pepgen
