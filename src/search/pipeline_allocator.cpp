#include "search/pipeline_allocator.h"

#include <algorithm>
#include <array>

#include "search/part_score.h"

namespace dnne {

namespace {

constexpr int kWeightRounds = 4;      // re-weightings tried per cycle target
constexpr double kWeightRaise = 4.0;  // factor applied to an over-budget resource's weight

// One batch's view of the problem: option choice per stage for a cycle target.
class MinMaxSolver {
 public:
  MinMaxSolver(const PipelineAllocatorInput& in, int batch_index, Estimate& scratch,
               EvalCounter& counter)
      : in_(in), bi_(batch_index), scratch_(scratch), counter_(counter),
        choice_(static_cast<size_t>(in.split_point), 0),
        best_(static_cast<size_t>(in.split_point), 0) {}

  // Slowest-stage cycles when every stage runs its fastest / cheapest option.
  int64_t lowest_target() const {
    int64_t t = 0;
    for (int s = 0; s < in_.split_point; ++s) t = std::max(t, stage(s).cycles.back());
    return t;
  }
  int64_t highest_target() const {
    int64_t t = 0;
    for (int s = 0; s < in_.split_point; ++s) t = std::max(t, stage(s).cycles.front());
    return t;
  }

  // Tries to meet target T; on success `best_` holds the choice and its bottleneck.
  bool meets(int64_t target) {
    const double clock_hz = in_.budget.clock_mhz * 1e6;
    std::array<double, 3> weight = {
        1.0 / std::max<double>(1, static_cast<double>(in_.budget.dsp)),
        1.0 / std::max<double>(1, static_cast<double>(in_.budget.bram18)),
        clock_hz / (static_cast<double>(target) * std::max(1e-9, in_.budget.dram_bw_gbps) * 8e9)};
    for (int round = 0; round < kWeightRounds; ++round) {
      const Totals totals = choose(target, weight);
      bool over = false;
      if (totals.dsp > in_.budget.dsp) weight[0] *= kWeightRaise, over = true;
      if (totals.bram18 > in_.budget.bram18) weight[1] *= kWeightRaise, over = true;
      const double bw_gbps =
          clock_hz * totals.weight_bits / static_cast<double>(totals.bottleneck) / 8e9;
      if (bw_gbps > in_.budget.dram_bw_gbps) weight[2] *= kWeightRaise, over = true;
      if (over) continue;
      // The table's totals fit: the model has the last word (it adds what the table does
      // not see, e.g. the part's input/output traffic).
      if (evaluate_choice()) {
        best_ = choice_;
        best_bottleneck_ = totals.bottleneck;
        return true;
      }
      bool raised = false;
      for (int v = 0; v < std::min<int>(scratch_.violation_count, 4); ++v) {
        const Resource r = scratch_.violations[static_cast<size_t>(v)].resource;
        if (r == Resource::kDsp) weight[0] *= kWeightRaise, raised = true;
        if (r == Resource::kBram18) weight[1] *= kWeightRaise, raised = true;
        if (r == Resource::kBandwidth) weight[2] *= kWeightRaise, raised = true;
      }
      if (!raised) return false;
    }
    return false;
  }

  // Evaluates the best choice found (or the current one) into scratch; returns feasibility.
  bool evaluate_best() {
    choice_ = best_;
    return evaluate_choice();
  }
  bool evaluate_cheapest() {
    const double clock_hz = in_.budget.clock_mhz * 1e6;
    const int64_t target = highest_target();
    choose(target, {1.0 / std::max<double>(1, static_cast<double>(in_.budget.dsp)),
                    1.0 / std::max<double>(1, static_cast<double>(in_.budget.bram18)),
                    clock_hz / (static_cast<double>(target) *
                                std::max(1e-9, in_.budget.dram_bw_gbps) * 8e9)});
    return evaluate_choice();
  }

  int64_t best_bottleneck() const { return best_bottleneck_; }
  PipelineDesign design_of(const std::vector<int>& choice) const {
    PipelineDesign d{.batch = in_.table.batches[static_cast<size_t>(bi_)]};
    d.stages.reserve(choice.size());
    for (int s = 0; s < in_.split_point; ++s)
      d.stages.push_back(stage(s).parallelism[static_cast<size_t>(choice[static_cast<size_t>(s)])]);
    return d;
  }
  PipelineDesign best_design() const { return design_of(best_); }
  PipelineDesign current_design() const { return design_of(choice_); }

 private:
  struct Totals {
    int64_t dsp = 0, bram18 = 0, bottleneck = 1;
    double weight_bits = 0;
  };

  const StageOptions& stage(int s) const { return in_.table.stages[static_cast<size_t>(s)]; }

  // Per stage, the option meeting `target` with the smallest weighted cost.
  Totals choose(int64_t target, const std::array<double, 3>& weight) {
    Totals totals;
    const int nb = in_.table.batch_count();
    for (int s = 0; s < in_.split_point; ++s) {
      const StageOptions& o = stage(s);
      // Options are sorted slowest first: those meeting the target are a suffix.
      const auto first = std::lower_bound(o.cycles.begin(), o.cycles.end(), target,
                                          [](int64_t c, int64_t t) { return c > t; });
      int pick = static_cast<int>(o.cycles.size()) - 1;  // the fastest, if none meets T
      double pick_cost = std::numeric_limits<double>::infinity();
      for (auto it = first; it != o.cycles.end(); ++it) {
        const int i = static_cast<int>(it - o.cycles.begin());
        const StageCost& c = o.costs[static_cast<size_t>(i * nb + bi_)];
        const double cost = weight[0] * static_cast<double>(c.dsp) +
                            weight[1] * static_cast<double>(c.bram18) +
                            weight[2] * o.weight_bits_per_frame[static_cast<size_t>(i * nb + bi_)];
        if (cost < pick_cost) pick_cost = cost, pick = i;
      }
      choice_[static_cast<size_t>(s)] = pick;
      const StageCost& c = o.costs[static_cast<size_t>(pick * nb + bi_)];
      totals.dsp += c.dsp;
      totals.bram18 += c.bram18;
      totals.weight_bits += o.weight_bits_per_frame[static_cast<size_t>(pick * nb + bi_)];
      totals.bottleneck = std::max(totals.bottleneck, c.cycles);
    }
    return totals;
  }

  bool evaluate_choice() {
    design_ = current_design();
    evaluate_pipeline_part(in_.workload, in_.split_point, design_, in_.budget, scratch_);
    ++counter_.designs;
    return scratch_.feasible;
  }

  const PipelineAllocatorInput& in_;
  int bi_;
  Estimate& scratch_;
  EvalCounter& counter_;
  std::vector<int> choice_, best_;
  int64_t best_bottleneck_ = 0;
  PipelineDesign design_;
};

int64_t part_macs(const Workload& workload, int split_point) {
  int64_t macs = 0;
  for (int s = 0; s < split_point; ++s) macs += workload.stages[static_cast<size_t>(s)].macs;
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
  const int64_t macs = part_macs(in.workload, in.split_point);
  const int last_batch = std::min(in.max_batch_index, in.table.batch_count() - 1);
  // Latency does not improve with more frames in flight: only B = 1 is worth trying.
  const int batches = in.objective == Objective::kLatency ? 1 : last_batch + 1;
  int64_t floor_target = 0;  // T(B) never falls as B grows: the last B's T bounds the next
  for (int bi = 0; bi < batches; ++bi) {
    MinMaxSolver solver(in, bi, scratch, counter);
    int64_t lo = std::max(solver.lowest_target(), floor_target);
    int64_t hi = solver.highest_target();
    if (lo > hi || !solver.meets(hi)) {
      if (bi == 0) {
        solver.evaluate_cheapest();
        result.rejection = scratch.feasible
                               ? Rejection{.reason = "no stage option fits", .category = "design"}
                               : worst_violation(scratch);
      }
      break;  // a larger batch only costs more
    }
    hi = solver.best_bottleneck();
    while (lo < hi) {
      const int64_t mid = lo + (hi - lo) / 2;
      if (solver.meets(mid))
        hi = solver.best_bottleneck();
      else
        lo = mid + 1;
    }
    floor_target = solver.best_bottleneck();
    if (!solver.evaluate_best()) continue;
    const double score = part_score(scratch.pipeline, macs, in.budget, in.objective);
    if (!result.feasible || score > result.score) {
      result.feasible = true;
      result.score = score;
      result.design = solver.best_design();
      result.bottleneck_cycles = solver.best_bottleneck();
      result.summary = scratch.pipeline;
    }
  }
  return result;
}

}  // namespace dnne
