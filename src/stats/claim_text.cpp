#include "stats/claim_text.h"

#include <cmath>

#include "format/indonesian.h"

namespace pepgen {

std::optional<std::string> calendar_stated_text(const StatStatement& st) {
    switch (st.how.kind) {
        case StatComputation::Kind::weekday: return weekday_name(static_cast<int>(st.value));
        case StatComputation::Kind::dates_within:
            return "antara " + format_date(st.how.start) + " dan " + format_date(st.how.end);
        default: return std::nullopt;
    }
}

std::optional<std::string> claim_computed_text(const StatComputation& c, double computed) {
    switch (c.kind) {
        case StatComputation::Kind::weekday: return weekday_name(static_cast<int>(computed));
        case StatComputation::Kind::dates_within: {
            const auto total = std::to_string(c.items.size());
            if (computed == 0)
                return c.items.size() == 1 ? format_date(c.items[0]) + " ada di dalamnya"
                                           : "semua " + total + " tanggal yang tercatat ada di dalamnya";
            std::string outside;
            for (const auto& d : c.items)
                if (d < c.start || d > c.end) outside += (outside.empty() ? "" : ", ") + format_date(d);
            return std::to_string(static_cast<long>(std::lround(computed))) + " dari " + total +
                   " tanggal yang tercatat di luarnya: " + outside;
        }
        case StatComputation::Kind::item_count: {
            std::string items;
            for (const auto& item : c.items) items += (items.empty() ? "" : "; ") + item;
            return std::to_string(c.items.size()) + " butir disebutkan: " + items;
        }
        default: return std::nullopt;
    }
}

}  // namespace pepgen
