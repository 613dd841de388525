#include "search/generic_by_class.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/generic_engine.h"
#include "model/model_math.h"
#include "model/pipeline_stage.h"
#include "search/part_score.h"

namespace dnne {

GenericByClass::GenericByClass(const StageClasses& classes, int split_point,
                               const GenericFloor* floor, GenericMemo* memo)
    : classes_(classes), split_point_(std::max(0, split_point)), floor_(floor), memo_(memo) {
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
  for (const auto& [k, n] : counts_)
    mode_free_.push_back(
        !model::generic_layer_winograd_eligible(classes.alone[static_cast<size_t>(k)].stage(0)));
}

std::vector<GenericByClass::KnownCost>& GenericByClass::shared_costs(const model::Engine& engine) {
  GenericMemo::Key key = GenericMemo::key_of(split_point_, engine);
  key.winograd_m = 0;
  ++use_clock_;
  SharedCosts* oldest = nullptr;
  for (SharedCosts& s : shared_) {
    if (s.key == key) {
      s.used = use_clock_;
      return s.costs;
    }
    if (!oldest || s.used < oldest->used) oldest = &s;
  }
  const size_t most =
      std::clamp<size_t>(kMaxSharedCosts / std::max<size_t>(1, counts_.size()), 1, kSharedEngines);
  if (shared_.size() < most) {
    shared_.push_back({});
    oldest = &shared_.back();
    oldest->costs.resize(counts_.size());
  } else {
    std::fill(oldest->costs.begin(), oldest->costs.end(), KnownCost{});
  }
  oldest->key = key;
  oldest->used = use_clock_;
  return oldest->costs;
}

GenericByClass::Outcome GenericByClass::evaluate(const GenericDesign& design,
                                                 const PartBudget& budget, PartSummary& summary,
                                                 const Beat* beat,
                                                 const double* entry_floors) {
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
  const bool floored = floor_ && floor_->entries() == counts_.size() && (beat || memo_);
  // The buffer splits of one shape, mode and batch come one after another (the allocator
  // sorts its candidates by this floor): their floors are worked out once.
  const FloorKey key{engine.p_in, engine.p_out, engine.winograd_m, engine.batch};
  if (floored && !(floor_known_ && key == floor_key_)) {
    floor_key_ = key;
    floor_known_ = true;
    double* row = memo_ && !entry_floors
                      ? memo_->frame_compute_row(engine.p_in, engine.p_out, engine.winograd_m,
                                                 classes_.count())
                      : nullptr;
    double sum = 0;
    for (size_t j = order_.size(); j-- > 0;) {
      floor_after_[j] = sum;
      sum += entry_floors ? entry_floors[order_[j]]
                          : floor_->entry_cycles(order_[j], engine.p_in, engine.p_out,
                                                 engine.winograd_m, engine.batch, row);
    }
  }
  const auto cannot_win = [&](double lower_cycles) {
    return beat && score_at(lower_cycles) <= beat->score;
  };
  // What an earlier evaluation of this engine found answers as this one would: the early
  // stop below happens at the first class whose bound loses, and the bounds never fall from
  // one class to the next, so a remembered bound that loses means a stop at or before it.
  using Known = GenericMemo::Entry::State;
  const GenericMemo::Key memo_key =
      memo_ ? GenericMemo::key_of(split_point_, engine) : GenericMemo::Key{};
  int64_t total_cycles = 0;
  double total_bytes = 0;
  const GenericMemo::Entry* known = memo_ ? memo_->find(memo_key) : nullptr;
  if (known && known->state == Known::kDoesNotFit)
    return known->has_lower && cannot_win(known->lower_cycles) ? Outcome::kCannotWin
                                                               : Outcome::kInfeasible;
  if (known && known->state == Known::kLowerBound && cannot_win(known->lower_cycles))
    return Outcome::kCannotWin;
  if (known && known->state == Known::kFits) {
    total_cycles = known->cycles;
    total_bytes = known->bytes;
    if (cannot_win(static_cast<double>(total_cycles))) return Outcome::kCannotWin;
  } else {
    bool has_lower = false;
    double lower = 0;  // the bound after the classes costed so far
    std::vector<double>* edges = nullptr;
    for (auto& [batch, row] : edges_)
      if (batch == engine.batch) edges = &row;
    if (!edges) {
      edges_.push_back({engine.batch, std::vector<double>(counts_.size(),
                                                          std::numeric_limits<double>::quiet_NaN())});
      edges = &edges_.back().second;
    }
    // The link, precision and burst curve are this part's budget's, the same for every
    // engine evaluated here.
    std::vector<KnownCost>& shared = shared_costs(engine);
    for (size_t j = 0; j < order_.size(); ++j) {
      const size_t i = order_[j];
      const auto& [k, n] = counts_[i];
      KnownCost c;
      if (mode_free_[i] && shared[i].known) {
        c = shared[i];
      } else {
        const StageLayer& stage = classes_.alone[static_cast<size_t>(k)].stage(0);
        double& edge = (*edges)[i];
        if (std::isnan(edge)) edge = model::generic_layer_edge_cycles(stage, engine);
        const model::GenericLayerCost cost = model::generic_layer_cost(stage, engine, edge);
        c = {.known = true,
             .fits = cost.tiling.fits,
             .cycles = cost.cycles,
             .dram_bytes = cost.dram_bytes};
        if (mode_free_[i]) shared[i] = c;
      }
      if (!c.fits) {
        if (memo_)
          memo_->remember(memo_key, {.state = Known::kDoesNotFit,
                                     .has_lower = has_lower,
                                     .lower_cycles = lower});
        return Outcome::kInfeasible;
      }
      total_cycles += c.cycles * n;
      bytes_[i] = c.dram_bytes * static_cast<double>(n);
      lower = static_cast<double>(total_cycles) + (floored ? floor_after_[j] * (1 - 1e-9) : 0);
      has_lower = true;
      if (cannot_win(lower)) {
        if (memo_) memo_->remember_lower_bound(memo_key, lower);
        return Outcome::kCannotWin;
      }
    }
    // The bytes summed in the part's order, as the model sums them.
    for (size_t i = 0; i < counts_.size(); ++i) total_bytes += bytes_[i];
    if (memo_)
      memo_->remember(memo_key,
                      {.state = Known::kFits, .cycles = total_cycles, .bytes = total_bytes});
  }
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
