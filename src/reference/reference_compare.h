// Reference accelerators beside the explored designs (compare, issue 10 item 3): the published
// builds that fit the budget, or those the user names, each evaluated on the network with its
// own clock and precision and the budget's DRAM bandwidth.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "device/device.h"
#include "model/workload.h"
#include "reference/reference_fit.h"
#include "reference/reference_model.h"
#include "util/expected.h"

namespace dnne {

struct ReferenceComparison {
  const ReferenceDesign* design = nullptr;
  bool fits = false;    // within the budget's DSP and BRAM18 and the device's URAM and LUT
  std::string why_not;  // "DSP needed 2070 > available 900; ..." when it does not fit
  ReferenceEstimate estimate;
};

// `names` empty: every template published on a board, plus the largest DPU configuration,
// that fits the budget. Otherwise the named ones (fitting or not, in the given order); an
// unknown name is an error with a suggestion.
Expected<std::vector<ReferenceComparison>> compare_references(
    const Workload& workload, const Budget& budget, const Device& device,
    const std::vector<std::string>& names);

std::string reference_comparison_table(const std::vector<ReferenceComparison>& rows);
nlohmann::json reference_comparison_json(const std::vector<ReferenceComparison>& rows);

}  // namespace dnne
