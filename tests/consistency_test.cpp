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
    stated.how.column = "jumlah";
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
    share.how.kind = StatComputation::Kind::percent_of;
    share.how.operands.resize(2);
    share.how.operands[0].constant = 30;
    share.how.operands[1].constant = 356;  // 8,43 -> 8,4 at one decimal
    ds.rows[0][3] = num(98.96);
    ds.statements = {share};
    CHECK(check_consistency(ds).findings.empty());
    ds.statements[0].how.operands[1].constant = 178;  // 16,85
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

namespace {

StatOperand cell(const char* row, const char* column, const char* dataset = "") {
    StatOperand op;
    op.cell_row = row;
    op.cell_column = column;
    op.dataset = dataset;
    return op;
}

StatOperand constant(double v) {
    StatOperand op;
    op.constant = v;
    return op;
}

StatStatement claim(double value, int decimals, StatComputation::Kind kind, std::vector<StatOperand> ops,
                    StatBound bound = StatBound::exact) {
    StatStatement st;
    st.label = "uji";
    st.value = value;
    st.decimals = decimals;
    st.bound = bound;
    st.how.kind = kind;
    st.how.operands = std::move(ops);
    return st;
}

StatComputation computation(StatComputation::Kind kind, std::vector<StatOperand> ops) {
    StatComputation c;
    c.kind = kind;
    c.operands = std::move(ops);
    return c;
}

/// Two rows of a summary: certifications in 2020 and 2021, as the 2021 report prints them.
Dataset summary() {
    Dataset ds;
    ds.id = "ringkas";
    ds.columns = {{"uraian", "Uraian", ColumnType::text, "", -1, {}}, {"nilai", "Nilai", ColumnType::number, "orang", -1, {}}};
    ds.rows = {{txt("Sertifikasi 2020"), num(593892)}, {txt("Sertifikasi 2021"), num(830986)},
               {txt("LSP baru 2021"), num(356)}, {txt("LSP baru 2020"), num(258)}};
    return ds;
}

bool holds(const Dataset& ds, const StatStatement& st, const DatasetLookup& lookup = {}) {
    auto copy = ds;
    copy.statements = {st};
    return check_consistency(copy, lookup).findings.empty();
}

}  // namespace

TEST_CASE("each claim kind: one that holds and one that does not", "[consistency]") {
    using K = StatComputation::Kind;
    const auto ds = summary();
    const auto y20 = cell("Sertifikasi 2020", "nilai"), y21 = cell("Sertifikasi 2021", "nilai");
    // Growth: (830.986 − 593.892) / 593.892 = 39,92 %.
    CHECK(holds(ds, claim(39.92, 2, K::change_percent, {y20, y21})));
    CHECK_FALSE(holds(ds, claim(39, 0, K::change_percent, {y20, y21})));
    // Bounded: "lebih dari 30%" holds, "lebih dari 40%" does not; "hingga 40%" holds for 39,92.
    CHECK(holds(ds, claim(30, 0, K::change_percent, {y20, y21}, StatBound::more_than)));
    CHECK_FALSE(holds(ds, claim(40, 0, K::change_percent, {y20, y21}, StatBound::more_than)));
    CHECK(holds(ds, claim(40, 0, K::change_percent, {y20, y21}, StatBound::at_most)));
    CHECK_FALSE(holds(ds, claim(35, 0, K::change_percent, {y20, y21}, StatBound::at_most)));
    CHECK(holds(ds, claim(39, 0, K::change_percent, {y20, y21}, StatBound::about)));   // within 5 %
    CHECK_FALSE(holds(ds, claim(30, 0, K::change_percent, {y20, y21}, StatBound::about)));
    CHECK(holds(ds, claim(50, 0, K::change_percent, {y20, y21}, StatBound::less_than)));
    CHECK(holds(ds, claim(39.9, 1, K::change_percent, {y20, y21}, StatBound::at_least)));
    // Difference, sum, ratio, share.
    CHECK(holds(ds, claim(237094, 0, K::difference, {y21, y20})));
    CHECK_FALSE(holds(ds, claim(237000, 0, K::difference, {y21, y20})));
    CHECK(holds(ds, claim(1424878, 0, K::sum, {y20, y21})));
    CHECK_FALSE(holds(ds, claim(1424877, 0, K::sum, {y20, y21})));
    CHECK(holds(ds, claim(1.4, 1, K::ratio, {y21, y20})));
    CHECK_FALSE(holds(ds, claim(1.3, 1, K::ratio, {y21, y20})));
    CHECK(holds(ds, claim(1.38, 2, K::ratio, {cell("LSP baru 2021", "nilai"), cell("LSP baru 2020", "nilai")})));
    CHECK(holds(ds, claim(41.7, 1, K::percent_of, {y20, constant(1424878)})));
    CHECK(holds(ds, claim(90000, 0, K::product, {constant(4500), constant(20)})));
    CHECK_FALSE(holds(ds, claim(9000, 0, K::product, {constant(4500), constant(20)})));
    // A cut "hingga 40%": 134.204.396.000 to 86.911.383.000 is 35,24 %.
    CHECK(holds(ds, claim(40, 0, K::decrease_percent, {constant(134204396000), constant(86911383000)}, StatBound::at_most)));
    CHECK_FALSE(holds(ds, claim(40, 0, K::decrease_percent, {constant(134204396000), constant(86911383000)})));
    // A cell that is not there makes the claim not computable: never a false "holds" or "differs".
    CHECK(holds(ds, claim(1, 0, K::sum, {cell("Tidak ada", "nilai")})));
}

TEST_CASE("durations count both ends, as the report does", "[consistency]") {
    const auto ds = summary();
    StatStatement months = claim(5, 0, StatComputation::Kind::months, {});
    months.how.start = "2021-03";
    months.how.end = "2021-07";
    CHECK(holds(ds, months));  // "lima bulan, Maret–Juli"
    months.value = 8;
    months.how.end = "2021-11";
    CHECK_FALSE(holds(ds, months));  // "delapan bulan", Maret–November: nine
    StatStatement days = claim(2, 0, StatComputation::Kind::days, {});
    days.how.start = "2021-11-24";
    days.how.end = "2021-11-25";
    CHECK(holds(ds, days));
    days.how.start = "2021-06-28";
    days.how.end = "2021-07-02";
    CHECK_FALSE(holds(ds, days));  // "dua hari" over 28 Juni–2 Juli: five
    CHECK(compute(ds, days.how) == Approx(5));
    days.how.start = "2020-02-28";
    days.how.end = "2020-03-01";
    CHECK(compute(ds, days.how) == Approx(3));  // a leap year
}

TEST_CASE("a claim on another table's figures, and both versions where the source contradicts itself",
          "[consistency]") {
    auto ds = summary();
    Dataset licences;
    licences.id = "lisensi";
    licences.columns = {{"bulan", "Bulan", ColumnType::text, "", -1, {}}, {"jumlah", "Jumlah", ColumnType::number, "LSP", -1, {}}};
    licences.rows = {{txt("Januari"), num(100)}, {txt("Februari"), num(78)}};  // 178
    const DatasetLookup lookup = [&](const std::string& id) { return id == "lisensi" ? &licences : nullptr; };
    StatOperand rows_sum;
    rows_sum.column_sum = "jumlah";
    rows_sum.dataset = "lisensi";
    // The summary's 356 against the licence table's rows: differs.
    auto st = claim(356, 0, StatComputation::Kind::sum, {rows_sum});
    st.row = "LSP baru 2021";
    CHECK_FALSE(holds(ds, st, lookup));
    CHECK(holds(ds, claim(178, 0, StatComputation::Kind::sum, {rows_sum}), lookup));
    // Without the other table the claim is not computable, and says nothing.
    ds.statements = {st};
    const auto unresolved = check_consistency(ds);
    CHECK(unresolved.findings.empty());
    CHECK_FALSE(unresolved.statements[0]);
    // "Growth over 2020": an increase on the printed 356, a decrease on the rows' 178; both are computed.
    auto growth = claim(0, 0, StatComputation::Kind::change_percent,
                        {cell("LSP baru 2020", "nilai"), cell("LSP baru 2021", "nilai")}, StatBound::more_than);
    growth.alternative = computation(StatComputation::Kind::change_percent, {cell("LSP baru 2020", "nilai"), rows_sum});
    growth.alternative_label = "dengan jumlah baris 178";
    ds.statements = {growth};
    const auto both = check_consistency(ds, lookup);
    CHECK(both.findings.empty());
    CHECK(*both.statements[0] == Approx(37.98).epsilon(1e-3));
    CHECK(*both.alternatives[0] == Approx(-31.01).epsilon(1e-3));
}

TEST_CASE("a sum of rounded figures may differ from the printed total by their rounding, no more", "[consistency]") {
    Dataset ds;
    ds.columns = {{"uraian", "Uraian", ColumnType::text, "", -1, {}}, {"nilai", "Nilai", ColumnType::number, "miliar USD", 2, {}}};
    ds.rows = {{txt("Ekspor"), num(1.24)}, {txt("Impor"), num(1.68)}};
    const std::vector<StatOperand> parts = {cell("Ekspor", "nilai"), cell("Impor", "nilai")};
    // 1,24 + 1,68 = 2,92; each may stand for up to 0,005 more: a printed 2,93 is possible, 2,94 is not.
    CHECK(holds(ds, claim(2.93, 2, StatComputation::Kind::sum, parts)));
    CHECK_FALSE(holds(ds, claim(2.94, 2, StatComputation::Kind::sum, parts)));
    CHECK(rounding_slack(ds, computation(StatComputation::Kind::sum, parts)) == Approx(0.01));
    // Whole counts carry no rounding.
    CHECK(rounding_slack(summary(), computation(StatComputation::Kind::sum, {cell("Sertifikasi 2020", "nilai")})) == 0);
}

TEST_CASE("counted rows, extremes, weekdays, dates in a period and listed items", "[consistency]") {
    using K = StatComputation::Kind;
    Dataset provinces;
    provinces.id = "provinsi";
    provinces.columns = {{"provinsi", "Provinsi", ColumnType::text, "", -1, {}},
                         {"jumlah", "Jumlah", ColumnType::number, "LSP", -1, {}}};
    provinces.rows = {{txt("Aceh"), num(12)}, {txt("Bali"), num(30)}, {txt("Papua"), num(0)}, {txt("Riau"), blank()}};
    const DatasetLookup lookup = [&](const std::string& id) { return id == "provinsi" ? &provinces : nullptr; };
    const auto ds = summary();

    // "Tersebar di 2 provinsi": rows with a non-zero figure, of another table.
    auto rows = claim(2, 0, K::row_count, {});
    rows.how.dataset = "provinsi";
    rows.how.column = "jumlah";
    CHECK(holds(ds, rows, lookup));
    rows.value = 4;
    CHECK_FALSE(holds(ds, rows, lookup));
    rows.how.column.clear();  // every row, blank or zero
    CHECK(holds(ds, rows, lookup));
    CHECK(compute(summary(), claim(0, 0, K::row_count, {}).how) == Approx(4));

    // "Terbanyak" and "terkecil", over operands and over a column's rows (blanks are not figures).
    const auto y20 = cell("Sertifikasi 2020", "nilai"), y21 = cell("Sertifikasi 2021", "nilai");
    CHECK(holds(ds, claim(830986, 0, K::maximum, {y20, y21})));
    CHECK_FALSE(holds(ds, claim(593892, 0, K::maximum, {y20, y21})));
    CHECK(holds(ds, claim(593892, 0, K::minimum, {y20, y21})));
    auto smallest = claim(12, 0, K::minimum, {});
    smallest.how.dataset = "provinsi";
    smallest.how.column = "jumlah";
    CHECK_FALSE(holds(ds, smallest, lookup));  // Papua's 0 is smaller
    smallest.value = 0;
    CHECK(holds(ds, smallest, lookup));

    // Weekdays: 28 Oktober 2021 was a Thursday (4), 29 Oktober a Friday, 1 Januari 1970 a Thursday.
    auto day = claim(4, 0, K::weekday, {});
    day.how.start = "2021-10-28";
    CHECK(holds(ds, day));
    day.how.start = "2021-10-29";
    CHECK_FALSE(holds(ds, day));
    CHECK(compute(ds, day.how) == Approx(5));
    day.how.start = "2021-04-26";
    CHECK(compute(ds, day.how) == Approx(1));  // Senin
    day.how.start = "1970-01-01";
    CHECK(compute(ds, day.how) == Approx(4));
    day.how.start = "2024-02-29";
    CHECK(compute(ds, day.how) == Approx(4));

    // Dates inside a stated period: both ends belong to it.
    auto within = claim(0, 0, K::dates_within, {});
    within.how.start = "2021-11-16";
    within.how.end = "2021-11-18";
    within.how.items = {"2021-11-16", "2021-11-18"};
    CHECK(holds(ds, within));
    within.how.start = "2021-12-21";
    within.how.end = "2021-12-31";
    within.how.items = {"2021-12-03", "2021-12-04"};
    CHECK_FALSE(holds(ds, within));  // "akhir Desember" against 3–4 Desember
    CHECK(compute(ds, within.how) == Approx(2));

    // A stated count against the items the source lists.
    auto listed = claim(4, 0, K::item_count, {});
    listed.how.items = {"A", "B", "C", "D"};
    CHECK(holds(ds, listed));
    listed.how.items.push_back("E");
    CHECK_FALSE(holds(ds, listed));
}

TEST_CASE("a warning names a calendar or list claim in its own terms", "[consistency]") {
    auto ds = summary();
    auto day = claim(4, 0, StatComputation::Kind::weekday, {});
    day.label = "Hari rapat";
    day.how.start = "2021-10-29";
    auto listed = claim(4, 0, StatComputation::Kind::item_count, {});
    listed.label = "Lembaga mitra";
    listed.how.items = {"A", "B", "C", "D", "E"};
    auto within = claim(0, 0, StatComputation::Kind::dates_within, {});
    within.label = "Konsinyasi";
    within.how.start = "2021-12-21";
    within.how.end = "2021-12-31";
    within.how.items = {"2021-12-04"};
    ds.statements = {day, listed, within};
    const auto check = check_consistency(ds);
    REQUIRE(check.findings.size() == 3);
    CHECK_THAT(describe(ds, check.findings[0]), Contains("tertulis Kamis, menurut kalender Jumat"));
    CHECK_THAT(describe(ds, check.findings[1]), Contains("tertulis 4, tetapi 5 butir disebutkan: A; B; C; D; E"));
    CHECK_THAT(describe(ds, check.findings[2]),
               Contains("tertulis antara 21 Desember 2021 dan 31 Desember 2021, tetapi 1 dari 1 tanggal yang tercatat "
                        "di luarnya: 4 Desember 2021"));
}
