// What a run evaluates: a network, its workload, and the device with the budget a design may
// use on it. src/api loads one from what people give (api/run_request.h: load_problem,
// make_problem); the report views take it whole (report/*_report.h) instead of restating its
// fields. Plain data below the report and api layers, so both can name it.
#pragma once

#include "device/catalog.h"
#include "graph/network.h"
#include "model/workload.h"

namespace dnne {

struct ResolvedBudget {
  Device device;
  Budget budget;
  BudgetOverrides overrides;  // what the user overrode, as absolute figures
};

struct Problem {
  Network network;
  Workload workload;
  ResolvedBudget budget;
};

}  // namespace dnne
