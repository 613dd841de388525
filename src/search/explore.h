// Design space exploration (docs/spec/MODELS.md section 6): the best design of a paradigm for a
// network on a budget, with the figures of the search that found it.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "design/design.h"
#include "device/device.h"
#include "model/estimate.h"
#include "model/workload.h"
#include "search/objective.h"
#include "search/pareto.h"
#include "search/search_options.h"
#include "util/expected.h"

namespace dnne {

struct SearchStats {
  std::string method;       // "pso", "exhaustive", or "local" (a single-part paradigm)
  int64_t evaluated = 0;    // designs (whole designs or parts) evaluated by the cost models
  int64_t stage_costs = 0;  // pipeline stage costs tabulated up front (stage_table.h)
  int64_t points = 0;       // distinct global points locally optimised
  int64_t infeasible_points = 0;
  std::map<std::string, int64_t> infeasible_by_reason;  // "dsp", "bram18", "bandwidth", ...
  int iterations = 0;                                   // PSO iterations run, or exhaustive chunks
  int polish_rounds = 0;  // hill-climbing rounds after the swarm (pso.h)
  int threads = 1;
  double seconds = 0;
  double designs_per_second = 0;
  // Wall seconds by phase (docs/search.md 6): the stage classes and option table, the global
  // search (the swarm, the exhaustive grid, or the one local optimisation), the pattern
  // search after the swarm, and the final evaluation with the design space's hand-over.
  struct Phases {
    double stage_table = 0, global = 0, polish = 0, final = 0;
  } phases;
};

struct SearchResult {
  bool feasible = false;
  Design design;
  Estimate estimate;   // of `design`, by evaluate()
  Rejection tightest;  // when nothing is feasible: the violation closest to being met
  SearchStats stats;
  // With SearchOptions::keep_design_space: the front (each design's made_for set, as
  // `design`'s) and a sample of the feasible designs evaluated.
  DesignSpace design_space;
};

// Errors only for invalid options; "no feasible design" is a result (feasible = false).
Expected<SearchResult> explore(const Workload& workload, const Budget& budget,
                               const SearchOptions& options);

}  // namespace dnne
