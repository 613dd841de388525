// One layer on the generic engine (HybridDNN-like; docs/spec/MODELS.md section 4): tiling under the
// buffers, DRAM traffic of the two buffering alternatives, cycles with double buffering.
// Internal to src/model; docs/models.md section 4.
#pragma once

#include <cstdint>

#include "design/design.h"
#include "device/burst_curve.h"
#include "model/estimate.h"
#include "model/workload.h"

namespace dnne::model {

// The engine as one layer sees it; capacities are elements per half of each double buffer.
struct Engine {
  int64_t p_in = 1, p_out = 1, batch = 1;
  // Output lanes usable when no two products share an input (a depthwise layer): one per
  // DSP column, p_out / the DSP's packing (docs/models.md 4 "DSPs").
  int64_t p_out_independent = 1;
  int64_t input_capacity = 0, weight_capacity = 0;
  // The output buffer in BRAM18 blocks: it holds partial sums, whose width is each layer's
  // (layer_accumulator_bits), so its capacity is worked out per layer.
  int64_t output_blocks = 0;
  BufferingChoice buffering = BufferingChoice::kAuto;
  int winograd_m = 0;  // 0, 2 or 4 (docs/models.md 4.6)
  int bits = 16;
  double link_bytes_per_cycle = 0;  // the part's DRAM bandwidth per cycle
  // Efficiency by transfer length (docs/models.md 2.3); nullptr: an ideal memory.
  const BurstCurve* burst = nullptr;
};

// A tiling: Tr output rows x all Q columns, Tm output channels, Tn input channels (of one
// group) per step, and how often inputs and weights are re-read from DRAM.
struct Tiling {
  int64_t tr = 1, tm = 1, tn = 1;
  int64_t input_reads = 1;   // times each input band is fetched
  int64_t weight_reads = 1;  // times the weights are fetched per batch
  bool fits = false;
};

struct GenericLayerCost {
  int64_t cycles = 0;     // for the whole batch
  double dram_bytes = 0;  // for the whole batch
  Bound bound = Bound::kNone;
  Tiling tiling;
  bool winograd = false;  // the layer runs in Winograd mode
  // When no tiling fits (buffers smaller than one minimal tile): the elements one half of
  // the input/weight/output buffer would need.
  int64_t min_input = 0, min_weight = 0, min_output = 0;
};

GenericLayerCost generic_layer_cost(const StageLayer& s, const Engine& e);

// The layer's fill and drain on engine `e` (docs/models.md 4.3): it depends on the layer, the
// batch, the precision and the link alone, not on the engine's shape or buffers, so a caller
// costing many engines of one batch and link works it out once and passes it to the overload
// below (the same figures as the one above).
double generic_layer_edge_cycles(const StageLayer& s, const Engine& e);
GenericLayerCost generic_layer_cost(const StageLayer& s, const Engine& e, double edge_cycles);

// Whether an engine's Winograd mode applies to `s` (HybridDNN's: a 3 x 3 stride-1 undilated
// convolution). For any other layer generic_layer_cost does not read the engine's mode.
bool generic_layer_winograd_eligible(const StageLayer& s);

// A MAC layer's partial-sum width: 2D + ceil(log2(C/g * Kh * Kw)) bits, at most the DSP's
// 48-bit accumulator (docs/models.md 4.1); D for the vector path (no partial sums).
int layer_accumulator_bits(const StageLayer& s, int bits);

// 2D + ceil(log2(terms)) bits, at most 48: the width of a sum of `terms` D-bit products (the
// rule layer_accumulator_bits and generic_accumulator_bits share).
int accumulator_bits(int64_t terms, int bits);

// Channel augmentation (Xilinx's DPU, PG338; docs/models.md 4.7): on an engine of `p_in`
// input lanes, a spatial convolution with cg input channels (one group) packs
// a = min(Kw, p_in / cg) kernel columns into the lanes, so its Kh x Kw taps take
// Kh x ceil(Kw / a) cycles; Kh x Kw when no two columns fit (cg > p_in / 2).
int64_t packed_taps(int64_t cg, int64_t kh, int64_t kw, int64_t p_in);

}  // namespace dnne::model
