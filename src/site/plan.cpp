#include "site/plan.h"

namespace pepgen {

SitePlan plan_site(const SiteModel& model) {
    SitePlan plan;
    plan_home(model, plan);
    plan_guides(model, plan);
    plan_indicators(model, plan);
    plan_lsps(model, plan);
    plan_rounds(model, plan);
    plan_exports(model, plan);
    plan_stats(model, plan);
    plan_extra_pages(model, plan);
    plan_discovery(model, plan);
    return plan;
}

}  // namespace pepgen
