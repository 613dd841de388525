// The generic engine (HybridDNN-like) against hand derivations (docs/spec/MODELS.md 4;
// docs/models.md 4). 16 bits: one BRAM18 holds 1024 elements, so a buffer of 4 blocks has
// 2048 per double-buffer half. 100 MHz and 1 GB/s: 10 bytes per cycle.
#include <gtest/gtest.h>

#include "model/generic_layer.h"
#include "model/small_networks.h"

namespace dnne {
namespace {
using testnets::part_budget;

TEST(GenericOracle, OneConv) {
  const Workload w = make_workload(testnets::one_conv());
  // The output buffer holds 38-bit partial sums (2 x 16 + ceil(log2(4 x 9)) = 6 guard bits):
  // two 36-bit ports per element, 256 per block; 8 blocks serve the 4 output lanes and hold
  // 1024 per half.
  const GenericDesign g{.p_in = 2,
                        .p_out = 4,
                        .batch = 1,
                        .input_buffer_bram18 = 4,
                        .weight_buffer_bram18 = 4,
                        .output_buffer_bram18 = 8};
  Estimate e;
  evaluate_generic_part(w, 0, g, part_budget(100, 100), e);
  EXPECT_TRUE(e.feasible);
  // Everything fits one tile: Tr = 8 rows, Tm = 8, Tn = 4 (input band 4 x 8 x 8 = 256 <=
  // 2048; weights 8 * 4 * 9 = 288 <= 2048; outputs 8 * 8 * 8 = 512 <= 2048).
  // compute = R * Q * K^2 * ceil(8/4) * ceil(4/2) = 576 * 4 = 2304 cycles.
  // DRAM: 256 input + 288 weights + 512 outputs = 1056 elements = 2112 bytes: 211.2 cycles,
  // hidden under compute. Fill and drain: the first output row's window (4 channels x 3
  // rows x 8 columns = 96) and the last output row (8 x 8 = 64): 160 * 2 / 10 = 32 cycles.
  // Layer = 2304 + 32 = 2336 cycles.
  EXPECT_EQ(e.layers[0].cycles, 2336);
  EXPECT_EQ(e.layers[0].bound, Bound::kDsp);
  EXPECT_DOUBLE_EQ(e.generic.throughput_fps, 100e6 / 2336);
  EXPECT_DOUBLE_EQ(e.generic.latency_ms, 2336 / 100e6 * 1e3);
  // 2 * 4 lanes, one 16-bit MAC per DSP48E2, + 6 for the engine's control.
  EXPECT_EQ(e.generic.dsp, 8 + 6);
  EXPECT_EQ(e.generic.bram18, 16);
  EXPECT_NEAR(e.generic.dram_bw_gbps, 2112.0 / 2336 * 100e6 / 1e9, 1e-12);
}

TEST(GenericOracle, TwoConvsRunBackToBack) {
  const Workload w = make_workload(testnets::two_convs());
  const GenericDesign g{.p_in = 2,
                        .p_out = 2,
                        .batch = 2,
                        .input_buffer_bram18 = 2,
                        .weight_buffer_bram18 = 2,
                        .output_buffer_bram18 = 4};
  Estimate e;
  evaluate_generic_part(w, 0, g, part_budget(100, 100), e);
  EXPECT_TRUE(e.feasible);
  // Batch 2, capacities 1024 per half (512 38-bit partial sums for the outputs). a: C = 2, M = 4,
  // 6x6, 3x3; one tile (band 2 x 6 x 6 x 2 frames = 144; outputs 4 x 36 x 2 = 288). compute = 2
  // frames * 36 * 9 * ceil(4/2) * ceil(2/2) = 1296. DRAM: 2 * 72 input + 72 weights (shared by the
  // batch) + 2 * 144 outputs = 504 elements = 1008 bytes: 100.8 cycles, hidden; fill 2 frames x 2
  // ch x 3 rows x 6 = 72, drain 2 x 4 x 6 = 48: 120 * 2 / 10 = 24. a = 1320 for 2 frames, 660 each.
  // b: C = 4: compute = 2 * 324 * 2 * 2 = 2592; DRAM 2 * 144 + 144 + 2 * 144 = 720 elements
  // = 144 cycles, hidden; fill 2 x 4 x 3 x 6 = 144, drain 48: 38.4. b = floor(2630.4) =
  // 2630, 1315 per frame.
  EXPECT_EQ(e.layers[0].cycles, 660);
  EXPECT_EQ(e.layers[1].cycles, 1315);
  EXPECT_EQ(e.layers[1].start_cycle, 1320);
  EXPECT_DOUBLE_EQ(e.generic.throughput_fps, 2 * 100e6 / (1320 + 2630));
  EXPECT_DOUBLE_EQ(e.generic.latency_ms, (1320 + 2630) / 100e6 * 1e3);
}

TEST(GenericOracle, ConvPoolFcWithVectorPath) {
  const Workload w = make_workload(testnets::conv_pool_fc());
  const GenericDesign g{.p_in = 1,
                        .p_out = 2,
                        .batch = 1,
                        .input_buffer_bram18 = 2,
                        .weight_buffer_bram18 = 2,
                        .output_buffer_bram18 = 2};
  Estimate e;
  evaluate_generic_part(w, 0, g, part_budget(100, 100), e);
  EXPECT_TRUE(e.feasible);
  // conv: 16 * 9 * ceil(2/2) * ceil(1/1) = 144 compute; DRAM 16 + 18 + 32 = 66 elements
  // (13.2 cycles), hidden; fill 1 ch x 3 rows x 4 = 12, drain 2 x 4 = 8: 20 * 2 / 10 = 4.
  EXPECT_EQ(e.layers[0].cycles, 148);
  // pool on the vector path: ceil(2/2) * 2 * 2 * 4 = 16 compute; DRAM 32 in + 8 out = 80
  // bytes (8 cycles); fill 2 ch x 2 rows x 4 = 16, drain 2 x 2 = 4: 4 cycles. 20.
  EXPECT_EQ(e.layers[1].cycles, 20);
  EXPECT_EQ(e.layers[1].bound, Bound::kDsp);
  // fc: K = 8, N = 3: compute ceil(8/1) passes x ceil(3/2) passes over N = 16; DRAM 8 + 24
  // + 3 = 35 elements = 7 cycles; fill 8 inputs, drain 3 outputs: 2.2 -> floor(18.2) = 18.
  EXPECT_EQ(e.layers[2].cycles, 18);
  EXPECT_DOUBLE_EQ(e.generic.throughput_fps, 100e6 / 186);
  EXPECT_EQ(e.generic.dsp, 2 + 6);
  EXPECT_EQ(e.generic.bram18, 6);
  EXPECT_NEAR(e.generic.dram_bw_gbps, (132.0 + 80 + 70) / 186 * 100e6 / 1e9, 1e-12);
}

TEST(GenericOracle, SmallBuffersForceRefetch) {
  // conv 64 -> 64 on 16x16, 3x3, P_in = 8, P_out = 1. Weight buffer 2 blocks (1024 weights
  // per half): a weight-resident block holds floor(1024 / (64 * 9)) = 1 kernel, so each input
  // band is re-read 64 times. Input buffer 8 blocks (4096 per half): a band of 64 channels x
  // 4 rows x 16 columns, Tr = 2 output rows.
  // compute = 256 * 9 * 64 (kernels, one lane) * 8 (ceil(64/8)) = 1179648 cycles.
  // Weight-resident traffic: 8 bands x 64 reads x (64 ch x 4 rows x 16) = 2097152 inputs +
  // 36864 weights + 16384 outputs = 2150400 elements = 4.3 MB; the minimum (each once) is
  // (16384 + 36864 + 16384) * 2 = 139264 bytes.
  NetworkBuilder b("refetch");
  b.conv("c", b.input("in", {64, 16, 16}), testnets::conv3x3(64));
  const Workload w = make_workload(b.build());
  GenericDesign g{.p_in = 8,
                  .p_out = 1,
                  .batch = 1,
                  .input_buffer_bram18 = 8,
                  .weight_buffer_bram18 = 2,
                  .output_buffer_bram18 = 2,
                  .buffering = BufferingChoice::kWeightResident};
  // 0.1 GB/s = 1 byte/cycle: 4.3 M transfer cycles > 1.18 M compute, but the minimum
  // traffic (139264 cycles) would hide: the small buffers bind (bram).
  Estimate e;
  evaluate_generic_part(w, 0, g, part_budget(100, 100, 0.1), e);
  EXPECT_TRUE(e.feasible) << describe(e.violations[0]);
  EXPECT_EQ(e.layers[0].bound, Bound::kBram);
  // 0.001 GB/s: even the minimum traffic (13.9 M cycles) exceeds compute: bandwidth.
  Estimate slow;
  evaluate_generic_part(w, 0, g, part_budget(100, 100, 0.001), slow);
  EXPECT_EQ(slow.layers[0].bound, Bound::kBandwidth);
  // Auto buffering picks the input-resident band (weights re-read per band: 8 x 36864 +
  // 32768 inputs + 16384 outputs = 344064 elements, 688 K cycles < compute): dsp.
  g.buffering = BufferingChoice::kAuto;
  Estimate autochoice;
  evaluate_generic_part(w, 0, g, part_budget(100, 100, 0.1), autochoice);
  EXPECT_EQ(autochoice.layers[0].bound, Bound::kDsp);
  EXPECT_GT(e.layers[0].cycles, autochoice.layers[0].cycles);
}

TEST(GenericOracle, BuffersTooSmallForAnyTile) {
  // One input row band of the 64-channel 16-wide map (3 rows x 16 columns per channel,
  // Tn >= 1) needs 48 elements per frame; with 0 input blocks nothing fits.
  NetworkBuilder b("tiny");
  b.conv("c", b.input("in", {64, 16, 16}), testnets::conv3x3(64));
  const Workload w = make_workload(b.build());
  const GenericDesign g{.p_in = 1,
                        .p_out = 1,
                        .batch = 1,
                        .input_buffer_bram18 = 0,
                        .weight_buffer_bram18 = 2,
                        .output_buffer_bram18 = 2};
  Estimate e;
  evaluate_generic_part(w, 0, g, part_budget(100, 100), e);
  EXPECT_FALSE(e.feasible);
  ASSERT_GE(e.violation_count, 1);
  EXPECT_EQ(e.violations[0].resource, Resource::kBram18);
  EXPECT_EQ(describe(e.violations[0]), "BRAM18 needed 1 > available 0 (generic input buffer)");
  // Then the layer itself: one band needs 48 elements, one block per half: 2 blocks.
  EXPECT_EQ(describe(e.violations[1]),
            "BRAM18 needed 2 > available 0 (generic input buffer) (stage 0)");
  // Port minimum: 16-bit elements, two per 36-bit port: 64 lanes need 32 blocks.
  EXPECT_EQ(generic_buffer_min_bram18(64, 16), 32);
  EXPECT_EQ(generic_buffer_min_bram18(64, 8), 16);
  EXPECT_EQ(generic_buffer_min_bram18(1, 16), 1);
}

}  // namespace
}  // namespace dnne

namespace dnne {
namespace {

TEST(GenericOracle, WinogradModeOnAThreeByThreeConv) {
  // The one-conv network (4 -> 8 channels, 8x8, 3x3, stride 1) on the 2 x 4 engine of
  // GenericOracle.OneConv, whose spatial mode takes 2304 compute + 32 fill/drain cycles.
  const Workload w = make_workload(testnets::one_conv());
  GenericDesign g{.p_in = 2,
                  .p_out = 4,
                  .batch = 1,
                  .input_buffer_bram18 = 4,
                  .weight_buffer_bram18 = 4,
                  .output_buffer_bram18 = 16,  // room for every partial sum in both modes
                  .winograd_m = 2};
  Estimate e;
  evaluate_generic_part(w, 0, g, part_budget(100, 100), e);
  EXPECT_TRUE(e.feasible);
  // F(2x2, 3x3): 4 x 4 = 16 transformed multiplies per 2 x 2 output tile: 4 tile rows x 4
  // tile columns x 16 x ceil(8/4) x ceil(4/2) = 1024 cycles (2.25x fewer). Transformed
  // weights 8 * 4 * 16 = 512 still fit one weight half (2048); DRAM 256 + 512 + 512 = 1280
  // elements = 256 cycles, hidden; fill and drain as before, 32. Layer: 1056.
  EXPECT_EQ(e.layers[0].cycles, 1056);
  // F(4x4, 3x3): 6 x 6 = 36 per 4 x 4 tile: 2 x 2 x 36 x 4 = 576 (4x fewer); transformed
  // weights 8 * 4 * 36 = 1152; DRAM 256 + 1152 + 512 = 1920 elements = 384 cycles: 608.
  g.winograd_m = 4;
  evaluate_generic_part(w, 0, g, part_budget(100, 100), e);
  EXPECT_EQ(e.layers[0].cycles, 608);
  // Any other tile size is a design error.
  g.winograd_m = 3;
  Estimate bad;
  evaluate_generic_part(w, 0, g, part_budget(100, 100), bad);
  EXPECT_FALSE(bad.feasible);
  EXPECT_EQ(describe(bad.violations[0]), "design field 'winograd_m' must be 0, 2 or 4, got 3");
}

TEST(GenericOracle, OutputBufferHoldsPartialSums) {
  const Workload w = make_workload(testnets::one_conv());
  // 2D bits plus ceil(log2(terms)) guard bits, terms = C/g * Kh * Kw = 36: 6 bits.
  EXPECT_EQ(generic_accumulator_bits(w, 0, 16), 38);
  EXPECT_EQ(generic_accumulator_bits(w, 0, 8), 22);
  // 38 bits take two 36-bit ports: 4 output lanes need 8 blocks, 4 are a violation (they
  // were enough for 16-bit outputs).
  GenericDesign g{.p_in = 2,
                  .p_out = 4,
                  .batch = 1,
                  .input_buffer_bram18 = 4,
                  .weight_buffer_bram18 = 4,
                  .output_buffer_bram18 = 4};
  Estimate e;
  evaluate_generic_part(w, 0, g, part_budget(100, 100), e);
  ASSERT_FALSE(e.feasible);
  EXPECT_EQ(describe(e.violations[0]), "BRAM18 needed 8 > available 4 (generic output buffer)");
  EXPECT_EQ(generic_buffer_min_bram18(4, 38), 8);
  // Winograd F(4x4, 3x3) keeps 36 partials per 16 outputs until the output transform: with
  // 4 blocks' 512 partials per half a spatial tile holds all 8 x 8 x 8 outputs, a Winograd tile
  // 512 * 16 / 36 = 227 outputs, so 227 / (8 rows x 8 columns) = 3 channels.
  const model::Engine engine{.p_in = 2,
                             .p_out = 4,
                             .batch = 1,
                             .p_out_independent = 4,
                             .input_capacity = 2048,
                             .weight_capacity = 2048,
                             .output_blocks = 4,  // 256 38-bit partials each
                             .winograd_m = 4,
                             .bits = 16,
                             .link_bytes_per_cycle = 10};
  const model::GenericLayerCost c = model::generic_layer_cost(w.stages[0], engine);
  EXPECT_TRUE(c.winograd);
  EXPECT_EQ(c.tiling.tm, 3);
  model::Engine spatial = engine;
  spatial.winograd_m = 0;
  EXPECT_EQ(model::generic_layer_cost(w.stages[0], spatial).tiling.tm, 8);
}

// Channel augmentation (docs/models.md 4.7): one_conv's 4 input channels on 16 input lanes
// pack a = min(3, 16 / 4) = 3 kernel columns, so its 3 x 3 taps take 3 cycles instead of 9:
// 8 x 8 outputs x 3 taps x 2 passes of 4 output lanes = 384 cycles, not 1,152. With 4 lanes
// nothing packs, and neither when the input buffer holds the band's 4 channels but not the
// packed 12.
TEST(GenericOracle, FirstLayerChannelsPackKernelColumns) {
  const Workload w = make_workload(testnets::one_conv());
  model::Engine e{.p_in = 16,
                  .p_out = 4,
                  .batch = 1,
                  .p_out_independent = 4,
                  .input_capacity = 4096,
                  .weight_capacity = 4096,
                  .output_blocks = 16,
                  .winograd_m = 0,
                  .bits = 16,
                  .link_bytes_per_cycle = 1e9};
  EXPECT_EQ(model::generic_layer_cost(w.stage(0), e).cycles, 384);
  EXPECT_EQ(model::packed_taps(4, 3, 3, 16), 3);
  EXPECT_EQ(model::packed_taps(4, 3, 3, 8), 6);   // a = 2: ceil(3 / 2) = 2 columns of taps
  EXPECT_EQ(model::packed_taps(4, 3, 3, 4), 9);   // no room for a second column
  model::Engine narrow = e;
  narrow.p_in = 4;
  EXPECT_EQ(model::generic_layer_cost(w.stage(0), narrow).cycles, 1152);
  model::Engine small = e;
  small.input_capacity = 256;  // 4 x 8 x 8: the band fits, the packed 12 x 8 x 8 does not
  EXPECT_EQ(model::generic_layer_cost(w.stage(0), small).cycles, 1152);
}

TEST(GenericOracle, WinogradSkipsIneligibleLayers) {
  // A 1x1 conv and a stride-2 3x3 conv run in spatial mode whatever winograd_m says.
  NetworkBuilder b("ineligible");
  LayerId x = b.conv("pw", b.input("in", {4, 8, 8}), {.out_channels = 8});
  b.conv("s2", x,
         {.out_channels = 8,
          .kernel_h = 3,
          .kernel_w = 3,
          .stride_h = 2,
          .stride_w = 2,
          .pad_top = 1,
          .pad_left = 1,
          .pad_bottom = 1,
          .pad_right = 1});
  const Workload w = make_workload(b.build());
  GenericDesign g{.p_in = 2,
                  .p_out = 4,
                  .batch = 1,
                  .input_buffer_bram18 = 4,
                  .weight_buffer_bram18 = 4,
                  .output_buffer_bram18 = 4};
  Estimate spatial, wino;
  evaluate_generic_part(w, 0, g, part_budget(100, 100), spatial);
  g.winograd_m = 4;
  evaluate_generic_part(w, 0, g, part_budget(100, 100), wino);
  EXPECT_EQ(spatial.layers[0].cycles, wino.layers[0].cycles);
  EXPECT_EQ(spatial.layers[1].cycles, wino.layers[1].cycles);
}

}  // namespace
}  // namespace dnne
