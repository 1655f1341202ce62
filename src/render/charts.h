/// Inline SVG charts made at build time. Each chart carries a <title> and
/// <desc> as its text alternative; pages also show the figures as a table.
#pragma once

#include <functional>
#include <optional>
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
    std::string legend;      ///< the one series' name, shown as a legend entry (empty: the labels say it all)
};

/// Horizontal bar chart, scales to its container width.
std::string render_bar_chart(const BarChart& chart);

struct Series {
    std::string name;
    std::vector<std::optional<double>> values;  ///< one per category; blank = no value
};

/// Horizontal bars split into one segment per series, with a legend.
struct StackedBarChart {
    std::string id, title, description;
    std::vector<std::string> categories;
    std::vector<Series> series;
    std::vector<std::string> total_texts;  ///< shown after each bar, formatted
};
std::string render_stacked_bar_chart(const StackedBarChart& chart);

/// Bars side by side, one per series in each category, with a legend: for
/// series of one unit that are not parts of a whole (budget and spending).
struct GroupedBarChart {
    std::string id, title, description;
    std::vector<std::string> categories;
    std::vector<Series> series;
    std::vector<std::vector<std::string>> value_texts;  ///< [series][category], formatted
};
std::string render_grouped_bar_chart(const GroupedBarChart& chart);

/// Lines over ordered categories (years, months); each series has its own
/// colour and marker shape so it can be told apart without colour.
struct LineChart {
    std::string id, title, description;
    std::vector<std::string> categories;
    std::vector<Series> series;
    std::function<std::string(double)> format_tick;  ///< y-axis labels
};
std::string render_line_chart(const LineChart& chart);

/// Round axis steps: 1, 2 or 5 times a power of ten, about `ticks` of them up to max.
double nice_step(double max, int ticks);

}  // namespace pepgen
