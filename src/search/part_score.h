// The objective as seen by one part of a design during local optimisation: the same
// quantity as objective_score, computed from the part's own summary.
#pragma once

#include <cstdint>

#include "model/estimate.h"
#include "model/evaluate.h"
#include "search/objective.h"

namespace dnne {

// `part_macs`: MACs per frame of the part's layers. DSP efficiency of a part is its achieved
// MAC rate over the peak of the DSPs it uses (docs/spec/MODELS.md 5).
double part_score(const PartSummary& part, int64_t part_macs, const PartBudget& budget,
                  Objective objective);

}  // namespace dnne
