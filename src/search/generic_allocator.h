// Part B's local optimisation (docs/spec/MODELS.md sections 4 and 6): the engine shape P_in x
// P_out, the split of the part's BRAM among input, weight and output buffers, the Winograd mode and
// the batch.
//
// Candidates are enumerated, checked cheaply first (STYLE.md, after Timeloop's
// PreEvaluationCheck: a buffer narrower than its port cannot exist), then ordered by an
// optimistic bound on the objective (every lane busy on every MAC) and evaluated best-bound
// first; evaluation stops once no remaining candidate's bound can beat the best design found
// (branch and bound), which keeps the full model off most of the space.
#pragma once

#include <limits>
#include <vector>

#include "design/design.h"
#include "model/evaluate.h"
#include "search/generic_memo.h"
#include "search/objective.h"
#include "search/pipeline_allocator.h"
#include "search/stage_classes.h"

namespace dnne {

struct GenericAllocation {
  bool feasible = false;
  GenericDesign design;
  PartSummary summary;
  double score = -std::numeric_limits<double>::infinity();  // part_score of the part
  Rejection rejection;
};

struct GenericAllocatorInput {
  const Workload& workload;
  int split_point = 0;  // stages [split_point, N)
  PartBudget budget;
  Objective objective = Objective::kThroughput;
  std::vector<int> batches = {1};  // the batches B_g to try
  // Winograd modes to try (0 spatial only, 2 = F(2x2,3x3), 4 = F(4x4,3x3); docs/models.md
  // 4.6): with a mode on, the engine runs each eligible layer in whichever mode is faster.
  std::vector<int> winograd_modes = {0};
  // SearchOptions::reference: order and prune by the peak-MAC bound only (no GenericFloor).
  bool reference = false;
  // The workload's stage classes (stage_classes.h): when given, each candidate is evaluated
  // once per distinct layer of the part and the figures summed with the counts
  // (generic_by_class.h); the same figures as the whole-part model, in less time on deep
  // networks with repeated layers.
  const StageClasses* classes = nullptr;
  // A score the caller needs beaten (the hybrid's balancing, design_point.cpp): designs
  // scoring no more than it are not worth finding, so the branch and bound starts from it.
  // When no design beats it the allocation is infeasible (category "below_bar"), whatever
  // the part would have scored; the answer is otherwise the same as without it.
  double must_beat = -std::numeric_limits<double>::infinity();
  // What earlier allocations of this search found about the same engines (generic_memo.h;
  // with `classes` only): the same answers, sooner.
  GenericMemo* memo = nullptr;
};

// Shares (input, weight, output) of the part's BRAM18 tried for the buffers.
struct BufferShares {
  double input = 0, weight = 0, output = 0;
};
const std::vector<BufferShares>& buffer_shares();

// Engine shapes worth trying with `lanes` MAC lanes for layers of at most max_c input and
// max_m output channels: powers of two, plus the widest P_out that still fits beside each
// P_in (rounded down to a multiple of 8), keeping shapes that use at least 1/min_fill of the
// lanes (measured against the largest engine the layers can use; min_fill 0 keeps all).
std::vector<std::pair<int, int>> engine_shapes(int64_t lanes, int64_t max_c, int64_t max_m,
                                               int min_fill);

GenericAllocation allocate_generic(const GenericAllocatorInput& in, Estimate& scratch,
                                   EvalCounter& counter);

}  // namespace dnne
