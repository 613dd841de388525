// The reference allocator: AccDNN's (the public DNNBuilder implementation's) proportional
// heuristic as summarised in docs/spec/MODELS.md section 3, so reports can show what our exact
// min-max allocator gains over it on the same budget.
//
// 1. Each stage's parallelism CPF * KPF is proportional to its work (cycles at CPF = KPF = 1,
//    i.e. its MACs, or its comparisons for pooling), rounded to a power of two, each factor
//    at most 64 and at most the layer's (power-of-two-rounded) channel counts.
// 2. The common scale is the largest power of two for which the design at B = 1 fits the
//    bandwidth (and the DSP and BRAM).
// 3. The batch B is raised while the design fits the budget. (AccDNN stops at 90 % of the
//    part, its RESOURCE_THRES; every paradigm here gets the same usable budget instead,
//    --headroom 10 being AccDNN's rule: docs/models.md 1.1.)
#pragma once

#include "search/pipeline_allocator.h"

namespace dnne {

struct DnnBuilderInput {
  const Workload& workload;
  int split_point = 0;
  PartBudget budget;
  int max_batch = 32;
};

PipelineAllocation allocate_pipeline_dnnbuilder(const DnnBuilderInput& in, Estimate& scratch,
                                                EvalCounter& counter);

}  // namespace dnne
