// Small networks and budgets shared by the search tests.
#pragma once

#include <string>

#include "device/catalog.h"
#include "graph/network_builder.h"
#include "model/evaluate.h"
#include "model/workload.h"
#include "zoo/zoo.h"

namespace dnne::test {

// conv(4->8, 3x3) on 8x8 -> conv(8->8, 3x3) -> pool 2x2 -> fc(128->16): four stages with
// few enough options each to enumerate every combination.
inline Network tiny_network() {
  NetworkBuilder b("tiny");
  LayerId x = b.input("in", {4, 8, 8});
  const ConvAttrs same3x3{.out_channels = 8,
                          .kernel_h = 3,
                          .kernel_w = 3,
                          .pad_top = 1,
                          .pad_left = 1,
                          .pad_bottom = 1,
                          .pad_right = 1};
  x = b.conv("conv1", x, same3x3, {"Relu"});
  x = b.conv("conv2", x, same3x3, {"Relu"});
  x = b.pool("pool", x, {.kernel_h = 2, .kernel_w = 2, .stride_h = 2, .stride_w = 2});
  x = b.flatten("flat", x);
  b.fc("fc", x, {.out_features = 16});
  return b.build();
}

// A five-conv network small enough for exhaustive search over a coarse grid.
inline Network small_network() {
  NetworkBuilder b("small");
  LayerId x = b.input("in", {3, 32, 32});
  int channels = 16;
  for (int i = 1; i <= 5; ++i) {
    x = b.conv("conv" + std::to_string(i), x,
               {.out_channels = channels,
                .kernel_h = 3,
                .kernel_w = 3,
                .pad_top = 1,
                .pad_left = 1,
                .pad_bottom = 1,
                .pad_right = 1},
               {"Relu"});
    if (i % 2 == 1)
      x = b.pool("pool" + std::to_string(i), x,
                 {.kernel_h = 2, .kernel_w = 2, .stride_h = 2, .stride_w = 2});
    channels *= 2;
  }
  x = b.flatten("flat", x);
  b.fc("fc", x, {.out_features = 10});
  return b.build();
}

// A chain of `layers` 3x3 same-padded convolutions of `channels` channels on
// size x size maps (depth tests, small-channel networks).
inline Network conv_chain(int layers, int channels, int size) {
  NetworkBuilder b("chain");
  LayerId x = b.input("in", {channels, size, size});
  for (int i = 0; i < layers; ++i)
    x = b.conv("conv" + std::to_string(i), x,
               {.out_channels = channels,
                .kernel_h = 3,
                .kernel_w = 3,
                .pad_top = 1,
                .pad_left = 1,
                .pad_bottom = 1,
                .pad_right = 1},
               {"Relu"});
  return b.build();
}

inline Network zoo(const std::string& name) {
  return build_zoo_network(name).value();
}

inline Budget device_budget(const std::string& device) {
  return default_budget(find_device(device).value());
}

inline PartBudget part_budget(const Budget& b) {
  return {.dsp = b.dsp,
          .bram18 = b.bram18,
          .dram_bw_gbps = b.dram_bw_gbps,
          .clock_mhz = b.clock_mhz,
          .precision_bits = b.precision_bits,
          .dsp_family = b.dsp_family};
}

}  // namespace dnne::test
