// What `bench` does before it evaluates a design file: the file's clock, precision and the
// budget it was made for become the run's unless the user gave them (README "bench").
#pragma once

#include "api/run_request.h"
#include "design/design.h"

namespace dnne {

// `precision_given`: the budget's precision came from the user (a flag), not the default.
void reconcile_design_budget(ResolvedBudget& resolved, Design& design, bool precision_given);

}  // namespace dnne
