// LUTs a design spends besides its DSPs and block RAM: adder trees and accumulators of the
// multiplier arrays, Winograd transforms, pooling and element-wise lanes, and control
// (docs/models.md 2.2, each constant's source there). Pure, allocation-free helpers.
#pragma once

#include <cstdint>

namespace dnne::model {

// LUTs per bit of a two-input adder, fitted (least squares) to the eight low-DSP-usage rows
// of PG338 v1.2 table 9 (DPU B512 ... B4096, docs/reference-data.md 1.3), where the DSPs
// only multiply and every adder and accumulator is fabric: 0.64 (a LUT6 + carry chain bit
// can add three operands, so a two-input adder bit costs less than one LUT).
constexpr double kLutPerAdderBit = 0.64;
// The same fit's fixed part: the DPU's instruction scheduler, load/save engines and
// interfaces, 19,985 LUT (PG338 v1.2 table 9, docs/models.md 2.2). Charged per generic engine.
constexpr int64_t kLutPerEngine = 19985;
// A pipeline stage's controller (loop counters, address generation, handshakes): ours, no
// published figure (docs/models.md 2.2).
constexpr int64_t kLutPerStage = 500;

// ceil(log2(n)) for n >= 1.
inline int ceil_log2(int64_t n) {
  int bits = 0;
  while ((int64_t{1} << bits) < n && bits < 62) ++bits;
  return bits;
}

// A summed x shared multiplier array's fabric adders: per shared lane an adder tree of
// summed - 1 adders (2D + ceil(log2 summed) bits wide) and an accumulator of acc_bits.
int64_t adder_tree_lut(int64_t summed, int64_t shared, int bits, int acc_bits);

// One pooling lane (max: a D-bit comparator and a D-bit 2:1 multiplexer) and one
// element-wise lane (a D-bit adder), at kLutPerAdderBit per bit (ours).
int64_t pool_lane_lut(int bits);
int64_t eltwise_lane_lut(int bits);

// Winograd F(m x m, 3x3) transforms of a generic engine with p_in input and p_out output
// lanes: the input transform produces p_in transformed elements a cycle, the output
// transform consumes p_out partial sums (acc_bits wide) a cycle; weights are transformed
// offline (docs/models.md 4.6). Adds per element counted from Lavin & Gray's matrices.
int64_t winograd_transform_lut(int m, int64_t p_in, int64_t p_out, int bits, int acc_bits);

}  // namespace dnne::model
