#include "search/dnnbuilder_allocator.h"

#include <algorithm>
#include <cmath>

namespace dnne {

namespace {

constexpr int kMaxFactor = 64;      // AccDNN: CPF and KPF at most 64 each

int64_t floor_pow2(int64_t n) {
  int64_t p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

bool uses_cpf(const StageLayer& layer) {
  return layer.kind == LayerKind::kConv || layer.kind == LayerKind::kFc ||
         layer.kind == LayerKind::kMatMul;
}

// Splits a power-of-two parallelism into CPF x KPF as evenly as the caps allow.
StageParallelism split_parallelism(const StageLayer& layer, int64_t parallelism) {
  const int64_t cpf_cap =
      uses_cpf(layer)
          ? std::min<int64_t>(kMaxFactor, floor_pow2(std::max<int64_t>(1, layer.C / layer.groups)))
          : 1;
  const int64_t kpf_cap = std::min<int64_t>(kMaxFactor, floor_pow2(std::max<int64_t>(1, layer.M)));
  int64_t cpf = 1;
  while (cpf * cpf < parallelism && cpf < cpf_cap) cpf *= 2;
  int64_t kpf = std::min(kpf_cap, std::max<int64_t>(1, parallelism / cpf));
  cpf = std::min(cpf_cap, std::max(cpf, parallelism / kpf));
  return {.cpf = static_cast<int>(cpf), .kpf = static_cast<int>(kpf)};
}

}  // namespace

PipelineAllocation allocate_pipeline_dnnbuilder(const DnnBuilderInput& in, Estimate& scratch,
                                                EvalCounter& counter) {
  PipelineAllocation result;
  const int n = in.split_point;
  if (n <= 0) {
    result.rejection = {.reason = "no pipeline stages", .category = "design"};
    return result;
  }
  if (scratch.layers.size() != in.workload.stages.size())
    scratch.layers.resize(in.workload.stages.size());
  // Work of each stage: its cycles with one lane.
  std::vector<double> work(static_cast<size_t>(n));
  double max_work = 1;
  for (int s = 0; s < n; ++s) {
    work[static_cast<size_t>(s)] = static_cast<double>(
        pipeline_stage_cost(in.workload, s, {.cpf = 1, .kpf = 1}, 1, in.budget).cycles);
    max_work = std::max(max_work, work[static_cast<size_t>(s)]);
  }
  auto design_at = [&](int64_t scale, int batch) {
    PipelineDesign d{.batch = batch};
    for (int s = 0; s < n; ++s) {
      const double share = static_cast<double>(scale) * work[static_cast<size_t>(s)] / max_work;
      // Nearest power of two (in the log domain), at least 1.
      const int64_t p =
          share <= 1 ? 1 : int64_t{1} << static_cast<int>(std::lround(std::log2(share)));
      d.stages.push_back(split_parallelism(in.workload.stage(s), p));
    }
    return d;
  };
  auto fits = [&](const PipelineDesign& d) {
    scratch.clear_violations();
    evaluate_pipeline_part(in.workload, n, d, in.budget, scratch);
    ++counter.designs;
    return scratch.feasible;
  };
  // The DRAM keeps up when no stage waits on it (pipeline_part.cpp marks them "bandwidth").
  auto within_bandwidth = [&] {
    for (int s = 0; s < n; ++s)
      if (scratch.layers[static_cast<size_t>(s)].bound == Bound::kBandwidth) return false;
    return true;
  };
  // The largest power-of-two scale (up to 64 x 64) that fits at B = 1 within the bandwidth;
  // if even scale 1 outruns the DRAM, scale 1 (when it fits the DSP and BRAM).
  int64_t scale = int64_t{kMaxFactor} * kMaxFactor;
  while (scale > 1 && !(fits(design_at(scale, 1)) && within_bandwidth())) scale /= 2;
  if (!fits(design_at(scale, 1))) {
    result.rejection = worst_violation(scratch);
    return result;
  }
  PipelineDesign best = design_at(scale, 1);
  for (int batch = 2; batch <= in.max_batch; ++batch) {
    const PipelineDesign d = design_at(scale, batch);
    // AccDNN fills RESOURCE_THRES = 90 % of the part; here the budget is already the usable
    // share every paradigm gets (--headroom, docs/models.md 1.1), so B grows to the budget.
    if (!fits(d)) break;
    best = d;
  }
  fits(best);
  result.feasible = true;
  result.design = best;
  result.score = scratch.pipeline.throughput_fps;
  result.summary = scratch.pipeline;
  for (int s = 0; s < n; ++s)
    result.bottleneck_cycles =
        std::max(result.bottleneck_cycles, scratch.layers[static_cast<size_t>(s)].cycles);
  return result;
}

}  // namespace dnne
