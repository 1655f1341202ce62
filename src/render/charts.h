/// Inline SVG charts made at build time. Each chart carries a <title> and
/// <desc> as its text alternative; pages also show the figures as a table.
#pragma once

#include <string>
#include <vector>

namespace pepgen {

struct BarItem {
    std::string label;       ///< shown left of the bar
    double value = 0;
    std::string value_text;  ///< shown right of the bar, already formatted
    std::string css_class;   ///< e.g. "cat-0" for category colours
};

struct BarChart {
    std::string id;          ///< unique on the page; used for title/desc ids
    std::string title;
    std::string description; ///< the text alternative: what the chart says in words
    std::vector<BarItem> items;
    double max_value = 0;    ///< scale; 0 means the largest value
};

/// Horizontal bar chart, scales to its container width.
std::string render_bar_chart(const BarChart& chart);

}  // namespace pepgen
