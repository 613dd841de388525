// The small networks the model oracles are derived on by hand (tests/model/*_oracle_test.cpp).
#pragma once

#include "graph/network_builder.h"
#include "model/evaluate.h"

namespace dnne::testnets {

inline ConvAttrs conv3x3(int64_t out_channels) {
  return {.out_channels = out_channels,
          .kernel_h = 3,
          .kernel_w = 3,
          .pad_top = 1,
          .pad_left = 1,
          .pad_bottom = 1,
          .pad_right = 1};
}

// in 4x8x8 -> conv 3x3 pad 1 -> 8x8x8.
inline Network one_conv() {
  NetworkBuilder b("one_conv");
  b.conv("conv", b.input("in", {4, 8, 8}), conv3x3(8), {"Relu"});
  return b.build();
}

// in 2x6x6 -> conv a (3x3 pad 1, 4 out) -> conv b (3x3 pad 1, 4 out).
inline Network two_convs() {
  NetworkBuilder b("two_convs");
  LayerId a = b.conv("a", b.input("in", {2, 6, 6}), conv3x3(4));
  b.conv("b", a, conv3x3(4));
  return b.build();
}

// in 1x4x4 -> conv 3x3 pad 1 (2 out) -> maxpool 2x2/2 -> flatten (8) -> fc 3.
inline Network conv_pool_fc() {
  NetworkBuilder b("conv_pool_fc");
  LayerId c = b.conv("conv", b.input("in", {1, 4, 4}), conv3x3(2));
  LayerId p = b.pool("pool", c, {.kernel_h = 2, .kernel_w = 2, .stride_h = 2, .stride_w = 2});
  b.fc("fc", b.flatten("flatten", p), {.out_features = 3});
  return b.build();
}

// 100 MHz and 1 GB/s make the per-cycle figures round: 10 bytes = 80 bits per cycle.
inline PartBudget part_budget(int64_t dsp, int64_t bram18, double bw_gbps = 1.0) {
  return {.dsp = dsp,
          .bram18 = bram18,
          .dram_bw_gbps = bw_gbps,
          .clock_mhz = 100,
          .precision_bits = 16,
          .dsp_family = DspFamily::kDsp48E2};
}

inline Budget budget(int64_t dsp, int64_t bram18, double bw_gbps = 1.0) {
  return {.dsp = dsp,
          .bram18 = bram18,
          .dram_bw_gbps = bw_gbps,
          .clock_mhz = 100,
          .precision_bits = 16,
          .dsp_family = DspFamily::kDsp48E2};
}

}  // namespace dnne::testnets
