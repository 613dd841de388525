// The pipeline (DNNBuilder) model against hand derivations (docs/spec/MODELS.md 3; docs/models.md
// 3). All at 16 bits on DSP48E2 (one MAC per DSP), 100 MHz, 1 GB/s = 80 bits per cycle.
#include <gtest/gtest.h>

#include "model/small_networks.h"

namespace dnne {
namespace {
using testnets::part_budget;

TEST(PipelineOracle, OneConv) {
  const Workload w = make_workload(testnets::one_conv());
  ASSERT_EQ(w.stages.size(), 1u);
  const PartBudget budget = part_budget(100, 100);
  // CPF 2, KPF 4 over C = 4, M = 8, R = Q = 8, 3x3:
  // cycles = ceil(4/2) * ceil(8/4) * 8 * 8 * 9 = 2 * 2 * 576 = 2304.
  // DSP = 2 * 4 / 1 = 8 lanes + 6 for the stage's controller (AccDNN) = 14.
  // Column cache: 2 lanes x 16 bits = 32 wide, ceil(4/2) * 8 rows * (3 + 1) columns = 64 deep
  // -> one 36x512 block. Weights: ping-pong kernel groups, read 2*4*16 = 128 bits a cycle
  // from ceil(4/2) * 9 = 18 words, written from DDR 512 bits at a time (AccDNN): 512 bits x
  // 2 * ceil(128 * 18 / 512) = 10 deep -> ceil(512/36) = 15 blocks. Bias: 4 x 16 = 64 bits x
  // 8/4 = 2 -> 2 blocks. BRAM18 = 18 (tests/model/accdnn_costs_test.cpp).
  // Weight stream: 8 * 4 * 9 weights x 16 bits, once per output column (Q = 8): 36864 bits
  // per frame over 2304 cycles = 16 bits/cycle = CPF * KPF * D / R = 2*4*16/8.
  const StageCost c = pipeline_stage_cost(w, 0, {.cpf = 2, .kpf = 4}, 1, budget);
  EXPECT_EQ(c.cycles, 2304);
  EXPECT_EQ(c.dsp, 14);
  EXPECT_EQ(c.bram18, 18);
  // Without the controller (a design may set it): the lanes alone.
  EXPECT_EQ(pipeline_stage_cost(w, 0, {.cpf = 2, .kpf = 4}, 1, budget, {.weighted_stage = 0}).dsp,
            8);
  EXPECT_DOUBLE_EQ(c.weight_bits_per_cycle, 16.0);

  Estimate e;
  evaluate_pipeline_part(w, 1, {.stages = {{.cpf = 2, .kpf = 4}}, .batch = 1}, budget, e);
  EXPECT_TRUE(e.feasible);
  // DRAM per frame: 36864 weight bits + (4*64 input + 8*64 output) * 16 = 12288 -> 49152 bits,
  // 614.4 cycles at 80 bits/cycle < 2304: compute-bound.
  EXPECT_DOUBLE_EQ(e.pipeline.throughput_fps, 100e6 / 2304);
  EXPECT_DOUBLE_EQ(e.pipeline.latency_ms, 2304 / 100e6 * 1e3);  // no fill for one stage
  EXPECT_EQ(e.pipeline.dsp, 14);
  EXPECT_EQ(e.pipeline.bram18, 18);
  EXPECT_NEAR(e.pipeline.dram_bw_gbps, 49152.0 / 2304 * 100e6 / 8e9, 1e-12);
  EXPECT_EQ(e.layers[0].bound, Bound::kDsp);
  // Weights on chip instead (a ROM, no DDR port): 128 bits x ceil(8/4) * 2 * 9 = 36 deep ->
  // 4 blocks, + 2 bias + 1 cache = 7; no weight stream.
  const StageCost on_chip =
      pipeline_stage_cost(w, 0, {.cpf = 2, .kpf = 4, .weights_on_chip = true}, 1, budget);
  EXPECT_EQ(on_chip.bram18, 7);
  EXPECT_EQ(on_chip.weight_bits_per_cycle, 0);
  // Batch 3: lanes and column caches triple, the weight buffer and the controller are shared:
  // 3 * 8 + 6, 3 * 1 + 15 + 2.
  const StageCost b3 = pipeline_stage_cost(w, 0, {.cpf = 2, .kpf = 4}, 3, budget);
  EXPECT_EQ(b3.dsp, 30);
  EXPECT_EQ(b3.bram18, 20);
  EXPECT_DOUBLE_EQ(b3.weight_bits_per_cycle, 16.0);
}

TEST(PipelineOracle, TwoConvsFillAndBottleneck) {
  const Workload w = make_workload(testnets::two_convs());
  // a: CPF 1, KPF 2: ceil(2/1) * ceil(4/2) * 36 * 9 = 1296 cycles, 2 DSP.
  // b: CPF 4, KPF 4: 1 * 1 * 324 = 324 cycles, 16 DSP.
  // BRAM: a cache 16 wide x (2 * 6 * 4 = 48) -> 1, weights 32-bit reads of 2 * 9 words
  //       through a 512-bit DDR port: 512 x 2 * ceil(32 * 18 / 512) = 4 -> 15, bias 32 x 2
  //       -> 1: 17; b cache 64 x (1 * 6 * 4 = 24) -> 2, weights 512 x 2 * ceil(256 * 9 / 512)
  //       = 10 -> 15, bias 64 x 2 -> 2: 19. Total 36.
  const PipelineDesign d{.stages = {{.cpf = 1, .kpf = 2}, {.cpf = 4, .kpf = 4}}, .batch = 1};
  Estimate e;
  evaluate_pipeline_part(w, 2, d, part_budget(100, 100), e);
  EXPECT_TRUE(e.feasible);
  EXPECT_EQ(e.layers[0].cycles, 1296);
  EXPECT_EQ(e.layers[1].cycles, 324);
  EXPECT_EQ(e.pipeline.dsp, 2 + 16 + 2 * 6);  // lanes + a controller per stage
  EXPECT_EQ(e.pipeline.bram18, 36);
  EXPECT_DOUBLE_EQ(e.pipeline.throughput_fps, 100e6 / 1296);
  // Fill: b starts once a emitted Kw + S = 4 of its 6 columns, 1296 / 6 cycles each: 864.
  // Latency = 864 + 1296 (the bottleneck's frame) = 2160 cycles.
  EXPECT_EQ(e.layers[1].start_cycle, 864);
  EXPECT_NEAR(e.pipeline.latency_ms, 2160 / 100e6 * 1e3, 1e-12);
  // a binds on DSP while BRAM is plentiful; b waits on it.
  EXPECT_EQ(e.layers[0].bound, Bound::kDsp);
  EXPECT_EQ(e.layers[1].bound, Bound::kDependency);
  // DRAM: a streams 4*2*9*16 bits x 6 columns = 6912, b 4*4*9*16 x 6 = 13824, plus input
  // 72 and output 144 elements x 16 = 3456: 24192 bits per frame.
  EXPECT_NEAR(e.pipeline.dram_bw_gbps, 24192.0 / 1296 * 100e6 / 8e9, 1e-12);

  // With exactly 36 BRAM18, doubling a's KPF would need one more bias block (32 -> 64 bits
  // wide: 2 blocks; the weight buffer stays 512 bits wide) while 82 DSPs are free: BRAM binds
  // the bottleneck.
  Estimate tight;
  evaluate_pipeline_part(w, 2, d, part_budget(100, 36), tight);
  EXPECT_TRUE(tight.feasible);
  EXPECT_EQ(tight.layers[0].bound, Bound::kBram);

  // At 0.1 GB/s (8 bits/cycle) the stream needs 24192 / 8 = 3024 cycles per frame > 1296:
  // the pipeline stretches by 3024 / 1296; fill 864 -> 2016; latency 2016 + 3024 = 5040.
  Estimate slow;
  evaluate_pipeline_part(w, 2, d, part_budget(100, 100, 0.1), slow);
  EXPECT_TRUE(slow.feasible);
  EXPECT_NEAR(slow.pipeline.throughput_fps, 100e6 / 3024, 1e-9);
  EXPECT_NEAR(slow.pipeline.latency_ms, 5040 / 100e6 * 1e3, 1e-12);
  EXPECT_NEAR(slow.pipeline.dram_bw_gbps, 0.1, 1e-12);
  EXPECT_EQ(slow.layers[0].bound, Bound::kBandwidth);
  EXPECT_EQ(slow.layers[1].bound, Bound::kBandwidth);
}

// Found by scripts/sweep.py: balanced pipelines (VGG-like, dozens of stages at the same
// period) were labelled DSP-bound stage by stage while a third of the DSPs sat idle, because
// each stage's doubling alone fitted the BRAM left; only doubling all of them helps.
TEST(PipelineOracle, BalancedBottlenecksAreJudgedTogether) {
  NetworkBuilder b("twin_convs");
  b.conv("b", b.conv("a", b.input("in", {8, 8, 8}), testnets::conv3x3(8)), testnets::conv3x3(8));
  const Workload w = make_workload(b.build());
  // Both stages at CPF 2, KPF 2: 4 * 4 * 8 * 8 * 9 = 9216 cycles, 4 DSP each. Doubling KPF
  // (2 -> 4) adds 4 DSP per stage and widens the weight buffer's read port from 64 to 128
  // bits, still inside its 512-bit DDR write port (15 blocks either way), and the bias memory
  // from 32 to 64 bits: 1 -> 2 blocks; the column cache (CPF lanes wide) is unchanged.
  // Together: +8 DSP, +2 BRAM18.
  const PipelineDesign slow{.stages = {{.cpf = 2, .kpf = 2}, {.cpf = 2, .kpf = 2}}, .batch = 1};
  const PipelineDesign fast{.stages = {{.cpf = 2, .kpf = 4}, {.cpf = 2, .kpf = 4}}, .batch = 1};
  Estimate e1, e2;
  evaluate_pipeline_part(w, 2, slow, testnets::part_budget(1000, 1000), e1);
  evaluate_pipeline_part(w, 2, fast, testnets::part_budget(1000, 1000), e2);
  ASSERT_EQ(e1.layers[0].cycles, 9216);
  ASSERT_EQ(e1.layers[1].cycles, 9216);
  ASSERT_EQ(e2.pipeline.dsp - e1.pipeline.dsp, 8);
  ASSERT_EQ(e2.pipeline.bram18 - e1.pipeline.bram18, 2);
  const int64_t dsp = e1.pipeline.dsp, bram = e1.pipeline.bram18;
  auto bounds = [&](int64_t dsp_left, int64_t bram_left) {
    Estimate e;
    evaluate_pipeline_part(w, 2, slow, testnets::part_budget(dsp + dsp_left, bram + bram_left), e);
    EXPECT_TRUE(e.feasible);
    EXPECT_EQ(e.layers[0].bound, e.layers[1].bound) << "the twin stages bind alike";
    return e.layers[0].bound;
  };
  // DSPs for both doublings, BRAM for one: BRAM binds (each alone would fit: 1 <= 1).
  EXPECT_EQ(bounds(8, 1), Bound::kBram);
  // Neither suffices: BRAM is short by 2/1 = 2x, DSP by 8/6 = 1.33x: BRAM runs out first.
  EXPECT_EQ(bounds(6, 1), Bound::kBram);
  // DSP short by 8/2 = 4x, BRAM by 2x: DSP.
  EXPECT_EQ(bounds(2, 1), Bound::kDsp);
  // BRAM for both: DSP, however few DSPs are left.
  EXPECT_EQ(bounds(6, 2), Bound::kDsp);
}

TEST(PipelineOracle, ConvPoolFcWithBatch) {
  const Workload w = make_workload(testnets::conv_pool_fc());
  ASSERT_EQ(w.stages.size(), 3u);  // flatten is wiring
  // Batch 2. conv CPF 1 KPF 2: 1 * 1 * 16 * 9 = 144 cycles, DSP 2 x 2 = 4.
  // pool KPF 2: ceil(2/2) * 2 * 2 * 4 = 16 cycles, no DSP.
  // fc CPF 4 KPF 1: ceil(8/4) * ceil(3/1) = 6 cycles, DSP 4 x 2 = 8.
  const PipelineDesign d{
      .stages = {{.cpf = 1, .kpf = 2}, {.cpf = 1, .kpf = 2}, {.cpf = 4, .kpf = 1}}, .batch = 2};
  Estimate e;
  evaluate_pipeline_part(w, 3, d, part_budget(100, 100), e);
  EXPECT_TRUE(e.feasible);
  EXPECT_EQ(e.layers[0].cycles, 144);
  EXPECT_EQ(e.layers[1].cycles, 16);
  EXPECT_EQ(e.layers[2].cycles, 6);
  EXPECT_EQ(e.layers[1].dsp, 2);  // pooling: no lanes, AccDNN's 2 controller DSPs
  EXPECT_EQ(e.pipeline.dsp, 12 + 6 + 2 + 6);
  // BRAM: conv cache 16 x (1 * 4 * 4) -> 1 per replica (2), weights through the 512-bit DDR
  // port 512 x 2 * ceil(32 * 9 / 512) = 2 -> 15, bias 32 x 2 -> 1: 18.
  // pool cache 32 x (1 * 4 * 4) -> 1 per replica: 2. fc cache 64 x 2 -> 2 per replica (4),
  // weights 512 x 2 * ceil(64 * 2 / 512) = 2 -> 15, bias 16 x 3 -> 1: 20. Total 40.
  EXPECT_EQ(e.layers[0].bram18, 18);
  EXPECT_EQ(e.layers[1].bram18, 2);
  EXPECT_EQ(e.layers[2].bram18, 20);
  EXPECT_EQ(e.pipeline.bram18, 40);
  // Two frames per 144 cycles.
  EXPECT_DOUBLE_EQ(e.pipeline.throughput_fps, 2 * 100e6 / 144);
  // Fill: pool starts after 4 of conv's 4 columns (144 cycles); fc needs both of pool's 2
  // columns, 8 cycles each: 160. Latency 160 + 144 = 304 cycles.
  EXPECT_EQ(e.layers[1].start_cycle, 144);
  EXPECT_EQ(e.layers[2].start_cycle, 160);
  EXPECT_NEAR(e.pipeline.latency_ms, 304 / 100e6 * 1e3, 1e-12);
  // DRAM per 2 frames: conv weights 18 x 16 x 4 columns = 1152, fc weights 24 x 16 = 384
  // (batch shares them), 2 x (16 input + 3 output) x 16 = 608: 2144 bits per 144 cycles.
  EXPECT_NEAR(e.pipeline.dram_bw_gbps, 2144.0 / 144 * 100e6 / 8e9, 1e-12);
}

TEST(PipelineOracle, GroupedAndDepthwiseLanes) {
  NetworkBuilder b("dw");
  LayerId x = b.input("in", {8, 4, 4});
  b.conv("dw", x,
         {.out_channels = 8,
          .kernel_h = 3,
          .kernel_w = 3,
          .pad_top = 1,
          .pad_left = 1,
          .pad_bottom = 1,
          .pad_right = 1,
          .groups = 8});
  const Workload w = make_workload(b.build());
  const PartBudget budget = part_budget(100, 100);
  // Depthwise: C/g = 1, so CPF lanes beyond 1 idle: ceil(1/4) * ceil(8/4) * 16 * 9 = 288
  // cycles whatever CPF, but DSP = CPF * KPF is charged (+ 6 for the controller).
  const StageCost wide = pipeline_stage_cost(w, 0, {.cpf = 4, .kpf = 4}, 1, budget);
  const StageCost narrow = pipeline_stage_cost(w, 0, {.cpf = 1, .kpf = 4}, 1, budget);
  EXPECT_EQ(wide.cycles, 288);
  EXPECT_EQ(narrow.cycles, 288);
  EXPECT_EQ(wide.dsp, 16 + 6);
  EXPECT_EQ(narrow.dsp, 4 + 6);
  // At 8 bits on a DSP48E2 the depthwise lanes still take a slice each (nothing shared to
  // pack, WP486), while a dense conv with the same lanes pairs them.
  PartBudget int8 = budget;
  int8.precision_bits = 8;
  const StageDspOverhead none{.weighted_stage = 0};
  EXPECT_EQ(pipeline_stage_cost(w, 0, {.cpf = 1, .kpf = 4}, 1, int8, none).dsp, 4);
  // The cache feeds KPF = 4 channels (one per group): 64 bits wide, ceil(8/4) * 4 * 4 = 32
  // deep -> 2 blocks; weights read 4 * 16 = 64 bits of 1 * 9 words through the 512-bit DDR
  // port: 512 x 2 * ceil(64 * 9 / 512) = 4 -> 15 blocks; bias 64 x 2 -> 2 blocks.
  EXPECT_EQ(narrow.bram18, 19);
}

}  // namespace
}  // namespace dnne

namespace dnne {
namespace {

TEST(PipelineOracle, ResidualJoinChargesItsSkipBuffer) {
  // x -> a -> b -> add(b, x) on 4x8x8 (workload_test derives skip_elements = 256).
  NetworkBuilder b("res");
  LayerId x = b.conv("x", b.input("in", {4, 8, 8}), testnets::conv3x3(4));
  LayerId a = b.conv("a", x, testnets::conv3x3(4));
  LayerId c = b.conv("b", a, testnets::conv3x3(4));
  b.eltwise("add", "Add", {c, x});
  const Workload w = make_workload(b.build());
  // The add with KPF 4: a skip memory 4 * 16 = 64 bits wide, 256 / 4 = 64 deep -> two
  // 36x512 blocks, per batch replica; no cache, no weights, no lanes (2 controller DSPs, as
  // AccDNN charges a pooling stage). Cycles ceil(4/4)*8*8.
  const StageCost add1 = pipeline_stage_cost(w, 3, {.kpf = 4}, 1, testnets::part_budget(9, 9));
  const StageCost add2 = pipeline_stage_cost(w, 3, {.kpf = 4}, 2, testnets::part_budget(9, 9));
  EXPECT_EQ(add1.bram18, 2);
  EXPECT_EQ(add2.bram18, 4);
  EXPECT_EQ(add1.dsp, 2);
  EXPECT_EQ(add2.dsp, 2);
  EXPECT_EQ(add1.cycles, 64);
  EXPECT_EQ(add1.weight_bits_per_cycle, 0);
}

}  // namespace
}  // namespace dnne
