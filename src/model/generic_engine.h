// The generic engine of one design on one budget, set up once so that a part's layers can be
// costed one at a time: evaluate_generic_part (generic_part.cpp) walks the part's stages with
// it, and the search's per-class evaluation (search/generic_by_class.h) walks the distinct
// layers, so both read the same engine-level rules. Internal to src/model and the search;
// docs/models.md 4.
#pragma once

#include <cstdint>

#include "design/design.h"
#include "model/evaluate.h"
#include "model/generic_layer.h"

namespace dnne::model {

struct GenericEngineSetup {
  Engine engine;
  int64_t dsp = 0;     // the array's DSPs plus the engine's control
  int64_t bram18 = 0;  // the three buffers
  int64_t lut = 0;
  int64_t elements_per_block = 0;  // data elements one BRAM18 holds at the precision
};

// `acc_bits`: generic_accumulator_bits of the part (the output buffer's ports serve its
// widest partial sums). The engine's own violations (lanes, batch, Winograd mode, each
// buffer's ports) are added to `out`; the caller checks dsp, bram18 and lut against the
// budget (add_resource_violations) after the layers, in the order the model reports them.
GenericEngineSetup set_up_generic_engine(const GenericDesign& design, const PartBudget& budget,
                                         int acc_bits, Estimate& out);

}  // namespace dnne::model
