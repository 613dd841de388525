// One point of the global search space and its local optimisation (docs/spec/MODELS.md section 6):
// given the split point, part A's shares of the budget and part B's batch, allocate part A
// (min-max or AccDNN), hand part B everything part A left unused, allocate part B, and
// evaluate the whole design with the hybrid model. When part A outruns part B, part A is
// trimmed to the rate at which the two balance (a bisection), freeing resources for part B.
#pragma once

#include <cstdint>
#include <limits>

#include "design/design.h"
#include "device/device.h"
#include "model/evaluate.h"
#include "search/generic_memo.h"
#include "search/objective.h"
#include "search/pareto.h"
#include "search/pipeline_allocator.h"
#include "search/search_options.h"
#include "search/stage_table.h"

namespace dnne {

// Shares are in steps of 1 / SearchContext::split_steps, in [1, split_steps - 1]. For
// split_point 0 or N the shares and batch are irrelevant (the one part gets everything and
// part B tries all its batches), so such points are normalised to one key.
struct GlobalPoint {
  int split_point = 0;
  int dsp_step = 1, bram_step = 1, bw_step = 1;
  int batch_index = 0;  // into SearchContext::generic_batches
};

struct SearchContext {
  const Workload& workload;
  Budget budget;
  const StageTable* table = nullptr;      // required when a pipeline part exists
  const StageClasses* classes = nullptr;  // optional: the generic allocator works per class
  Objective objective = Objective::kThroughput;
  Constraints constraints;
  PipelineAllocatorKind allocator = PipelineAllocatorKind::kMinMax;
  int split_steps = 32;
  std::vector<int> generic_batches = {1};
  std::vector<int> winograd_modes = {0};
  bool reference = false;  // SearchOptions::reference
};

GlobalPoint normalised(const GlobalPoint& point, const SearchContext& context);
uint64_t point_key(const GlobalPoint& point);

// A design's figures, kept for every point (the estimate itself is rebuilt for the winner).
struct PointOutcome {
  GlobalPoint point;  // normalised
  bool feasible = false;
  double score = -std::numeric_limits<double>::infinity();
  Rejection rejection;  // when infeasible
  Design design;
  double throughput_fps = 0;
  double latency_ms = 0;
  double pipeline_fps = 0;  // each part on its own (the design runs at the smaller)
  double generic_fps = 0;
};

// True when a beats b: feasible beats infeasible, then the higher score; between two
// infeasible points, the one closer to feasibility (smaller violation ratio).
bool better(const PointOutcome& a, const PointOutcome& b);

// `sink`, when given, receives every feasible whole design evaluated on the way; `memo`, when
// given, is the calling thread's memo of generic engines for this search (generic_memo.h).
PointOutcome evaluate_point(const SearchContext& context, const GlobalPoint& point,
                            Estimate& scratch, EvalCounter& counter, DesignSink* sink = nullptr,
                            GenericMemo* memo = nullptr);

}  // namespace dnne
