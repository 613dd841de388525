#include "search/generic_by_class.h"

#include <algorithm>

#include "model/generic_engine.h"
#include "model/model_math.h"
#include "model/pipeline_stage.h"
#include "search/part_score.h"

namespace dnne {

GenericByClass::GenericByClass(const StageClasses& classes, int split_point) : classes_(classes) {
  std::vector<int64_t> count(static_cast<size_t>(classes.count()), 0);
  std::vector<int> order;
  for (size_t s = static_cast<size_t>(std::max(0, split_point)); s < classes.class_of.size(); ++s) {
    const int k = classes.class_of[s];
    if (count[static_cast<size_t>(k)]++ == 0) order.push_back(k);
  }
  for (int k : order) {
    counts_.push_back({k, count[static_cast<size_t>(k)]});
    const StageLayer& s = classes.alone[static_cast<size_t>(k)].stage(0);
    // generic_accumulator_bits' terms, over the part's distinct layers.
    if (model::is_mac_stage(s.kind))
      max_terms_ = std::max<int64_t>(max_terms_, s.C / std::max(1, s.groups) * s.kh * s.kw);
  }
  const auto work = [&](size_t i) {
    const StageLayer& s = classes.alone[static_cast<size_t>(counts_[i].first)].stage(0);
    return static_cast<double>(s.macs) * static_cast<double>(counts_[i].second);
  };
  for (size_t i = 0; i < counts_.size(); ++i) order_.push_back(i);
  std::stable_sort(order_.begin(), order_.end(),
                   [&](size_t a, size_t b) { return work(a) > work(b); });
  floor_after_.resize(counts_.size());
  bytes_.resize(counts_.size());
}

GenericByClass::Outcome GenericByClass::evaluate(const GenericDesign& design,
                                                 const PartBudget& budget, PartSummary& summary,
                                                 const Beat* beat) {
  const double f_hz = budget.clock_mhz * 1e6;
  if (counts_.empty() || f_hz <= 0) return Outcome::kInfeasible;
  const int bits = std::max(1, budget.precision_bits);
  engine_checks_.clear_violations();
  const model::GenericEngineSetup setup = model::set_up_generic_engine(
      design, budget, model::accumulator_bits(max_terms_, bits), engine_checks_);
  add_resource_violations({.dsp = setup.dsp, .bram18 = setup.bram18, .lut = setup.lut}, budget,
                          engine_checks_);
  if (!engine_checks_.feasible) return Outcome::kInfeasible;
  const model::Engine& engine = setup.engine;

  // What the part scores if its pass takes `cycles` (as evaluate_generic_part derives it).
  PartSummary part{.dsp = setup.dsp, .bram18 = setup.bram18, .lut = setup.lut};
  const auto score_at = [&](double cycles) {
    const double pass = std::max(1.0, cycles);
    part.throughput_fps = static_cast<double>(engine.batch) * f_hz / pass;
    part.latency_ms = pass / f_hz * 1e3;
    return part_score(part, beat->part_macs, budget, beat->objective);
  };
  // Floors of the classes not yet costed, in evaluation order (suffix sums, so the last
  // class's is exactly 0), scaled down a hair so that rounding in the sums never lifts them
  // above the model.
  const bool floored = beat && beat->floor && beat->floor->entries() == counts_.size();
  // The buffer splits of one shape, mode and batch come one after another (the allocator
  // sorts its candidates by this floor): their floors are worked out once.
  const FloorKey key{beat && beat->floor ? beat->floor : nullptr, engine.p_in, engine.p_out,
                     engine.winograd_m, engine.batch};
  if (floored && !(key == floor_key_)) {
    floor_key_ = key;
    double sum = 0;
    for (size_t j = order_.size(); j-- > 0;) {
      floor_after_[j] = sum;
      sum += beat->floor->entry_cycles(order_[j], engine.p_in, engine.p_out, engine.winograd_m,
                                       engine.batch);
    }
  }
  int64_t total_cycles = 0;
  for (size_t j = 0; j < order_.size(); ++j) {
    const size_t i = order_[j];
    const auto& [k, n] = counts_[i];
    const model::GenericLayerCost c =
        model::generic_layer_cost(classes_.alone[static_cast<size_t>(k)].stage(0), engine);
    if (!c.tiling.fits) return Outcome::kInfeasible;
    total_cycles += c.cycles * n;
    bytes_[i] = c.dram_bytes * static_cast<double>(n);
    if (beat) {
      const double rest = floored ? floor_after_[j] * (1 - 1e-9) : 0;
      if (score_at(static_cast<double>(total_cycles) + rest) <= beat->score)
        return Outcome::kCannotWin;
    }
  }
  // The bytes summed in the part's order, as the model sums them.
  double total_bytes = 0;
  for (size_t i = 0; i < counts_.size(); ++i) total_bytes += bytes_[i];
  if (engine.link_bytes_per_cycle <= 0 && total_bytes > 0) return Outcome::kInfeasible;
  // As generic_part.cpp derives the part's figures from its sums.
  summary = part;
  const double pass = static_cast<double>(std::max<int64_t>(1, total_cycles));
  summary.throughput_fps = static_cast<double>(engine.batch) * f_hz / pass;
  summary.latency_ms = pass / f_hz * 1e3;
  summary.dram_bw_gbps = total_bytes / pass * f_hz / 1e9;
  return Outcome::kFeasible;
}

}  // namespace dnne
