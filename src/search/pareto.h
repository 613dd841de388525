// The Pareto front of the designs a search evaluates, and a bounded sample of them for
// plotting (README "explore --pareto", docs/search.md 8). A design is on the front when no
// other evaluated design is at least as good on every axis and better on one. The axes are
// one table: a new metric (LUTs, URAM) joins the front as one more line in kParetoAxes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

#include "design/design.h"
#include "model/estimate.h"
#include "search/rng.h"

namespace dnne {

struct ParetoAxis {
  std::string_view key;  // the metric's key in the `metrics` JSON object
  bool maximise;         // throughput up; latency and resources down
  double (*value)(const Estimate&);
};

inline constexpr ParetoAxis kParetoAxes[] = {
    {"throughput_fps", true, [](const Estimate& e) { return e.throughput_fps; }},
    {"latency_ms", false, [](const Estimate& e) { return e.latency_ms; }},
    {"dsp_used", false, [](const Estimate& e) { return static_cast<double>(e.dsp_used); }},
    {"bram18_used", false, [](const Estimate& e) { return static_cast<double>(e.bram18_used); }},
};
inline constexpr size_t kParetoAxisCount = std::size(kParetoAxes);

// A design's values on the axes, in kParetoAxes order.
using ParetoFigures = std::array<double, kParetoAxisCount>;
ParetoFigures pareto_figures(const Estimate& estimate);

// a is no worse than b on every axis and better on at least one.
bool dominates(const ParetoFigures& a, const ParetoFigures& b);

struct ParetoEntry {
  ParetoFigures figures;
  Design design;
};

// The non-dominated designs offered so far. Of designs with equal figures the first offered
// stays, so the front depends only on the order of the offers.
class ParetoArchive {
 public:
  // Keeps the design when nothing kept dominates or equals it, and drops what it dominates.
  // The design is copied only when it enters. Returns whether it entered.
  bool offer(const ParetoFigures& figures, const Design& design);
  bool offer(ParetoEntry&& entry);
  const std::vector<ParetoEntry>& entries() const { return entries_; }
  // The entries moved out: as kept, or best throughput first (then each later axis).
  std::vector<ParetoEntry> take();
  std::vector<ParetoEntry> take_sorted();

 private:
  bool admits(const ParetoFigures& figures);  // drops the dominated entries when it does
  std::vector<ParetoEntry> entries_;
};

// One evaluated design in the design-space cloud.
struct CloudPoint {
  ParetoFigures figures;
  int split_point = 0;
};

// Receives every whole design the search evaluates that is feasible and meets the user's
// constraints (design_point.cpp).
class DesignSink {
 public:
  virtual ~DesignSink() = default;
  virtual void offer(const Design& design, const Estimate& estimate) = 0;
};

// What one global point's evaluations leave: their local front and their figures. Filled on
// a worker thread, merged into the DesignSpaceLog on the calling thread in a fixed order.
class PointDesigns : public DesignSink {
 public:
  void offer(const Design& design, const Estimate& estimate) override;

 private:
  friend class DesignSpaceLog;
  ParetoArchive front_;
  std::vector<CloudPoint> seen_;
};

// The search-wide front and a uniform sample of every design seen, of bounded size
// (reservoir sampling, Vitter's Algorithm R, ACM TOMS 11(1), 1985), drawn from a fixed
// stream so the sample depends only on the order of the designs.
struct DesignSpace {
  std::vector<ParetoEntry> front;  // sorted as ParetoArchive::take_sorted
  std::vector<CloudPoint> sample;  // at most the log's capacity
  int64_t designs = 0;             // feasible designs seen
  bool recorded = false;           // false when the search was not asked to keep them
};

class DesignSpaceLog {
 public:
  explicit DesignSpaceLog(size_t sample_capacity);
  void merge(PointDesigns&& point);
  DesignSpace take();

 private:
  ParetoArchive front_;
  std::vector<CloudPoint> sample_;
  size_t capacity_;
  int64_t seen_ = 0;
  SplitMix64 rng_;
};

}  // namespace dnne
