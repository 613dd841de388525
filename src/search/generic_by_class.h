// Part B evaluated once per distinct layer (stage_classes.h): the generic engine runs its
// layers one after another, so the part's cycles and DRAM bytes are the sums of its layers'
// (docs/models.md 4; generic_part.cpp), and identical layers cost the same. Each class present
// in [split_point, N) is evaluated alone by the model (evaluate_generic_part on a one-stage
// workload) and its cycles and bytes counted as many times as it occurs; the part's figures
// follow as the model derives them from the sums. `GenericByClass.SameFiguresAsTheModel`
// checks them against evaluate_generic_part on the whole part, so a model change that breaks
// the decomposition fails a test instead of moving the search's answers.
//
// Only feasible parts are summarised here: when a class is infeasible, the caller asks the
// whole-part model, which names the violation with its real stage.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "design/design.h"
#include "model/evaluate.h"
#include "search/stage_classes.h"

namespace dnne {

class GenericByClass {
 public:
  GenericByClass(const StageClasses& classes, int split_point);

  // True, with the part's figures in `summary`, when every layer of the part is feasible
  // on `design` and `budget` (and hence the part: its other checks are the engine's own).
  bool evaluate(const GenericDesign& design, const PartBudget& budget, PartSummary& summary);

  // (class, stages of it in the part), in order of first appearance.
  const std::vector<std::pair<int, int64_t>>& counts() const { return counts_; }

 private:
  const StageClasses& classes_;
  std::vector<std::pair<int, int64_t>> counts_;
  Estimate one_;  // scratch for one-stage evaluations
};

}  // namespace dnne
