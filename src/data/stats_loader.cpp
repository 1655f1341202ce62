#include "data/stats_loader.h"

#include <map>

#include <algorithm>
#include <cmath>
#include <set>

#include "data/json_reader.h"
#include "format/indonesian.h"
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
        const auto& o = v.get_object();
        bool ok = true;
        if (const auto* d = o.if_contains("data")) {
            if (d->is_string()) op.dataset = std::string(d->get_string());
            else ok = false;
        }
        if (const auto* col = o.if_contains("jumlah_kolom"); col && col->is_string() && ok) {
            op.column_sum = std::string(col->get_string());
            return op;
        }
        if (const auto* cell = o.if_contains("sel"); cell && cell->is_object() && ok) {
            const auto* row = cell->get_object().if_contains("baris");
            const auto* col = cell->get_object().if_contains("kolom");
            if (row && row->is_string() && col && col->is_string()) {
                op.cell_row = std::string(row->get_string());
                op.cell_column = std::string(col->get_string());
                return op;
            }
        }
    }
    f.error(what + " harus berupa bilangan, {\"jumlah_kolom\": \"kunci\"} atau {\"sel\": {\"baris\": \"label baris\", "
                   "\"kolom\": \"kunci\"}}, masing-masing boleh dengan \"data\": \"id tabel lain\"");
    return std::nullopt;
}

/// A statement's "hitung" (or its alternative's): which computation, over which operands.
std::optional<StatComputation> read_computation(const json::object& how, JsonFields& f) {
    StatComputation c;
    auto pair = [&](const json::value* v, const char* first, const char* second) -> bool {
        if (!v || !v->is_object()) return false;
        const auto* a = v->get_object().if_contains(first);
        const auto* b = v->get_object().if_contains(second);
        auto x = a ? read_operand(*a, f, first) : std::nullopt;
        auto y = b ? read_operand(*b, f, second) : std::nullopt;
        if (!x || !y) return false;
        c.operands = {*x, *y};
        return true;
    };
    auto list = [&](const json::value* v, std::size_t min, std::size_t max) -> bool {
        if (!v || !v->is_array() || v->get_array().size() < min || v->get_array().size() > max) return false;
        for (const auto& item : v->get_array()) {
            auto op = read_operand(item, f, "operan");
            if (!op) return false;
            c.operands.push_back(*op);
        }
        return true;
    };
    auto span = [&](const json::value* v, bool months) -> bool {
        if (!v || !v->is_object()) return false;
        const auto* a = v->get_object().if_contains("mulai");
        const auto* b = v->get_object().if_contains("selesai");
        if (!a || !b || !a->is_string() || !b->is_string()) return false;
        c.start = std::string(a->get_string());
        c.end = std::string(b->get_string());
        auto valid = [months](const std::string& d) { return months ? is_iso_date(d + "-01") : is_iso_date(d); };
        if (!valid(c.start) || !valid(c.end) || c.end < c.start) {
            f.error(std::string(months ? "bulan" : "hari") + ": mulai dan selesai harus " +
                    (months ? "YYYY-MM" : "YYYY-MM-DD") + ", selesai tidak sebelum mulai");
            return false;
        }
        return true;
    };
    // A column of this table or of another ("data"): row_count's filter, minimum/maximum over rows.
    auto over_column = [&](const json::object& o, const char* key, bool required) -> bool {
        for (const auto& kv : o)
            if (kv.key() != key && kv.key() != "data") {
                f.error("'hitung': kunci '" + std::string(kv.key()) + "' tidak dikenal; yang dipakai: " + key + ", data");
                return false;
            }
        if (const auto* d = o.if_contains("data")) {
            if (!d->is_string()) return false;
            c.dataset = std::string(d->get_string());
        }
        const auto* col = o.if_contains(key);
        if (!col) return !required;
        if (!col->is_string()) return false;
        c.column = std::string(col->get_string());
        return true;
    };
    auto strings = [&](const json::value* v, std::vector<std::string>& out) -> bool {
        if (!v || !v->is_array() || v->get_array().empty()) return false;
        for (const auto& item : v->get_array()) {
            if (!item.is_string() || item.get_string().empty()) return false;
            out.emplace_back(item.get_string());
        }
        return true;
    };
    static const char* const kinds =
        "jumlah_kolom, persen_dari, jumlah, selisih, kali, rasio, perubahan_persen, penurunan_persen, hari, bulan, "
        "jumlah_baris, terkecil, terbesar, hari_pekan, tanggal_dalam atau jumlah_butir";
    if (how.size() != 1) {
        f.error(std::string("'hitung' harus memuat tepat satu dari: ") + kinds);
        return std::nullopt;
    }
    const std::string kind(how.begin()->key());
    const auto* v = &how.begin()->value();
    bool ok = false;
    if (kind == "jumlah_kolom") {
        c.kind = StatComputation::Kind::column_sum;
        ok = v->is_string();
        if (ok) c.column = std::string(v->get_string());
    } else if (kind == "persen_dari") {
        c.kind = StatComputation::Kind::percent_of;
        ok = pair(v, "pembilang", "penyebut");
    } else if (kind == "perubahan_persen") {
        c.kind = StatComputation::Kind::change_percent;
        ok = pair(v, "dari", "ke");
    } else if (kind == "penurunan_persen") {
        c.kind = StatComputation::Kind::decrease_percent;
        ok = pair(v, "dari", "ke");
    } else if (kind == "kali") {
        c.kind = StatComputation::Kind::product;
        ok = list(v, 2, 2);
    } else if (kind == "jumlah") {
        c.kind = StatComputation::Kind::sum;
        ok = list(v, 1, 1000);
    } else if (kind == "selisih") {
        c.kind = StatComputation::Kind::difference;
        ok = list(v, 2, 2);
    } else if (kind == "rasio") {
        c.kind = StatComputation::Kind::ratio;
        ok = list(v, 2, 2);
    } else if (kind == "hari" || kind == "bulan") {
        c.kind = kind == "hari" ? StatComputation::Kind::days : StatComputation::Kind::months;
        ok = span(v, kind == "bulan");
    } else if (kind == "jumlah_baris") {
        c.kind = StatComputation::Kind::row_count;
        ok = v->is_object() && over_column(v->get_object(), "bukan_nol", false);
    } else if (kind == "terkecil" || kind == "terbesar") {
        c.kind = kind == "terkecil" ? StatComputation::Kind::minimum : StatComputation::Kind::maximum;
        ok = v->is_object() ? over_column(v->get_object(), "kolom", true) : list(v, 2, 1000);
    } else if (kind == "hari_pekan") {
        c.kind = StatComputation::Kind::weekday;
        ok = v->is_string();
        if (ok && !is_iso_date(v->get_string())) {
            f.error("hari_pekan: '" + std::string(v->get_string()) + "' bukan tanggal YYYY-MM-DD (misalnya 2021-10-28)");
            return std::nullopt;
        }
        if (ok) c.start = std::string(v->get_string());
    } else if (kind == "tanggal_dalam") {
        c.kind = StatComputation::Kind::dates_within;
        ok = span(v, false) && strings(v->get_object().if_contains("tanggal"), c.items);
        if (ok)
            for (const auto& d : c.items)
                if (!is_iso_date(d)) {
                    f.error("tanggal_dalam: '" + d + "' bukan tanggal YYYY-MM-DD");
                    return std::nullopt;
                }
    } else if (kind == "jumlah_butir") {
        c.kind = StatComputation::Kind::item_count;
        ok = strings(v, c.items);
    } else {
        f.error("'hitung': '" + kind + "' tidak dikenal; pilih " + kinds);
        return std::nullopt;
    }
    if (!ok) {
        f.error("'hitung': " + kind + " tidak lengkap; lihat README, bagian Statistik nasional");
        return std::nullopt;
    }
    return c;
}

/// Column references of a computation that name no column of this table.
void check_columns(const Dataset& ds, const StatComputation& c, JsonFields& f) {
    std::vector<std::string> keys;
    if (!c.column.empty() && c.dataset.empty()) keys.push_back(c.column);
    for (const auto& op : c.operands)
        if (op.dataset.empty()) {
            if (!op.column_sum.empty()) keys.push_back(op.column_sum);
            if (!op.cell_column.empty()) keys.push_back(op.cell_column);
        }
    for (const auto& k : keys)
        if (ds.column_index(k) < 0) f.error("kolom '" + k + "' tidak ada");
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
            const auto* how = sf.object("hitung", true);
            auto computation = how ? read_computation(*how, sf) : std::nullopt;
            if (!computation) {
                if (!s.get_object().if_contains("nilai")) sf.error("'nilai' tidak ada: angka yang dinyatakan sumber");
                continue;
            }
            st.how = *computation;
            const auto* value = s.get_object().if_contains("nilai");
            if (st.how.kind == StatComputation::Kind::weekday) {
                // The source names a day; it is kept as its number to compare.
                const auto day = value && value->is_string() ? weekday_number(value->get_string()) : 0;
                if (day == 0) {
                    sf.error("'nilai' hari_pekan harus nama hari: Senin, Selasa, Rabu, Kamis, Jumat, Sabtu atau Minggu");
                    continue;
                }
                st.value = day;
            } else if (st.how.kind == StatComputation::Kind::dates_within) {
                // The stated figure is the period itself; the claim holds when no date falls outside it.
                if (value) {
                    sf.error("'nilai' tidak dipakai pada tanggal_dalam: rentang yang dinyatakan sumber ditulis "
                             "sebagai mulai dan selesai");
                    continue;
                }
            } else {
                auto num = value ? as_number(*value) : std::nullopt;
                if (!num) {
                    sf.error("'nilai' harus berupa bilangan");
                    continue;
                }
                st.value = *num;
                st.decimals = decimals_of(*num);
            }
            check_columns(ds, st.how, sf);
            if (const auto bound = sf.text("batas", false)) {
                static const std::map<std::string, StatBound> bounds = {
                    {"lebih_dari", StatBound::more_than},   {"kurang_dari", StatBound::less_than},
                    {"paling_banyak", StatBound::at_most},  {"paling_sedikit", StatBound::at_least},
                    {"sekitar", StatBound::about}};
                auto it = bounds.find(*bound);
                if (it == bounds.end()) {
                    sf.error("batas '" + *bound + "' tidak dikenal; pilih lebih_dari, kurang_dari, paling_banyak "
                             "(\"hingga\"), paling_sedikit atau sekitar");
                    continue;
                }
                st.bound = it->second;
            }
            if (const auto* alt = sf.object("hitung_lain", false)) {
                JsonFields af(*alt, *doc, diags, "pernyataan ke-" + std::to_string(n) + ": hitung_lain", 0);
                st.alternative_label = af.text("label", true).value_or("");
                const auto* alt_how = af.object("hitung", true);
                auto alt_c = alt_how ? read_computation(*alt_how, af) : std::nullopt;
                if (!alt_c) continue;
                check_columns(ds, *alt_c, af);
                st.alternative = *alt_c;
            }
            st.row = sf.text("baris", false).value_or("");
            if (!st.row.empty() && ds.row_index(st.row) < 0) sf.error("baris '" + st.row + "' tidak ada di tabel ini");
            for (const auto* c : {&st.how, st.alternative ? &*st.alternative : nullptr})
                if (c)
                    for (const auto& op : c->operands)
                        if (op.dataset.empty() && !op.cell_row.empty() && ds.row_index(op.cell_row) < 0)
                            sf.error("sel: baris '" + op.cell_row + "' tidak ada di tabel ini");
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
