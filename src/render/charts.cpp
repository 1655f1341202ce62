#include "render/charts.h"

#include <algorithm>
#include <charconv>
#include <cmath>
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
    // As printf's "%.1f" in the C locale, without its cost: a national build draws 10,000 charts.
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
    return ec == std::errc() ? std::string(buf, end) : std::string("0.0");
}

std::string svg_open(const std::string& id, const std::string& cls, double width, double height,
                     const std::string& title, const std::string& description) {
    const auto eid = html_escape(id);
    return "<svg class=\"chart " + cls + "\" role=\"img\" viewBox=\"0 0 " + num(width) + " " + num(height) +
           "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\" aria-labelledby=\"" + eid + "-t " + eid +
           "-d\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"" + eid + "-t\">" + html_escape(title) +
           "</title><desc id=\"" + eid + "-d\">" + html_escape(description) + "</desc>";
}

/// Estimated advance of 13 px chart text per character: DejaVu Sans, the
/// widest of the fonts a reader is likely to have, so estimates err wide.
constexpr double kCharWidth = 7.8;

/// Legend: swatches with names, wrapping before max_x; returns its height.
double legend(std::string& s, const std::vector<Series>& series, double x, double y, bool markers, double max_x) {
    double cx = x;
    const double y0 = y;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const double item_w = (markers ? 22 : 16) + static_cast<double>(utf8_length(series[i].name)) * kCharWidth + 14;
        if (cx > x && cx + item_w > max_x) {
            cx = x;
            y += 18;
        }
        const auto cls = "series-" + std::to_string(i % 5);
        if (markers) {
            s += "<line class=\"line " + cls + "\" x1=\"" + num(cx) + "\" y1=\"" + num(y + 6) + "\" x2=\"" +
                 num(cx + 18) + "\" y2=\"" + num(y + 6) + "\"/>";
        } else {
            s += "<rect class=\"" + cls + "\" x=\"" + num(cx) + "\" y=\"" + num(y) + "\" width=\"12\" height=\"12\"/>";
        }
        const double text_x = cx + (markers ? 22 : 16);
        s += "<text class=\"chart-label\" x=\"" + num(text_x) + "\" y=\"" + num(y + 10) + "\">" +
             html_escape(series[i].name) + "</text>";
        cx = text_x + static_cast<double>(utf8_length(series[i].name)) * kCharWidth + 14;
    }
    return y - y0 + 20;
}

/// Labels longer than fit are shortened with an ellipsis; the table beside
/// the chart and the chart's description carry the full text.
std::string fit_label(const std::string& label, std::size_t max_chars) {
    if (utf8_length(label) <= max_chars) return label;
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < label.size(); ++i) {
        if ((static_cast<unsigned char>(label[i]) & 0xC0) != 0x80 && ++n > max_chars - 1) break;
        out += label[i];
    }
    return trim(out) + "\u2026";
}

constexpr std::size_t kMaxLabelChars = 26;

/// A label's text: shortened to max_chars, with the full text as its SVG
/// title (shown on hover, read by assistive technology) when shortened.
std::string label_text(const std::string& label, std::size_t max_chars) {
    const auto shown = fit_label(label, max_chars);
    if (shown == label) return html_escape(label);
    return html_escape(shown) + "<title>" + html_escape(label) + "</title>";
}

std::string marker(std::size_t series, double x, double y) {
    const auto cls = "marker series-" + std::to_string(series % 5);
    switch (series % 3) {
        case 0: return "<circle class=\"" + cls + "\" cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\"/>";
        case 1: return "<rect class=\"" + cls + "\" x=\"" + num(x - 4) + "\" y=\"" + num(y - 4) + "\" width=\"8\" height=\"8\"/>";
        default:
            return "<path class=\"" + cls + "\" d=\"M" + num(x) + " " + num(y - 5) + " L" + num(x + 5) + " " + num(y + 4) +
                   " L" + num(x - 5) + " " + num(y + 4) + " Z\"/>";
    }
}

}  // namespace

double nice_step(double max, int ticks) {
    if (max <= 0 || ticks <= 0) return 1;
    const double raw = max / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * mag >= raw) return m * mag;
    return 10 * mag;
}

std::string render_stacked_bar_chart(const StackedBarChart& chart) {
    std::size_t longest = 0;
    for (const auto& c : chart.categories) longest = std::max(longest, utf8_length(fit_label(c, kMaxLabelChars)));
    const double label_w = std::clamp(static_cast<double>(longest) * 7.8 + 16, 60.0, 220.0);
    std::size_t longest_value = 0;
    for (const auto& t : chart.total_texts) longest_value = std::max(longest_value, utf8_length(t));
    const double value_w = std::max(64.0, static_cast<double>(longest_value) * 7.6 + 12);
    constexpr double plot_w = 200, bar_h = 20, gap = 6;
    const double width = label_w + plot_w + value_w;
    std::string legend_svg;
    const double top = legend(legend_svg, chart.series, label_w, 4, false, width) + 8;
    std::vector<double> totals(chart.categories.size(), 0);
    for (const auto& se : chart.series)
        for (std::size_t i = 0; i < se.values.size() && i < totals.size(); ++i)
            totals[i] += std::max(0.0, se.values[i].value_or(0));
    double max = 0;
    for (double t : totals) max = std::max(max, t);
    if (max <= 0) max = 1;
    const double height = top + chart.categories.size() * (bar_h + gap) + 4;
    std::string s = svg_open(chart.id, "chart-stacked", width, height, chart.title, chart.description) + legend_svg;
    double y = top;
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        s += "<g><text class=\"chart-label\" x=\"" + num(label_w - 8) + "\" y=\"" + num(y + bar_h * 0.7) +
             "\" text-anchor=\"end\">" + label_text(chart.categories[i], kMaxLabelChars) + "</text>";
        double x = label_w;
        for (std::size_t k = 0; k < chart.series.size(); ++k) {
            const double v = i < chart.series[k].values.size() ? std::max(0.0, chart.series[k].values[i].value_or(0)) : 0;
            if (v <= 0) continue;
            const double w = v / max * plot_w;
            s += "<rect class=\"series-" + std::to_string(k % 5) + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
                 "\" width=\"" + num(w) + "\" height=\"" + num(bar_h) + "\"/>";
            x += w;
        }
        const auto total = i < chart.total_texts.size() ? chart.total_texts[i] : std::string();
        s += "<text class=\"chart-value\" x=\"" + num(x + 6) + "\" y=\"" + num(y + bar_h * 0.7) + "\">" +
             html_escape(total) + "</text></g>";
        y += bar_h + gap;
    }
    s += "</svg>";
    return s;
}

std::string render_line_chart(const LineChart& chart) {
    constexpr double left = 110, plot_h = 180;
    const std::size_t n = chart.categories.size();
    const double gaps = std::max<double>(1, static_cast<double>(n) - 1);
    // Category labels never touch: on one row when they fit, else on two
    // alternating rows; the points spread out until one of the two fits.
    std::vector<double> label_w;
    for (const auto& c : chart.categories) label_w.push_back(static_cast<double>(utf8_length(c)) * kCharWidth);
    double one_row = 0, two_rows = 0;
    for (std::size_t i = 0; i + 1 < n; ++i) one_row = std::max(one_row, (label_w[i] + label_w[i + 1]) / 2 + 8);
    for (std::size_t i = 0; i + 2 < n; ++i) two_rows = std::max(two_rows, (label_w[i] + label_w[i + 2]) / 4 + 4);
    double step_x = std::max(36.0, 320.0 / gaps);
    const bool staggered = step_x < one_row;
    if (staggered) step_x = std::max(step_x, two_rows);
    const double bottom = staggered ? 44 : 30;
    const double right = std::max(24.0, (n ? label_w.back() / 2 : 0) + 6);
    const double plot_w = gaps * step_x;
    const double width = left + plot_w + right;
    std::string legend_svg;
    const double top = legend(legend_svg, chart.series, left, 4, true, width) + 12;
    const double height = top + plot_h + bottom;
    double max = 0;
    for (const auto& se : chart.series)
        for (const auto& v : se.values)
            if (v) max = std::max(max, *v);
    const double step = nice_step(max, 4);
    const double top_value = std::max(step, std::ceil(max / step) * step);
    auto fmt = chart.format_tick ? chart.format_tick : [](double v) { return num(v); };
    std::string s = svg_open(chart.id, "chart-line", width, height, chart.title, chart.description) + legend_svg;
    // At most a dozen ticks whatever the values (denormals or huge numbers
    // must never make this loop endless).
    for (int tick = 0; tick <= 12; ++tick) {
        const double t = tick * step;
        if (t > top_value + step / 2) break;
        const double y = top + plot_h - t / top_value * plot_h;
        s += "<line class=\"grid\" x1=\"" + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" + num(left + plot_w) +
             "\" y2=\"" + num(y) + "\"/>";
        s += "<text class=\"chart-tick\" x=\"" + num(left - 6) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\">" +
             html_escape(fmt(t)) + "</text>";
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double x = left + i * step_x;
        const double y = top + plot_h + 18 + (staggered && i % 2 ? 15 : 0);
        s += "<text class=\"chart-tick\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"middle\">" +
             html_escape(chart.categories[i]) + "</text>";
    }
    for (std::size_t k = 0; k < chart.series.size(); ++k) {
        std::string path;
        std::string markers;
        for (std::size_t i = 0; i < chart.series[k].values.size() && i < chart.categories.size(); ++i) {
            const auto& v = chart.series[k].values[i];
            if (!v) continue;
            const double x = left + i * step_x, y = top + plot_h - *v / top_value * plot_h;
            path += (path.empty() ? "M" : " L") + num(x) + " " + num(y);
            markers += marker(k, x, y);
        }
        s += "<path class=\"line series-" + std::to_string(k % 5) + "\" d=\"" + path + "\"/>" + markers;
    }
    s += "</svg>";
    return s;
}

std::string render_bar_chart(const BarChart& chart) {
    // Narrow on purpose: at 360 px the SVG scales down only a little, so its
    // 13 px text stays legible on phones. Label room follows the longest label.
    std::size_t longest = 0;
    for (const auto& it : chart.items) longest = std::max(longest, utf8_length(fit_label(it.label, kMaxLabelChars)));
    const double label_w = std::clamp(static_cast<double>(longest) * 7.8 + 16, 60.0, 220.0);
    std::size_t longest_value = 0;
    for (const auto& it : chart.items) longest_value = std::max(longest_value, utf8_length(it.value_text));
    const double value_w = std::max(64.0, static_cast<double>(longest_value) * 7.6 + 12);
    constexpr double plot_w = 170, bar_h = 22, gap = 8, top = 4;
    const double width = label_w + plot_w + value_w;
    double max = chart.max_value;
    for (const auto& it : chart.items) max = std::max(max, it.value);
    if (max <= 0) max = 1;
    std::string legend_svg;
    const double legend_h =
        chart.legend.empty() ? 0 : legend(legend_svg, {Series{chart.legend, {}}}, label_w, top, false, width) + 4;
    const double height = top * 2 + legend_h + chart.items.size() * (bar_h + gap);
    const auto id = html_escape(chart.id);
    std::string s;
    s += "<svg class=\"chart chart-bar\" role=\"img\" viewBox=\"0 0 " + num(width) + " " + num(height) +
         "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\" aria-labelledby=\"" + id + "-t " + id + "-d\" xmlns=\"http://www.w3.org/2000/svg\">";
    s += "<title id=\"" + id + "-t\">" + html_escape(chart.title) + "</title>";
    s += "<desc id=\"" + id + "-d\">" + html_escape(chart.description) + "</desc>" + legend_svg;
    double y = top + legend_h;
    for (const auto& it : chart.items) {
        const double w = std::max(0.0, it.value) / max * plot_w;
        const std::string cls = it.css_class.empty() ? "bar" : "bar " + html_escape(it.css_class);
        s += "<g>";
        s += "<text class=\"chart-label\" x=\"" + num(label_w - 8) + "\" y=\"" + num(y + bar_h * 0.7) +
             "\" text-anchor=\"end\">" + label_text(it.label, kMaxLabelChars) + "</text>";
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

std::string render_grouped_bar_chart(const GroupedBarChart& chart) {
    std::size_t longest = 0;
    for (const auto& c : chart.categories) longest = std::max(longest, utf8_length(fit_label(c, kMaxLabelChars)));
    const double label_w = std::clamp(static_cast<double>(longest) * kCharWidth + 16, 60.0, 230.0);
    std::size_t longest_value = 0;
    for (const auto& texts : chart.value_texts)
        for (const auto& t : texts) longest_value = std::max(longest_value, utf8_length(t));
    const double value_w = std::max(64.0, static_cast<double>(longest_value) * kCharWidth + 12);
    constexpr double plot_w = 170, bar_h = 16, bar_gap = 2, group_gap = 12;
    const double width = label_w + plot_w + value_w;
    std::string legend_svg;
    const double top = legend(legend_svg, chart.series, label_w, 4, false, width) + 8;
    double max = 0;
    for (const auto& se : chart.series)
        for (const auto& v : se.values) max = std::max(max, v.value_or(0));
    if (max <= 0) max = 1;
    const double k = static_cast<double>(chart.series.size());
    const double group_h = k * bar_h + (k - 1) * bar_gap;
    const double height = top + chart.categories.size() * (group_h + group_gap) + 4;
    std::string s = svg_open(chart.id, "chart-grouped", width, height, chart.title, chart.description) + legend_svg;
    double y = top;
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        s += "<g><text class=\"chart-label\" x=\"" + num(label_w - 8) + "\" y=\"" + num(y + group_h / 2 + 4.5) +
             "\" text-anchor=\"end\">" + label_text(chart.categories[i], kMaxLabelChars) + "</text>";
        for (std::size_t j = 0; j < chart.series.size(); ++j) {
            const auto& v = i < chart.series[j].values.size() ? chart.series[j].values[i] : std::nullopt;
            const double w = std::max(0.0, v.value_or(0)) / max * plot_w;
            const double by = y + static_cast<double>(j) * (bar_h + bar_gap);
            s += "<rect class=\"series-" + std::to_string(j % 5) + "\" x=\"" + num(label_w) + "\" y=\"" + num(by) +
                 "\" width=\"" + num(w) + "\" height=\"" + num(bar_h) + "\"/>";
            const auto text = j < chart.value_texts.size() && i < chart.value_texts[j].size() ? chart.value_texts[j][i]
                                                                                              : std::string();
            s += "<text class=\"chart-value\" x=\"" + num(label_w + w + 6) + "\" y=\"" + num(by + bar_h * 0.78) + "\">" +
                 html_escape(text) + "</text>";
        }
        s += "</g>";
        y += group_h + group_gap;
    }
    s += "</svg>";
    return s;
}

}  // namespace pepgen
