// What a cost model predicts for one design (docs/spec/MODELS.md sections 3-5): metrics, per-layer
// cycles and bounds, and, for an infeasible design, which resource is over and by how much
// (an infeasible design is a value, not an error: STYLE.md after Timeloop's EvalStatus).
#pragma once

#include <algorithm>
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

// Pipeline stages report their own DSP/BRAM18 (they sum to the part's); generic layers report
// the engine they run on (DSP for MAC layers, 0 on the vector path; the engine's buffers), so
// never sum a generic part's layers: read PartSummary.
struct LayerEstimate {
  int stage = 0;  // index into Workload::stages
  Part part = Part::kPipeline;
  int64_t cycles = 0;  // cycles this layer takes for one frame
  Bound bound = Bound::kNone;
  int64_t dsp = 0;
  int64_t bram18 = 0;
  int64_t uram = 0;  // URAM288 blocks (pipeline stages; the generic engine uses none)
  int64_t lut = 0;   // pipeline stages: their own; generic layers: the engine's
  double dram_bw_gbps = 0;  // average DRAM bandwidth the layer draws while the design runs
  // Pipeline stages: cycle at which the stage starts on a frame, relative to the part's first
  // stage (the column-pipeline fill, docs/spec/MODELS.md 3); generic layers: cycle the layer starts
  // within the engine's pass over the batch.
  int64_t start_cycle = 0;
};

enum class Resource { kDsp, kBram18, kBandwidth, kDesign, kUram, kLut };
std::string_view resource_name(Resource resource);

// Where a violation lies: the whole design, one of its parts, or the device the design is
// benched on (a budget larger than the device: model/device_fit.h).
enum class Scope { kDesign, kPipeline, kGeneric, kDevice };
std::string_view scope_name(Scope scope);  // "design", "pipeline", "generic", "device"

struct Violation {
  Resource resource = Resource::kDesign;
  double needed = 0;
  double available = 0;
  int stage = -1;  // the offending stage, or -1 for a whole-design total
  // The design field at fault: for Resource::kDesign "cpf", "kpf", "batch", ...; for a
  // resource a field over-asks, e.g. "split.pipeline_dsp" or "generic input buffer". A string
  // literal (or null), so a Violation never allocates.
  const char* field = nullptr;
  Scope scope = Scope::kDesign;
};

struct PartSummary {
  double throughput_fps = 0;
  double latency_ms = 0;
  int64_t dsp = 0;
  int64_t bram18 = 0;
  int64_t uram = 0;
  int64_t lut = 0;
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
  // Makes a reused Estimate feasible again (evaluate() does this; callers of the part
  // functions alone do it themselves, since those add to the violations already present).
  void clear_violations() {
    feasible = true;
    violation_count = 0;
  }
  // Marks the violations recorded from index `first` on as `scope`'s (the part that added them).
  void set_scope_from(int first, Scope scope) {
    const int shown = std::min(violation_count, static_cast<int>(violations.size()));
    for (int i = first; i < shown; ++i) violations[static_cast<size_t>(i)].scope = scope;
  }

  double throughput_fps = 0;
  double throughput_gops = 0;  // 2 * MACs * fps / 1e9
  double latency_ms = 0;
  int64_t dsp_used = 0;
  int64_t bram18_used = 0;
  int64_t uram_used = 0;
  int64_t lut_used = 0;
  double dram_bw_gbps_used = 0;
  // achieved GOP/s / (2 * f * DSP_used * pack): docs/spec/MODELS.md section 5.
  double dsp_efficiency = 0;
  PartSummary pipeline;
  PartSummary generic;
  std::vector<LayerEstimate> layers;  // one per stage layer; reused across evaluations
};

// Records a part's DSP, BRAM18, URAM and LUT totals that exceed its budget as violations (LUTs
// only when the budget states a LUT count: budget.lut > 0).
void add_resource_violations(const PartSummary& used, const Budget& budget, Estimate& out);

// "BRAM18 needed 1412 > available 1080" (with the stage's name when there is one).
std::string describe(const Violation& violation);

}  // namespace dnne
