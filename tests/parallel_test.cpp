#include <catch2/catch.hpp>

#include <atomic>
#include <vector>

#include "util/parallel.h"

using namespace pepgen;

TEST_CASE("every index is worked on exactly once, for any count", "[parallel]") {
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{1000}}) {
        std::vector<std::atomic<int>> seen(count);
        for_each_index(count, [&](std::size_t i) { seen[i].fetch_add(1); });
        for (std::size_t i = 0; i < count; ++i) {
            INFO("count " << count << ", index " << i);
            CHECK(seen[i].load() == 1);
        }
    }
}

TEST_CASE("results kept by index do not depend on timing", "[parallel]") {
    std::vector<long> a(300), b(300);
    auto square = [](std::vector<long>& out) { for_each_index(out.size(), [&](std::size_t i) { out[i] = static_cast<long>(i * i); }); };
    square(a);
    square(b);
    CHECK(a == b);
    CHECK(a[299] == 299L * 299L);
}
