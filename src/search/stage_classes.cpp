#include "search/stage_classes.h"

#include <map>

namespace dnne {

namespace {

// Everything the models can read of a stage: its StageLayer but the indices that place it in
// the graph (the layer id, producers and consumers; their number and whether a producer is
// the network input do count). Doubles hold every integer field exactly below 2^53.
std::vector<double> signature(const StageLayer& s) {
  std::vector<double> key = {static_cast<double>(s.kind),
                             static_cast<double>(s.C),
                             static_cast<double>(s.H),
                             static_cast<double>(s.W),
                             static_cast<double>(s.M),
                             static_cast<double>(s.R),
                             static_cast<double>(s.Q),
                             static_cast<double>(s.kh),
                             static_cast<double>(s.kw),
                             static_cast<double>(s.stride_h),
                             static_cast<double>(s.stride_w),
                             static_cast<double>(s.groups),
                             static_cast<double>(s.macs),
                             static_cast<double>(s.other_ops),
                             static_cast<double>(s.weight_elements),
                             static_cast<double>(s.input_elements),
                             static_cast<double>(s.output_elements),
                             static_cast<double>(s.span_h),
                             static_cast<double>(s.span_w),
                             static_cast<double>(s.external_input_elements),
                             static_cast<double>(s.skip_elements),
                             s.batch_norm ? 1.0 : 0.0,
                             static_cast<double>(s.consumer_stages.size()),
                             static_cast<double>(s.producer_stages.size())};
  for (int p : s.producer_stages) key.push_back(p < 0 ? -1 : 0);
  key.insert(key.end(), s.producer_columns.begin(), s.producer_columns.end());
  return key;
}

}  // namespace

StageClasses stage_classes(const Workload& workload) {
  StageClasses out;
  const size_t n = workload.stages.size();
  out.class_of.resize(n);
  std::map<std::vector<double>, int> seen;
  for (size_t s = 0; s < n; ++s) {
    const auto [at, inserted] =
        seen.try_emplace(signature(workload.stages[s]), static_cast<int>(out.first_stage.size()));
    if (inserted) {
      out.first_stage.push_back(static_cast<int>(s));
      Workload one{.name = workload.name, .stages = {workload.stages[s]}};
      one.stages[0].producer_stages.assign(one.stages[0].producer_stages.size(), -1);
      one.stages[0].consumer_stages.clear();
      one.total_macs = one.stages[0].macs;
      out.alone.push_back(std::move(one));
    }
    out.class_of[s] = at->second;
  }
  return out;
}

}  // namespace dnne
