#include <catch2/catch.hpp>

#include "scoring/schedule.h"

using namespace pepgen;

namespace {

Round round(const std::string& period, RoundKind kind, const std::string& date, std::vector<std::string> ids) {
    Round r;
    r.period = period;
    r.kind = kind;
    r.date = date;
    for (auto& id : ids) {
        ScoreSheet s;
        s.lsp_id = id;
        r.sheets.push_back(s);
    }
    return r;
}

}  // namespace

TEST_CASE("rounds are counted per year, including years without any", "[schedule]") {
    Data d;
    d.rounds = {round("2023-1", RoundKind::rutin, "2023-05-01", {}), round("2023-2", RoundKind::rutin, "2023-11-01", {}),
                round("2025-1", RoundKind::rutin, "2025-05-01", {}), round("2025-i1", RoundKind::insidental, "2025-07-01", {})};
    const auto years = schedule_by_year(d);
    REQUIRE(years.size() == 3);
    CHECK(years[0].year == 2023);
    CHECK(years[0].meets_minimum());
    CHECK(years[1].year == 2024);
    CHECK(years[1].periodic.empty());
    CHECK_FALSE(years[1].meets_minimum());
    CHECK(years[2].periodic.size() == 1);
    CHECK(years[2].incidental.size() == 1);
    CHECK(schedule_by_year(Data{}).empty());
}

TEST_CASE("missing LSPs are those licensed by the round's date and not evaluated", "[schedule]") {
    Data d;
    Lsp a, b, c;
    a.id = "a";
    b.id = "b";
    b.licence_issued = "2025-06-01";  // licensed after the round
    c.id = "c";
    d.lsps = {a, b, c};
    const auto r = round("2025-1", RoundKind::rutin, "2025-05-01", {"a"});
    const auto missing = missing_from_round(d, r);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0]->id == "c");
}

TEST_CASE("a licence has expired when it ended before the date", "[schedule]") {
    Lsp l;
    l.licence_valid_until = "2026-03-31";
    CHECK(licence_expired_on(l, "2026-05-18"));
    CHECK_FALSE(licence_expired_on(l, "2026-03-31"));
    CHECK_FALSE(licence_expired_on(l, "2025-12-01"));
}
