#include "validate/validate_stats.h"

#include <map>

#include "model/provinces.h"

namespace pepgen {

namespace {

void validate_embed(const EmbedSpec& spec, const std::map<std::string, const Dataset*>& datasets, Diagnostics& diags) {
    if (spec.dataset.empty()) return;  // already reported while parsing
    auto it = datasets.find(spec.dataset);
    if (it == datasets.end()) {
        diags.error(spec.file, "blok statistik: data '" + spec.dataset + "' tidak ada di data/statistik/", spec.line);
        return;
    }
    const auto& ds = *it->second;
    const int label = embed_label_column(ds, spec);
    if (!spec.label_column.empty() && label < 0)
        diags.error(spec.file, "blok statistik: kolom label '" + spec.label_column + "' tidak ada di " + ds.source_file,
                    spec.line);
    if (spec.chart == ChartKind::none) return;
    const auto values = embed_value_columns(ds, spec);
    if (values.empty()) {
        diags.error(spec.file, "blok statistik: " + ds.source_file + " tidak punya kolom angka bersatuan untuk digrafikkan "
                                   "(kolom angka tanpa \"satuan\" bisa berlainan satuan per baris); tulis grafik: tidak, "
                                   "atau sebut kolomnya di nilai: [...]", spec.line);
        return;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto key = i < spec.value_columns.size() ? spec.value_columns[i] : std::string("?");
        if (values[i] < 0)
            diags.error(spec.file, "blok statistik: kolom nilai '" + key + "' tidak ada di " + ds.source_file, spec.line);
        else if (!ds.columns[static_cast<std::size_t>(values[i])].numeric())
            diags.error(spec.file, "blok statistik: kolom nilai '" + key + "' bukan kolom angka", spec.line);
    }
    if (spec.chart == ChartKind::tile_map && values.size() > 1)
        diags.error(spec.file, "blok statistik: peta hanya menerima satu kolom nilai", spec.line);
    // One unit per axis: a chart never puts rupiah beside persons or percentages.
    const StatColumn* first = nullptr;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] < 0 || !ds.columns[static_cast<std::size_t>(values[i])].numeric()) continue;
        const auto& col = ds.columns[static_cast<std::size_t>(values[i])];
        if (!has_unit(col)) {
            diags.error(spec.file, "blok statistik: kolom '" + col.key + "' di " + ds.source_file +
                                       " tidak punya satuan (isi \"satuan\", atau jenis rupiah/persen), sehingga "
                                       "barisnya bisa berlainan satuan; grafiknya tidak dapat dibaca dengan jujur. "
                                       "Tulis grafik: tidak, atau beri kolom itu satuan",
                        spec.line);
            continue;
        }
        if (!first) first = &col;
        else if (!comparable(*first, col))
            diags.error(spec.file, "blok statistik: kolom '" + first->key + "' (" + unit_name(*first) + ") dan '" + col.key +
                                       "' (" + unit_name(col) + ") berlainan satuan dan tidak dapat berbagi satu sumbu; "
                                       "buat dua blok, satu per satuan",
                        spec.line);
    }
    if (spec.chart == ChartKind::stacked_bar && values.size() > 1 && parts_total_column(ds, values) < 0)
        diags.warning(spec.file, "blok statistik: batang-bertumpuk menjumlahkan kolom yang tidak dicetak sebagai bagian "
                                 "dari satu jumlah di " + ds.source_file + "; pastikan kolom-kolom itu memang bagian "
                                 "dari keseluruhan, atau pakai grafik batang",
                      spec.line);
    if (label < 0) {
        // A label column named but missing was reported above; the dataset may well have text columns.
        if (spec.label_column.empty())
            diags.error(spec.file, "blok statistik: " + ds.source_file + " tidak punya kolom teks untuk label", spec.line);
        return;
    }
    if (spec.chart == ChartKind::tile_map) {
        for (const auto& row : ds.rows) {
            const auto& cell = row[static_cast<std::size_t>(label)];
            if (cell.text && !find_province(*cell.text))
                diags.warning(ds.source_file, "provinsi '" + *cell.text + "' tidak dikenali peta ubin; petak ini tidak digambar",
                              0);
        }
    }
}

/// A statement's operands that name another table must find it, its column and its row.
void validate_references(const Dataset& ds, const std::map<std::string, const Dataset*>& datasets, Diagnostics& diags) {
    for (const auto& st : ds.statements)
        for (const auto* c : {&st.how, st.alternative ? &*st.alternative : nullptr}) {
            if (!c) continue;
            if (!c->dataset.empty()) {  // a row count, or the extreme of a column, of another table
                const auto where = "pernyataan \"" + st.label + "\": ";
                auto it = datasets.find(c->dataset);
                if (it == datasets.end())
                    diags.error(ds.source_file, where + "tabel '" + c->dataset + "' tidak ada di data/statistik/");
                else if (!c->column.empty() && it->second->column_index(c->column) < 0)
                    diags.error(ds.source_file, where + "kolom '" + c->column + "' tidak ada di " + it->second->source_file);
            }
            for (const auto& op : c->operands) {
                if (op.dataset.empty()) continue;
                const auto where = "pernyataan \"" + st.label + "\": ";
                auto it = datasets.find(op.dataset);
                if (it == datasets.end()) {
                    diags.error(ds.source_file, where + "tabel '" + op.dataset + "' tidak ada di data/statistik/");
                    continue;
                }
                const auto& other = *it->second;
                const auto& key = op.column_sum.empty() ? op.cell_column : op.column_sum;
                if (other.column_index(key) < 0)
                    diags.error(ds.source_file, where + "kolom '" + key + "' tidak ada di " + other.source_file);
                else if (!op.cell_row.empty() && other.row_index(op.cell_row) < 0)
                    diags.error(ds.source_file, where + "baris '" + op.cell_row + "' tidak ada di " + other.source_file);
            }
        }
}

}  // namespace

void validate_stats(const Content& content, const Data& data, Diagnostics& diags) {
    std::map<std::string, const Dataset*> datasets;
    for (const auto& ds : data.datasets) datasets[ds.id] = &ds;
    for (const auto& ds : data.datasets) validate_references(ds, datasets, diags);
    for (const auto* pages : {&content.guides, &content.stats_pages})
        for (const auto& page : *pages)
            for (const auto& spec : page.embeds) validate_embed(spec, datasets, diags);
}

}  // namespace pepgen
