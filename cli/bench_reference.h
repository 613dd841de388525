// bench --design NAME where NAME is a reference accelerator (dnnexplorer accelerators).
#pragma once

#include "cli/budget_options.h"
#include "cli/common.h"
#include "reference/reference_design.h"

namespace dnne::cli {

struct ReferenceBenchRequest {
  const ModelOptions& model;
  const BudgetOptions& budget;
  const ReferenceDesign& design;
  bool precision_flag = false;  // --precision given: it replaces the template's
  bool json = false;
  bool csv = false;
};

int run_reference_bench(const ReferenceBenchRequest& request);

}  // namespace dnne::cli
