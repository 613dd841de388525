// The reference model: how long a published layer-by-layer engine (reference_design.h) takes
// on a network, layer by layer (docs/validation.md "The reference model"). A pure function of
// the workload, the template and the run's clock and DRAM bandwidth.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/estimate.h"
#include "model/workload.h"
#include "reference/reference_design.h"

namespace dnne {

// Fraction of the DRAM's theoretical bandwidth a streaming engine achieves with long bursts:
// Caffeine (ICCAD'16, Sec. 4.3 / Fig. 7) measured at best 10 GB/s of 12.8 GB/s on its KU060
// board, at >= 512-bit interfaces and >= 128 KB bursts.
inline constexpr double kBurstDramEfficiency = 10.0 / 12.8;

struct ReferenceRun {
  double clock_mhz = 0;     // data clock
  double dram_bw_gbps = 0;  // theoretical DRAM bandwidth the cores share
  bool conv_only = false;   // count convolution layers only (papers' "CONV overall" figures)
};

// Which unit of the engine runs a layer.
enum class RefUnit { kArray, kDepthwise, kMisc, kNone };
std::string_view ref_unit_name(RefUnit unit);  // "array", "depthwise", "misc", "none"

struct ReferenceLayer {
  int stage = 0;
  RefUnit unit = RefUnit::kNone;
  int64_t compute_cycles = 0;
  int64_t dram_cycles = 0;
  int64_t cycles = 0;  // max of the two: the engine overlaps transfers with compute
  Bound bound = Bound::kNone;
  double dram_bytes = 0;  // per frame
};

struct ReferenceEstimate {
  double throughput_fps = 0;   // all cores
  double throughput_gops = 0;  // 2 x counted MACs x fps
  double latency_ms = 0;       // one frame on one core
  int64_t frame_cycles = 0;    // per core
  int64_t macs = 0;            // counted MACs per frame
  double mac_utilisation = 0;  // achieved MACs / peak MACs of the array
  double dsp_efficiency = 0;   // achieved MACs / (DSP x MACs per DSP x clock)
  double dram_gbps_used = 0;
  std::vector<ReferenceLayer> layers;  // one per stage layer
};

ReferenceEstimate evaluate_reference(const Workload& workload, const ReferenceDesign& design,
                                     const ReferenceRun& run);

// Cycles one core's compute units spend on a stage layer (no DRAM): exposed for tests.
int64_t reference_compute_cycles(const StageLayer& layer, const ReferenceDesign& design,
                                 RefUnit* unit = nullptr);

}  // namespace dnne
