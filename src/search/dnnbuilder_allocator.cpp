#include "search/dnnbuilder_allocator.h"

#include <algorithm>
#include <cmath>

#include "model/accdnn_rules.h"

namespace dnne {

namespace {

// util/optim.py total_avaliable_pfs: the powers of two AccDNN tries, 1 ... 2048.
constexpr int64_t kAccDnnLargestPf = 2048;
// A factor far beyond any AccDNN can build (64 x 64), so the doubles of step 2 stay in range.
constexpr double kFactorCeiling = 1 << 20;

// model.py parallelism_auto_optimization sizes the layers it holds as 'Convolution' (its
// InnerProduct derives from it); matmul, a dense product without weights, is sized the same
// way here (no AccDNN template: ours).
bool sized_by_work(const StageLayer& layer) {
  return layer.kind == LayerKind::kConv || layer.kind == LayerKind::kFc ||
         layer.kind == LayerKind::kMatMul;
}

// util/optim.py get_avaliable_pfs(num, max_pf): the powers of two of total_avaliable_pfs at
// most min(max_pf, num) that divide num, ascending (never empty for num >= 1).
std::vector<int64_t> available_pfs(int64_t num, int64_t max_pf) {
  std::vector<int64_t> pfs;
  for (int64_t p = 1; p <= kAccDnnLargestPf; p *= 2)
    if (p <= std::min(max_pf, num) && num % p == 0) pfs.push_back(p);
  if (pfs.empty()) pfs.push_back(1);  // num < 1: AccDNN would fail; one lane here
  return pfs;
}

// util/optim.py get_actual_pf: the largest available value at most the target.
int64_t actual_pf(int64_t target, const std::vector<int64_t>& available) {
  for (auto it = available.rbegin(); it != available.rend(); ++it)
    if (*it <= target) return *it;
  return available.front();
}

// model.py: ops = output volume x kernel volume, the kernel's channels being C/g with the
// first layer's padding channel (parser pads before the optimisation runs).
double accdnn_ops(const StageLayer& layer) {
  return static_cast<double>(layer.M) * static_cast<double>(layer.R * layer.Q) *
         static_cast<double>(accdnn_cpf_channels(layer) * layer.kh * layer.kw);
}

// model.py: data_reuse = param_ww / output_shape[1], weight bits over the output height
// (the model's own reasoning: a kernel group is reused down one output column).
double accdnn_data_reuse(const StageLayer& layer, int weight_bits) {
  if (layer.weight_elements <= 0) return 0;  // a matmul streams no weights
  return static_cast<double>(weight_bits) / static_cast<double>(std::max<int64_t>(1, layer.R));
}

// Step 3 for one stage: AccDNN's choice, and where that would break the weight port rule
// (AccDNN then stops with "Weight memory read width too large", layers/convolution.py), the
// largest smaller factor the template builds (ours: AccDNN has no fallback).
StageParallelism stage_pfs(const StageLayer& layer, int64_t factor, int weight_bits) {
  if (!sized_by_work(layer)) {
    const int64_t channels = layer.kind == LayerKind::kPool ? layer.C : layer.M;
    return {.cpf = 1, .kpf = accdnn_pooling_pf(channels)};
  }
  // Per group, as module_params_compute checks them (get_conv_pfs itself is handed the whole
  // channel and kernel counts; the same on the one-group layers of AccDNN's examples).
  const int64_t kernels = std::max<int64_t>(1, layer.M / std::max(1, layer.groups));
  for (int64_t target = factor;; target = std::max<int64_t>(1, target / 2)) {
    StageParallelism p = accdnn_conv_pfs(target, accdnn_cpf_channels(layer), kernels);
    // module_params_compute: at 8 bits an even kernel count splits each DSP in two and KPF
    // is raised to at least 2 (dsp_split).
    p.kpf = static_cast<int>(std::max<int64_t>(p.kpf, accdnn_min_kpf(layer, weight_bits)));
    if (target == 1 || !accdnn_stage_problem(layer, p.cpf, p.kpf, weight_bits)) return p;
  }
}

}  // namespace

StageParallelism accdnn_conv_pfs(int64_t target, int64_t channels, int64_t kernels) {
  // "set to the closest avaliable pfs": 2^round(log2 target), at most MAX_CPF x MAX_KPF.
  const int64_t rounded =
      int64_t{1} << std::lround(std::log2(static_cast<double>(std::max<int64_t>(1, target))));
  const int64_t actual = std::min<int64_t>(int64_t{kAccDnnMaxCpf} * kAccDnnMaxKpf, rounded);
  const auto cpfs = available_pfs(channels, std::min<int64_t>(actual, kAccDnnMaxCpf));
  const auto kpfs = available_pfs(kernels, std::min<int64_t>(actual, kAccDnnMaxKpf));
  // "max the cpf first", then KPF from what is left (Python 2 integer division).
  int64_t cpf = actual_pf(actual, cpfs);
  int64_t kpf = actual_pf(actual / cpf, kpfs);
  // optim_cpf_kpf: while CPF / KPF > 2 (integer division) and KPF is below its largest
  // available value, halve CPF and double KPF.
  while (!(cpf / kpf <= 2 || kpf == kpfs.back())) {
    cpf /= 2;
    kpf *= 2;
  }
  return {.cpf = static_cast<int>(cpf), .kpf = static_cast<int>(kpf)};
}

int accdnn_pooling_pf(int64_t channels) {
  // get_pooling_pf(target, kernel_num) with model.py's target = kernel_num = channels:
  // min(target, MAX_KPF / 2), then the largest available divisor up to MAX_KPF / 2.
  const int64_t cap = kAccDnnMaxKpf / 2;
  const int64_t target = std::min<int64_t>(channels, cap);
  return static_cast<int>(actual_pf(target, available_pfs(std::max<int64_t>(1, channels), cap)));
}

std::vector<int64_t> accdnn_bandwidth_factors(const Workload& workload, int split_point,
                                              const PartBudget& budget) {
  const int n = split_point;
  std::vector<double> ops(static_cast<size_t>(n), 0);
  double min_ops = 0;
  for (int s = 0; s < n; ++s) {
    const StageLayer& layer = workload.stage(s);
    if (!sized_by_work(layer)) continue;
    const double o = std::max(1.0, accdnn_ops(layer));
    ops[static_cast<size_t>(s)] = o;
    min_ops = min_ops == 0 ? o : std::min(min_ops, o);
  }
  // Normalised factors (MACs over the smallest), and the weight bits per cycle they would
  // stream: model.py's "normalized_bandwidth" over its CLOCK_FREQUENCY.
  std::vector<double> pf(static_cast<size_t>(n), 0);
  double bits_per_cycle = 0;
  for (int s = 0; s < n; ++s) {
    if (ops[static_cast<size_t>(s)] == 0) continue;
    pf[static_cast<size_t>(s)] = ops[static_cast<size_t>(s)] / min_ops;
    bits_per_cycle +=
        pf[static_cast<size_t>(s)] * accdnn_data_reuse(workload.stage(s), budget.precision_bits);
  }
  // "pf scale according to the real bandwidth": DDR_BANDWIDTH (Mb/s) over CLOCK_FREQUENCY
  // (MHz) is the link's bits per cycle, here at the budget's clock (the model's conversion).
  const double link = dram_link_bits_per_cycle(budget.dram_bw_gbps, budget.clock_mhz);
  const double scale = bits_per_cycle > 0 ? link / bits_per_cycle : 1;
  std::vector<int64_t> factors(static_cast<size_t>(n), 0);
  for (int s = 0; s < n; ++s) {
    if (ops[static_cast<size_t>(s)] == 0) continue;
    // np.ceil, then "pf_list[pf_list == 0] = 1".
    const double f = std::min(kFactorCeiling, std::ceil(pf[static_cast<size_t>(s)] * scale));
    factors[static_cast<size_t>(s)] = std::max<int64_t>(1, static_cast<int64_t>(f));
  }
  return factors;
}

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
  std::vector<int64_t> factors = accdnn_bandwidth_factors(in.workload, n, in.budget);

  // Weights streamed (AccDNN's WM_HIERARCHY_THRES = 0, settings.py) but where that would take
  // more DMA channels than the template wires: then the smallest layers keep theirs on chip.
  const std::vector<bool> on_chip = accdnn_weights_on_chip(in.workload, n);
  auto design_at = [&](int batch) {
    PipelineDesign d{.batch = batch};
    for (int s = 0; s < n; ++s) {
      d.stages.push_back(stage_pfs(in.workload.stage(s), factors[static_cast<size_t>(s)],
                                   in.budget.precision_bits));
      d.stages.back().weights_on_chip = on_chip[static_cast<size_t>(s)];
    }
    return d;
  };
  auto fits = [&](const PipelineDesign& d) {
    scratch.clear_violations();
    evaluate_pipeline_part(in.workload, n, d, in.budget, scratch);
    ++counter.designs;
    return scratch.feasible;
  };
  // Step 4 and the halving loop: batch = the tighter of DSP and BRAM, here the model's
  // figures (AccDNN's own profile formulas are not restated: issue 9 item 6); batch 0 halves
  // every factor (numpy integer division, 0 -> 1) until all are 1.
  while (!fits(design_at(1))) {
    bool all_one = true;
    for (int64_t& f : factors) {
      if (f > 1) all_one = false;
      if (f > 0) f = std::max<int64_t>(1, f / 2);
    }
    if (all_one) {  // AccDNN: "Don't have enough memory to fit the whole network."
      result.rejection = worst_violation(scratch);
      result.rejection.reason += accdnn_dma_note(in.workload, n);
      return result;
    }
  }
  PipelineDesign best = design_at(1);
  for (int batch = 2; batch <= in.max_batch; ++batch) {
    PipelineDesign d = best;
    d.batch = batch;
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
