// Small integer helpers shared by the cost models (internal to src/model).
#pragma once

#include <algorithm>
#include <cstdint>

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
inline double dram_bits_per_cycle(double dram_bw_gbps, double clock_mhz) {
  return clock_mhz > 0 ? dram_bw_gbps * 8e9 / (clock_mhz * 1e6) : 0;
}
inline double gbps_from_bits_per_cycle(double bits_per_cycle, double clock_mhz) {
  return bits_per_cycle * clock_mhz * 1e6 / 8e9;
}

}  // namespace dnne::model
