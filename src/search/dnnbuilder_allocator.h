// The DNNBuilder baseline: AccDNN's (the public DNNBuilder implementation's)
// `parallelism_auto_optimization` (model.py, IBM/AccDNN 9325795; docs/reference-data.md 3.3)
// step by step, so reports show what our min-max allocator gains over it on the same budget
// and the same template (docs/search.md, "The DNNBuilder baseline").
//
// 1. Each conv/fc stage's parallel factor is its MACs over the smallest conv/fc stage's.
// 2. Bandwidth first: the factors are scaled so the weights they stream (factor x weight bits
//    / output height per cycle, AccDNN's "data reuse") use the DRAM link, rounded up, at least 1.
// 3. Each factor becomes (CPF, KPF) by util/optim.py get_conv_pfs (powers of two dividing the
//    channels, CPF first, then rebalanced); pooling takes get_pooling_pf.
// 4. Then batch: the largest B the model fits in the budget (AccDNN's tighter of DSP and
//    BRAM). If not even B = 1 fits, every factor is halved and 3-4 repeat.
// The budget is the usable one every paradigm gets (--headroom 10 is AccDNN's RESOURCE_THRES
// = 0.9; docs/models.md 1.1), not a 90 % rule of the baseline's own.
#pragma once

#include <vector>

#include "search/pipeline_allocator.h"

namespace dnne {

struct DnnBuilderInput {
  const Workload& workload;
  int split_point = 0;
  PartBudget budget;
  int max_batch = 32;  // AccDNN README: batch up to 32
};

PipelineAllocation allocate_pipeline_dnnbuilder(const DnnBuilderInput& in, Estimate& scratch,
                                                EvalCounter& counter);

// util/optim.py get_conv_pfs: the (CPF, KPF) AccDNN gives a conv/fc layer for parallel factor
// `target` with `channels` input channels (per group, padding included) and `kernels` output
// channels. Public for its tests.
StageParallelism accdnn_conv_pfs(int64_t target, int64_t channels, int64_t kernels);

// util/optim.py get_pooling_pf as model.py calls it (target = kernels = the channels).
int accdnn_pooling_pf(int64_t channels);

// Step 2 alone: the bandwidth-scaled parallel factor of each of the first `split_point`
// stages (0 for stages that are not conv/fc). Public for its tests.
std::vector<int64_t> accdnn_bandwidth_factors(const Workload& workload, int split_point,
                                              const PartBudget& budget);

}  // namespace dnne
