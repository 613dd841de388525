#include "search/pareto.h"

#include <algorithm>
#include <utility>

namespace dnne {

ParetoFigures pareto_figures(const Estimate& estimate) {
  ParetoFigures f{};
  for (size_t i = 0; i < kParetoAxisCount; ++i) f[i] = kParetoAxes[i].value(estimate);
  return f;
}

bool dominates(const ParetoFigures& a, const ParetoFigures& b) {
  bool better_somewhere = false;
  for (size_t i = 0; i < kParetoAxisCount; ++i) {
    const bool up = kParetoAxes[i].maximise;
    if (up ? a[i] < b[i] : a[i] > b[i]) return false;
    if (a[i] != b[i]) better_somewhere = true;
  }
  return better_somewhere;
}

bool ParetoArchive::admits(const ParetoFigures& figures) {
  for (const ParetoEntry& kept : entries_)
    if (kept.figures == figures || dominates(kept.figures, figures)) return false;
  std::erase_if(entries_,
                [&](const ParetoEntry& kept) { return dominates(figures, kept.figures); });
  return true;
}

bool ParetoArchive::offer(const ParetoFigures& figures, const Design& design) {
  if (!admits(figures)) return false;
  entries_.push_back({.figures = figures, .design = design});
  return true;
}

bool ParetoArchive::offer(ParetoEntry&& entry) {
  if (!admits(entry.figures)) return false;
  entries_.push_back(std::move(entry));
  return true;
}

std::vector<ParetoEntry> ParetoArchive::take() {
  std::vector<ParetoEntry> out = std::move(entries_);
  entries_.clear();
  return out;
}

std::vector<ParetoEntry> ParetoArchive::take_sorted() {
  std::vector<ParetoEntry> out = take();
  // Lexicographic over the axes, each in its better-first direction. Figures on a front are
  // pairwise distinct, so the order is total.
  std::sort(out.begin(), out.end(), [](const ParetoEntry& a, const ParetoEntry& b) {
    for (size_t i = 0; i < kParetoAxisCount; ++i) {
      if (a.figures[i] == b.figures[i]) continue;
      return kParetoAxes[i].maximise ? a.figures[i] > b.figures[i] : a.figures[i] < b.figures[i];
    }
    return false;
  });
  return out;
}

void PointDesigns::offer(const Design& design, const Estimate& estimate) {
  const ParetoFigures figures = pareto_figures(estimate);
  seen_.push_back({.figures = figures, .split_point = design.split_point});
  front_.offer(figures, design);
}

namespace {
// The sample's own stream: fixed, so reports of the same search are identical.
constexpr uint64_t kSampleSeed = 0x5eed'c10d;
}  // namespace

DesignSpaceLog::DesignSpaceLog(size_t sample_capacity)
    : capacity_(sample_capacity), rng_(kSampleSeed, 0) {
  sample_.reserve(capacity_);
}

void DesignSpaceLog::merge(PointDesigns&& point) {
  for (ParetoEntry& entry : point.front_.take()) front_.offer(std::move(entry));
  for (const CloudPoint& p : point.seen_) {
    ++seen_;
    if (sample_.size() < capacity_) {
      sample_.push_back(p);
      continue;
    }
    // Algorithm R: the k-th design replaces a random slot with probability capacity / k.
    const auto slot = static_cast<uint64_t>(rng_.uniform() * static_cast<double>(seen_));
    if (slot < capacity_) sample_[slot] = p;
  }
}

DesignSpace DesignSpaceLog::take() {
  return {.front = front_.take_sorted(),
          .sample = std::move(sample_),
          .designs = seen_,
          .recorded = true};
}

}  // namespace dnne
