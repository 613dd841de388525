// URAM and LUT as resources (issue 8, item 1): the URAM288 mapping, the per-unit LUT model by
// hand, its calibration against PG338, and a LUT budget that makes a design infeasible
// (docs/models.md 2.2 and 3.3).
#include <gtest/gtest.h>

#include "model/bram_mapping.h"
#include "model/evaluate.h"
#include "model/lut_model.h"
#include "small_networks.h"

namespace dnne {
namespace {

TEST(UramMapping, FixedFourKBySeventyTwo) {
  EXPECT_EQ(uram_for_memory(72, 4096), 1);
  EXPECT_EQ(uram_for_memory(73, 4096), 2);   // a second column: no other width (UG573)
  EXPECT_EQ(uram_for_memory(8, 4097), 2);    // narrow words waste the width, not the depth
  EXPECT_EQ(uram_for_memory(144, 10000), 6);  // 2 columns x 3 deep
  EXPECT_EQ(uram_for_memory(0, 10), 0);
}

TEST(UramMapping, DeepWideBuffersMoveNarrowOrShallowOnesStay) {
  // 64 x 147,456: BRAM18 2 columns of 36x512 x 288 deep = 576 (every aspect ratio gives 576);
  // URAM 1 column x 36 deep = 36, and 36 x 6 < 576: URAM.
  EXPECT_EQ(bram18_for_memory(64, 147456), 576);
  const MemoryBlocks deep = map_memory(64, 147456, true);
  EXPECT_EQ(deep.uram, 36);
  EXPECT_EQ(deep.bram18, 0);
  // Without URAM in the budget it stays in BRAM18.
  const MemoryBlocks no_uram = map_memory(64, 147456, false);
  EXPECT_EQ(no_uram.bram18, 576);
  EXPECT_EQ(no_uram.uram, 0);
  // 16 x 589,824: 576 BRAM18, or 144 URAM (a 16-bit word in a 72-bit row): 864 > 576, BRAM.
  const MemoryBlocks narrow = map_memory(16, 589824, true);
  EXPECT_EQ(narrow.bram18, 576);
  EXPECT_EQ(narrow.uram, 0);
  // 512 x 576 (a shallow weight port): 15 BRAM18 columns x 2 = 29 at 18x1K; URAM 8 x 1 = 8,
  // 48 > 29: BRAM.
  const MemoryBlocks shallow = map_memory(512, 576, true);
  EXPECT_EQ(shallow.uram, 0);
  EXPECT_GT(shallow.bram18, 0);
}

TEST(UramMapping, PipelineStageWeightsOnChipGoToUram) {
  // conv 256 -> 256, 3x3 on 8x8, CPF 4, KPF 1, weights on chip, 16 bits: the weight memory is
  // 64 bits x 256 x 64 x 9 = 147,456 deep, the case above (576 BRAM18 or 36 URAM). The column
  // cache, 64 bits x (256 / 4 channels x 8 rows x 4 columns) = 2,048 deep, is 8 BRAM18 (two
  // 36x512 columns, 4 deep) or 1 URAM: it moves too. 37 URAM in all, 584 BRAM18 fewer.
  NetworkBuilder b("big_conv");
  b.conv("conv", b.input("in", {256, 8, 8}), testnets::conv3x3(256));
  const Workload w = make_workload(b.build());
  Budget budget{.dsp = 1000, .bram18 = 2000, .uram = 0, .dram_bw_gbps = 10, .clock_mhz = 200};
  const StageParallelism p{.cpf = 4, .kpf = 1, .weights_on_chip = true};
  const StageCost in_bram = pipeline_stage_cost(w, 0, p, 1, budget);
  budget.uram = 100;
  const StageCost in_uram = pipeline_stage_cost(w, 0, p, 1, budget);
  EXPECT_EQ(in_uram.uram, 37);
  EXPECT_EQ(in_bram.bram18 - in_uram.bram18, 584);
  EXPECT_EQ(in_bram.uram, 0);
  // Too little URAM for it is a violation naming URAM.
  budget.uram = 20;
  Design d{.split_point = 1, .pipeline = {.stages = {p}}, .precision_bits = 16};
  const Estimate e = evaluate(w, d, budget);
  EXPECT_FALSE(e.feasible);
  EXPECT_EQ(e.uram_used, 37);
  bool named = false;
  for (int i = 0; i < e.violation_count && i < 4; ++i)
    named = named || describe(e.violations[static_cast<size_t>(i)]) == "URAM needed 37 > available 20";
  EXPECT_TRUE(named);
}

// one_conv: in 4x8x8 -> conv 3x3 pad 1 -> 8x8x8, CPF 2, KPF 4, 16 bits. The adder tree of
// each KPF lane sums 2 products: 1 adder of 2*16 + ceil(log2 2) = 33 bits, plus an
// accumulator of 2*16 + ceil(log2(4*9)) = 38 bits: 71 bits a lane, 284 for 4 lanes, times
// 0.64 = 181.76 -> 182 LUT; plus the stage controller's 500: 682.
TEST(LutModel, PipelineStageByHand) {
  const Workload w = make_workload(testnets::one_conv());
  const Budget budget{.dsp = 100, .bram18 = 100, .dram_bw_gbps = 10, .clock_mhz = 200};
  Design d{.split_point = 1, .pipeline = {.stages = {{.cpf = 2, .kpf = 4}}}, .precision_bits = 16};
  const Estimate e = evaluate(w, d, budget);
  EXPECT_TRUE(e.feasible);
  EXPECT_EQ(e.lut_used, 682);
  // Batch 2 replicates the adder trees, not the controller: 2 * 182 + 500.
  d.pipeline.batch = 2;
  EXPECT_EQ(evaluate(w, d, budget).lut_used, 864);
}

// The same conv on a generic engine of 2 x 4 lanes, 16 bits: control 19,985; adder trees 182
// (as above, the engine's layers sum 36 terms: 38-bit accumulators); 4 pooling lanes of
// ceil(0.64 * 32) = 21 and 4 element-wise lanes of ceil(0.64 * 16) = 11: 128. Total 20,295.
// With F(2x2,3x3): the input transform 2 adds x 2 lanes x (16 + 2) bits = 72, the output
// transform 1.5 x 4 lanes x 38 bits = 228: 300 bits, 192 LUT more.
TEST(LutModel, GenericEngineByHand) {
  const Workload w = make_workload(testnets::one_conv());
  const Budget budget{.dsp = 100, .bram18 = 100, .dram_bw_gbps = 10, .clock_mhz = 200};
  Design d{.split_point = 0,
           .generic = {.p_in = 2,
                       .p_out = 4,
                       .input_buffer_bram18 = 4,
                       .weight_buffer_bram18 = 4,
                       .output_buffer_bram18 = 8},
           .precision_bits = 16};
  EXPECT_EQ(evaluate(w, d, budget).lut_used, 20295);
  d.generic.winograd_m = 2;
  EXPECT_EQ(evaluate(w, d, budget).lut_used, 20295 + 192);
}

// The calibration: PG338 v1.2 table 9, low DSP usage (DSPs multiply only, every adder in
// LUTs), 8-bit, accumulators taken as 32 bits. The model's engine (control + ICP-input adder
// trees for PP x OCP outputs) is within -9 % .. +21 % of all eight rows
// (docs/reference-data.md 1.3; the least-squares fit's residuals).
TEST(LutModel, CalibratedOnPg338) {
  struct Row {
    int pp, icp, ocp;
    double lut;
  };
  const Row rows[] = {{4, 8, 8, 20759},    {4, 10, 10, 21050}, {8, 8, 8, 29155},
                      {4, 12, 12, 30043},  {8, 10, 10, 33130}, {8, 12, 12, 37055},
                      {8, 14, 14, 41714},  {8, 16, 16, 44583}};
  for (const Row& r : rows) {
    const double model = static_cast<double>(
        model::kLutPerEngine + model::adder_tree_lut(r.icp, int64_t{r.pp} * r.ocp, 8, 32));
    EXPECT_GT(model, 0.90 * r.lut) << r.pp << "x" << r.icp << "x" << r.ocp;
    EXPECT_LT(model, 1.22 * r.lut) << r.pp << "x" << r.icp << "x" << r.ocp;
  }
}

TEST(LutModel, TooFewLutsIsAViolationNamingLut) {
  const Workload w = make_workload(testnets::one_conv());
  Budget budget{.dsp = 100, .bram18 = 100, .lut = 600, .dram_bw_gbps = 10, .clock_mhz = 200};
  const Design d{
      .split_point = 1, .pipeline = {.stages = {{.cpf = 2, .kpf = 4}}}, .precision_bits = 16};
  const Estimate e = evaluate(w, d, budget);
  ASSERT_FALSE(e.feasible);
  EXPECT_EQ(e.violations[0].resource, Resource::kLut);
  EXPECT_EQ(describe(e.violations[0]), "LUT needed 682 > available 600");
  // A budget without a LUT count (0: the device file states none) does not check LUTs.
  budget.lut = 0;
  EXPECT_TRUE(evaluate(w, d, budget).feasible);
  budget.lut = 682;
  EXPECT_TRUE(evaluate(w, d, budget).feasible);
}

}  // namespace
}  // namespace dnne
