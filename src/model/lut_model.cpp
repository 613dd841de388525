// The per-unit LUT model (docs/models.md 2.2).
#include "model/lut_model.h"

#include <algorithm>
#include <cmath>

namespace dnne::model {

namespace {
int64_t luts(double adder_bits) {
  return static_cast<int64_t>(std::ceil(adder_bits * kLutPerAdderBit - 1e-9));
}
}  // namespace

int64_t adder_tree_lut(int64_t summed, int64_t shared, int bits, int acc_bits) {
  if (summed < 1 || shared < 1) return 0;
  const int64_t tree_width = 2 * int64_t{bits} + ceil_log2(summed);
  const double per_lane =
      static_cast<double>((summed - 1) * tree_width) + static_cast<double>(acc_bits);
  return luts(per_lane * static_cast<double>(shared));
}

int64_t pool_lane_lut(int bits) { return luts(2.0 * bits); }
int64_t eltwise_lane_lut(int bits) { return luts(bits); }

int64_t winograd_transform_lut(int m, int64_t p_in, int64_t p_out, int bits, int acc_bits) {
  // Adds per transformed element, without sharing common subexpressions (Lavin & Gray,
  // CVPR'16 matrices; the constant multiplies by 2, 4, 5, 8 as shift-and-add):
  // F(2x2,3x3): B^T (4x4) 4 adds per 1-D transform, 8 of them per 4x4 tile: 32 / 16 = 2;
  //   A^T (2x4) 4 adds, 4 + 2 = 6 transforms: 24 / 16 = 1.5.
  // F(4x4,3x3): B^T (6x6) 18 adds, 12 transforms: 216 / 36 = 6;
  //   A^T (4x6) 14 adds, 6 + 4 = 10 transforms: 140 / 36.
  // Input growth: the largest row of |B^T| sums to 2 (m = 2) or 10 (m = 4), so the 2-D
  // transform adds 2 or 7 bits to D.
  double in_adds = 0, out_adds = 0;
  int growth = 0;
  if (m == 2) {
    in_adds = 2.0, out_adds = 1.5, growth = 2;
  } else if (m == 4) {
    in_adds = 6.0, out_adds = 140.0 / 36.0, growth = 7;
  } else {
    return 0;
  }
  return luts(in_adds * static_cast<double>(p_in) * (bits + growth) +
              out_adds * static_cast<double>(p_out) * acc_bits);
}

}  // namespace dnne::model
