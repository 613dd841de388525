// The per-stage costs AccDNN's template spends beyond the multiplier array (issue 9 item 2;
// docs/models.md 3.2, 3.3 and 3.8): the streamed weight buffer's 512-bit write port, the bias
// memory, a folded batch norm's multipliers, one DMA channel per streamed weighted layer (15 in
// all) and KPF >= 2 at 8 bits. Derived by hand from AccDNN's layers/convolution.py and
// util/resource.py; 16 bits on DSP48E2 at 100 MHz unless said.
#include <gtest/gtest.h>

#include <algorithm>

#include "model/accdnn_rules.h"
#include "model/small_networks.h"

namespace dnne {
namespace {
using testnets::conv3x3;
using testnets::part_budget;

// in 4x8x8 -> conv 3x3 pad 1 -> 8x8x8, with a folded batch norm.
Network one_conv_bn() {
  NetworkBuilder b("one_conv_bn");
  b.conv("conv", b.input("in", {4, 8, 8}), conv3x3(8), {"BatchNormalization", "Relu"});
  return b.build();
}

// A chain of `n` 3x3 convolutions of `channels` channels on 8x8 maps.
Network conv_chain(int n, int64_t channels) {
  NetworkBuilder b("conv_chain");
  LayerId x = b.input("in", {channels, 8, 8});
  for (int i = 0; i < n; ++i) x = b.conv("conv" + std::to_string(i), x, conv3x3(channels));
  return b.build();
}

TEST(AccDnnCosts, StreamedWeightBufferTakesTheDdrWidthAndABiasMemory) {
  const Workload w = make_workload(testnets::one_conv());
  const PartBudget budget = part_budget(100, 100);
  // CPF 2, KPF 4 over C = 4, M = 8, 3x3 at 16 bits. Weight buffer: read port 2*4*16 = 128
  // bits, one kernel group 2 * 9 = 18 words deep; write port 512 bits, 128 * 18 / 512 = 4.5
  // -> 5 words, doubled (ping-pong) -> 512 bits x 10: ceil(512 / 36) = 15 blocks of 36x512
  // (AccDNN's get_brams: 7 BRAM36 + one BRAM18 = 15 BRAM18 too).
  // Bias: KPF 4 x 16 bits = 64 wide, 8 / 4 = 2 deep -> ceil(64 / 36) = 2 blocks.
  // Column cache: 32 bits x 64 -> 1 block. BRAM18 = 15 + 2 + 1 = 18.
  const StageCost c = pipeline_stage_cost(w, 0, {.cpf = 2, .kpf = 4}, 1, budget);
  EXPECT_EQ(c.bram18, 18);
  EXPECT_EQ(c.dma_channels, 1);
  // On chip (a ROM, write port = read port): 128 bits x ceil(8/4) * 18 = 36 deep -> 4 blocks,
  // + bias 2 + cache 1 = 7, and no DMA channel.
  const StageCost rom =
      pipeline_stage_cost(w, 0, {.cpf = 2, .kpf = 4, .weights_on_chip = true}, 1, budget);
  EXPECT_EQ(rom.bram18, 7);
  EXPECT_EQ(rom.dma_channels, 0);
  // Batch 3: only the column cache is per replica: 3 * 1 + 17.
  EXPECT_EQ(pipeline_stage_cost(w, 0, {.cpf = 2, .kpf = 4}, 3, budget).bram18, 20);
  // A read port wider than the DDR word sets the width itself: CPF 4, KPF 8 = 512 bits, one
  // kernel group 1 * 9 words, doubled: 512 x 18 -> 15 blocks; bias 8 x 16 = 128 bits x 2
  // (8 / 8 = 1, doubled as AccDNN does) -> 4 blocks; cache 64 bits x 32 -> 2 blocks.
  EXPECT_EQ(pipeline_stage_cost(w, 0, {.cpf = 4, .kpf = 8}, 1, budget).bram18, 15 + 4 + 2);
}

TEST(AccDnnCosts, FoldedBatchNormAddsAMultiplierPerOutputLaneAndWiderBiases) {
  const Workload w = make_workload(one_conv_bn());
  ASSERT_TRUE(w.stage(0).batch_norm);
  EXPECT_FALSE(make_workload(testnets::one_conv()).stage(0).batch_norm);
  const PartBudget budget = part_budget(100, 100);
  // DSP: 2 * 4 lanes + KPF 4 scale multipliers + 6 controller = 18; batch 2: 2 * 12 + 6 = 30.
  EXPECT_EQ(pipeline_stage_cost(w, 0, {.cpf = 2, .kpf = 4}, 1, budget).dsp, 18);
  EXPECT_EQ(pipeline_stage_cost(w, 0, {.cpf = 2, .kpf = 4}, 2, budget).dsp, 30);
  // Bias memory holds a 16-bit scale and shift per lane: 4 * 32 = 128 bits x 2 -> 4 blocks
  // (2 without the batch norm): 15 + 4 + 1 = 20.
  EXPECT_EQ(pipeline_stage_cost(w, 0, {.cpf = 2, .kpf = 4}, 1, budget).bram18, 20);
}

TEST(AccDnnCosts, AtMostFifteenStreamedWeightedLayers) {
  const Workload w = make_workload(conv_chain(16, 8));
  const PartBudget budget = part_budget(100000, 100000, 100.0);
  PipelineDesign all_streamed{.stages = std::vector<StageParallelism>(16, {.cpf = 1, .kpf = 2}),
                              .batch = 1};
  Estimate e;
  evaluate_pipeline_part(w, 16, all_streamed, budget, e);
  ASSERT_FALSE(e.feasible);
  ASSERT_GE(e.violation_count, 1);
  EXPECT_EQ(e.violations[0].resource, Resource::kDesign);
  EXPECT_STREQ(e.violations[0].field, "weight DMA channels");
  EXPECT_EQ(e.violations[0].needed, 16);
  EXPECT_EQ(e.violations[0].available, kAccDnnDmaChannels);
  EXPECT_EQ(describe(e.violations[0]).rfind("weight DMA channels needed 16 > available 15", 0), 0u)
      << describe(e.violations[0]);
  // One layer's weights in on-chip ROM leave 15 channels: buildable.
  PipelineDesign one_rom = all_streamed;
  one_rom.stages[3].weights_on_chip = true;
  Estimate f;
  evaluate_pipeline_part(w, 16, one_rom, budget, f);
  EXPECT_TRUE(f.feasible);
  // The first 15 stages alone need no ROM.
  Estimate g;
  PipelineDesign fifteen{.stages = std::vector<StageParallelism>(15, {.cpf = 1, .kpf = 2}),
                         .batch = 1};
  evaluate_pipeline_part(w, 15, fifteen, budget, g);
  EXPECT_TRUE(g.feasible);
}

TEST(AccDnnCosts, WeightsOnChipFollowTheSmallestThreshold) {
  // Stage sizes: a chain whose channel counts differ, so the weights do.
  NetworkBuilder b("mixed");
  LayerId x = b.input("in", {4, 8, 8});
  const std::vector<int64_t> outs = {4, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
                                     16, 16, 32};
  for (size_t i = 0; i < outs.size(); ++i) x = b.conv("c" + std::to_string(i), x, conv3x3(outs[i]));
  b.pool("pool", x, {.kernel_h = 2, .kernel_w = 2, .stride_h = 2, .stride_w = 2});
  const Workload w = make_workload(b.build());
  // 18 weighted stages: 3 must keep their weights; the three smallest are c0 (4x4x9), c1
  // (8x4x9) and c2 (8x8x9, tied with nobody), so the threshold is c2's size.
  const std::vector<bool> rom = accdnn_weights_on_chip(w, w.stage_count());
  ASSERT_EQ(rom.size(), static_cast<size_t>(w.stage_count()));
  EXPECT_EQ(std::count(rom.begin(), rom.end(), true), 3);
  EXPECT_TRUE(rom[0] && rom[1] && rom[2]);
  EXPECT_FALSE(rom.back());  // the pooling stage has no weights
  // Ties go together, as a threshold takes them: 16 equal layers, one over -> all on chip.
  const Workload same = make_workload(conv_chain(16, 8));
  const std::vector<bool> all = accdnn_weights_on_chip(same, 16);
  EXPECT_EQ(std::count(all.begin(), all.end(), true), 16);
  // Within the limit nothing moves.
  const std::vector<bool> none = accdnn_weights_on_chip(same, 15);
  EXPECT_EQ(std::count(none.begin(), none.end(), true), 0);
}

TEST(AccDnnCosts, EightBitLayersOfAnEvenKernelCountTakeKpfTwo) {
  const Workload w = make_workload(testnets::one_conv());  // M = 8
  const StageLayer& s = w.stage(0);
  EXPECT_TRUE(accdnn_stage_problem(s, 1, 1, 8).has_value());
  EXPECT_FALSE(accdnn_stage_problem(s, 1, 2, 8).has_value());
  EXPECT_FALSE(accdnn_stage_problem(s, 1, 1, 16).has_value());
  // An odd kernel count keeps KPF 1 (no DSP split).
  NetworkBuilder b("odd");
  b.conv("conv", b.input("in", {4, 8, 8}), conv3x3(7));
  const Workload odd = make_workload(b.build());
  EXPECT_FALSE(accdnn_stage_problem(odd.stage(0), 1, 1, 8).has_value());
}

}  // namespace
}  // namespace dnne
