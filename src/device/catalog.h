// The boards DNNExplorer ships (docs/spec/MODELS.md section 2), each figure citing its data sheet,
// and user device files for boards not in the catalog.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "device/device.h"
#include "util/expected.h"

namespace dnne {

const std::vector<Device>& device_catalog();

// A catalog name ("ku115", case-insensitive), a part carried by one catalog board ("xcku115"),
// or a path to a JSON device file (documented in the README). Unknown names suggest the nearest
// catalog names.
Expected<Device> find_device(const std::string& name_or_path);

// Per-run overrides of the device's own figures (--dsp, --bram18, --uram, --lut, --bw-gbps, --clock-mhz,
// --precision); reports show which fields were overridden.
struct BudgetOverrides {
  std::optional<int64_t> dsp;
  std::optional<int64_t> bram18;
  std::optional<int64_t> uram;
  std::optional<int64_t> lut;
  std::optional<double> dram_bw_gbps;
  std::optional<double> clock_mhz;
  std::optional<int> precision_bits;
  // --headroom PCT: the share of DSP and BRAM18 kept free for every paradigm (apply_headroom).
  std::optional<double> headroom_pct;
  // Which of them a design file set (bench: the budget it was made for, its clock and
  // precision) rather than a flag; reports say where each figure came from.
  struct {
    bool dsp = false, bram18 = false, uram = false, lut = false, dram_bw_gbps = false, clock_mhz = false,
         precision_bits = false;
  } from_design_file;
};

// Errors name the flag and what was expected (e.g. "--dsp 0: expected a positive number of
// DSP slices"); a DSP, BRAM18 or bandwidth figure above the device's is an error naming the
// device's figure (a budget is a share of the device).
Expected<Budget> make_budget(const Device& device, const BudgetOverrides& overrides);

}  // namespace dnne
