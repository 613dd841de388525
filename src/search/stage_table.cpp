#include "search/stage_table.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "model/accdnn_rules.h"
#include "search/parallel.h"
#include "search/stage_classes.h"

namespace dnne {

std::vector<int> parallelism_values(int64_t n) {
  std::set<int64_t> values;
  for (int64_t p = 1; p <= n; p *= 2) values.insert(p);
  for (int64_t d = 1; d * d <= n; ++d)
    if (n % d == 0) {
      values.insert(d);
      values.insert(n / d);
    }
  return {values.begin(), values.end()};
}

// Every batch from 1 to 32, the DNNBuilder heuristic's range (dnnbuilder_allocator.h), so
// every design the heuristic can produce is in our space: a sparser list (1, 2, 3, 4, 6, 8,
// ...) lost to the heuristic's B = 10 on VGG16 at 64x64 on U250 by 20 % (scripts/sweep.py).
// A batch costs one more cost column and one more period search per allocation (~+25 %
// search time on VGG16).
const std::vector<int>& default_pipeline_batches() {
  static const std::vector<int> batches = [] {
    std::vector<int> all;
    for (int b = 1; b <= 32; ++b) all.push_back(b);
    return all;
  }();
  return batches;
}

namespace {

bool has_weights(const StageLayer& layer) {
  return layer.weight_elements > 0;
}

// Layers whose lanes run over input channels too (docs/spec/MODELS.md 3: CPF x KPF MACs per cycle);
// pooling, eltwise and the like use KPF lanes with CPF = 1.
bool uses_cpf(const StageLayer& layer) {
  return layer.kind == LayerKind::kConv || layer.kind == LayerKind::kFc ||
         layer.kind == LayerKind::kMatMul;
}

struct Candidates {
  std::vector<int> cpfs, kpfs;
};

// Conv, fc and pooling stages are built by AccDNN's templates, so their CPF/KPF are AccDNN's
// candidates: powers of two up to 64 dividing the channels (util/optim.py
// get_avaliable_pfs; CPF over C/g with the first layer's padding channel, model.py parser;
// KPF over M/g, layers/convolution.py module_params_compute; a pooling stage's KPF over its
// channels, layers/pooling.py, CPF unused). Other kinds have no AccDNN template (matmul,
// eltwise, concat, ...): any power of two or divisor, our own pipeline stages.
Candidates stage_candidates(const StageLayer& layer) {
  const int64_t groups = std::max(1, layer.groups);
  switch (layer.kind) {
    case LayerKind::kConv:
    case LayerKind::kFc:
      return {
          .cpfs = accdnn_parallelism_values(accdnn_cpf_channels(layer), kAccDnnMaxCpf),
          .kpfs = accdnn_parallelism_values(std::max<int64_t>(1, layer.M / groups), kAccDnnMaxKpf)};
    case LayerKind::kPool:
      return {.cpfs = {1},
              .kpfs = accdnn_parallelism_values(std::max<int64_t>(1, layer.C), kAccDnnMaxKpf)};
    default:
      return {.cpfs = uses_cpf(layer) ? parallelism_values(std::max<int64_t>(1, layer.C / groups))
                                      : std::vector<int>{1},
              .kpfs = parallelism_values(std::max<int64_t>(1, layer.M))};
  }
}

struct RawOption {
  StageParallelism p;
  int64_t cycles = 0;
  std::vector<StageCost> costs;  // per batch
  std::vector<double> bits;      // weight bits per frame, per batch
};

// a is at least as good as b everywhere (and b is not a itself).
bool dominates(const RawOption& a, const RawOption& b) {
  if (a.cycles > b.cycles) return false;
  for (size_t i = 0; i < a.costs.size(); ++i)
    if (a.costs[i].dsp > b.costs[i].dsp || a.costs[i].bram18 > b.costs[i].bram18 ||
        a.costs[i].uram > b.costs[i].uram || a.costs[i].lut > b.costs[i].lut ||
        a.costs[i].dma_channels > b.costs[i].dma_channels || a.bits[i] > b.bits[i])
      return false;
  return true;
}

StageOptions stage_options(const Workload& workload, int stage, const PartBudget& budget,
                           const std::vector<int>& batches, int64_t& calls) {
  const StageLayer& layer = workload.stage(stage);
  const Candidates candidates = stage_candidates(layer);
  std::vector<RawOption> raw;
  for (int cpf : candidates.cpfs)
    for (int kpf : candidates.kpfs) {
      // The DNNBuilder template builds only what AccDNN accepts (issue 9 item 2; the port
      // rule at the run's weight width): the pipeline part is the same hardware for every
      // allocator, however it searches.
      if (accdnn_stage_problem(layer, cpf, kpf, budget.precision_bits)) continue;
      for (bool on_chip : {false, true}) {
        if (on_chip && !has_weights(layer)) continue;
        RawOption option{.p = {.cpf = cpf, .kpf = kpf, .weights_on_chip = on_chip}};
        // An option whose DSPs alone exceed the part's budget at the smallest batch can never
        // be chosen: the model says how many it takes (a lane count here once dropped pooling
        // options that take no DSP lanes at all, issue 9).
        // The cheapest option stays, so an impossible budget is the model's to report.
        if ((cpf > 1 || kpf > 1) &&
            pipeline_stage_cost(workload, stage, option.p, batches.front(), budget).dsp >
                budget.dsp) {
          ++calls;
          continue;
        }
        for (int batch : batches) {
          const StageCost cost = pipeline_stage_cost(workload, stage, option.p, batch, budget);
          ++calls;
          option.cycles = cost.cycles;
          option.costs.push_back(cost);
          option.bits.push_back(cost.weight_bits_per_cycle * static_cast<double>(cost.cycles));
        }
        raw.push_back(std::move(option));
      }
    }
  // Slowest first; among equals the cheaper in DSP first, so a stable scan prefers it.
  std::sort(raw.begin(), raw.end(), [](const RawOption& a, const RawOption& b) {
    if (a.cycles != b.cycles) return a.cycles > b.cycles;
    return a.costs[0].dsp < b.costs[0].dsp;
  });
  std::vector<bool> keep(raw.size(), true);
  for (size_t i = 0; i < raw.size(); ++i)
    for (size_t j = 0; j < raw.size() && keep[i]; ++j)
      if (j != i && keep[j] && dominates(raw[j], raw[i])) keep[i] = false;
  StageOptions out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (!keep[i]) continue;
    out.parallelism.push_back(raw[i].p);
    out.cycles.push_back(raw[i].cycles);
  }
  const size_t options = out.cycles.size();
  out.costs.resize(options * batches.size());
  out.weight_bits_per_frame.resize(options * batches.size());
  size_t o = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (!keep[i]) continue;
    for (size_t b = 0; b < batches.size(); ++b) {
      out.costs[b * options + o] = raw[i].costs[b];
      out.weight_bits_per_frame[b * options + o] = raw[i].bits[b];
    }
    ++o;
  }
  out.least_from.resize(options * batches.size());
  for (size_t b = 0; b < batches.size(); ++b)
    for (size_t i = options; i-- > 0;) {
      const StageCost& c = out.costs[b * options + i];
      StageOptions::Least least{.dsp = c.dsp,
                                .bram18 = c.bram18,
                                .uram = c.uram,
                                .lut = c.lut,
                                .bits = out.weight_bits_per_frame[b * options + i]};
      if (i + 1 < options) {
        const StageOptions::Least& next = out.least_from[b * options + i + 1];
        least.dsp = std::min(least.dsp, next.dsp);
        least.bram18 = std::min(least.bram18, next.bram18);
        least.uram = std::min(least.uram, next.uram);
        least.lut = std::min(least.lut, next.lut);
        least.bits = std::min(least.bits, next.bits);
      }
      out.least_from[b * options + i] = least;
    }
  return out;
}

}  // namespace

StageTable build_stage_table(const Workload& workload, const PartBudget& budget,
                             const std::vector<int>& batches, int threads) {
  return build_stage_table(workload, stage_classes(workload), budget, batches, threads);
}

StageTable build_stage_table(const Workload& workload, const StageClasses& classes,
                             const PartBudget& budget, const std::vector<int>& batches,
                             int threads) {
  StageTable table{.batches = batches};
  table.class_of = classes.class_of;
  const std::vector<int>& first_stage = classes.first_stage;
  const int k = static_cast<int>(first_stage.size());
  table.classes.resize(static_cast<size_t>(k));
  std::vector<int64_t> calls(static_cast<size_t>(k), 0);
  parallel_for(k, threads, [&](int c, int) {
    table.classes[static_cast<size_t>(c)] =
        stage_options(workload, first_stage[static_cast<size_t>(c)], budget, batches,
                      calls[static_cast<size_t>(c)]);
  });
  table.model_calls = std::accumulate(calls.begin(), calls.end(), int64_t{0});
  return table;
}

}  // namespace dnne
