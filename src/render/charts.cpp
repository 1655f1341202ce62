#include "render/charts.h"

#include <algorithm>
#include <cstdio>

#include "util/text.h"

namespace pepgen {

namespace {

std::size_t utf8_length(const std::string& s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

std::string render_bar_chart(const BarChart& chart) {
    // Narrow on purpose: at 360 px the SVG scales down only a little, so its
    // 13 px text stays legible on phones. Label room follows the longest label.
    std::size_t longest = 0;
    for (const auto& it : chart.items) longest = std::max(longest, utf8_length(it.label));
    const double label_w = std::clamp(static_cast<double>(longest) * 7.2 + 12, 60.0, 210.0);
    constexpr double plot_w = 170, value_w = 64, bar_h = 22, gap = 8, top = 4;
    const double width = label_w + plot_w + value_w;
    double max = chart.max_value;
    for (const auto& it : chart.items) max = std::max(max, it.value);
    if (max <= 0) max = 1;
    const double height = top * 2 + chart.items.size() * (bar_h + gap);
    const auto id = html_escape(chart.id);
    std::string s;
    s += "<svg class=\"chart chart-bar\" role=\"img\" viewBox=\"0 0 " + num(width) + " " + num(height) +
         "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\" aria-labelledby=\"" + id + "-t " + id + "-d\" xmlns=\"http://www.w3.org/2000/svg\">";
    s += "<title id=\"" + id + "-t\">" + html_escape(chart.title) + "</title>";
    s += "<desc id=\"" + id + "-d\">" + html_escape(chart.description) + "</desc>";
    double y = top;
    for (const auto& it : chart.items) {
        const double w = std::max(0.0, it.value) / max * plot_w;
        const std::string cls = it.css_class.empty() ? "bar" : "bar " + html_escape(it.css_class);
        s += "<g>";
        s += "<text class=\"chart-label\" x=\"" + num(label_w - 8) + "\" y=\"" + num(y + bar_h * 0.7) +
             "\" text-anchor=\"end\">" + html_escape(it.label) + "</text>";
        s += "<rect class=\"" + cls + "\" x=\"" + num(label_w) + "\" y=\"" + num(y) + "\" width=\"" + num(w) +
             "\" height=\"" + num(bar_h) + "\" rx=\"2\"/>";
        s += "<text class=\"chart-value\" x=\"" + num(label_w + w + 6) + "\" y=\"" + num(y + bar_h * 0.7) + "\">" +
             html_escape(it.value_text) + "</text>";
        s += "</g>";
        y += bar_h + gap;
    }
    s += "</svg>";
    return s;
}

}  // namespace pepgen
