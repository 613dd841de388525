// bench: one design evaluated on the problem's budget with the cost models, or one reference
// accelerator (a published design) with the reference model (the CLI's bench and
// dnnexplorer::bench). An infeasible design is a report, not an error.
#pragma once

#include <string>

#include "api/run_report.h"
#include "api/run_request.h"
#include "reference/reference_design.h"
#include "util/expected.h"

namespace dnne {

// What --design names: a design file's path, a design's JSON text (starting with '{'), or a
// reference accelerator (dnnexplorer accelerators) when no file has that name.
struct BenchTarget {
  const ReferenceDesign* reference = nullptr;
  std::string design;  // the path or the JSON text when not a reference
  bool json_text = false;
};

// Errors: a name that is neither a file nor a reference accelerator (with the nearest name).
Expected<BenchTarget> bench_target(const std::string& design);

// `precision_given`: the budget's precision is the user's (a flag), not the default: it
// replaces the design file's or the template's. Views: table, csv (per layer), and for a
// design file, designs {"design": the design as evaluated}.
Expected<RunReport> bench_run(Problem problem, const BenchTarget& target, bool precision_given);

}  // namespace dnne
