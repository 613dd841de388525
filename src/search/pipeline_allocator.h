// Part A's local optimisation (docs/spec/MODELS.md section 6): per-stage (CPF, KPF, weights on
// chip) and the batch that minimise the pipeline's period under the part's DSP, BRAM and bandwidth.
// The period (cycles per batch of B frames) is the slowest stage's cycles, or the time the DRAM
// needs to stream the part's traffic when that is longer (pipeline_part.cpp).
//
// The min-max problem is solved by searching on the target T: for a given T each stage
// independently takes its cheapest option with at most T cycles, and T is met iff those
// choices fit the DSP and BRAM and their traffic streams within T; that only gets easier as T
// grows, so a binary search over T finds the smallest period. "Cheapest" weighs DSP, BRAM and
// streamed bits by the share of the budget they take; when a total is over, its weight is
// raised and the choice redone, so the resource that binds decides. With one binding resource
// this is exact. Then, per batch B, throughput = B * f / T(B); the batch with the best
// objective wins (docs/search.md 2).
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "design/design.h"
#include "model/evaluate.h"
#include "search/objective.h"
#include "search/stage_table.h"

namespace dnne {

struct PipelineAllocation {
  bool feasible = false;
  PipelineDesign design;
  int64_t bottleneck_cycles = 0;
  PartSummary summary;  // the part's figures from the model (resources used, fps, latency)
  double score = -std::numeric_limits<double>::infinity();  // part_score of the part
  Rejection rejection;  // when infeasible: why even the cheapest design does not fit
};

// Counts model evaluations (whole parts or designs) so the search can report designs/s.
struct EvalCounter {
  int64_t designs = 0;
};

struct PipelineAllocatorInput {
  const Workload& workload;
  const StageTable& table;
  int split_point = 0;  // stages [0, split_point)
  PartBudget budget;
  Objective objective = Objective::kThroughput;
  // Restrict the batch to table.batches[0, max_batch_index] (tests fix B = 1 this way).
  int max_batch_index = std::numeric_limits<int>::max();
  // SearchOptions::reference: every batch searched and evaluated (no skipping of batches
  // that cannot beat the best, no cheapest-first evaluation for a rate).
  bool reference = false;
};

// `scratch` is reused across calls (its layers are resized once).
PipelineAllocation allocate_pipeline(const PipelineAllocatorInput& in, Estimate& scratch,
                                     EvalCounter& counter);

// The other direction, for balancing a hybrid: the cheapest design (DSP plus BRAM, each as a
// share of the budget) whose throughput is at least `min_fps`: per batch B the cycle target
// is B * f / min_fps and every stage takes its cheapest option meeting it. Infeasible when
// no batch reaches the rate within the budget.
PipelineAllocation allocate_pipeline_for_rate(const PipelineAllocatorInput& in, double min_fps,
                                              Estimate& scratch, EvalCounter& counter);

}  // namespace dnne
