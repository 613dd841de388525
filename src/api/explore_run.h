// explore: search the best design of a paradigm on the problem's budget and build its report
// (the CLI's explore and dnnexplorer::explore).
#pragma once

#include <string>

#include "api/run_report.h"
#include "api/run_request.h"
#include "search/search_options.h"
#include "util/expected.h"

namespace dnne {

struct ExploreRequest {
  SearchOptions options;  // options.paradigm set; keep_design_space for html and files
  std::string paradigm;   // as the user named it ("hybrid"), for the report
  bool pareto = false;    // the Pareto front in the JSON, the table, the CSV and the files
};

// Errors are the search's (a cancelled search). An infeasible result is a report with
// feasible false, its JSON, and `infeasible` saying why; it has no other view.
// Views when feasible: table (the design, or with pareto the front), csv (the layers, or
// with pareto the front), html, files (design.json, report.json, layers.csv, report.html,
// and with pareto pareto/NAME.json and pareto/index.json), designs {"hybrid": the design}.
Expected<RunReport> explore_run(Problem problem, const ExploreRequest& request);

}  // namespace dnne
