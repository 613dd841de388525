// Evaluates a reference template (src/reference) on the network: clock and precision are the
// template's unless --clock-mhz / --precision say otherwise; the DRAM bandwidth is the
// device's (or --bw-gbps). A template larger than the budget (the device's figures unless
// --dsp / --bram18 shrink them) is reported infeasible with the resources named (exit 0,
// like any infeasible design).
#include "cli/bench_reference.h"

#include <iostream>

#include "reference/reference_fit.h"
#include "reference/reference_model.h"
#include "reference/reference_report.h"
#include "report/table.h"

namespace dnne::cli {

int run_reference_bench(const ReferenceBenchRequest& r) {
  auto network = load_network(r.model);
  if (!network) return report_error(network.error());
  auto resolved = resolve_budget(r.budget);
  if (!resolved) return report_error(resolved.error());
  ReferenceDesign design = r.design;
  const bool clock_flag = resolved->overrides.clock_mhz.has_value();
  if (clock_flag) design.clock_mhz = *resolved->overrides.clock_mhz;
  if (r.precision_flag) design.precision_bits = resolved->budget.precision_bits;
  const Workload workload = make_workload(*network);
  const ReferenceRun run{.clock_mhz = design.clock_mhz,
                         .dram_bw_gbps = resolved->budget.dram_bw_gbps};
  const ReferenceEstimate estimate = evaluate_reference(workload, design, run);
  // The budget's DSP and BRAM18 (--dsp / --bram18 may shrink them), the device's URAM and LUT.
  Device limits = resolved->device;
  limits.dsp = resolved->budget.dsp;
  limits.bram18 = resolved->budget.bram18;
  const ReferenceFit fit = reference_fit(design, limits);
  const ReferenceReportInput in{
      .network = *network,
      .workload = workload,
      .device = resolved->device,
      .design = design,
      .run = run,
      .estimate = estimate,
      .fit = fit,
      .clock_from_flag = clock_flag,
      .precision_from_flag = r.precision_flag,
      .bandwidth_from_flag = resolved->overrides.dram_bw_gbps.has_value()};
  if (r.json) {
    std::cout << reference_report_json(in).dump(2) << "\n";
  } else if (r.csv) {
    std::cout << "layer,kind,unit,compute_cycles,dram_cycles,cycles,bound\n";
    for (const ReferenceLayer& l : estimate.layers) {
      const StageLayer& s = workload.stages[static_cast<size_t>(l.stage)];
      std::cout << network->layers()[static_cast<size_t>(s.layer)].name << "," << kind_name(s.kind)
                << "," << ref_unit_name(l.unit) << "," << l.compute_cycles << "," << l.dram_cycles
                << "," << l.cycles << "," << bound_name(l.bound) << "\n";
    }
  } else {
    std::cout << reference_report_table(in);
  }
  return 0;
}

}  // namespace dnne::cli
