// Views of the Pareto front a search kept (`explore --pareto`): each design with its metrics
// (the `metrics` object of `bench --json`, from the cost models) and its design file, as a
// JSON list, a table, CSV, and the index written beside the design files by `--out`.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/design_report.h"
#include "search/pareto.h"

namespace dnne {

struct ParetoReportInput {
  const Problem& problem;
  const std::vector<ParetoEntry>& front;
};

// "p01", "p02", ... in front order (zero-padded to the count's digits, at least two), the
// names of the design files DIR/pareto/NAME.json.
std::vector<std::string> pareto_names(size_t count);

// [{"name", "metrics", "design"}], metrics as design_report_json's.
nlohmann::json pareto_json(const ParetoReportInput& in);
std::string pareto_table(const ParetoReportInput& in);
std::string pareto_csv(const ParetoReportInput& in);
// DIR/pareto/index.json: {"model", "device", "budget", "axes": [{"metric", "goal"}],
// "designs": [{"name", "file", "metrics"}]}.
nlohmann::json pareto_index_json(const ParetoReportInput& in);

}  // namespace dnne
