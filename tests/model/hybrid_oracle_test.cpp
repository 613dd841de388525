// The hybrid composition against hand derivations (docs/spec/MODELS.md 5; docs/models.md 5), on the
// conv -> pool -> fc network whose parts pipeline_oracle_test and generic_oracle_test derive.
#include <gtest/gtest.h>

#include "model/small_networks.h"

namespace dnne {
namespace {

Design conv_pipelined() {
  // Part A = the conv (CPF 1, KPF 2); part B = pool + fc on a 1 x 2 engine.
  return {.split_point = 1,
          .pipeline = {.stages = {{.cpf = 1, .kpf = 2}}, .batch = 1},
          .generic = {.p_in = 1,
                      .p_out = 2,
                      .batch = 1,
                      .input_buffer_bram18 = 2,
                      .weight_buffer_bram18 = 2,
                      .output_buffer_bram18 = 2},
          .split = {.pipeline_dsp = 8, .pipeline_bram18 = 22, .pipeline_dram_bw_gbps = 0.5}};
}

TEST(HybridOracle, SplitAfterTheConv) {
  const Workload w = make_workload(testnets::conv_pool_fc());
  const Estimate e = evaluate(w, conv_pipelined(), testnets::budget(16, 32, 1.0));
  EXPECT_TRUE(e.feasible) << describe(e.violations[0]);
  // Part A (8 DSP, 22 BRAM18, 0.5 GB/s = 40 bits/cycle): the conv takes 144 cycles, 2 DSP
  // lanes + 6 for its controller, 17 BRAM18 (cache 1 + weights 15 behind AccDNN's 512-bit DDR
  // port + bias 1, pipeline_oracle_test's ConvPoolFcWithBatch). Its output now goes to DRAM for
  // part B: 1152 weight bits
  // + (16 input + 32 output) x 16 = 1920 bits per frame, 48 cycles at 40 bits/cycle < 144.
  EXPECT_DOUBLE_EQ(e.pipeline.throughput_fps, 100e6 / 144);
  EXPECT_EQ(e.pipeline.dsp, 8);
  EXPECT_EQ(e.pipeline.bram18, 17);
  // Part B (8 DSP: 2 lanes + 6 for the engine's control, 10 BRAM18, 0.5 GB/s = 5 bytes/cycle),
  // reading the conv's output: pool: compute 16, DRAM (32 + 8) * 2 = 80 bytes = 16 cycles, fill +
  // drain 20 elements
  // * 2 / 5 = 8: 24. fc: compute 16, DRAM 70 bytes = 14 cycles, fill + drain 11 * 2 / 5 =
  // 4.4: floor(20.4) = 20.
  EXPECT_EQ(e.layers[1].cycles, 24);
  EXPECT_EQ(e.layers[2].cycles, 20);
  EXPECT_DOUBLE_EQ(e.generic.throughput_fps, 100e6 / 44);
  // throughput = min(A, B); latency = A + B = 144 + 44 cycles.
  EXPECT_DOUBLE_EQ(e.throughput_fps, 100e6 / 144);
  EXPECT_NEAR(e.latency_ms, 188 / 100e6 * 1e3, 1e-12);
  EXPECT_EQ(e.dsp_used, 16);
  EXPECT_EQ(e.bram18_used, 23);
  // Part B idles 100 of every 144 cycles: it draws (80 + 70) bytes per frame at 100e6/144
  // frames/s; part A 1920 bits per frame.
  const double fps = 100e6 / 144;
  EXPECT_NEAR(e.dram_bw_gbps_used, (1920.0 / 8 + 150) * fps / 1e9, 1e-12);
  // MACs: conv 2*16*9 = 288, fc 24: GOP/s = 2 * 312 * fps / 1e9; DSP efficiency against
  // 16 DSPs' peak 2 * 100 MHz * 16.
  EXPECT_NEAR(e.throughput_gops, 2.0 * 312 * fps / 1e9, 1e-12);
  EXPECT_NEAR(e.dsp_efficiency, e.throughput_gops / (2 * 0.1 * 16), 1e-12);
  // The conv binds on its DSPs; part B is faster and waits on it.
  EXPECT_EQ(e.layers[0].bound, Bound::kDsp);
  EXPECT_EQ(e.layers[1].bound, Bound::kDependency);
  EXPECT_EQ(e.layers[2].bound, Bound::kDependency);
  EXPECT_EQ(e.layers[0].part, Part::kPipeline);
  EXPECT_EQ(e.layers[2].part, Part::kGeneric);
}

TEST(HybridOracle, PureSplitsReproduceTheParts) {
  const Workload w = make_workload(testnets::conv_pool_fc());
  const Budget budget = testnets::budget(20, 40, 1.0);
  const PartBudget whole = testnets::part_budget(20, 40, 1.0);
  Design d = conv_pipelined();
  d.split_point = 3;
  d.pipeline = {.stages = {{.cpf = 1, .kpf = 2}, {.cpf = 1, .kpf = 2}, {.cpf = 4, .kpf = 1}},
                .batch = 2};
  const Estimate all_a = evaluate(w, d, budget);
  Estimate part_a;
  evaluate_pipeline_part(w, 3, d.pipeline, whole, part_a);
  EXPECT_EQ(all_a.throughput_fps, part_a.pipeline.throughput_fps);
  EXPECT_EQ(all_a.latency_ms, part_a.pipeline.latency_ms);
  EXPECT_EQ(all_a.dsp_used, part_a.pipeline.dsp);
  EXPECT_EQ(all_a.bram18_used, part_a.pipeline.bram18);
  EXPECT_EQ(all_a.dram_bw_gbps_used, part_a.pipeline.dram_bw_gbps);
  d.split_point = 0;
  const Estimate all_b = evaluate(w, d, budget);
  Estimate part_b;
  evaluate_generic_part(w, 0, d.generic, whole, part_b);
  EXPECT_EQ(all_b.throughput_fps, part_b.generic.throughput_fps);
  EXPECT_EQ(all_b.latency_ms, part_b.generic.latency_ms);
  EXPECT_EQ(all_b.dsp_used, part_b.generic.dsp);
  EXPECT_EQ(all_b.bram18_used, part_b.generic.bram18);
  EXPECT_EQ(all_b.dram_bw_gbps_used, part_b.generic.dram_bw_gbps);
}

}  // namespace
}  // namespace dnne

namespace dnne {
namespace {

// The worst frame's latency when the parts' batches differ (docs/models.md 5).
TEST(HybridOracle, BatchMismatchAtTheHandOff) {
  const Workload w = make_workload(testnets::conv_pool_fc());
  Design d = conv_pipelined();
  // The pipeline hands over 5 frames per period; the engine takes 2 per pass: the last frame
  // waits for ceil(5 / 2) = 3 passes.
  d.pipeline.batch = 5;
  d.generic.batch = 2;
  d.split.pipeline_dsp = 16;
  const Budget budget = testnets::budget(24, 32, 1.0);
  const Estimate e = evaluate(w, d, budget);
  ASSERT_TRUE(e.feasible) << describe(e.violations[0]);
  EXPECT_NEAR(e.latency_ms, e.pipeline.latency_ms + 3 * e.generic.latency_ms, 1e-12);
  // The engine takes 3 frames per pass from a pipeline handing over 1: the first frame of a
  // pass waits 2 more pipeline periods (1 / fps each) for the rest of its batch, then a pass.
  d.pipeline.batch = 1;
  d.generic.batch = 3;
  const Estimate g = evaluate(w, d, budget);
  ASSERT_TRUE(g.feasible) << describe(g.violations[0]);
  EXPECT_NEAR(g.latency_ms,
              g.pipeline.latency_ms + 2 * 1e3 / g.pipeline.throughput_fps + g.generic.latency_ms,
              1e-12);
  // Equal batches: one pass after the pipeline, as before.
  d.generic.batch = 1;
  const Estimate same = evaluate(w, d, budget);
  EXPECT_NEAR(same.latency_ms, same.pipeline.latency_ms + same.generic.latency_ms, 1e-12);
}

}  // namespace
}  // namespace dnne
