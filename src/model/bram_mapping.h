// How many BRAM18 blocks a memory of a given width and depth occupies (docs/spec/MODELS.md section
// 3; Xilinx UG573 "UltraScale Architecture Memory Resources", UG473 for 7 series).
#pragma once

#include <cstdint>

namespace dnne {

// BRAM18 blocks for a memory `width_bits` wide and `depth` words deep: the cheapest of the
// block's aspect ratios (1x16K, 2x8K, 4x4K, 9x2K, 18x1K, 36x512), each needing
// ceil(width / port) columns of ceil(depth / depth_at_port) blocks. 0 for an empty memory.
int64_t bram18_for_memory(int64_t width_bits, int64_t depth);

// Data elements of `bits` each that one BRAM18 stores at its widest aspect ratio that packs
// whole elements (36x512: floor(36 / bits) per word; wider elements span words).
int64_t bram18_elements(int bits);

// Elements of `bits` one BRAM18 port reads per cycle (36-bit port).
int64_t bram18_port_elements(int bits);

}  // namespace dnne
