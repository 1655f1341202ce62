#include <catch2/catch.hpp>

#include "render/template_scan.h"

using namespace pepgen;

TEST_CASE("the names a list's rows look up are found inside every section over it", "[theme]") {
    using Names = std::set<std::string>;
    CHECK(names_inside_sections("{{title}}{{#rows}}<tr>{{name}}{{{html}}}{{& raw}}{{#cat}}{{key}}{{/cat}}{{round.kind}}{{.}}</tr>{{/rows}}{{mean}}", "rows") ==
          Names{"name", "html", "raw", "cat", "key", "round"});
    // Inside another section; comments and an inverted check are no lookups.
    CHECK(names_inside_sections("{{#a}}{{#rows}}{{x}}{{! note }}{{ y }}{{/rows}}{{/a}}{{^rows}}{{none}}{{/rows}}", "rows") ==
          Names{"x", "y"});
    CHECK(names_inside_sections("<p>{{title}}</p>", "rows") == Names{});
    // What the scan cannot vouch for: the caller renders the page whole.
    CHECK_FALSE(names_inside_sections("{{=<% %>=}}<% name %>", "rows"));
    // Two sections over the list would make parts with the same keys and other bytes.
    CHECK_FALSE(names_inside_sections("{{#rows}}{{x}}{{/rows}}{{#rows}}{{y}}{{/rows}}", "rows"));
    CHECK_FALSE(names_inside_sections("{{#rows}}{{rows}}{{/rows}}", "rows"));
    CHECK_FALSE(names_inside_sections("{{#rows}}{{#rows}}{{/rows}}{{/rows}}", "rows"));
    CHECK_FALSE(names_inside_sections("{{#rows}}{{name}}", "rows"));
    CHECK_FALSE(names_inside_sections("{{#rows}}{{/a}}{{/rows}}", "rows"));
    CHECK_FALSE(names_inside_sections("{{#rows}}{{> row}}{{/rows}}", "rows"));
    CHECK_FALSE(names_inside_sections("{{#rows}}{{name", "rows"));
}
