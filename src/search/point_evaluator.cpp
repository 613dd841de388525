#include "search/point_evaluator.h"

#include <algorithm>

#include "search/parallel.h"

namespace dnne {

PointEvaluator::PointEvaluator(const SearchContext& context, int threads)
    : context_(context),
      threads_(std::max(1, threads)),
      scratch_(static_cast<size_t>(std::max(1, threads))),
      memos_(static_cast<size_t>(std::max(1, threads))),
      start_(std::chrono::steady_clock::now()) {
  for (Estimate& e : scratch_) e.layers.resize(context.workload.stages.size());
}

double PointEvaluator::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::vector<PointOutcome> PointEvaluator::best_per_split_point() const {
  std::vector<PointOutcome> out;
  for (const auto& [split_point, outcome] : best_at_split_) out.push_back(outcome);
  std::stable_sort(out.begin(), out.end(),
                   [](const PointOutcome& a, const PointOutcome& b) { return better(a, b); });
  return out;
}

std::vector<const PointOutcome*> PointEvaluator::evaluate(const std::vector<GlobalPoint>& points) {
  if (cancelled_ && cancelled_()) throw SearchCancelled{};
  // New points, first occurrence order.
  std::vector<GlobalPoint> fresh;
  std::vector<uint64_t> fresh_keys;
  for (const GlobalPoint& raw : points) {
    const GlobalPoint p = normalised(raw, context_);
    const uint64_t key = point_key(p);
    if (cache_.count(key)) continue;
    bool seen = false;
    for (uint64_t k : fresh_keys) seen = seen || k == key;
    if (seen) continue;
    fresh.push_back(p);
    fresh_keys.push_back(key);
  }
  std::vector<PointOutcome> outcomes(fresh.size());
  std::vector<EvalCounter> counters(fresh.size());
  std::vector<PointDesigns> designs(log_ ? fresh.size() : 0);
  parallel_for(static_cast<int>(fresh.size()), threads_, [&](int i, int worker) {
    const auto at = static_cast<size_t>(i);
    outcomes[at] = evaluate_point(context_, fresh[at], scratch_[static_cast<size_t>(worker)],
                                  counters[at], log_ ? &designs[at] : nullptr,
                                  &memos_[static_cast<size_t>(worker)]);
  });
  for (size_t i = 0; i < fresh.size(); ++i) {
    designs_ += counters[i].designs;
    if (log_) log_->merge(std::move(designs[i]));
    const PointOutcome& o = outcomes[i];
    if (!o.feasible) {
      ++infeasible_;
      ++by_reason_[o.rejection.category];
      if (closer(o.rejection, tightest_)) tightest_ = o.rejection;
    }
    if (better(o, best_)) best_ = o;
    // Only the best point's design is ever read (explore.cpp); the cache and the per split
    // point bests keep the figures, so memory stays O(points + depth), not O(points x depth)
    // (a 10,000-layer chain once held 436 MB, mostly copies of pipeline stage lists).
    PointOutcome figures = std::move(outcomes[i]);
    figures.design = Design{};
    auto [at, inserted] = best_at_split_.try_emplace(figures.point.split_point, figures);
    if (!inserted && better(figures, at->second)) at->second = figures;
    cache_.emplace(fresh_keys[i], std::move(figures));
  }
  std::vector<const PointOutcome*> result;
  result.reserve(points.size());
  for (const GlobalPoint& raw : points)
    result.push_back(&cache_.at(point_key(normalised(raw, context_))));
  return result;
}

}  // namespace dnne
