// model/stats: column look-up (Dataset::column_index) and which columns an embed labels and charts
// (embed_label_column, embed_value_columns), named or by default.
#include <catch2/catch.hpp>

#include "test_support.h"

#include "model/stats.h"

using namespace pepgen;

namespace {

/// Columns: 0 tahun (number), 1 provinsi (text), 2 jumlah (number), 3 catatan (text), 4 porsi (percent).
Dataset sample() {
    Dataset ds;
    ds.id = "uji";
    ds.columns = {test::stat_column("tahun", "Tahun", ColumnType::number), test::stat_column("provinsi", "Provinsi", ColumnType::text),
                  test::stat_column("jumlah", "Jumlah", ColumnType::number), test::stat_column("catatan", "Catatan", ColumnType::text),
                  test::stat_column("porsi", "Porsi", ColumnType::percent)};
    return ds;
}

EmbedSpec spec(std::string label = {}, std::vector<std::string> values = {}) {
    EmbedSpec s;
    s.dataset = "uji";
    s.label_column = std::move(label);
    s.value_columns = std::move(values);
    return s;
}

}  // namespace

TEST_CASE("column_index finds a column by its exact key, else -1", "[stats]") {
    const auto ds = sample();
    CHECK(ds.column_index("tahun") == 0);
    CHECK(ds.column_index("porsi") == 4);
    CHECK(ds.column_index("Porsi") == -1);
    CHECK(ds.column_index("") == -1);
    CHECK(Dataset{}.column_index("tahun") == -1);
}

TEST_CASE("only text columns are not numeric", "[stats]") {
    CHECK_FALSE(test::stat_column("a", "A", ColumnType::text).numeric());
    CHECK(test::stat_column("a", "A", ColumnType::number).numeric());
    CHECK(test::stat_column("a", "A", ColumnType::rupiah).numeric());
    CHECK(test::stat_column("a", "A", ColumnType::percent).numeric());
}

TEST_CASE("an embed's label is the column it names, else the first text column", "[stats]") {
    const auto ds = sample();
    CHECK(embed_label_column(ds, spec()) == 1);  // provinsi, not tahun: the first *text* column
    CHECK(embed_label_column(ds, spec("catatan")) == 3);
    CHECK(embed_label_column(ds, spec("tahun")) == 0);  // named: taken even though numeric (validation judges it)
    CHECK(embed_label_column(ds, spec("hilang")) == -1);
    Dataset numbers;
    numbers.columns = {test::stat_column("a", "A", ColumnType::number)};
    CHECK(embed_label_column(numbers, spec()) == -1);
}

TEST_CASE("an embed's values are the columns it names, in its order, else every column of the first unit",
          "[stats]") {
    const auto ds = sample();
    // tahun and jumlah have no satuan: each row may hold another unit, so by default only porsi is charted.
    CHECK(embed_value_columns(ds, spec()) == std::vector<int>{4});
    CHECK(embed_value_columns(ds, spec({}, {"porsi", "jumlah"})) == std::vector<int>{4, 2});
    // Unknown names stay in place as -1, so validation can name each one.
    CHECK(embed_value_columns(ds, spec({}, {"jumlah", "hilang"})) == std::vector<int>{2, -1});
    Dataset texts;
    texts.columns = {test::stat_column("a", "A", ColumnType::text)};
    CHECK(embed_value_columns(texts, spec()).empty());
    CHECK(embed_value_columns(Dataset{}, spec()).empty());
}

namespace {

StatColumn with_unit(const char* key, ColumnType type, const char* unit = "") {
    auto c = test::stat_column(key, key, type);
    c.unit = unit;
    return c;
}

}  // namespace

TEST_CASE("by default every column sharing the first chartable column's unit is charted, totals left out", "[stats]") {
    Dataset ds;
    auto total = with_unit("jumlah", ColumnType::number, "LSP");
    total.formula = {Formula::Kind::sum, {"p1", "p2"}};
    auto share = with_unit("persen", ColumnType::percent);
    share.formula = {Formula::Kind::percent, {"p1", "jumlah"}};
    ds.columns = {test::stat_column("bulan", "Bulan", ColumnType::text), with_unit("nilai", ColumnType::number),
                  with_unit("p1", ColumnType::number, "LSP"), with_unit("orang", ColumnType::number, "orang"),
                  with_unit("p2", ColumnType::number, "LSP"), total, share};
    CHECK(embed_value_columns(ds, spec()) == std::vector<int>{2, 4});
    auto map = spec();
    map.chart = ChartKind::tile_map;
    CHECK(embed_value_columns(ds, map) == std::vector<int>{2});  // a map shows one figure
    CHECK(parts_total_column(ds, {2, 4}) == 5);
    CHECK(parts_total_column(ds, {4, 2}) == 5);
    CHECK(parts_total_column(ds, {2}) == -1);
    CHECK(comparable(ds.columns[2], ds.columns[4]));
    CHECK_FALSE(comparable(ds.columns[2], ds.columns[3]));  // LSP and orang
    CHECK_FALSE(comparable(ds.columns[1], ds.columns[1]));  // no unit: not even with itself
    CHECK(comparable(with_unit("a", ColumnType::rupiah), with_unit("b", ColumnType::rupiah)));
    CHECK_FALSE(comparable(with_unit("a", ColumnType::rupiah), with_unit("b", ColumnType::percent)));
    CHECK(unit_name(ds.columns[1]) == "tanpa satuan");
    CHECK(unit_name(with_unit("a", ColumnType::rupiah)) == "rupiah");
}
