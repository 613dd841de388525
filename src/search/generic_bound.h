// A floor on the generic part's cycles for an engine shape, Winograd mode and batch, for the
// generic allocator's branch and bound (docs/search.md 3): far tighter than "every lane busy
// on every MAC" on layers whose channels do not fill the engine, or whose traffic does not
// fit the DRAM, so most candidates are never handed to the model.
//
// Per layer the model's cycles are at least its compute, b * R * Q * Kh * Kw *
// ceil(M / P_out) * ceil(Cg / P_in) (a tiling's passes are never fewer: the sum of ceilings
// is at least the ceiling of the sum; in Winograd mode (m + 2)^2 multiplies per m x m tile,
// counted for every 3 x 3 convolution, which only loosens the floor), and at least its
// output and weights moved once over the link. Vector layers: b * ceil(M / P_out) * R * Q *
// window. The floor only ever under-estimates: `GenericBound.NeverAboveTheModel` checks it
// against the model on every candidate of several networks and budgets, so a model change
// that makes it wrong fails that test rather than costing designs silently.
#pragma once

#include <cstdint>
#include <vector>

#include "model/workload.h"
#include "search/stage_classes.h"

namespace dnne {

// Per layer figures independent of the engine, tabulated once per allocation.
class GenericFloor {
 public:
  // Layers [split_point, N) of `workload`; `link_bytes_per_cycle` 0 means no DRAM floor.
  // With `classes`, identical layers are tabulated once with their count.
  GenericFloor(const Workload& workload, int split_point, int precision_bits,
               double link_bytes_per_cycle, const StageClasses* classes = nullptr);

  // Cycles for a batch of `batch` frames on a p_in x p_out engine in Winograd mode
  // `winograd_m` (0: spatial only).
  double cycles(int64_t p_in, int64_t p_out, int winograd_m, int64_t batch) const;

 private:
  struct Layer {
    bool mac = false;
    bool winograd_shape = false;  // a 3 x 3 convolution
    int64_t m = 1, cg = 1, rq = 1, r = 1, q = 1, k2 = 1;
    int64_t kh = 1, kw = 1;
    bool packable = false;  // a one-group convolution: its kernel columns may pack (model)
    double out_bytes = 0;     // per frame
    double weight_bytes = 0;  // per batch (per frame for a matmul's second operand)
    bool weights_per_frame = false;
    double count = 1;  // identical layers of the part
  };
  std::vector<Layer> layers_;
  double link_ = 0;
};

}  // namespace dnne
