// What a cost model predicts for one design (MODELS.md sections 3-5): metrics, per-layer
// cycles and bounds, and, for an infeasible design, which resource is over and by how much
// (an infeasible design is a value, not an error: STYLE.md after Timeloop's EvalStatus).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "device/device.h"

namespace dnne {

enum class Part { kPipeline, kGeneric };
std::string_view part_name(Part part);  // "pipeline" / "generic"

// What limits a layer: its compute (DSP lanes), BRAM (buffers too small forcing smaller tiles
// or re-fetch), DRAM bandwidth, or waiting on another part/stage ("dependency").
enum class Bound { kDsp, kBram, kBandwidth, kDependency, kNone };
std::string_view bound_name(Bound bound);  // "dsp", "bram", "bandwidth", "dependency", "none"

struct LayerEstimate {
  int stage = 0;  // index into Workload::stages
  Part part = Part::kPipeline;
  int64_t cycles = 0;  // cycles this layer takes for one frame
  Bound bound = Bound::kNone;
  int64_t dsp = 0;
  int64_t bram18 = 0;
  double dram_bw_gbps = 0;  // average DRAM bandwidth the layer draws while the design runs
};

enum class Resource { kDsp, kBram18, kBandwidth, kDesign };
std::string_view resource_name(Resource resource);

struct Violation {
  Resource resource = Resource::kDesign;
  double needed = 0;
  double available = 0;
  int stage = -1;  // the offending stage, or -1 for a whole-design total
};

struct PartSummary {
  double throughput_fps = 0;
  double latency_ms = 0;
  int64_t dsp = 0;
  int64_t bram18 = 0;
  double dram_bw_gbps = 0;
};

struct Estimate {
  bool feasible = true;
  // The first few violations, fixed-size so evaluation never allocates.
  std::array<Violation, 4> violations{};
  int violation_count = 0;
  void add_violation(const Violation& v) {
    feasible = false;
    if (violation_count < static_cast<int>(violations.size())) violations[violation_count] = v;
    ++violation_count;
  }

  double throughput_fps = 0;
  double throughput_gops = 0;  // 2 * MACs * fps / 1e9
  double latency_ms = 0;
  int64_t dsp_used = 0;
  int64_t bram18_used = 0;
  double dram_bw_gbps_used = 0;
  // achieved GOP/s / (2 * f * DSP_used * pack): MODELS.md section 5.
  double dsp_efficiency = 0;
  PartSummary pipeline;
  PartSummary generic;
  std::vector<LayerEstimate> layers;  // one per stage layer; reused across evaluations
};

// "BRAM18 needed 1412 > available 1080" (with the stage's name when there is one).
std::string describe(const Violation& violation);

}  // namespace dnne
