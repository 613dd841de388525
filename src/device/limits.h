// Upper bounds on the figures a device, a budget or a design may state. They sit far above
// any real FPGA and exist so the cost models' integer products (cycles, bits, blocks) stay
// exact: an absurd figure is bad input (exit 2), not a silent overflow or a search that never
// converges.
#pragma once

#include <cstdint>

namespace dnne {

// The largest parts have about 14,000 DSP slices and 9,000 BRAM18 blocks (DS950 Versal
// Premium, DS890 UltraScale+ VU19P); 2^20 leaves a factor of 70 on both.
constexpr int64_t kMaxDsp = int64_t{1} << 20;
constexpr int64_t kMaxBram18 = int64_t{1} << 20;
// The largest parts have about 1,300 URAM288 blocks (VU19P none, VU13P 1,280: DS890) and
// 4 million LUTs (VU19P, DS890): the caps leave a factor of 60 or more.
constexpr int64_t kMaxUram = int64_t{1} << 17;
constexpr int64_t kMaxLut = int64_t{1} << 28;
// DSP48E2 tops out at 891 MHz in the fastest speed grade (DS923 switching characteristics);
// no fabric clock reaches 1 GHz.
constexpr double kMaxClockMhz = 1000;
// HBM2 on Alveo U280 is 460 GB/s (DS963); 100 TB/s leaves a factor of 200.
constexpr double kMaxDramBwGbps = 100000;
// At the floor of 1 MB/s and 1 MHz a frame's DRAM stream still counts in int64 cycles; at
// 1e-300 GB/s it did not (negative cycles in the report).
constexpr double kMinDramBwGbps = 0.001;
constexpr double kMinClockMhz = 1;

}  // namespace dnne
