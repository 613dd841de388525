// An FPGA device (a part on a board) and the budget a run may use (docs/spec/MODELS.md section 2).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "device/burst_curve.h"

namespace dnne {

enum class DspFamily { kDsp48E1, kDsp48E2, kDsp58 };
// "DSP48E1" / "DSP48E2" / "DSP58": the names device files and reports use.
std::string_view dsp_family_name(DspFamily family);
std::vector<std::string> dsp_family_names();

struct Device {
  std::string name;   // catalog key: "ku115", "zc706", "u250", ...
  std::string part;   // "XCKU115"
  std::string board;  // "KCU1500" / "Alveo U250" / ...
  int64_t dsp = 0;
  int64_t bram18 = 0;  // BRAM18K blocks (one BRAM36 = two BRAM18)
  int64_t uram = 0;    // 288 Kb UltraRAM blocks
  int64_t lut = 0;
  double dram_bw_gbps = 0;  // external memory bandwidth, GB/s
  double clock_mhz = 0;     // default accelerator clock
  DspFamily dsp_family = DspFamily::kDsp48E2;
  std::string source;  // data sheet / board guide the figures come from
  // Figures that no source confirmed (device-file keys: "board", "dram_bw_gbps", ...);
  // `devices` and the README mark them.
  std::vector<std::string> unconfirmed;
  // The share of the part's DSP and BRAM a vendor shell (PCIe, DMA, memory controllers)
  // takes on boards that have one (AWS F1, Alveo), 0 where the design owns the whole part;
  // the default budget is what the shell leaves (docs/models.md 1.1).
  double shell_share = 0;
  // How much of dram_bw_gbps a transfer gets by its length (docs/models.md 2.3): Caffeine's
  // KU060 measurements unless the device file gives its own points.
  BurstCurve burst_curve = caffeine_burst_curve();
};

// What one run may use: the device's figures, optionally overridden per run (--dsp,
// --bram18, --uram, --lut, --bw-gbps, --clock-mhz, --precision). Cost models check designs
// against it.
struct Budget {
  int64_t dsp = 0;
  int64_t bram18 = 0;
  int64_t uram = 0;  // URAM288 blocks; 0: none (buffers all map to BRAM18)
  int64_t lut = 0;   // 0: the device states no LUT count, so LUTs are reported, not checked
  double dram_bw_gbps = 0;
  double clock_mhz = 0;
  int precision_bits = 16;
  DspFamily dsp_family = DspFamily::kDsp48E2;
  // DSPs at twice the fabric clock (--dsp-double-rate; docs/models.md 2.4).
  bool dsp_double_rate = false;
  // The device's DRAM efficiency by transfer length (docs/models.md 2.3); empty (a budget
  // made by hand): an ideal memory.
  BurstCurve burst_curve;
};

// The device's figures less its shell's share of DSP and BRAM18 (rounded down).
Budget default_budget(const Device& device, int precision_bits = 16);

// The headroom rule (docs/models.md 1.1): every paradigm gets the same usable budget, the
// budget less `headroom_pct` percent of its DSP and BRAM18 (rounded down), as AccDNN keeps
// 1 - RESOURCE_THRES = 10 % free for timing closure. 0 keeps the whole budget.
void apply_headroom(Budget& budget, double headroom_pct);

}  // namespace dnne
