#include "data/stats_loader.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "data/json_reader.h"
#include "format/json_pretty.h"
#include "format/stat_values.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace pepgen {

namespace {

/// Figures of a report: finite and below 10^18 (a national budget in rupiah
/// is ~10^15); anything else is refused as not a number.
std::optional<double> as_number(const json::value& v) {
    double d;
    if (v.is_int64()) d = static_cast<double>(v.get_int64());
    else if (v.is_uint64()) d = static_cast<double>(v.get_uint64());
    else if (v.is_double()) d = v.get_double();
    else return std::nullopt;
    if (!std::isfinite(d) || std::abs(d) >= 1e18 || (d != 0 && std::abs(d) < 1e-9)) return std::nullopt;
    return d;
}

std::optional<ColumnType> column_type(const std::string& s) {
    if (s == "teks") return ColumnType::text;
    if (s == "bilangan") return ColumnType::number;
    if (s == "rupiah") return ColumnType::rupiah;
    if (s == "persen") return ColumnType::percent;
    return std::nullopt;
}

Formula read_formula(const json::object& obj, JsonFields& f) {
    Formula formula;
    if (obj.size() != 1) {
        f.error("'rumus' harus memuat tepat satu dari: jumlah, persen, kali, selisih");
        return formula;
    }
    const auto& [name, value] = *obj.begin();
    const std::string kind(name);
    if (kind == "jumlah") formula.kind = Formula::Kind::sum;
    else if (kind == "persen") formula.kind = Formula::Kind::percent;
    else if (kind == "kali") formula.kind = Formula::Kind::product;
    else if (kind == "selisih") formula.kind = Formula::Kind::difference;
    else {
        f.error("rumus '" + kind + "' tidak dikenal; pilih jumlah, persen, kali atau selisih");
        return formula;
    }
    if (!value.is_array()) {
        f.error("rumus '" + kind + "' harus berupa daftar kunci kolom");
        formula.kind = Formula::Kind::none;
        return formula;
    }
    for (const auto& item : value.get_array())
        if (item.is_string()) formula.operands.emplace_back(item.get_string());
    const bool pair = formula.kind != Formula::Kind::sum;
    if ((pair && formula.operands.size() != 2) || formula.operands.empty()) {
        f.error("rumus '" + kind + "' memerlukan " + (pair ? std::string("tepat dua") : std::string("sedikitnya satu")) +
                " kunci kolom");
        formula.kind = Formula::Kind::none;
    }
    return formula;
}

std::optional<StatOperand> read_operand(const json::value& v, JsonFields& f, const std::string& what) {
    StatOperand op;
    if (auto n = as_number(v)) {
        op.constant = *n;
        return op;
    }
    if (v.is_object()) {
        if (const auto* col = v.get_object().if_contains("jumlah_kolom"); col && col->is_string()) {
            op.column_sum = std::string(col->get_string());
            return op;
        }
    }
    f.error(what + " harus berupa bilangan atau {\"jumlah_kolom\": \"kunci\"}");
    return std::nullopt;
}

std::optional<Dataset> load_dataset(const fs::path& root, const fs::path& path, Diagnostics& diags) {
    auto doc = read_json_file(root, path, diags);
    if (!doc) return std::nullopt;
    if (!doc->value.is_object()) {
        diags.error(doc->file, "isi berkas harus berupa objek {\"judul\": ..., \"kolom\": [...], \"baris\": [...]}", 1);
        return std::nullopt;
    }
    const auto errors_before = diags.error_count();
    JsonFields f(doc->value.get_object(), *doc, diags, "", 0);
    Dataset ds;
    ds.source_file = doc->file;
    ds.id = f.text("id", false).value_or(path.stem().string());
    if (ds.id != path.stem().string())
        f.error("id '" + ds.id + "' tidak sama dengan nama berkas '" + path.filename().string() + "'");
    if (const auto problem = slug_problem(ds.id); !problem.empty()) f.error("id '" + ds.id + "' " + problem);
    ds.title = f.text("judul", true).value_or("");
    ds.year = static_cast<int>(f.integer("tahun", false).value_or(0));
    ds.note = f.text("keterangan", false).value_or("");
    if (const auto* src = f.object("sumber", true)) {
        JsonFields sf(*src, *doc, diags, "sumber", 0);
        ds.source_document = sf.text("dokumen", true).value_or("");
        ds.source_part = sf.text("bagian", false).value_or("");
    }

    std::set<std::string> keys;
    if (const auto* cols = f.array("kolom", true)) {
        std::size_t n = 0;
        for (const auto& c : *cols) {
            ++n;
            if (!c.is_object()) {
                f.error("kolom ke-" + std::to_string(n) + " harus berupa objek");
                continue;
            }
            std::string ctx = "kolom ke-" + std::to_string(n);
            int line = 0;
            if (const auto* k = c.get_object().if_contains("kunci"); k && k->is_string()) {
                const std::string key(k->get_string());
                ctx = "kolom '" + key + "'";
                line = doc->line_of("\"kunci\": \"" + key + "\"");
            }
            JsonFields cf(c.get_object(), *doc, diags, ctx, line);
            StatColumn col;
            col.key = cf.text("kunci", true).value_or("");
            col.title = cf.text("judul", true).value_or(col.key);
            const auto type = cf.text("jenis", true).value_or("");
            col.unit = cf.text("satuan", false).value_or("");
            col.decimals = static_cast<int>(cf.integer("desimal", false).value_or(-1));
            if (auto t = column_type(type)) col.type = *t;
            else if (!type.empty()) cf.error("jenis '" + type + "' tidak dikenal; pilih teks, bilangan, rupiah atau persen");
            if (const auto* r = cf.object("rumus", false)) col.formula = read_formula(*r, cf);
            if (col.key.empty()) continue;
            if (!keys.insert(col.key).second) cf.error("kunci '" + col.key + "' dipakai lebih dari sekali");
            ds.columns.push_back(std::move(col));
        }
    }
    for (const auto& col : ds.columns)
        for (const auto& op : col.formula.operands) {
            const int idx = ds.column_index(op);
            if (idx < 0 || !ds.columns[static_cast<std::size_t>(idx)].numeric())
                diags.error(doc->file, "kolom '" + col.key + "': rumus merujuk kolom '" + op +
                                           "' yang tidak ada atau bukan angka");
        }

    if (const auto* rows = f.array("baris", true)) {
        std::size_t n = 0;
        for (const auto& r : *rows) {
            ++n;
            const std::string ctx = "baris ke-" + std::to_string(n);
            if (!r.is_object()) {
                f.error(ctx + " harus berupa objek {\"kunci\": nilai, ...}");
                continue;
            }
            const auto& obj = r.get_object();
            std::vector<StatCell> cells(ds.columns.size());
            for (const auto& [key, value] : obj)
                if (ds.column_index(std::string(key)) < 0)
                    f.error(ctx + ": kunci '" + std::string(key) + "' tidak ada di daftar kolom");
            for (std::size_t i = 0; i < ds.columns.size(); ++i) {
                const auto& col = ds.columns[i];
                const auto* v = obj.if_contains(col.key);
                if (!v || v->is_null()) continue;
                if (col.numeric()) {
                    if (auto num = as_number(*v)) cells[i].number = *num;
                    else if (v->is_number())
                        f.error(ctx + ": '" + col.key + "' = " + json::serialize(*v) +
                                " di luar batas angka yang dapat ditampilkan (harus di bawah 10^18)");
                    else f.error(ctx + ": '" + col.key + "' harus berupa bilangan atau null, bukan " + json_kind(*v));
                } else if (v->is_string()) {
                    std::string s(v->get_string());
                    if (!is_clean_text(s)) f.error(ctx + ": '" + col.key + "' memuat karakter kendali");
                    else cells[i].text = std::move(s);
                } else {
                    f.error(ctx + ": '" + col.key + "' harus berupa teks, bukan " + json_kind(*v));
                }
            }
            ds.rows.push_back(std::move(cells));
        }
    }

    if (const auto* total = f.object("total_tertulis", false)) {
        JsonFields tf(*total, *doc, diags, "total_tertulis", doc->line_of("\"total_tertulis\""));
        ds.total_label = tf.text("label", false).value_or("Jumlah");
        if (const auto* values = tf.object("nilai", true)) {
            for (const auto& [key, value] : *values) {
                const std::string k(key);
                const int idx = ds.column_index(k);
                auto num = as_number(value);
                if (idx < 0 || !ds.columns[static_cast<std::size_t>(idx)].numeric())
                    tf.error("kolom '" + k + "' tidak ada atau bukan angka");
                else if (!num)
                    tf.error("nilai kolom '" + k + "' harus berupa bilangan");
                else {
                    ds.total_values[k] = *num;
                    ds.total_decimals[k] = decimals_of(*num);
                }
            }
        }
    }

    if (const auto* statements = f.array("pernyataan", false)) {
        std::size_t n = 0;
        for (const auto& s : *statements) {
            ++n;
            if (!s.is_object()) {
                f.error("pernyataan ke-" + std::to_string(n) + " harus berupa objek");
                continue;
            }
            JsonFields sf(s.get_object(), *doc, diags, "pernyataan ke-" + std::to_string(n), 0);
            StatStatement st;
            st.label = sf.text("label", true).value_or("");
            st.source = sf.text("sumber", false).value_or("");
            const auto* value = s.get_object().if_contains("nilai");
            auto num = value ? as_number(*value) : std::nullopt;
            if (!num) {
                sf.error("'nilai' harus berupa bilangan");
                continue;
            }
            st.value = *num;
            st.decimals = decimals_of(*num);
            const auto* how = sf.object("hitung", true);
            if (!how) continue;
            if (const auto* col = how->if_contains("jumlah_kolom")) {
                st.kind = StatStatement::Kind::column_sum;
                st.column = col->is_string() ? std::string(col->get_string()) : "";
            } else if (const auto* pct = how->if_contains("persen_dari"); pct && pct->is_object()) {
                st.kind = StatStatement::Kind::percent_of;
                const auto* num_v = pct->get_object().if_contains("pembilang");
                const auto* den_v = pct->get_object().if_contains("penyebut");
                auto a = num_v ? read_operand(*num_v, sf, "pembilang") : std::nullopt;
                auto b = den_v ? read_operand(*den_v, sf, "penyebut") : std::nullopt;
                if (!a || !b) continue;
                st.numerator = *a;
                st.denominator = *b;
            } else {
                sf.error("'hitung' harus memuat jumlah_kolom atau persen_dari");
                continue;
            }
            for (const auto* col : {&st.column, &st.numerator.column_sum, &st.denominator.column_sum})
                if (!col->empty() && ds.column_index(*col) < 0) sf.error("kolom '" + *col + "' tidak ada");
            ds.statements.push_back(std::move(st));
        }
    }
    if (diags.error_count() > errors_before) return std::nullopt;
    ds.published_json = pretty_json(doc->value);
    return ds;
}

}  // namespace

std::vector<Dataset> load_datasets(const fs::path& root, Diagnostics& diags) {
    std::vector<Dataset> out;
    for (const auto& path : list_files(root, root / "data" / "statistik", ".json", diags))
        if (auto ds = load_dataset(root, path, diags)) out.push_back(std::move(*ds));
    return out;
}

}  // namespace pepgen
