// Part B: the generic engine running stages [SP, N) one after another (docs/spec/MODELS.md section
// 4; docs/models.md 4).
#include <algorithm>

#include "model/bram_mapping.h"
#include "model/evaluate.h"
#include "model/generic_engine.h"
#include "model/generic_layer.h"
#include "model/lut_model.h"
#include "model/model_math.h"
#include "model/pipeline_stage.h"

namespace dnne {

namespace {
void check_positive(Estimate& out, int value, const char* field) {
  if (value < 1)
    out.add_violation({.resource = Resource::kDesign,
                       .needed = 1,
                       .available = static_cast<double>(value),
                       .field = field});
}

void check_ports(Estimate& out, int64_t blocks, int64_t lanes, int bits, const char* field) {
  const int64_t needed = generic_buffer_min_bram18(lanes, bits);
  if (blocks < needed)
    out.add_violation({.resource = Resource::kBram18,
                       .needed = static_cast<double>(needed),
                       .available = static_cast<double>(blocks),
                       .field = field});
}
}  // namespace

// Each buffer must deliver its lanes every cycle: one 36-bit read port per block in simple
// dual-port mode (UG573), whole elements per word; the double-buffer halves are address
// ranges, the write port serving the DRAM side. The weight buffer loads the PE array's
// weight registers P_out at a time (docs/models.md 4.1).
// An element wider than the port takes ceil(bits / 36) ports.
int64_t generic_buffer_min_bram18(int64_t lanes, int precision_bits) {
  const int64_t n = std::max<int64_t>(1, lanes);
  if (precision_bits > 36) return n * model::ceil_div(precision_bits, 36);
  const int64_t per_port = std::max<int64_t>(1, bram18_port_elements(precision_bits));
  return model::ceil_div(n, per_port);
}

int generic_accumulator_bits(const Workload& workload, int split_point, int precision_bits) {
  int64_t terms = 1;
  const int n = workload.stage_count();
  for (int i = std::max(0, split_point); i < n; ++i) {
    const StageLayer& s = workload.stage(i);
    if (model::is_mac_stage(s.kind))
      terms = std::max<int64_t>(terms, s.C / std::max(1, s.groups) * s.kh * s.kw);
  }
  return model::accumulator_bits(terms, precision_bits);
}

int64_t generic_engine_lut(int64_t p_in, int64_t p_out, int precision_bits, int acc_bits,
                           int winograd_m) {
  const int bits = std::max(1, precision_bits);
  return model::kLutPerEngine + model::adder_tree_lut(p_in, p_out, bits, acc_bits) +
         p_out * (model::pool_lane_lut(bits) + model::eltwise_lane_lut(bits)) +
         model::winograd_transform_lut(winograd_m, p_in, p_out, bits, acc_bits);
}

DspRate generic_engine_dsp_rate(DspFamily family, int precision_bits, int winograd_m,
                                bool double_rate) {
  return dsp_rate(family, precision_bits,
                  winograd_m > 0 ? Operands::kIndependent : Operands::kDense, double_rate);
}

namespace model {

GenericEngineSetup set_up_generic_engine(const GenericDesign& design, const PartBudget& budget,
                                         int acc_bits, Estimate& out) {
  check_positive(out, design.p_in, "p_in");
  check_positive(out, design.p_out, "p_out");
  check_positive(out, design.batch, "batch");
  if (design.winograd_m != 0 && design.winograd_m != 2 && design.winograd_m != 4)
    out.add_violation({.resource = Resource::kDesign,
                       .available = static_cast<double>(design.winograd_m),
                       .field = "winograd_m"});
  const int bits = std::max(1, budget.precision_bits);
  const int64_t per_block = bram18_elements(bits);
  const int64_t in_blocks = std::max<int64_t>(0, design.input_buffer_bram18);
  const int64_t w_blocks = std::max<int64_t>(0, design.weight_buffer_bram18);
  const int64_t out_blocks = std::max<int64_t>(0, design.output_buffer_bram18);
  // A Winograd-capable engine never packs: its transformed operands are wider than the data
  // and share nothing (docs/models.md 2.1). The array's DSPs plus the engine's control.
  const int winograd_m = design.winograd_m == 2 || design.winograd_m == 4 ? design.winograd_m : 0;
  const DspRate rate =
      generic_engine_dsp_rate(budget.dsp_family, bits, winograd_m, budget.dsp_double_rate);
  const int64_t p_in = std::max(1, design.p_in), p_out = std::max(1, design.p_out);
  GenericEngineSetup setup{
      .engine = {.p_in = p_in,
                 .p_out = p_out,
                 .batch = std::max(1, design.batch),
                 .p_out_independent = ceil_div(p_out, rate.shared),
                 .input_capacity = in_blocks * per_block / 2,
                 .weight_capacity = w_blocks * per_block / 2,
                 .output_blocks = out_blocks,
                 .buffering = design.buffering,
                 .winograd_m = winograd_m,
                 .bits = bits,
                 .link_bytes_per_cycle = dram_bits_per_cycle(budget.dram_bw_gbps, budget.clock_mhz) / 8,
                 .burst = &budget.burst_curve},
      .dsp = dsps_for_array(p_in, p_out, rate) + std::max(0, design.dsp_overhead),
      .bram18 = in_blocks + w_blocks + out_blocks,
      .lut = generic_engine_lut(p_in, p_out, bits, acc_bits, winograd_m),
      .elements_per_block = per_block};
  check_ports(out, in_blocks, p_in, bits, "generic input buffer");
  check_ports(out, w_blocks, p_out, bits, "generic weight buffer");
  check_ports(out, out_blocks, p_out, acc_bits, "generic output buffer");
  return setup;
}

}  // namespace model

void evaluate_generic_part(const Workload& workload, int split_point, const GenericDesign& design,
                           const PartBudget& budget, Estimate& out) {
  const int n = workload.stage_count();
  if (static_cast<int>(out.layers.size()) != n) out.layers.resize(static_cast<size_t>(n));
  out.generic = {};
  const int sp = std::clamp(split_point, 0, n);
  if (sp == n) return;
  const int bits = std::max(1, budget.precision_bits);
  // The output buffer holds partial sums (docs/models.md 4.1): its ports must serve the
  // widest partial sums of the engine's layers.
  const model::GenericEngineSetup setup = model::set_up_generic_engine(
      design, budget, generic_accumulator_bits(workload, sp, bits), out);
  const model::Engine& engine = setup.engine;
  const int64_t per_block = setup.elements_per_block;
  const int64_t in_blocks = std::max<int64_t>(0, design.input_buffer_bram18);
  const int64_t w_blocks = std::max<int64_t>(0, design.weight_buffer_bram18);
  const int64_t out_blocks = std::max<int64_t>(0, design.output_buffer_bram18);
  const int64_t dsp = setup.dsp, bram = setup.bram18, lut = setup.lut;
  int64_t total_cycles = 0;
  double total_bytes = 0;
  for (int i = sp; i < n; ++i) {
    const StageLayer& s = workload.stage(i);
    const model::GenericLayerCost c = model::generic_layer_cost(s, engine);
    if (!c.tiling.fits) {
      // Buffers smaller than one minimal tile: report the largest shortfall in blocks.
      const int64_t need_in = 2 * model::ceil_div(c.min_input, per_block);
      const int64_t need_w = 2 * model::ceil_div(c.min_weight, per_block);
      const int64_t need_out =
          2 *
          model::ceil_div(c.min_output, bram18_elements(model::layer_accumulator_bits(s, bits)));
      if (need_in > in_blocks)
        out.add_violation({.resource = Resource::kBram18,
                           .needed = static_cast<double>(need_in),
                           .available = static_cast<double>(in_blocks),
                           .stage = i,
                           .field = "generic input buffer"});
      if (need_w > w_blocks)
        out.add_violation({.resource = Resource::kBram18,
                           .needed = static_cast<double>(need_w),
                           .available = static_cast<double>(w_blocks),
                           .stage = i,
                           .field = "generic weight buffer"});
      if (need_out > out_blocks)
        out.add_violation({.resource = Resource::kBram18,
                           .needed = static_cast<double>(need_out),
                           .available = static_cast<double>(out_blocks),
                           .stage = i,
                           .field = "generic output buffer"});
    }
    LayerEstimate& e = out.layers[static_cast<size_t>(i)];
    e = {.stage = i,
         .part = Part::kGeneric,
         .cycles = model::ceil_div(c.cycles, engine.batch),
         .bound = c.bound,
         .dsp = model::is_mac_stage(s.kind) ? dsp : 0,
         .bram18 = bram,
         .lut = lut,
         .dram_bw_gbps = c.dram_bytes,  // bytes for now; a rate once the pass length is known
         .start_cycle = total_cycles};
    total_cycles += c.cycles;
    total_bytes += c.dram_bytes;
  }
  if (engine.link_bytes_per_cycle <= 0 && total_bytes > 0 && budget.clock_mhz > 0)
    out.add_violation(
        {.resource = Resource::kBandwidth,
         .needed = total_bytes / std::max<int64_t>(1, total_cycles) * budget.clock_mhz * 1e6 / 1e9,
         .available = budget.dram_bw_gbps});
  add_resource_violations({.dsp = dsp, .bram18 = bram, .lut = lut}, budget, out);

  const double f_hz = budget.clock_mhz * 1e6;
  const double pass = static_cast<double>(std::max<int64_t>(1, total_cycles));
  for (int i = sp; i < n; ++i) {
    LayerEstimate& e = out.layers[static_cast<size_t>(i)];
    e.dram_bw_gbps = e.dram_bw_gbps / pass * f_hz / 1e9;
  }
  PartSummary& sum = out.generic;
  sum.dsp = dsp;
  sum.bram18 = bram;
  sum.lut = lut;
  if (f_hz > 0) {
    sum.throughput_fps = static_cast<double>(engine.batch) * f_hz / pass;
    sum.latency_ms = pass / f_hz * 1e3;
    sum.dram_bw_gbps = total_bytes / pass * f_hz / 1e9;
  }
}

}  // namespace dnne
