// bench's budget rules (design_bench.h), shared by the CLI and the public API.
#include "api/design_bench.h"

namespace dnne {

// The design file carries its own clock and precision, and (when explore wrote it) the DSP,
// BRAM and bandwidth budget it was made for; a flag given on the command line wins, otherwise
// the file's values are the run's. Either way a figure that differs from the device's shows
// as overridden, with where it came from. A file's budget may exceed this device (it was
// made for another): the run keeps it, so the metrics are the file's, and
// add_device_violations makes the design infeasible here.
void reconcile_design_budget(ResolvedBudget& resolved, Design& design, bool precision_given) {
  const DesignBudget& made_for = design.made_for;
  BudgetOverrides& overrides = resolved.overrides;
  Budget& budget = resolved.budget;
  auto& file = overrides.from_design_file;
  if (!overrides.dsp && made_for.dsp > 0 && made_for.dsp != budget.dsp) {
    budget.dsp = *(overrides.dsp = made_for.dsp);
    file.dsp = true;
  }
  if (!overrides.bram18 && made_for.bram18 > 0 && made_for.bram18 != budget.bram18) {
    budget.bram18 = *(overrides.bram18 = made_for.bram18);
    file.bram18 = true;
  }
  if (!overrides.dram_bw_gbps && made_for.dram_bw_gbps > 0 &&
      made_for.dram_bw_gbps != budget.dram_bw_gbps) {
    budget.dram_bw_gbps = *(overrides.dram_bw_gbps = made_for.dram_bw_gbps);
    file.dram_bw_gbps = true;
  }
  if (!overrides.uram && made_for.uram >= 0 && made_for.uram != budget.uram) {
    budget.uram = *(overrides.uram = made_for.uram);
    file.uram = true;
  }
  if (!overrides.lut && made_for.lut >= 0 && made_for.lut != budget.lut) {
    budget.lut = *(overrides.lut = made_for.lut);
    file.lut = true;
  }
  if (precision_given) {
    design.precision_bits = budget.precision_bits;
  } else {
    budget.precision_bits = design.precision_bits;
    if (design.precision_bits != 16) {  // 16 bits is every run's default
      overrides.precision_bits = design.precision_bits;
      file.precision_bits = true;
    }
  }
  if (overrides.clock_mhz) {
    design.clock_mhz = budget.clock_mhz;
  } else if (design.clock_mhz > 0) {
    budget.clock_mhz = design.clock_mhz;
    if (design.clock_mhz != resolved.device.clock_mhz) {
      overrides.clock_mhz = design.clock_mhz;
      file.clock_mhz = true;
    }
  }
}

}  // namespace dnne
