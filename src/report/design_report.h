// Views of one evaluated design (`bench`, `explore`): a per-layer table for people, the JSON
// object of docs/spec/CLI.md for tools, a per-layer CSV for plotting.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "design/design.h"
#include "model/estimate.h"
#include "model/problem.h"
#include "model/workload.h"

namespace dnne {

struct DesignReportInput {
  const Problem& problem;  // the network and budget; its overrides say which fields were set
  const Design& design;
  const Estimate& estimate;
};

// {"model", "device", "paradigm", "budget", "design", "metrics", "layers"} (docs/spec/CLI.md); the
// caller adds "search" for explore.
nlohmann::json design_report_json(const DesignReportInput& in);
std::string design_report_table(const DesignReportInput& in);
std::string design_layers_csv(const DesignReportInput& in);

// "pipeline" (SP = N), "generic" (SP = 0) or "hybrid".
std::string paradigm_of(const Design& design, const Workload& workload);

}  // namespace dnne
