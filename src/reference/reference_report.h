// Text and JSON reports of one reference accelerator evaluated on a network (bench --design
// NAME). Keys are listed in the README ("Reference accelerators").
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/problem.h"
#include "reference/reference_fit.h"
#include "reference/reference_model.h"

namespace dnne {

struct ReferenceReportInput {
  const Problem& problem;  // its overrides say whether the clock and bandwidth came from flags
  const ReferenceDesign& design;  // with the run's clock and precision applied
  const ReferenceRun& run;
  const ReferenceEstimate& estimate;
  const ReferenceFit& fit;
  bool precision_from_flag = false;
};

std::string reference_report_table(const ReferenceReportInput& in);
nlohmann::json reference_report_json(const ReferenceReportInput& in);

}  // namespace dnne
