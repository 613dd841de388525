#include "model/bram_mapping.h"

#include <array>
#include <limits>

#include "model/model_math.h"

namespace dnne {

namespace {
// RAMB18E1/E2 aspect ratios as a simple dual-port RAM's read port, width x depth
// (UG573 v1.13 table 1-3 "Port Aspect Ratio"; UG473 table 1-7 for 7 series, identical for
// the 18 Kb block). The widths 9/18/36 include the parity bits, which we use as data.
struct Aspect {
  int64_t width, depth;
};
constexpr std::array<Aspect, 6> kBram18Aspects = {
    {{1, 16384}, {2, 8192}, {4, 4096}, {9, 2048}, {18, 1024}, {36, 512}}};
}  // namespace

int64_t bram18_for_memory(int64_t width_bits, int64_t depth) {
  if (width_bits <= 0 || depth <= 0) return 0;
  int64_t best = std::numeric_limits<int64_t>::max();
  for (const Aspect& a : kBram18Aspects) {
    const int64_t blocks = model::ceil_div(width_bits, a.width) * model::ceil_div(depth, a.depth);
    if (blocks < best) best = blocks;
  }
  return best;
}

int64_t uram_for_memory(int64_t width_bits, int64_t depth) {
  if (width_bits <= 0 || depth <= 0) return 0;
  // URAM288: 4,096 words of 72 bits, fixed (UG573 v1.13, chapter 2 "UltraRAM").
  return model::ceil_div(width_bits, 72) * model::ceil_div(depth, 4096);
}

MemoryBlocks map_memory(int64_t width_bits, int64_t depth, bool uram_available) {
  const int64_t bram = bram18_for_memory(width_bits, depth);
  if (!uram_available || bram == 0) return {.bram18 = bram};
  const int64_t uram = uram_for_memory(width_bits, depth);
  if (uram * kBram18PerUram < bram) return {.uram = uram};
  return {.bram18 = bram};
}

int64_t bram18_port_elements(int bits) {
  return bits <= 36 ? 36 / std::max(1, bits) : 0;
}

int64_t bram18_elements(int bits) {
  if (bits < 1) bits = 1;
  if (bits <= 36) return bram18_port_elements(bits) * 512;
  return 512 / model::ceil_div(bits, 36);
}

}  // namespace dnne
