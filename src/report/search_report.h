// Views of a search: the "search" object of `explore --json` (docs/spec/CLI.md), a one-line summary
// for people, and the explore object (compare's views are in compare_report.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "report/design_report.h"
#include "search/explore.h"

namespace dnne {

// {"method", "evaluated", "seconds", "designs_per_second", "points", "infeasible": {...}, ...}
nlohmann::json search_stats_json(const SearchStats& stats);
// "search: pso, 12 iterations, 380 points (41 infeasible: 30 bram18, 11 bandwidth), 9,120
// designs in 0.21 s (43,400 designs/s) on 2 threads"
std::string search_stats_line(const SearchStats& stats);

// "design: pipeline of 4 stages, batch 3 (split: 1,188 DSP, 606 BRAM18, 0.75 GB/s); generic
// engine 32 x 128, Winograd F(4x4,3x3), buffers 742/2,228/742 BRAM18 (in/weights/out), batch 8"
std::string design_summary_line(const Design& design, const Workload& workload);

// The explore object: design_report_json(in) plus "search" (and, when infeasible, no design:
// {"model", "device", "paradigm", "feasible": false, "reason", "budget", "search"}).
struct ExploreReportInput {
  const Problem& problem;
  const SearchResult& result;
  std::string paradigm;  // what was asked for: "hybrid", "pipeline", "generic"
  Objective objective = Objective::kThroughput;  // what the search optimised
  bool winograd = true;                          // generic engines could use Winograd modes
};
nlohmann::json explore_report_json(const ExploreReportInput& in);

}  // namespace dnne
