// Helpers the design report's views share (internal to src/report).
#pragma once

#include <string>
#include <vector>

#include "report/design_report.h"

namespace dnne::detail {

// The clock the design runs at: its own, or the budget's when the design leaves it at 0.
double effective_clock_mhz(const DesignReportInput& in);
// The stage layer's name in the network ("" out of range).
std::string stage_name(const DesignReportInput& in, int stage);
// describe(v), with the stage's layer name when the violation is a stage's.
std::string violation_text(const DesignReportInput& in, const Violation& v);
// "dsp", "bram18", "dram_bw_gbps", "clock_mhz", "precision": the budget fields the user set.
std::vector<std::string> overridden_fields(const BudgetOverrides& overrides);

}  // namespace dnne::detail
