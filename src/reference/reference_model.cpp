// The reference model (docs/validation.md "The reference model"). Per layer:
//   conv on the array: groups x ceil(Cg/ICP) x ceil(Mg/OCP) x R x ceil(Q/PP)
//                      x ceil(Kh/KPh) x ceil(Kw/KPw) x II
//   (PP pixels of one output row in parallel: ours, the DPU's pixel parallelism [I]);
//   depthwise on its own unit (PG338): ceil(C/ICP) x R x ceil(Q/PP_dw) x Kh x Kw x II;
//   dense: R x ceil(C/ICP) x ceil(M/OCP) x II; pooling, element-wise and standalone
//   activations on the misc path at PP x ICP elements per cycle (ours); concat is free
//   (producers write in place, ours).
// DRAM: every layer reads its inputs and weights and writes its output (a layer-by-layer
// engine keeps feature maps in DRAM: ours for the DPU, stated by Caffeine and Zhang'15); a
// tiled engine (tile_pixels > 0) reads its inputs once per OCP group of outputs and its
// weights once per output tile (Zhang FPGA'15's memory-access model); FC
// weights are shared by `fc_batch` frames. The cores share the DRAM: each gets 1/cores of the
// burst-efficient bandwidth. A layer takes the longer of compute and transfer.
#include "reference/reference_model.h"

#include <algorithm>
#include <cmath>

#include "util/enum_names.h"

namespace dnne {

namespace {

int64_t ceil_div(int64_t a, int64_t b) {
  return (a + b - 1) / std::max<int64_t>(b, 1);
}

constexpr auto kRefUnits = enum_names<RefUnit>({{RefUnit::kArray, "array"},
                                                {RefUnit::kDepthwise, "depthwise"},
                                                {RefUnit::kMisc, "misc"},
                                                {RefUnit::kNone, "none"}});
static_assert(kRefUnits.covers(RefUnit::kNone));

}  // namespace

std::string_view ref_unit_name(RefUnit unit) {
  return kRefUnits.name(unit);
}

int64_t reference_compute_cycles(const StageLayer& s, const ReferenceDesign& d, RefUnit* unit) {
  RefUnit u = RefUnit::kNone;
  int64_t cycles = 0;
  const int64_t rows_x_cols = s.R * ceil_div(s.Q, d.pp);
  switch (s.kind) {
    case LayerKind::kConv: {
      const int64_t g = std::max(1, s.groups);
      const int64_t cg = s.C / g, mg = s.M / g;
      if (cg == 1 && g > 1 && d.depthwise_pp > 0) {
        u = RefUnit::kDepthwise;
        cycles = ceil_div(s.C, d.icp) * s.R * ceil_div(s.Q, d.depthwise_pp) * s.kh * s.kw * d.ii;
      } else {
        u = RefUnit::kArray;
        cycles = g * ceil_div(cg, d.icp) * ceil_div(mg, d.ocp) * rows_x_cols *
                 ceil_div(s.kh, d.kph) * ceil_div(s.kw, d.kpw) * d.ii;
      }
      break;
    }
    case LayerKind::kFc:
    case LayerKind::kMatMul:
      u = RefUnit::kArray;
      cycles = s.R * ceil_div(s.C, d.icp) * ceil_div(s.M, d.ocp) * d.ii;
      break;
    case LayerKind::kPool:
      u = RefUnit::kMisc;
      cycles = ceil_div(s.M, d.icp) * rows_x_cols * s.kh * s.kw * d.ii;
      break;
    case LayerKind::kEltwise:
      u = RefUnit::kMisc;
      cycles = ceil_div(s.M, d.icp) * rows_x_cols *
               std::max<int64_t>(1, static_cast<int64_t>(s.producer_stages.size())) * d.ii;
      break;
    case LayerKind::kFused:
    case LayerKind::kResample:
      u = RefUnit::kMisc;
      cycles = ceil_div(s.M, d.icp) * rows_x_cols * d.ii;
      break;
    default:
      break;
  }
  if (unit) *unit = u;
  return cycles;
}

ReferenceEstimate evaluate_reference(const Workload& workload, const ReferenceDesign& d,
                                     const ReferenceRun& run) {
  ReferenceEstimate out;
  out.layers.reserve(workload.stages.size());
  const double clock_hz = run.clock_mhz * 1e6;
  const double bytes = std::ceil(d.precision_bits / 8.0);
  // Bytes one core moves per data cycle when all cores stream at once.
  const double bytes_per_cycle =
      run.dram_bw_gbps * 1e9 * kBurstDramEfficiency / std::max(1, d.cores) / clock_hz;
  double frame_bytes = 0;
  for (size_t i = 0; i < workload.stages.size(); ++i) {
    const StageLayer& s = workload.stages[i];
    ReferenceLayer l;
    l.stage = static_cast<int>(i);
    if (run.conv_only && s.kind != LayerKind::kConv) {
      out.layers.push_back(l);
      continue;
    }
    l.compute_cycles = reference_compute_cycles(s, d, &l.unit);
    if (s.kind != LayerKind::kConcat) {
      const bool dense = s.kind == LayerKind::kFc || s.kind == LayerKind::kMatMul;
      const double weights =
          static_cast<double>(s.weight_elements) / (dense ? std::max(1, d.fc_batch) : 1);
      // A tiled engine re-reads inputs per OCP group and weights per tile (Zhang FPGA'15).
      double input_trips = 1, weight_trips = 1;
      if (d.tile_pixels > 0 && s.kind == LayerKind::kConv) {
        const int64_t g = std::max(1, s.groups);
        input_trips = static_cast<double>(ceil_div(s.M / g, d.ocp));
        weight_trips = static_cast<double>(ceil_div(s.R * s.Q, d.tile_pixels));
      }
      l.dram_bytes =
          bytes * (weights * weight_trips + static_cast<double>(s.input_elements) * input_trips +
                   static_cast<double>(s.output_elements));
    }
    l.dram_cycles =
        bytes_per_cycle > 0 ? static_cast<int64_t>(std::ceil(l.dram_bytes / bytes_per_cycle)) : 0;
    l.cycles = std::max(l.compute_cycles, l.dram_cycles);
    l.bound = l.cycles == 0 ? Bound::kNone
                            : (l.dram_cycles > l.compute_cycles ? Bound::kBandwidth : Bound::kDsp);
    out.frame_cycles += l.cycles;
    frame_bytes += l.dram_bytes;
    if (l.unit == RefUnit::kArray || l.unit == RefUnit::kDepthwise) out.macs += s.macs;
    out.layers.push_back(l);
  }
  if (out.frame_cycles <= 0 || clock_hz <= 0) return out;
  out.throughput_fps = d.cores * clock_hz / static_cast<double>(out.frame_cycles);
  out.throughput_gops = 2.0 * static_cast<double>(out.macs) * out.throughput_fps / 1e9;
  out.latency_ms = static_cast<double>(out.frame_cycles) / clock_hz * 1e3;
  const double achieved_macs = static_cast<double>(out.macs) * out.throughput_fps;
  out.mac_utilisation = achieved_macs / (static_cast<double>(d.peak_macs_per_cycle()) * clock_hz);
  if (d.dsp > 0)
    out.dsp_efficiency = achieved_macs / (static_cast<double>(d.dsp) * d.macs_per_dsp * clock_hz);
  out.dram_gbps_used = frame_bytes * out.throughput_fps / 1e9;
  return out;
}

}  // namespace dnne
