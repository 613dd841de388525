#include "model/device_fit.h"

namespace dnne {

void add_device_violations(const Budget& budget, const Device& device, Estimate& out) {
  const auto earlier = out.violations;
  const int earlier_count = out.violation_count;
  const int earlier_shown = std::min(earlier_count, static_cast<int>(earlier.size()));
  out.clear_violations();
  if (budget.dsp > device.dsp)
    out.add_violation({.resource = Resource::kDsp,
                       .needed = static_cast<double>(budget.dsp),
                       .available = static_cast<double>(device.dsp),
                       .field = "budget.dsp",
                       .scope = Scope::kDevice});
  if (budget.bram18 > device.bram18)
    out.add_violation({.resource = Resource::kBram18,
                       .needed = static_cast<double>(budget.bram18),
                       .available = static_cast<double>(device.bram18),
                       .field = "budget.bram18",
                       .scope = Scope::kDevice});
  if (budget.dram_bw_gbps > device.dram_bw_gbps)
    out.add_violation({.resource = Resource::kBandwidth,
                       .needed = budget.dram_bw_gbps,
                       .available = device.dram_bw_gbps,
                       .field = "budget.dram_bw_gbps",
                       .scope = Scope::kDevice});
  for (int i = 0; i < earlier_shown; ++i) out.add_violation(earlier[static_cast<size_t>(i)]);
  // Violations past the fixed array were counted but not kept: keep counting them.
  if (earlier_count > earlier_shown) {
    out.violation_count += earlier_count - earlier_shown;
    out.feasible = false;
  }
}

}  // namespace dnne
