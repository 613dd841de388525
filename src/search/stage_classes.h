// Stages with the same layer figures cost the same on either part: pipeline_stage_cost and
// the generic engine's per-layer model read a stage's StageLayer only, never its place in
// the graph. Grouping them lets the search work per distinct layer with a count, so its cost
// grows with the number of distinct layers rather than the depth (a chain of 10,000
// identical convolutions has three classes: the first, the middle ones and the last).
#pragma once

#include <cstdint>
#include <vector>

#include "model/workload.h"

namespace dnne {

struct StageClasses {
  std::vector<int> class_of;     // per stage
  std::vector<int> first_stage;  // per class, its first stage
  // Per class, a one-stage workload holding that stage, for evaluating it alone.
  std::vector<Workload> alone;

  int count() const { return static_cast<int>(first_stage.size()); }
};

// Classes numbered in order of first appearance.
StageClasses stage_classes(const Workload& workload);

}  // namespace dnne
