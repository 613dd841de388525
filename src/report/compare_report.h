// Views of `compare`: the best design of each paradigm on one budget side by side, with the
// hybrid's speed-up and latency ratio over each (JSON, table, CSV).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "report/search_report.h"
#include "search/compare.h"
#include "search/objective.h"

namespace dnne {

struct CompareReportInput {
  const Problem& problem;
  const CompareResult& result;
  Objective objective = Objective::kThroughput;  // what every row's search optimised
  bool winograd = true;                          // whether generic engines could use Winograd
};

// {model, device, budget, objective, winograd, results: {pipeline, generic, hybrid,
// dnnbuilder}, speedups: {...}, latency_ratios: {...}, dsp_efficiency_ratios: {...}}; ratios
// are null when either side is infeasible.
nlohmann::json compare_report_json(const CompareReportInput& in);
std::string compare_report_table(const CompareReportInput& in);
// One row per design: design,split_point,...,hybrid_speedup,hybrid_latency_ratio,feasible,reason
std::string compare_report_csv(const CompareReportInput& in);

}  // namespace dnne
