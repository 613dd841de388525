// compare: the best pipeline (ours and DNNBuilder's), generic and hybrid designs on one budget,
// with reference accelerators beside them (the CLI's compare and dnnexplorer::compare).
#pragma once

#include <string>
#include <vector>

#include "api/run_report.h"
#include "api/run_request.h"
#include "search/search_options.h"
#include "util/expected.h"

namespace dnne {

struct CompareRequest {
  SearchOptions options;  // keep_design_space for html and files
  // Reference accelerators to show (--with); empty: the published builds that fit the budget
  // and the largest DPU that fits (reference/reference_compare.h).
  std::vector<std::string> references;
};

// Errors: an unknown reference name (before the search starts), or the search's. The report
// is infeasible when the hybrid space (which holds both baselines) has nothing feasible; its
// table, CSV and JSON exist either way. Views: table (the rows, then the references), csv,
// and when feasible html, files (report.json, report.html and each feasible row's design
// file, NAME.json) and designs by row: "pipeline", "dnnbuilder", "generic", "hybrid".
Expected<RunReport> compare_run(Problem problem, const CompareRequest& request);

}  // namespace dnne
