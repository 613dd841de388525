// The reference model against hand derivations (docs/validation.md "The reference model").
// 100 MHz and 1 GB/s with the burst efficiency 10/12.8: 7.8125 bytes per cycle for one core.
#include "reference/reference_model.h"

#include <gtest/gtest.h>

#include "small_networks.h"

namespace dnne {
namespace {

ReferenceDesign tiny(int pp, int icp, int ocp, int cores = 1) {
  ReferenceDesign d;
  d.name = "tiny";
  d.pp = pp;
  d.icp = icp;
  d.ocp = ocp;
  d.cores = cores;
  d.clock_mhz = 100;
  d.precision_bits = 16;
  d.dsp = static_cast<int64_t>(pp) * icp * ocp * cores;
  return d;
}

TEST(ReferenceModel, OneConvComputeBound) {
  const Workload w = make_workload(testnets::one_conv());
  const ReferenceEstimate e =
      evaluate_reference(w, tiny(2, 2, 4), {.clock_mhz = 100, .dram_bw_gbps = 1});
  ASSERT_EQ(e.layers.size(), 1u);
  // C 4, M 8, 8x8 output, 3x3: ceil(4/2) x ceil(8/4) x 8 rows x ceil(8/2) x 9 = 1152.
  EXPECT_EQ(e.layers[0].compute_cycles, 1152);
  // DRAM: 2 bytes x (288 weights + 8 biases + 256 inputs + 512 outputs) = 2128 bytes at
  // 7.8125 bytes per cycle = 272.4 -> 273 cycles, hidden under compute.
  EXPECT_DOUBLE_EQ(e.layers[0].dram_bytes, 2128);
  EXPECT_EQ(e.layers[0].dram_cycles, 273);
  EXPECT_EQ(e.layers[0].cycles, 1152);
  EXPECT_EQ(e.layers[0].bound, Bound::kDsp);
  EXPECT_EQ(e.layers[0].unit, RefUnit::kArray);
  EXPECT_DOUBLE_EQ(e.throughput_fps, 100e6 / 1152);
  EXPECT_DOUBLE_EQ(e.latency_ms, 1152 / 100e6 * 1e3);
  EXPECT_EQ(e.macs, 4 * 8 * 64 * 9);
  // 18432 MACs in 1152 cycles on a 16-lane array: 100 %.
  EXPECT_DOUBLE_EQ(e.mac_utilisation, 1.0);
}

TEST(ReferenceModel, NarrowDramMakesTheLayerBandwidthBound) {
  const Workload w = make_workload(testnets::one_conv());
  const ReferenceEstimate e =
      evaluate_reference(w, tiny(2, 2, 4), {.clock_mhz = 100, .dram_bw_gbps = 0.1});
  // 0.78125 bytes per cycle: 2128 / 0.78125 = 2723.84 -> 2724 cycles.
  EXPECT_EQ(e.layers[0].dram_cycles, 2724);
  EXPECT_EQ(e.layers[0].cycles, 2724);
  EXPECT_EQ(e.layers[0].bound, Bound::kBandwidth);
}

TEST(ReferenceModel, CoresRunFramesInParallelAndShareDram) {
  const Workload w = make_workload(testnets::one_conv());
  const ReferenceEstimate one =
      evaluate_reference(w, tiny(2, 2, 4, 1), {.clock_mhz = 100, .dram_bw_gbps = 1});
  const ReferenceEstimate four =
      evaluate_reference(w, tiny(2, 2, 4, 4), {.clock_mhz = 100, .dram_bw_gbps = 1});
  // Four cores: 1.953 bytes per cycle each, 2128 bytes -> 1089.5 -> 1090 cycles, still under
  // the 1152 of compute: four frames per 1152 cycles.
  EXPECT_EQ(four.layers[0].dram_cycles, 1090);
  EXPECT_DOUBLE_EQ(four.throughput_fps, 4 * one.throughput_fps);
  EXPECT_DOUBLE_EQ(four.latency_ms, one.latency_ms);
}

TEST(ReferenceModel, TiledEngineRereadsInputsPerOcpGroupAndWeightsPerTile) {
  const Workload w = make_workload(testnets::one_conv());
  ReferenceDesign d = tiny(2, 2, 4);
  d.tile_pixels = 16;
  const ReferenceEstimate e = evaluate_reference(w, d, {.clock_mhz = 100, .dram_bw_gbps = 1});
  // M 8 / OCP 4 = 2 reads of the 256 inputs; 64 pixels / 16 per tile = 4 reads of the 296
  // weights; 512 outputs once: 2 bytes x (1184 + 512 + 512) = 4416 bytes.
  EXPECT_DOUBLE_EQ(e.layers[0].dram_bytes, 4416);
}

TEST(ReferenceModel, ConvPoolFcPerUnit) {
  const Workload w = make_workload(testnets::conv_pool_fc());
  const ReferenceEstimate e =
      evaluate_reference(w, tiny(2, 2, 4), {.clock_mhz = 100, .dram_bw_gbps = 1000});
  ASSERT_EQ(e.layers.size(), 3u);
  // conv: C 1, M 2, 4x4 out: 1 x 1 x 4 rows x ceil(4/2) x 9 = 72.
  EXPECT_EQ(e.layers[0].compute_cycles, 72);
  // pool 2x2/2 to 2x2x2 on the misc path: ceil(2/2) x 2 rows x ceil(2/2) x 4 taps = 8.
  EXPECT_EQ(e.layers[1].compute_cycles, 8);
  EXPECT_EQ(e.layers[1].unit, RefUnit::kMisc);
  // fc 8 -> 3: ceil(8/2) x ceil(3/4) = 4.
  EXPECT_EQ(e.layers[2].compute_cycles, 4);
  EXPECT_EQ(e.frame_cycles, 84);
  // conv_only counts the convolution alone.
  const ReferenceEstimate c = evaluate_reference(
      w, tiny(2, 2, 4), {.clock_mhz = 100, .dram_bw_gbps = 1000, .conv_only = true});
  EXPECT_EQ(c.frame_cycles, 72);
  EXPECT_EQ(c.macs, 2 * 16 * 9);
}

TEST(ReferenceModel, DepthwiseRunsOnItsOwnUnit) {
  NetworkBuilder b("dw");
  ConvAttrs dw = testnets::conv3x3(8);
  dw.groups = 8;
  b.conv("dw", b.input("in", {8, 8, 8}), dw);
  const Workload w = make_workload(b.build());
  ReferenceDesign d = tiny(4, 4, 4);
  // On the array: 8 groups x ceil(1/4) x ceil(1/4) x 8 rows x ceil(8/4) x 9 = 1152.
  EXPECT_EQ(reference_compute_cycles(w.stages[0], d), 1152);
  // On a depthwise unit of 2 pixels: ceil(8/4) x 8 rows x ceil(8/2) x 9 = 576.
  d.depthwise_pp = 2;
  RefUnit unit = RefUnit::kNone;
  EXPECT_EQ(reference_compute_cycles(w.stages[0], d, &unit), 576);
  EXPECT_EQ(unit, RefUnit::kDepthwise);
}

TEST(ReferenceModel, KernelParallelismAndInitiationInterval) {
  const Workload w = make_workload(testnets::one_conv());
  ReferenceDesign d = tiny(1, 4, 8);
  d.kph = d.kpw = 3;  // a 3x3 convolver per lane: the window in one step
  // 1 x 1 x 64 pixels x 1 x 1 = 64 steps.
  EXPECT_EQ(reference_compute_cycles(w.stages[0], d), 64);
  d.ii = 3;
  EXPECT_EQ(reference_compute_cycles(w.stages[0], d), 192);
}

}  // namespace
}  // namespace dnne
