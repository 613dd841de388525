// The DNNExplorer hybrid (docs/spec/MODELS.md section 5): part A pipelines stages [0, SP) on its
// share of the budget, part B runs [SP, N) on a generic engine with the rest; docs/models.md 5.
#include <algorithm>

#include "model/evaluate.h"

namespace dnne {

namespace {
PartBudget whole(const Budget& b, double clock_mhz, int bits) {
  return {.dsp = b.dsp,
          .bram18 = b.bram18,
          .uram = b.uram,
          .lut = b.lut,
          .dram_bw_gbps = b.dram_bw_gbps,
          .clock_mhz = clock_mhz,
          .precision_bits = bits,
          .dsp_family = b.dsp_family,
          .dsp_double_rate = b.dsp_double_rate,
          .burst_curve = b.burst_curve};
}

// The split may not promise part A more than the budget holds.
void check_split(const ResourceSplit& s, const Budget& b, Estimate& out) {
  if (s.pipeline_dsp > b.dsp || s.pipeline_dsp < 0)
    out.add_violation({.resource = Resource::kDsp,
                       .needed = static_cast<double>(s.pipeline_dsp),
                       .available = static_cast<double>(b.dsp),
                       .field = "split.pipeline_dsp",
                       .scope = Scope::kPipeline});
  if (s.pipeline_bram18 > b.bram18 || s.pipeline_bram18 < 0)
    out.add_violation({.resource = Resource::kBram18,
                       .needed = static_cast<double>(s.pipeline_bram18),
                       .available = static_cast<double>(b.bram18),
                       .field = "split.pipeline_bram18",
                       .scope = Scope::kPipeline});
  if (s.pipeline_dram_bw_gbps > b.dram_bw_gbps || s.pipeline_dram_bw_gbps < 0)
    out.add_violation({.resource = Resource::kBandwidth,
                       .needed = s.pipeline_dram_bw_gbps,
                       .available = b.dram_bw_gbps,
                       .field = "split.pipeline_dram_bw_gbps",
                       .scope = Scope::kPipeline});
}
// The worst frame's latency through both parts (docs/models.md 5). The pipeline hands over
// B_p frames per period and the engine takes B_g per pass: the last of B_p > B_g frames waits
// for ceil(B_p / B_g) passes; with B_g > B_p the first frame of an engine batch waits
// ceil(B_g / B_p) - 1 more pipeline periods for the rest of its batch, then one pass.
double hybrid_latency_ms(const PartSummary& a, const PartSummary& b, int64_t batch_a,
                         int64_t batch_b) {
  const int64_t passes = (batch_a + batch_b - 1) / batch_b;
  const int64_t gather = (batch_b + batch_a - 1) / batch_a - 1;
  const double period_a_ms =
      a.throughput_fps > 0 ? static_cast<double>(batch_a) / a.throughput_fps * 1e3 : 0;
  return a.latency_ms + static_cast<double>(gather) * period_a_ms +
         static_cast<double>(passes) * b.latency_ms;
}
}  // namespace

namespace {
void evaluate_design(const Workload& workload, const Design& design, const Budget& budget,
                     Estimate& out, const PartSummary* generic_figures) {
  const int n = workload.stage_count();
  if (static_cast<int>(out.layers.size()) != n) out.layers.resize(static_cast<size_t>(n));
  out.clear_violations();
  const double clock_mhz = design.clock_mhz > 0 ? design.clock_mhz : budget.clock_mhz;
  const int bits = design.precision_bits > 0 ? design.precision_bits : budget.precision_bits;
  if (clock_mhz <= 0)
    out.add_violation(
        {.resource = Resource::kDesign, .available = clock_mhz, .field = "clock_mhz"});
  if (design.split_point < 0 || design.split_point > n)
    out.add_violation({.resource = Resource::kDesign,
                       .needed = static_cast<double>(n),
                       .available = static_cast<double>(design.split_point),
                       .field = "split_point"});
  const int sp = std::clamp(design.split_point, 0, n);
  // The double-rate DSP clock (docs/models.md 2.4): the design's key or the run's flag, at
  // most the family's DSP Fmax.
  const bool double_rate = design.dsp_double_rate || budget.dsp_double_rate;
  if (double_rate && clock_mhz > 0 && 2 * clock_mhz > dsp_fmax_mhz(budget.dsp_family))
    out.add_violation({.resource = Resource::kDesign,
                       .needed = 2 * clock_mhz,
                       .available = dsp_fmax_mhz(budget.dsp_family),
                       .field = "dsp_double_rate"});

  // Part budgets: the one part present takes everything; otherwise A gets the split and B
  // the rest (docs/spec/MODELS.md 5).
  PartBudget a = whole(budget, clock_mhz, bits);
  a.dsp_double_rate = double_rate;
  PartBudget b = a;
  if (sp > 0 && sp < n) {
    check_split(design.split, budget, out);
    a.dsp = std::clamp<int64_t>(design.split.pipeline_dsp, 0, budget.dsp);
    a.bram18 = std::clamp<int64_t>(design.split.pipeline_bram18, 0, budget.bram18);
    a.dram_bw_gbps = std::clamp(design.split.pipeline_dram_bw_gbps, 0.0, budget.dram_bw_gbps);
    b.dsp = budget.dsp - a.dsp;
    b.bram18 = budget.bram18 - a.bram18;
    b.dram_bw_gbps = budget.dram_bw_gbps - a.dram_bw_gbps;
  }
  // Each part's violations are marked as its own, so reports can name the part.
  const int before_a = out.violation_count;
  evaluate_pipeline_part(workload, sp, design.pipeline, a, out);
  out.set_scope_from(before_a, Scope::kPipeline);
  // URAM and LUT are not split by the design: the pipeline may map buffers to all the URAM
  // (the generic engine's buffers are BRAM18), and the engine gets the LUTs the pipeline
  // leaves (docs/models.md 5).
  if (sp > 0 && sp < n) {
    b.uram = std::max<int64_t>(0, budget.uram - out.pipeline.uram);
    if (budget.lut > 0) b.lut = std::max<int64_t>(1, budget.lut - out.pipeline.lut);
  }
  const int before_b = out.violation_count;
  if (generic_figures && sp < n)
    out.generic = *generic_figures;
  else
    evaluate_generic_part(workload, sp, design.generic, b, out);
  out.set_scope_from(before_b, Scope::kGeneric);

  // The parts work on different frames concurrently: the slower one sets the rate, a frame
  // passes through both (docs/spec/MODELS.md 5).
  const bool has_a = sp > 0, has_b = sp < n;
  double fps = 0;
  if (has_a && has_b) {
    fps = std::min(out.pipeline.throughput_fps, out.generic.throughput_fps);
  } else {
    fps = has_a ? out.pipeline.throughput_fps : out.generic.throughput_fps;
  }
  out.throughput_fps = fps;
  out.latency_ms = has_a && has_b ? hybrid_latency_ms(out.pipeline, out.generic,
                                                      std::max(1, design.pipeline.batch),
                                                      std::max(1, design.generic.batch))
                                  : out.pipeline.latency_ms + out.generic.latency_ms;
  out.dsp_used = out.pipeline.dsp + out.generic.dsp;
  out.bram18_used = out.pipeline.bram18 + out.generic.bram18;
  out.uram_used = out.pipeline.uram + out.generic.uram;
  out.lut_used = out.pipeline.lut + out.generic.lut;
  // A part faster than the design's rate idles part of the time: it draws its bandwidth in
  // proportion to the frames it actually processes.
  auto drawn = [fps](const PartSummary& p) {
    if (p.throughput_fps <= 0) return 0.0;
    return p.throughput_fps == fps ? p.dram_bw_gbps : p.dram_bw_gbps * fps / p.throughput_fps;
  };
  out.dram_bw_gbps_used = drawn(out.pipeline) + drawn(out.generic);
  out.throughput_gops = 2.0 * static_cast<double>(workload.total_macs) * fps / 1e9;
  const double peak_gops = 2.0 * clock_mhz * 1e6 * static_cast<double>(out.dsp_used) *
                           dsp_rate(budget.dsp_family, bits, Operands::kDense, double_rate)
                               .peak_multiplies_per_dsp() /
                           1e9;
  out.dsp_efficiency = peak_gops > 0 ? out.throughput_gops / peak_gops : 0;

  // The faster part's layers wait on the slower part: dependency (docs/models.md 5).
  if (has_a && has_b && out.pipeline.throughput_fps != out.generic.throughput_fps) {
    const bool a_faster = out.pipeline.throughput_fps > out.generic.throughput_fps;
    const int from = a_faster ? 0 : sp, to = a_faster ? sp : n;
    const bool rows_filled = a_faster || !generic_figures;
    for (int i = from; rows_filled && i < to; ++i)
      out.layers[static_cast<size_t>(i)].bound = Bound::kDependency;
  }
}

}  // namespace

void evaluate(const Workload& workload, const Design& design, const Budget& budget, Estimate& out) {
  evaluate_design(workload, design, budget, out, nullptr);
}

void evaluate(const Workload& workload, const Design& design, const Budget& budget, Estimate& out,
              const PartSummary& generic_figures) {
  evaluate_design(workload, design, budget, out, &generic_figures);
}

Estimate evaluate(const Workload& workload, const Design& design, const Budget& budget) {
  Estimate out;
  evaluate(workload, design, budget, out);
  return out;
}

}  // namespace dnne
