#include <catch2/catch.hpp>

#include "stats/consistency.h"

using namespace pepgen;
using Catch::Matchers::Contains;

namespace {

StatCell num(double v) { return {v, std::nullopt}; }
StatCell txt(const std::string& s) { return {std::nullopt, s}; }
StatCell blank() { return {}; }

// Months by type, with a printed total row and statements, built in code.
Dataset licences() {
    Dataset ds;
    ds.id = "lisensi";
    ds.title = "LSP terlisensi";
    ds.source_part = "Tabel 2";
    StatColumn month{"bulan", "Bulan", ColumnType::text, "", -1, {}};
    StatColumn p1{"p1", "P1", ColumnType::number, "", -1, {}};
    StatColumn p2{"p2", "P2", ColumnType::number, "", -1, {}};
    StatColumn total{"jumlah", "Jumlah", ColumnType::number, "", -1, {Formula::Kind::sum, {"p1", "p2"}}};
    ds.columns = {month, p1, p2, total};
    ds.rows = {{txt("Januari"), num(8), blank(), num(8)},
               {txt("Februari"), num(13), num(4), num(17)},
               {txt("Maret"), num(17), num(4), num(22)}};  // 17 + 4 = 21, printed 22
    ds.total_label = "Jumlah";
    ds.total_values = {{"p1", 38}, {"p2", 8}, {"jumlah", 94}};  // rows give 47 for jumlah
    ds.total_decimals = {{"p1", 0}, {"p2", 0}, {"jumlah", 0}};
    StatStatement stated;
    stated.label = "Total LSP";
    stated.value = 94;
    stated.column = "jumlah";
    ds.statements.push_back(stated);
    return ds;
}

}  // namespace

TEST_CASE("derived cells, totals and statements are recomputed from the rows", "[consistency]") {
    const auto ds = licences();
    CHECK(column_sum(ds, "p2") == 8);  // blank counts as zero
    CHECK(*compute_cell(ds, 0, ds.columns[3]) == 8);
    CHECK(*compute_total(ds, ds.columns[3]) == 47);
    const auto findings = check_consistency(ds).findings;
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].scope == Finding::Scope::cell);
    CHECK(findings[0].row == 2);
    CHECK(findings[0].declared == 22);
    CHECK(findings[0].computed == 21);
    CHECK(findings[1].scope == Finding::Scope::total);
    CHECK(findings[1].column == "jumlah");
    CHECK(findings[1].computed == 47);
    CHECK(findings[2].scope == Finding::Scope::statement);
    CHECK_THAT(describe(ds, findings[0]), Contains("Tabel 2: baris ke-3 (Maret), kolom 'jumlah': tertulis 22, dihitung dari rumusnya 21"));
    CHECK_THAT(describe(ds, findings[1]), Contains("Tabel 2: total tertulis kolom 'jumlah' 94, dihitung dari baris 47"));
    CHECK_THAT(describe(ds, findings[2]), Contains("pernyataan \"Total LSP\" tertulis 94, dihitung dari baris 47"));
}

TEST_CASE("printed percentages are compared at their printed rounding", "[consistency]") {
    Dataset ds;
    ds.columns = {{"unit", "Unit", ColumnType::text, "", -1, {}},
                  {"pagu", "Pagu", ColumnType::rupiah, "", -1, {}},
                  {"real", "Realisasi", ColumnType::rupiah, "", -1, {}},
                  {"pct", "%", ColumnType::percent, "", 2, {Formula::Kind::percent, {"real", "pagu"}}}};
    ds.rows = {{txt("A"), num(86911383000), num(86004829886), num(98.96)}};  // 98.9569…
    CHECK(check_consistency(ds).findings.empty());
    ds.rows[0][3] = num(98.95);
    CHECK(check_consistency(ds).findings.size() == 1);

    StatStatement share;
    share.label = "Porsi";
    share.value = 8.4;
    share.decimals = 1;
    share.kind = StatStatement::Kind::percent_of;
    share.numerator.constant = 30;
    share.denominator.constant = 356;  // 8,43 -> 8,4 at one decimal
    ds.rows[0][3] = num(98.96);
    ds.statements = {share};
    CHECK(check_consistency(ds).findings.empty());
    ds.statements[0].denominator.constant = 178;  // 16,85
    const auto f = check_consistency(ds).findings;
    REQUIRE(f.size() == 1);
    CHECK(f[0].computed == Approx(16.8539).epsilon(1e-4));
}

TEST_CASE("percentage columns without a formula have no meaningful total", "[consistency]") {
    Dataset ds;
    ds.columns = {{"t", "T", ColumnType::text, "", -1, {}}, {"fisik", "Fisik", ColumnType::percent, "", 2, {}}};
    ds.rows = {{txt("a"), num(100)}, {txt("b"), num(98)}};
    ds.total_values = {{"fisik", 100}};
    ds.total_decimals = {{"fisik", 0}};
    CHECK_FALSE(compute_total(ds, ds.columns[1]));
    CHECK(check_consistency(ds).findings.empty());
}
