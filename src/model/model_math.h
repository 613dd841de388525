// Small integer helpers shared by the cost models (internal to src/model).
#pragma once

#include <algorithm>
#include <cstdint>

#include "device/limits.h"

namespace dnne::model {

// ceil(a / b) for a >= 0, b >= 1; b < 1 is treated as 1 so a bad design never divides by zero.
inline int64_t ceil_div(int64_t a, int64_t b) {
  if (b < 1) b = 1;
  return (a + b - 1) / b;
}

// Lanes used to cover `extent` with `lanes` per pass, summed over a tiling of `extent` by
// `tile` (the last tile partial): sum_j ceil(tile_j / lanes). Charges under-used lanes.
inline int64_t tiled_passes(int64_t extent, int64_t tile, int64_t lanes) {
  tile = std::max<int64_t>(1, std::min(tile, extent));
  const int64_t full = extent / tile, rest = extent % tile;
  return full * ceil_div(tile, lanes) + (rest > 0 ? ceil_div(rest, lanes) : 0);
}

// Clock and DRAM conversions: bits a link of `gbps` GB/s moves per cycle at `clock_mhz`.
// A link a thousand times below the budget floor (device/limits.h) counts as none, so the
// callers report a bandwidth violation instead of a stream of 1e19 cycles that overflows
// int64: a design file's split can leave the generic part 12.8 - (12.8 - 1e-14) GB/s.
inline double dram_bits_per_cycle(double dram_bw_gbps, double clock_mhz) {
  if (clock_mhz <= 0 || dram_bw_gbps < kMinDramBwGbps / 1000) return 0;
  return dram_bw_gbps * 8e9 / (clock_mhz * 1e6);
}
inline double gbps_from_bits_per_cycle(double bits_per_cycle, double clock_mhz) {
  return bits_per_cycle * clock_mhz * 1e6 / 8e9;
}

}  // namespace dnne::model
