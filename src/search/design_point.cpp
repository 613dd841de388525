#include "search/design_point.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "search/dnnbuilder_allocator.h"
#include "search/generic_allocator.h"

namespace dnne {

GlobalPoint normalised(const GlobalPoint& point, const SearchContext& context) {
  const int n = context.workload.stage_count();
  GlobalPoint p = point;
  p.split_point = std::clamp(p.split_point, 0, n);
  if (p.split_point == 0 || p.split_point == n) return {.split_point = p.split_point};
  const int top = context.split_steps - 1;
  p.dsp_step = std::clamp(p.dsp_step, 1, top);
  p.bram_step = std::clamp(p.bram_step, 1, top);
  p.bw_step = std::clamp(p.bw_step, 1, top);
  p.batch_index =
      std::clamp(p.batch_index, 0, static_cast<int>(context.generic_batches.size()) - 1);
  return p;
}

uint64_t point_key(const GlobalPoint& p) {
  // 16 bits each for the split point and the shares, 8 for the batch index.
  return (static_cast<uint64_t>(p.split_point) << 48) | (static_cast<uint64_t>(p.dsp_step) << 32) |
         (static_cast<uint64_t>(p.bram_step) << 16) | (static_cast<uint64_t>(p.bw_step) << 8) |
         static_cast<uint64_t>(p.batch_index);
}

bool better(const PointOutcome& a, const PointOutcome& b) {
  if (a.feasible != b.feasible) return a.feasible;
  if (a.feasible) return a.score > b.score;
  return closer(a.rejection, b.rejection);
}

namespace {

// URAM and LUT are not split (docs/models.md 5): part A may use all of them, part B the LUTs
// part A leaves (complete() below).
PartBudget part_budget(const Budget& b, int64_t dsp, int64_t bram18, double bw_gbps) {
  return {.dsp = dsp,
          .bram18 = bram18,
          .uram = b.uram,
          .lut = b.lut,
          .dram_bw_gbps = bw_gbps,
          .clock_mhz = b.clock_mhz,
          .precision_bits = b.precision_bits,
          .dsp_family = b.dsp_family,
          .dsp_double_rate = b.dsp_double_rate,
          .burst_curve = b.burst_curve};
}

PointOutcome rejected(const GlobalPoint& p, Rejection rejection, const std::string& part) {
  rejection.reason = part + ": " + rejection.reason;
  return {.point = p, .rejection = std::move(rejection)};
}

PipelineAllocation allocate_a(const SearchContext& c, int split_point, const PartBudget& budget,
                              Estimate& scratch, EvalCounter& counter) {
  if (c.allocator == PipelineAllocatorKind::kDnnBuilder)
    return allocate_pipeline_dnnbuilder({.workload = c.workload,
                                         .split_point = split_point,
                                         .budget = budget,
                                         .max_batch = c.table ? c.table->batches.back() : 32},
                                        scratch, counter);
  return allocate_pipeline({.workload = c.workload,
                            .table = *c.table,
                            .split_point = split_point,
                            .budget = budget,
                            .objective = c.objective,
                            .reference = c.reference},
                           scratch, counter);
}

}  // namespace

namespace {

// The design with part A = `a` (nothing when the split point is 0), part B allocated on what
// part A leaves, evaluated as a whole. `generic_must_beat`: part B's allocation may give up
// on designs whose score is no more than it (GenericAllocatorInput::must_beat).
PointOutcome complete(const SearchContext& c, const GlobalPoint& p, const PipelineAllocation* a,
                      Estimate& scratch, EvalCounter& counter, DesignSink* sink,
                      GenericMemo* memo,
                      double generic_must_beat = -std::numeric_limits<double>::infinity()) {
  const int n = c.workload.stage_count();
  const Budget& b = c.budget;
  Design design{
      .split_point = p.split_point,
      .clock_mhz = b.clock_mhz,
      .precision_bits = b.precision_bits,
      .dsp_double_rate = b.dsp_double_rate};
  if (a) {
    design.pipeline = a->design;
    // Part B gets what part A does not use (docs/spec/MODELS.md 5: DSP_A + DSP_B <= DSP, ...).
    design.split = {.pipeline_dsp = a->summary.dsp,
                    .pipeline_bram18 = a->summary.bram18,
                    .pipeline_dram_bw_gbps = a->summary.dram_bw_gbps};
  }
  std::optional<PartSummary> generic_figures;
  if (p.split_point < n) {
    PartBudget b_budget =
        part_budget(b, b.dsp - design.split.pipeline_dsp, b.bram18 - design.split.pipeline_bram18,
                    b.dram_bw_gbps - design.split.pipeline_dram_bw_gbps);
    if (a) {
      b_budget.uram = std::max<int64_t>(0, b.uram - a->summary.uram);
      if (b.lut > 0) b_budget.lut = std::max<int64_t>(1, b.lut - a->summary.lut);
    }
    GenericAllocatorInput in{.workload = c.workload,
                             .split_point = p.split_point,
                             .budget = b_budget,
                             .objective = c.objective,
                             .batches = c.generic_batches,
                             .winograd_modes = c.winograd_modes,
                             .reference = c.reference,
                             .classes = c.classes,
                             .must_beat = generic_must_beat,
                             .memo = memo};
    if (p.split_point > 0) in.batches = {c.generic_batches[static_cast<size_t>(p.batch_index)]};
    const GenericAllocation g = allocate_generic(in, scratch, counter);
    if (!g.feasible) return rejected(p, g.rejection, "generic part");
    design.generic = g.design;
    generic_figures = g.summary;
  }
  if (p.split_point == n)
    design.split = {.pipeline_dsp = b.dsp,
                    .pipeline_bram18 = b.bram18,
                    .pipeline_dram_bw_gbps = b.dram_bw_gbps};
  // Part B's figures as its allocation just summed them, unless a sink (which sees the
  // layers) or the reference configuration wants the design evaluated whole.
  if (generic_figures && !sink && !c.reference)
    evaluate(c.workload, design, b, scratch, *generic_figures);
  else
    evaluate(c.workload, design, b, scratch);
  ++counter.designs;
  PointOutcome out{.point = p, .design = std::move(design)};
  out.throughput_fps = scratch.throughput_fps;
  out.latency_ms = scratch.latency_ms;
  out.pipeline_fps = scratch.pipeline.throughput_fps;
  out.generic_fps = scratch.generic.throughput_fps;
  if (!scratch.feasible) {
    out.rejection = worst_violation(scratch);
    return out;
  }
  Rejection constraint = check_constraints(scratch, c.constraints);
  if (!constraint.reason.empty()) {
    out.rejection = std::move(constraint);
    return out;
  }
  out.feasible = true;
  out.score = objective_score(scratch, c.objective);
  if (sink) sink->offer(out.design, scratch);
  return out;
}

// Bisection steps of the balancing (each allocates both parts once).
constexpr int kBalanceSteps = 5;

// Part A, allocated on its share for its own best, often outruns part B, holding resources
// part B could use. Balancing looks for the rate X (between part B's and part A's) at which
// part A, at its cheapest for X, leaves part B enough to reach X too: bisection on X.
PointOutcome balance(const SearchContext& c, const GlobalPoint& p, const PartBudget& a_budget,
                     PointOutcome best, Estimate& scratch, EvalCounter& counter, DesignSink* sink,
                     GenericMemo* memo) {
  double lo = best.generic_fps, hi = best.pipeline_fps;
  const PipelineAllocatorInput in{.workload = c.workload,
                                  .table = *c.table,
                                  .split_point = p.split_point,
                                  .budget = a_budget,
                                  .objective = c.objective,
                                  .reference = c.reference};
  for (int step = 0; step < kBalanceSteps && hi > lo * 1.01; ++step) {
    const double rate = 0.5 * (lo + hi);
    const PipelineAllocation a = allocate_pipeline_for_rate(in, rate, scratch, counter);
    if (!a.feasible) {
      hi = rate;
      continue;
    }
    // Only two things about this step's design matter: whether it beats `best`, and whether
    // part B reaches `rate`. With throughput as the objective the design's rate is the slower
    // part's, so a part B no faster than both the rate and the best design's decides both
    // the same way whatever its exact figure: part B's allocation starts from that bar
    // (a hair lower, for the rounding between its sums and the whole-design model). A Pareto
    // sink sees every design, so it gets them all.
    const double bar = c.objective == Objective::kThroughput && !sink && !c.reference
                           ? std::min(rate, best.score) * (1 - 1e-9)
                           : -std::numeric_limits<double>::infinity();
    PointOutcome o = complete(c, p, &a, scratch, counter, sink, memo, bar);
    if (o.feasible && better(o, best)) best = o;
    if (o.feasible && o.generic_fps >= rate)
      lo = rate;
    else
      hi = rate;
  }
  return best;
}

}  // namespace

PointOutcome evaluate_point(const SearchContext& c, const GlobalPoint& raw, Estimate& scratch,
                            EvalCounter& counter, DesignSink* sink, GenericMemo* memo) {
  const GlobalPoint p = normalised(raw, c);
  const int n = c.workload.stage_count();
  const Budget& b = c.budget;
  if (p.split_point == 0) return complete(c, p, nullptr, scratch, counter, sink, memo);
  const double steps = c.split_steps;
  const PartBudget a_budget =
      p.split_point == n
          ? part_budget(b, b.dsp, b.bram18, b.dram_bw_gbps)
          : part_budget(b, static_cast<int64_t>(static_cast<double>(b.dsp) * p.dsp_step / steps),
                        static_cast<int64_t>(static_cast<double>(b.bram18) * p.bram_step / steps),
                        b.dram_bw_gbps * p.bw_step / steps);
  const PipelineAllocation a = allocate_a(c, p.split_point, a_budget, scratch, counter);
  if (!a.feasible) return rejected(p, a.rejection, "pipeline part");
  PointOutcome out = complete(c, p, &a, scratch, counter, sink, memo);
  const bool balanced_objective = c.objective != Objective::kLatency;
  if (p.split_point < n && out.feasible && balanced_objective &&
      c.allocator == PipelineAllocatorKind::kMinMax && out.pipeline_fps > out.generic_fps * 1.01)
    out = balance(c, p, a_budget, std::move(out), scratch, counter, sink, memo);
  return out;
}

}  // namespace dnne
