// A floor on the generic part's cycles for an engine shape, Winograd mode and batch, for the
// generic allocator's branch and bound (docs/search.md 3): far tighter than "every lane busy
// on every MAC" on layers whose channels do not fill the engine, or whose traffic does not
// fit the DRAM, so most candidates are never handed to the model.
//
// Per layer the model's cycles are at least its compute, b * R * Q * Kh * Kw *
// ceil(M / P_out) * ceil(Cg / P_in) (a tiling's passes are never fewer: the sum of ceilings
// is at least the ceiling of the sum; in Winograd mode (m + 2)^2 multiplies per m x m tile,
// counted for every 3 x 3 convolution, which only loosens the floor), and at least its
// input rows, output and weights moved once over the link, each at no better than the burst
// efficiency of the longest transfer any tiling makes of it, plus the fill and drain (which
// the model adds to either) at their efficiency.
// The input rows: a band of tr output rows reads min(H, (tr - 1) * stride + span) input rows,
// so any split into bands reads at least min(H, (R - 1) * stride + span) rows when span >=
// stride and R * span when the stride skips rows. Vector layers: b * ceil(M / P_out) * R * Q
// * window, and their operands moved once. The floor only ever under-estimates: `GenericBound.NeverAboveTheModel` checks it
// against the model on every candidate of several networks and budgets, so a model change
// that makes it wrong fails that test rather than costing designs silently.
#pragma once

#include <cstdint>
#include <vector>

#include "device/burst_curve.h"
#include "model/workload.h"
#include "search/stage_classes.h"

namespace dnne {

// Per layer figures independent of the engine, tabulated once per allocation.
class GenericFloor {
 public:
  // Layers [split_point, N) of `workload`; `link_bytes_per_cycle` 0 means no DRAM floor;
  // `burst` the link's efficiency by transfer length (null: every transfer at the peak).
  // With `classes`, identical layers are tabulated once with their count.
  GenericFloor(const Workload& workload, int split_point, int precision_bits,
               double link_bytes_per_cycle, const BurstCurve* burst = nullptr,
               const StageClasses* classes = nullptr);

  // Cycles for a batch of `batch` frames on a p_in x p_out engine in Winograd mode
  // `winograd_m` (0: spatial only). `frame_compute`, when given (with `classes` only), is a
  // row of per-class compute floors of one frame for this shape and mode, NaN where not yet
  // worked out (GenericMemo::frame_compute_row): they do not depend on the budget or the split
  // point, so a search works each out once and the floor of a new budget only adds the DRAM.
  double cycles(int64_t p_in, int64_t p_out, int winograd_m, int64_t batch,
                double* frame_compute = nullptr) const;

  // The same floor for one entry alone, times its count: entries are the part's layers in
  // order, or with `classes` its classes in order of first appearance (GenericByClass's
  // order). The sum over entries is cycles().
  double entry_cycles(size_t entry, int64_t p_in, int64_t p_out, int winograd_m, int64_t batch,
                      double* frame_compute = nullptr) const;
  size_t entries() const { return layers_.size(); }

  // The same floor on another link (bytes per cycle at the peak; 0: no DRAM floor): the
  // layers' DRAM figures do not depend on it, so a floor worked out once per split point
  // (GenericMemo::floor_for) serves every budget. Forgets prepare()'s batches.
  void set_link(double link_bytes_per_cycle) {
    link_ = link_bytes_per_cycle;
    prepared_batches_.clear();
    prepared_terms_.clear();
  }
  size_t memory_entries() const { return layers_.size(); }

  // Every entry's entry_cycles appended to `out`, and their sum in entry order: the same
  // figures, in one pass over the entries. After prepare(), a prepared batch's DRAM terms are
  // read rather than divided out again (the allocator asks this for every engine shape of a
  // batch).
  double all_entry_cycles(int64_t p_in, int64_t p_out, int winograd_m, int64_t batch,
                          double* frame_compute, std::vector<double>& out) const;
  // Works out each entry's DRAM terms for these batches (layer_cycles' transfer and edge).
  void prepare(const std::vector<int>& batches);

  // The compute floor of one frame over the part (sum of its entries' times their counts);
  // `frame_compute` as for cycles().
  double frame_compute_total(int64_t p_in, int64_t p_out, int winograd_m,
                             double* frame_compute = nullptr) const;
  // A looser floor from the part's totals alone, O(1): the compute of `frame_compute_total`
  // and the DRAM of all layers, whichever is larger (the sum of per-layer maxima is at least
  // the maximum of the sums), scaled down a hair for the rounding of sums in another order.
  // Never above cycles() for the same shape, mode and batch.
  double quick_cycles(double frame_compute_total, int64_t batch) const;

 private:
  struct Layer {
    bool mac = false;
    bool winograd_shape = false;  // a 3 x 3 convolution
    int64_t m = 1, cg = 1, rq = 1, r = 1, q = 1, k2 = 1;
    int64_t kh = 1, kw = 1;
    bool packable = false;  // a one-group convolution: its kernel columns may pack (model)
    // DRAM bytes over the efficiency of their bursts' upper bounds: per frame (inputs,
    // outputs, a matmul's second operand), per batch (weights), and the fill and drain.
    double frame_link_bytes = 0, batch_link_bytes = 0, edge_link_bytes = 0;
    bool weights_per_frame = false;
    double count = 1;  // identical layers of the part
    int class_id = -1;  // with `classes`
  };
  static double frame_compute(const Layer& l, int64_t p_in, int64_t p_out, int winograd_m);
  // frame_compute, read from (or first written to) the row when one is given.
  static double known_frame_compute(const Layer& l, int64_t p_in, int64_t p_out, int winograd_m,
                                    double* row);
  double layer_cycles(const Layer& l, int64_t p_in, int64_t p_out, int winograd_m, double batch,
                      double* frame_compute) const;
  std::vector<Layer> layers_;
  // prepare()'s batches and, per batch, each entry's (transfer, edge) cycles.
  std::vector<int64_t> prepared_batches_;
  std::vector<std::vector<std::pair<double, double>>> prepared_terms_;
  double link_ = 0;  // bytes per cycle at the peak
  // Sums over the part's layers of the DRAM figures above and of the layer count.
  double frame_bytes_ = 0, batch_bytes_ = 0, edge_bytes_ = 0, layer_count_ = 0;
};

}  // namespace dnne
