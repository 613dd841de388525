// Evaluates batches of global points in parallel, remembering every point's outcome so a
// point the swarm revisits costs nothing, and keeping the search's running figures: the
// best point, the tightest rejection, infeasible counts by reason. Work is deterministic:
// new points are found in the order given, evaluated on any number of threads into their
// own slots, and reduced in that order.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "search/design_point.h"

namespace dnne {

// Thrown out of PointEvaluator::evaluate when the caller cancels the search.
struct SearchCancelled {};

class PointEvaluator {
 public:
  PointEvaluator(const SearchContext& context, int threads);

  // Outcomes of `points`, in order (pointers stay valid for the evaluator's lifetime). Their
  // figures only: the design is kept for best() alone.
  std::vector<const PointOutcome*> evaluate(const std::vector<GlobalPoint>& points);

  const PointOutcome& best() const { return best_; }
  // The best outcome at each split point visited, best first (ties: smaller split point);
  // figures only, as evaluate().
  std::vector<PointOutcome> best_per_split_point() const;
  bool any_feasible() const { return best_.feasible; }
  const Rejection& tightest() const { return tightest_; }
  int64_t designs_evaluated() const { return designs_; }
  int64_t points_evaluated() const { return static_cast<int64_t>(cache_.size()); }
  int64_t infeasible_points() const { return infeasible_; }
  const std::map<std::string, int64_t>& infeasible_by_reason() const { return by_reason_; }
  double seconds() const;
  int threads() const { return threads_; }

  // From now on, also keep the Pareto front of every feasible design evaluated and a sample
  // of at most `sample_capacity` of them (pareto.h); costs nothing when not called.
  void record_design_space(size_t sample_capacity) { log_.emplace(sample_capacity); }
  // evaluate() throws SearchCancelled, before starting a batch, once `cancelled` says so.
  void set_cancel(std::function<bool()> cancelled) { cancelled_ = std::move(cancelled); }
  // What was recorded (`recorded` false when record_design_space was not called).
  DesignSpace take_design_space() { return log_ ? log_->take() : DesignSpace{}; }

 private:
  std::function<bool()> cancelled_;
  const SearchContext& context_;
  int threads_;
  std::vector<Estimate> scratch_;  // one per worker
  std::vector<GenericMemo> memos_;  // one per worker
  std::unordered_map<uint64_t, PointOutcome> cache_;
  PointOutcome best_;
  std::map<int, PointOutcome> best_at_split_;
  Rejection tightest_;
  int64_t designs_ = 0;
  int64_t infeasible_ = 0;
  std::map<std::string, int64_t> by_reason_;
  std::optional<DesignSpaceLog> log_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace dnne
