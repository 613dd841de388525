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
// describe(v) after where it lies: "generic part: ", "device pynq_z1: ", "generic part,
// layer conv1: " for a stage's violation.
std::string violation_text(const DesignReportInput& in, const Violation& v);
// "dsp", "bram18", "dram_bw_gbps", "clock_mhz", "precision": the budget fields the user set.
std::vector<std::string> overridden_fields(const BudgetOverrides& overrides);
// {"dsp", "bram18", "dram_bw_gbps", "clock_mhz", "precision", "overridden", "from"}: the
// budget's figures, which were overridden, and where each came from ("device", "flag",
// "design_file"; precision "default" when nothing set it).
nlohmann::json budget_json(const Budget& budget, const BudgetOverrides& overrides);
// "budget from: ku115 (device), except * from the design file: DSP, BRAM18" -- where the
// figures marked with * in the tables came from.
std::string budget_origin_line(const Device& device, const BudgetOverrides& overrides);

}  // namespace dnne::detail
