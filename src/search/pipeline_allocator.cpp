#include "search/pipeline_allocator.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "model/accdnn_rules.h"
#include "search/part_score.h"

namespace dnne {

namespace {

constexpr int kWeightRounds = 4;      // re-weightings tried per cycle target
constexpr double kWeightRaise = 4.0;  // factor applied to an over-budget resource's weight

// The part's stages grouped by table class (stage_table.h): identical stages always make the
// same choice, so the solver works per class, with the class's count of stages.
struct PartView {
  std::vector<int> classes;     // classes present in [0, split_point), by first stage
  std::vector<int64_t> counts;  // stages of each
  double activation_bits = 0;   // per frame
};

PartView part_view(const PipelineAllocatorInput& in) {
  PartView view;
  std::vector<int64_t> count(static_cast<size_t>(in.table.class_count()), 0);
  for (int s = 0; s < in.split_point; ++s) {
    const int k = in.table.class_of[static_cast<size_t>(s)];
    if (count[static_cast<size_t>(k)]++ == 0) view.classes.push_back(k);
  }
  for (int k : view.classes) view.counts.push_back(count[static_cast<size_t>(k)]);
  // The model's own count (pipeline_part.cpp), not a copy of it.
  view.activation_bits = pipeline_activation_link_bits(
      in.workload, in.split_point, in.budget.precision_bits, in.budget.burst_curve);
  return view;
}

// A choice per stage class: its option for all its stages, except that the first
// `rom_stages` of them may take `rom_option` (weights on chip) instead, so that a class of
// identical stages can stream some layers' weights and keep others' on chip (AccDNN's 15 DMA
// channels, keep_weights_on_chip).
struct Choice {
  std::vector<int> option, rom_option;
  std::vector<int64_t> rom_stages;
  explicit Choice(size_t classes)
      : option(classes, 0), rom_option(classes, 0), rom_stages(classes, 0) {}
  int& operator[](size_t j) { return option[j]; }
  int operator[](size_t j) const { return option[j]; }
};

// One batch's view of the problem: option choice per stage class for a cycle target.
class MinMaxSolver {
 public:
  MinMaxSolver(const PipelineAllocatorInput& in, const PartView& view, int batch_index,
               Estimate& scratch, EvalCounter& counter)
      : in_(in),
        view_(view),
        bi_(batch_index),
        scratch_(scratch),
        counter_(counter),
        choice_(view.classes.size()),
        best_(view.classes.size()) {
    link_bits_per_cycle_ = dram_link_bits_per_cycle(in.budget.dram_bw_gbps, in.budget.clock_mhz);
    activation_bits_ = view.activation_bits * in.table.batches[static_cast<size_t>(batch_index)];
  }

  // The solver of another batch, as if constructed afresh: one solver serves an allocation's
  // batches one after another without allocating its choices again for each.
  void set_batch(int batch_index) {
    bi_ = batch_index;
    activation_bits_ =
        view_.activation_bits * in_.table.batches[static_cast<size_t>(batch_index)];
    for (Choice* c : {&choice_, &best_}) {
      std::fill(c->option.begin(), c->option.end(), 0);
      std::fill(c->rom_option.begin(), c->rom_option.end(), 0);
      std::fill(c->rom_stages.begin(), c->rom_stages.end(), 0);
    }
    best_period_ = 0;
    best_dsp_ = 0;
    best_bram18_ = 0;
  }

  // No period is below the slowest stage at its fastest option.
  int64_t lowest_target() const {
    int64_t t = 0;
    for (int k : view_.classes) t = std::max(t, options(k).cycles.back());
    return t;
  }
  // The slowest stage at its slowest option.
  int64_t highest_target() const {
    int64_t t = 0;
    for (int k : view_.classes) t = std::max(t, options(k).cycles.front());
    return t;
  }
  // A period every choice meets: the slowest option of every stage, or the time to stream
  // the most DRAM traffic any choice moves.
  int64_t highest_period() const {
    double bits = activation_bits_;
    for (size_t j = 0; j < view_.classes.size(); ++j) {
      const StageOptions& o = options(view_.classes[j]);
      double most = 0;
      for (size_t i = 0; i < o.option_count(); ++i) most = std::max(most, o.bits(i, bi_));
      bits += most * static_cast<double>(view_.counts[j]);
    }
    const double stream = link_bits_per_cycle_ > 0 ? std::ceil(bits / link_bits_per_cycle_) : 0;
    return std::max(highest_target(), static_cast<int64_t>(std::min(stream, 4e18)));
  }

  // A necessary condition for meets(target), checked resource by resource: every class has
  // an option meeting the target, and the least each resource could total over those options
  // (each class at its own cheapest for that resource alone) fits the budget, the DRAM
  // stream included. Any choice `meets` accepts is such a choice, so a target failing here
  // fails there too; and a larger target only widens every class's options, so it is
  // monotone in the target where `meets` need not be (burst-dependent DRAM efficiency).
  bool could_meet(int64_t target) const {
    int64_t dsp = 0, bram18 = 0, uram = 0, lut = 0;
    double bits = activation_bits_;
    for (size_t j = 0; j < view_.classes.size(); ++j) {
      const StageOptions& o = options(view_.classes[j]);
      const size_t first = first_meeting(o, target);
      if (first >= o.option_count()) return false;
      const StageOptions::Least& least = o.least(first, bi_);
      const int64_t n = view_.counts[j];
      dsp += least.dsp * n;
      bram18 += least.bram18 * n;
      uram += least.uram * n;
      lut += least.lut * n;
      bits += least.bits * static_cast<double>(n);
    }
    if (dsp > in_.budget.dsp || bram18 > in_.budget.bram18 || uram > in_.budget.uram ||
        (in_.budget.lut > 0 && lut > in_.budget.lut))
      return false;
    if (bits <= 0) return true;
    return link_bits_per_cycle_ > 0 && bits / link_bits_per_cycle_ <= static_cast<double>(target);
  }

  // Tries to meet target T: a period (the slowest stage, or the DRAM stream when it cannot
  // keep up: docs/spec/MODELS.md 3, pipeline_part.cpp) of at most T within the DSP and BRAM. On
  // success `best_` holds the choice and its period.
  bool meets(int64_t target) {
    Weights weight = initial_weights(target);
    for (int round = 0; round < kWeightRounds; ++round) {
      Totals totals = choose(target, weight);
      if (totals.period > static_cast<double>(target) && within_budget(totals))
        totals = trade_room_for_traffic(target, totals);
      bool over = totals.dma_channels > kAccDnnDmaChannels;
      if (totals.dsp > in_.budget.dsp) weight[0] *= kWeightRaise, over = true;
      if (totals.bram18 > in_.budget.bram18) weight[1] *= kWeightRaise, over = true;
      if (totals.period > static_cast<double>(target)) weight[2] *= kWeightRaise, over = true;
      if (totals.uram > in_.budget.uram) weight[3] *= kWeightRaise, over = true;
      if (in_.budget.lut > 0 && totals.lut > in_.budget.lut) weight[4] *= kWeightRaise, over = true;
      if (over) continue;
      best_ = choice_;
      best_period_ = static_cast<int64_t>(std::ceil(totals.period));
      best_dsp_ = totals.dsp;
      best_bram18_ = totals.bram18;
      return true;
    }
    return false;
  }

  // Evaluates the best choice found (or the current one) into scratch; returns feasibility.
  bool evaluate_best() {
    choice_ = best_;
    return evaluate_choice();
  }
  bool evaluate_cheapest() {
    choose(highest_period(), initial_weights(highest_period()));
    return evaluate_choice();
  }

  int64_t best_period() const { return best_period_; }
  // The DSP and BRAM18 of the best choice, as the table counts them.
  int64_t best_dsp() const { return best_dsp_; }
  int64_t best_bram18() const { return best_bram18_; }
  PipelineDesign design_of(const Choice& choice) {
    PipelineDesign d;
    fill_design(choice, d);
    return d;
  }
  // The design of `choice` into `d`, reusing its stage list (evaluate_choice runs per
  // evaluation).
  void fill_design(const Choice& choice, PipelineDesign& d) {
    d.batch = in_.table.batches[static_cast<size_t>(bi_)];
    d.stages.clear();
    // Class -> its position in view_.classes, for the per-stage expansion.
    slot_.assign(static_cast<size_t>(in_.table.class_count()), -1);
    for (size_t j = 0; j < view_.classes.size(); ++j)
      slot_[static_cast<size_t>(view_.classes[j])] = static_cast<int>(j);
    const std::vector<int>& slot = slot_;
    d.stages.reserve(static_cast<size_t>(in_.split_point));
    rom_given_.assign(view_.classes.size(), 0);
    std::vector<int64_t>& rom_given = rom_given_;
    for (int s = 0; s < in_.split_point; ++s) {
      const int k = in_.table.class_of[static_cast<size_t>(s)];
      const auto j = static_cast<size_t>(slot[static_cast<size_t>(k)]);
      // The class's first rom_stages stages take its on-chip option, the rest its main one.
      const bool rom = rom_given[j] < choice.rom_stages[j];
      if (rom) ++rom_given[j];
      const int option = rom ? choice.rom_option[j] : choice.option[j];
      d.stages.push_back(options(k).parallelism[static_cast<size_t>(option)]);
    }
  }
  PipelineDesign best_design() { return design_of(best_); }

 private:
  struct Totals {
    int64_t dsp = 0, bram18 = 0, uram = 0, lut = 0, dma_channels = 0;
    double period = 1;  // cycles per batch of B frames
  };
  // DSP, BRAM18, bandwidth, URAM, LUT.
  using Weights = std::array<double, 5>;

  // DSP, BRAM, URAM and LUT weigh by the share of the budget they take; bandwidth by the
  // share of the bits the DRAM moves in `target` cycles.
  Weights initial_weights(int64_t target) const {
    return {1.0 / std::max<double>(1, static_cast<double>(in_.budget.dsp)),
            1.0 / std::max<double>(1, static_cast<double>(in_.budget.bram18)),
            1.0 / std::max(1.0, link_bits_per_cycle_ * static_cast<double>(target)),
            1.0 / std::max<double>(1, static_cast<double>(in_.budget.uram)),
            in_.budget.lut > 0 ? 1.0 / static_cast<double>(in_.budget.lut) : 0.0};
  }

  const StageOptions& options(int k) const { return in_.table.classes[static_cast<size_t>(k)]; }

  static double weighted_cost(const Weights& weight, const StageCost& c, double bits) {
    return weight[0] * static_cast<double>(c.dsp) + weight[1] * static_cast<double>(c.bram18) +
           weight[2] * bits + weight[3] * static_cast<double>(c.uram) +
           weight[4] * static_cast<double>(c.lut);
  }

  // One class's options at the current batch; those meeting `target` are [first, count)
  // (options are sorted slowest first).
  struct Slice {
    const StageCost* costs;
    const double* bits;
    size_t first, count;
  };
  static size_t first_meeting(const StageOptions& o, int64_t target) {
    const auto first = std::lower_bound(o.cycles.begin(), o.cycles.end(), target,
                                        [](int64_t c, int64_t t) { return c > t; });
    return static_cast<size_t>(first - o.cycles.begin());
  }
  Slice slice(size_t j, int64_t target) const {
    const StageOptions& o = options(view_.classes[j]);
    const size_t count = o.option_count();
    return {.costs = o.costs.data() + static_cast<size_t>(bi_) * count,
            .bits = o.weight_bits_per_frame.data() + static_cast<size_t>(bi_) * count,
            .first = first_meeting(o, target),
            .count = count};
  }

  // Per stage class, the option meeting `target` with the smallest weighted cost.
  Totals choose(int64_t target, const Weights& weight) {
    std::fill(choice_.rom_stages.begin(), choice_.rom_stages.end(), 0);
    int64_t dma_channels = 0;
    for (size_t j = 0; j < view_.classes.size(); ++j) {
      const Slice o = slice(j, target);
      size_t pick = o.count - 1;  // the fastest, if none meets T
      double pick_cost = std::numeric_limits<double>::infinity();
      for (size_t i = o.first; i < o.count; ++i) {
        const double cost = weighted_cost(weight, o.costs[i], o.bits[i]);
        if (cost < pick_cost) pick_cost = cost, pick = i;
      }
      choice_[j] = static_cast<int>(pick);
      dma_channels += o.costs[pick].dma_channels * view_.counts[j];
    }
    if (dma_channels > kAccDnnDmaChannels) keep_weights_on_chip(target, weight, dma_channels);
    return totals_of_choice();
  }

  // AccDNN's template wires at most kAccDnnDmaChannels weight streams (accdnn_rules.h). When
  // the choice streams more, stages take their class's cheapest option meeting the target
  // that keeps the weights on chip, the classes whose switch costs least per stage first and
  // only as many stages of a class as still stream too many (identical stages may differ
  // here: a class of four 512-channel convs can keep two in ROM); if they cannot, the choice
  // is not a `meets` and the model would refuse it.
  void keep_weights_on_chip(int64_t target, const Weights& weight, int64_t dma_channels) {
    switches_.clear();
    for (size_t j = 0; j < view_.classes.size(); ++j) {
      const Slice o = slice(j, target);
      const auto current = static_cast<size_t>(choice_[j]);
      if (o.costs[current].dma_channels == 0) continue;
      const double current_cost = weighted_cost(weight, o.costs[current], o.bits[current]);
      for (size_t i = o.first; i < o.count; ++i) {
        if (o.costs[i].dma_channels != 0) continue;
        const double extra = weighted_cost(weight, o.costs[i], o.bits[i]) - current_cost;
        if (switches_.empty() || switches_.back().j != j) {
          switches_.push_back({.extra = extra, .j = j, .option = static_cast<int>(i)});
        } else if (extra < switches_.back().extra) {
          switches_.back() = {.extra = extra, .j = j, .option = static_cast<int>(i)};
        }
      }
    }
    std::sort(switches_.begin(), switches_.end(),
              [](const Switch& a, const Switch& b) { return a.extra < b.extra; });
    for (const Switch& sw : switches_) {
      const int64_t excess = dma_channels - kAccDnnDmaChannels;
      if (excess <= 0) break;
      const int64_t stages = std::min(excess, view_.counts[sw.j]);
      choice_.rom_option[sw.j] = sw.option;
      choice_.rom_stages[sw.j] = stages;
      dma_channels -= stages;
    }
  }

  bool within_budget(const Totals& t) const {
    return t.dsp <= in_.budget.dsp && t.bram18 <= in_.budget.bram18 &&
           t.uram <= in_.budget.uram && (in_.budget.lut <= 0 || t.lut <= in_.budget.lut) &&
           t.dma_channels <= kAccDnnDmaChannels;
  }

  // When a choice within the budget misses the target only through its DRAM time, the room
  // left buys traffic down: repeatedly the switch (one class to an option meeting the target
  // with fewer weight bits, most often its weights on chip) that saves the most bits per share
  // of the budget it adds, while it fits. The weighted choice alone moves in steps of
  // kWeightRaise and can miss a period a simple trade reaches (VGG16 on ZCU102 once came out
  // 0.1 % below AccDNN's heuristic this way). Returns the new totals.
  Totals trade_room_for_traffic(int64_t target, Totals totals) {
    if (link_bits_per_cycle_ <= 0) return totals;
    // Only DRAM time can be traded: every class must have an option meeting the target, and
    // the fewest bits those options can move together must fit in the target.
    double fewest = activation_bits_;
    for (size_t j = 0; j < view_.classes.size(); ++j) {
      const Slice o = slice(j, target);
      if (o.first >= o.count || static_cast<size_t>(choice_[j]) < o.first) return totals;
      fewest += options(view_.classes[j]).least(o.first, bi_).bits *
                static_cast<double>(view_.counts[j]);
    }
    if (fewest / link_bits_per_cycle_ > static_cast<double>(target)) return totals;
    const auto share = [](int64_t more, int64_t budget) {
      return more > 0 ? static_cast<double>(more) / static_cast<double>(std::max<int64_t>(1, budget))
                      : 0.0;
    };
    while (totals.period > static_cast<double>(target)) {
      double best_ratio = 0;
      size_t best_j = 0, best_i = 0;
      for (size_t j = 0; j < view_.classes.size(); ++j) {
        const Slice o = slice(j, target);
        const auto current = static_cast<size_t>(choice_[j]);
        const StageCost& c = o.costs[current];
        const int64_t n = view_.counts[j] - choice_.rom_stages[j];  // stages on the main option
        if (n <= 0) continue;
        for (size_t i = o.first; i < o.count; ++i) {
          const double saved = (o.bits[current] - o.bits[i]) * static_cast<double>(n);
          if (saved <= 0) continue;
          const StageCost& x = o.costs[i];
          const int64_t dsp = totals.dsp + (x.dsp - c.dsp) * n;
          const int64_t bram = totals.bram18 + (x.bram18 - c.bram18) * n;
          const int64_t uram = totals.uram + (x.uram - c.uram) * n;
          const int64_t lut = totals.lut + (x.lut - c.lut) * n;
          const int64_t dma = totals.dma_channels + (x.dma_channels - c.dma_channels) * n;
          if (dsp > in_.budget.dsp || bram > in_.budget.bram18 || uram > in_.budget.uram ||
              (in_.budget.lut > 0 && lut > in_.budget.lut) || dma > kAccDnnDmaChannels)
            continue;
          const double added = share((x.dsp - c.dsp) * n, in_.budget.dsp) +
                               share((x.bram18 - c.bram18) * n, in_.budget.bram18) +
                               share((x.uram - c.uram) * n, in_.budget.uram) +
                               share((x.lut - c.lut) * n, in_.budget.lut);
          const double ratio = saved / std::max(added, 1e-12);
          if (ratio > best_ratio) best_ratio = ratio, best_j = j, best_i = i;
        }
      }
      if (best_ratio <= 0) break;
      choice_[best_j] = static_cast<int>(best_i);
      totals = totals_of_choice();
    }
    return totals;
  }

  // The part's totals and period for choice_.
  Totals totals_of_choice() const {
    Totals totals;
    int64_t bottleneck = 1;
    double bits = activation_bits_;
    const auto add = [&](const Slice& o, size_t pick, int64_t n) {
      if (n <= 0) return;
      const StageCost& c = o.costs[pick];
      totals.dsp += c.dsp * n;
      totals.bram18 += c.bram18 * n;
      totals.uram += c.uram * n;
      totals.lut += c.lut * n;
      totals.dma_channels += c.dma_channels * n;
      bits += o.bits[pick] * static_cast<double>(n);
      bottleneck = std::max(bottleneck, c.cycles);
    };
    for (size_t j = 0; j < view_.classes.size(); ++j) {
      const Slice o = slice(j, 0);
      const int64_t rom = choice_.rom_stages[j];
      add(o, static_cast<size_t>(choice_[j]), view_.counts[j] - rom);
      add(o, static_cast<size_t>(choice_.rom_option[j]), rom);
    }
    totals.period = static_cast<double>(bottleneck);
    if (bits > 0)
      totals.period = link_bits_per_cycle_ > 0
                          ? std::max(totals.period, bits / link_bits_per_cycle_)
                          : std::numeric_limits<double>::infinity();
    return totals;
  }

  bool evaluate_choice() {
    fill_design(choice_, design_);
    scratch_.clear_violations();
    evaluate_pipeline_part(in_.workload, in_.split_point, design_, in_.budget, scratch_);
    ++counter_.designs;
    return scratch_.feasible;
  }

  const PipelineAllocatorInput& in_;
  const PartView& view_;
  int bi_;
  Estimate& scratch_;
  EvalCounter& counter_;
  Choice choice_, best_;  // per entry of view_.classes
  struct Switch {
    double extra;  // weighted cost added per stage
    size_t j;      // class, as an entry of view_.classes
    int option;
  };
  std::vector<Switch> switches_;  // keep_weights_on_chip's scratch, reused
  int64_t best_period_ = 0;
  int64_t best_dsp_ = 0, best_bram18_ = 0;
  double link_bits_per_cycle_ = 0;
  double activation_bits_ = 0;  // per batch of B frames
  PipelineDesign design_;
  std::vector<int> slot_;             // fill_design's scratch, reused
  std::vector<int64_t> rom_given_;    // likewise
};

int64_t part_macs(const Workload& workload, int split_point) {
  int64_t macs = 0;
  for (int s = 0; s < split_point; ++s) macs += workload.stage(s).macs;
  return macs;
}

}  // namespace

PipelineAllocation allocate_pipeline(const PipelineAllocatorInput& in, Estimate& scratch,
                                     EvalCounter& counter) {
  PipelineAllocation result;
  if (in.split_point <= 0) {
    result.rejection = {.reason = "no pipeline stages", .category = "design"};
    return result;
  }
  if (scratch.layers.size() != in.workload.stages.size())
    scratch.layers.resize(in.workload.stages.size());
  const PartView view = part_view(in);
  const int64_t macs = part_macs(in.workload, in.split_point);
  const int last_batch = std::min(in.max_batch_index, in.table.batch_count() - 1);
  const double clock_hz = in.budget.clock_mhz * 1e6;
  // Latency does not improve with more frames in flight: only B = 1 is worth trying.
  const int batches = in.objective == Objective::kLatency ? 1 : last_batch + 1;
  int64_t floor_target = 0;  // T(B) never falls as B grows: the last B's T bounds the next
  // The longest period at which batch `bi` could still beat the best so far (B * f / T above
  // it), or -1 when nothing is in hand to beat. The slack is for rounding: the model's period
  // is the DRAM time as a double, up to a cycle under the integer period the solver works
  // with, so an equal-throughput batch (DRAM-bound batches often are) still gets its search
  // and may win the tie by a rounding difference exactly as without this bound.
  const auto longest_winning_period = [&](int bi) -> double {
    if (!result.feasible || in.objective != Objective::kThroughput || result.score <= 0 ||
        clock_hz <= 0)
      return -1;
    const double batch = in.table.batches[static_cast<size_t>(bi)];
    return std::floor(batch * clock_hz / (result.score * (1 - 1e-9))) + 1;
  };
  MinMaxSolver solver(in, view, 0, scratch, counter);
  for (int bi = 0; bi < batches; ++bi) {
    solver.set_batch(bi);
    int64_t lo = std::max(solver.lowest_target(), floor_target);
    int64_t hi = solver.highest_period();
    if (lo > hi || !solver.meets(hi)) {
      if (bi == 0) {
        solver.evaluate_cheapest();
        result.rejection = scratch.feasible
                               ? Rejection{.reason = "no stage option fits", .category = "design"}
                               : worst_violation(scratch);
        result.rejection.reason += accdnn_dma_note(in.workload, in.split_point);
      }
      break;  // a larger batch only costs more
    }
    hi = solver.best_period();
    // Throughput is B * f / T (pipeline_part.cpp): a batch beats the best so far only at a
    // period of at most `winning`. When no choice could reach it (every period from the batch's
    // lowest is above it, or `could_meet`, monotone in the period, fails there), the batch's
    // period search and its evaluation are skipped: they could only find a design that does
    // not win. The search is not narrowed to that period otherwise: `meets` is not monotone
    // in the period since DRAM efficiency depends on burst length (a longer period picks
    // smaller KPF, shorter weight bursts, more link time), so the narrowed search could land
    // on another period than the full one (8 of 336 zoo x catalog pairs lost up to 18 %). Nor
    // does the bisection start at the relaxation's lowest period: it would find the same
    // period on another path, and so (`meets` weighs by its target) often other options at
    // it, which moves part B's budget and the swarm (vgglike_38 on Ultra96 at 8 bits lost
    // 2.4 % that way).
    if (!in.reference) {
      const double winning = longest_winning_period(bi);
      if (winning >= 0 && (winning < static_cast<double>(lo) ||
                           (winning < static_cast<double>(hi) &&
                            !solver.could_meet(static_cast<int64_t>(winning)))))
        continue;
    }
    while (lo < hi) {
      const int64_t mid = lo + (hi - lo) / 2;
      // A target the relaxation rules out fails `meets` too: the same step, for a fraction of
      // the cost (most failing steps of a bisection fail here).
      if (!in.reference && !solver.could_meet(mid)) {
        lo = mid + 1;
        continue;
      }
      // best_period() rounds a double: past 2^53 cycles it can land above mid, so take the
      // smaller or the search may never shrink (--clock-mhz 1e12, --bw-gbps 1e-9 hung here).
      if (solver.meets(mid))
        hi = std::min(mid, solver.best_period());
      else
        lo = mid + 1;
    }
    floor_target = solver.best_period();
    if (!solver.evaluate_best()) continue;
    const double score = part_score(scratch.pipeline, macs, in.budget, in.objective);
    if (!result.feasible || score > result.score) {
      result.feasible = true;
      result.score = score;
      result.design = solver.best_design();
      result.bottleneck_cycles = solver.best_period();
      result.summary = scratch.pipeline;
    }
  }
  return result;
}

PipelineAllocation allocate_pipeline_for_rate(const PipelineAllocatorInput& in, double min_fps,
                                              Estimate& scratch, EvalCounter& counter) {
  PipelineAllocation result{.rejection = {.reason = "rate out of reach", .category = "design"}};
  if (in.split_point <= 0 || min_fps <= 0) return result;
  if (scratch.layers.size() != in.workload.stages.size())
    scratch.layers.resize(in.workload.stages.size());
  const PartView view = part_view(in);
  const int64_t macs = part_macs(in.workload, in.split_point);
  const double clock_hz = in.budget.clock_mhz * 1e6;
  const int last_batch = std::min(in.max_batch_index, in.table.batch_count() - 1);
  const auto share = [&](double dsp, double bram18) {
    return dsp / std::max<double>(1, static_cast<double>(in.budget.dsp)) +
           bram18 / std::max<double>(1, static_cast<double>(in.budget.bram18));
  };
  // Every batch's cheapest choice meeting the rate, by the table's DSP and BRAM (the model's
  // part totals are the stages' sums of the same costs); the model then checks them cheapest
  // first, and stops once no remaining choice is cheaper than the best it confirmed.
  struct Choice {
    int bi;
    double cost;
  };
  std::vector<Choice> choices;
  MinMaxSolver solver(in, view, 0, scratch, counter);
  for (int bi = 0; bi <= last_batch; ++bi) {
    solver.set_batch(bi);
    const double batch = in.table.batches[static_cast<size_t>(bi)];
    const auto target = static_cast<int64_t>(std::floor(batch * clock_hz / min_fps));
    if (target < solver.lowest_target()) continue;
    const int64_t reachable = std::min(target, solver.highest_period());
    if (!in.reference && !solver.could_meet(reachable)) continue;  // meets would fail too
    if (!solver.meets(reachable)) continue;
    choices.push_back({bi, share(static_cast<double>(solver.best_dsp()),
                                 static_cast<double>(solver.best_bram18()))});
  }
  if (!in.reference)
    std::stable_sort(choices.begin(), choices.end(),
                     [](const Choice& a, const Choice& b) { return a.cost < b.cost; });
  double best_cost = std::numeric_limits<double>::infinity();
  for (const Choice& choice : choices) {
    if (!in.reference && choice.cost > best_cost) break;
    solver.set_batch(choice.bi);
    const double batch = in.table.batches[static_cast<size_t>(choice.bi)];
    const auto target = static_cast<int64_t>(std::floor(batch * clock_hz / min_fps));
    solver.meets(std::min(target, solver.highest_period()));
    if (!solver.evaluate_best() || scratch.pipeline.throughput_fps < min_fps) continue;
    const double cost = share(static_cast<double>(scratch.pipeline.dsp),
                              static_cast<double>(scratch.pipeline.bram18));
    if (cost < best_cost) {
      best_cost = cost;
      result = {.feasible = true,
                .design = solver.best_design(),
                .bottleneck_cycles = solver.best_period(),
                .summary = scratch.pipeline,
                .score = part_score(scratch.pipeline, macs, in.budget, in.objective)};
    }
  }
  return result;
}

}  // namespace dnne
