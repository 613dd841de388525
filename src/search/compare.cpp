#include "search/compare.h"

namespace dnne {

Expected<CompareResult> compare(const Workload& workload, const Budget& budget,
                                const SearchOptions& options) {
  auto run = [&](Paradigm paradigm, PipelineAllocatorKind allocator) {
    SearchOptions o = options;
    o.paradigm = paradigm;
    o.allocator = allocator;
    if (paradigm != Paradigm::kHybrid) o.progress = nullptr;
    return explore(workload, budget, o);
  };
  auto pipeline = run(Paradigm::kPipeline, PipelineAllocatorKind::kMinMax);
  if (!pipeline) return pipeline.error();
  auto dnnbuilder = run(Paradigm::kPipeline, PipelineAllocatorKind::kDnnBuilder);
  if (!dnnbuilder) return dnnbuilder.error();
  auto generic = run(Paradigm::kGeneric, PipelineAllocatorKind::kMinMax);
  if (!generic) return generic.error();
  auto hybrid = run(Paradigm::kHybrid, PipelineAllocatorKind::kMinMax);
  if (!hybrid) return hybrid.error();
  return CompareResult{.pipeline = std::move(*pipeline),
                       .dnnbuilder = std::move(*dnnbuilder),
                       .generic = std::move(*generic),
                       .hybrid = std::move(*hybrid)};
}

}  // namespace dnne
