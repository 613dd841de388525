// A run's budget: the device's figures with the user's per-run overrides (docs/spec/MODELS.md
// section 2).
#include <algorithm>
#include <cmath>

#include "device/catalog.h"
#include "device/limits.h"
#include "util/json_fields.h"
#include "util/number_format.h"

namespace dnne {

namespace {
int64_t share_of(int64_t figure, double keep) {
  return static_cast<int64_t>(std::floor(static_cast<double>(figure) * keep + 1e-9));
}
}  // namespace

Budget default_budget(const Device& device, int precision_bits) {
  const double keep = 1.0 - device.shell_share;
  return {.dsp = share_of(device.dsp, keep),
          .bram18 = share_of(device.bram18, keep),
          .uram = share_of(device.uram, keep),
          .lut = share_of(device.lut, keep),
          .dram_bw_gbps = device.dram_bw_gbps,
          .clock_mhz = device.clock_mhz,
          .precision_bits = precision_bits,
          .dsp_family = device.dsp_family,
          .burst_curve = device.burst_curve};
}

void apply_headroom(Budget& budget, double headroom_pct) {
  const double keep = 1.0 - headroom_pct / 100.0;
  budget.dsp = std::max<int64_t>(1, share_of(budget.dsp, keep));
  budget.bram18 = std::max<int64_t>(1, share_of(budget.bram18, keep));
}

namespace {
// A budget is a share of the device: asking for more than the device has would model a
// design that cannot be built on it. The clock is not capped: the device's is a default.
std::string more_than_device(const std::string& flag, const std::string& value,
                             const Device& device, const std::string& figure, const char* what) {
  return flag + " " + value + ": " + device.name + " has " + figure + " " + what +
         "; expected at most " + figure + " (or a percentage, e.g. 90%)";
}
}  // namespace

Expected<Budget> make_budget(const Device& device, const BudgetOverrides& overrides) {
  Budget budget = default_budget(device, overrides.precision_bits.value_or(16));
  std::vector<std::string> problems;
  if (overrides.dsp) {
    if (*overrides.dsp < 1)
      problems.push_back("--dsp " + std::to_string(*overrides.dsp) +
                         ": expected a positive number of DSP slices");
    if (*overrides.dsp > kMaxDsp)
      problems.push_back("--dsp " + std::to_string(*overrides.dsp) + ": expected at most " +
                         std::to_string(kMaxDsp) + " DSP slices");
    else if (*overrides.dsp > device.dsp)
      problems.push_back(more_than_device("--dsp", std::to_string(*overrides.dsp), device,
                                          std::to_string(device.dsp), "DSP slices"));
    budget.dsp = *overrides.dsp;
  }
  if (overrides.bram18) {
    if (*overrides.bram18 < 1)
      problems.push_back("--bram18 " + std::to_string(*overrides.bram18) +
                         ": expected a positive number of BRAM18 blocks");
    if (*overrides.bram18 > kMaxBram18)
      problems.push_back("--bram18 " + std::to_string(*overrides.bram18) + ": expected at most " +
                         std::to_string(kMaxBram18) + " BRAM18 blocks");
    else if (*overrides.bram18 > device.bram18)
      problems.push_back(more_than_device("--bram18", std::to_string(*overrides.bram18), device,
                                          std::to_string(device.bram18), "BRAM18 blocks"));
    budget.bram18 = *overrides.bram18;
  }
  if (overrides.uram) {
    if (*overrides.uram < 0)
      problems.push_back("--uram " + std::to_string(*overrides.uram) +
                         ": expected a number of URAM288 blocks, 0 or more");
    if (*overrides.uram > kMaxUram)
      problems.push_back("--uram " + std::to_string(*overrides.uram) + ": expected at most " +
                         std::to_string(kMaxUram) + " URAM288 blocks");
    else if (*overrides.uram > device.uram)
      problems.push_back(more_than_device("--uram", std::to_string(*overrides.uram), device,
                                          std::to_string(device.uram), "URAM288 blocks"));
    budget.uram = *overrides.uram;
  }
  if (overrides.lut) {
    if (*overrides.lut < 1)
      problems.push_back("--lut " + std::to_string(*overrides.lut) +
                         ": expected a positive number of LUTs");
    if (*overrides.lut > kMaxLut)
      problems.push_back("--lut " + std::to_string(*overrides.lut) + ": expected at most " +
                         std::to_string(kMaxLut) + " LUTs");
    else if (device.lut > 0 && *overrides.lut > device.lut)
      problems.push_back(more_than_device("--lut", std::to_string(*overrides.lut), device,
                                          std::to_string(device.lut), "LUTs"));
    budget.lut = *overrides.lut;
  }
  if (overrides.dram_bw_gbps) {
    if (!(*overrides.dram_bw_gbps > 0))
      problems.push_back("--bw-gbps " + format_number(*overrides.dram_bw_gbps) +
                         ": expected a positive bandwidth in GB/s");
    else if (*overrides.dram_bw_gbps < kMinDramBwGbps)
      problems.push_back("--bw-gbps " + format_number(*overrides.dram_bw_gbps) +
                         ": expected at least " + format_number(kMinDramBwGbps) + " GB/s");
    if (*overrides.dram_bw_gbps > kMaxDramBwGbps)
      problems.push_back("--bw-gbps " + format_number(*overrides.dram_bw_gbps) +
                         ": expected at most " + format_number(kMaxDramBwGbps) + " GB/s");
    else if (*overrides.dram_bw_gbps > device.dram_bw_gbps)
      problems.push_back(more_than_device("--bw-gbps", format_number(*overrides.dram_bw_gbps),
                                          device, format_number(device.dram_bw_gbps),
                                          "GB/s of DRAM bandwidth"));
    budget.dram_bw_gbps = *overrides.dram_bw_gbps;
  }
  if (overrides.clock_mhz) {
    if (!(*overrides.clock_mhz > 0))
      problems.push_back("--clock-mhz " + format_number(*overrides.clock_mhz) +
                         ": expected a positive clock in MHz");
    else if (*overrides.clock_mhz < kMinClockMhz)
      problems.push_back("--clock-mhz " + format_number(*overrides.clock_mhz) +
                         ": expected at least " + format_number(kMinClockMhz) + " MHz");
    if (*overrides.clock_mhz > kMaxClockMhz)
      problems.push_back("--clock-mhz " + format_number(*overrides.clock_mhz) +
                         ": expected at most " + format_number(kMaxClockMhz) + " MHz");
    budget.clock_mhz = *overrides.clock_mhz;
  }
  if (overrides.headroom_pct) {
    if (!(*overrides.headroom_pct >= 0 && *overrides.headroom_pct < 100))
      problems.push_back("--headroom " + format_number(*overrides.headroom_pct) +
                         ": expected a percentage in [0, 100)");
    else
      apply_headroom(budget, *overrides.headroom_pct);
  }
  if (budget.precision_bits != 16 && budget.precision_bits != 8)
    problems.push_back("--precision " + std::to_string(budget.precision_bits) +
                       ": expected 16 or 8");
  if (!problems.empty()) {
    std::string text;
    // One line, as every error (docs/spec/CLI.md): several bad flags are joined, not stacked.
    for (size_t i = 0; i < problems.size(); ++i) text += (i ? "; " : "") + problems[i];
    return Error{text};
  }
  return budget;
}

}  // namespace dnne
