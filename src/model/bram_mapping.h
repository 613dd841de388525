// How many BRAM18 blocks a memory of a given width and depth occupies (docs/spec/MODELS.md section
// 3; Xilinx UG573 "UltraScale Architecture Memory Resources", UG473 for 7 series).
#pragma once

#include <cstdint>

namespace dnne {

// BRAM18 blocks for a memory `width_bits` wide and `depth` words deep: the cheapest of the
// block's aspect ratios (1x16K, 2x8K, 4x4K, 9x2K, 18x1K, 36x512), each needing
// ceil(width / port) columns of ceil(depth / depth_at_port) blocks. 0 for an empty memory.
int64_t bram18_for_memory(int64_t width_bits, int64_t depth);

// URAM288 blocks for the same memory: the block is 4K x 72 with no other aspect ratio
// (UG573, "UltraRAM"), so ceil(width / 72) columns of ceil(depth / 4096) blocks.
int64_t uram_for_memory(int64_t width_bits, int64_t depth);

// Where one buffer lives (docs/models.md 3.3): URAM288 when the part may use URAM and the
// buffer takes fewer than 1/kBram18PerUram as many URAM blocks as BRAM18 blocks, else BRAM18.
struct MemoryBlocks {
  int64_t bram18 = 0;
  int64_t uram = 0;
};
// A URAM288 holds 16 BRAM18's worth of bits (288 Kb vs 18 Kb) but has no width choice; the
// UltraScale+ parts in the catalog carry 4.2 (U250) to 6.5 (ZCU104) BRAM18 per URAM block.
// Moving a buffer when one URAM block replaces more than 6 BRAM18 blocks is ours
// (docs/models.md 3.3).
constexpr int64_t kBram18PerUram = 6;
MemoryBlocks map_memory(int64_t width_bits, int64_t depth, bool uram_available);

// Data elements of `bits` each that one BRAM18 stores at its widest aspect ratio that packs
// whole elements (36x512: floor(36 / bits) per word; wider elements span words).
int64_t bram18_elements(int bits);

// Elements of `bits` one BRAM18 port reads per cycle (36-bit port).
int64_t bram18_port_elements(int bits);

}  // namespace dnne
