// Infeasible designs are values: each violation names the resource, the need and the budget,
// and bad design parameters never crash or divide by zero.
#include <gtest/gtest.h>

#include <cmath>

#include "model/device_fit.h"
#include "model/small_networks.h"

namespace dnne {
namespace {

Design pipeline_design(int cpf, int kpf, int batch) {
  return {.split_point = 1, .pipeline = {.stages = {{.cpf = cpf, .kpf = kpf}}, .batch = batch}};
}

TEST(Violations, OverBudgetTotalsNameTheResource) {
  const Workload w = make_workload(testnets::one_conv());
  // CPF 2 x KPF 4 = 8 DSP + 6 for the controller and 18 BRAM18 (pipeline_oracle_test) on a 4 DSP,
  // 3 BRAM18 budget.
  const Estimate e = evaluate(w, pipeline_design(2, 4, 1), testnets::budget(4, 3));
  EXPECT_FALSE(e.feasible);
  ASSERT_EQ(e.violation_count, 2);
  EXPECT_EQ(e.violations[0].resource, Resource::kDsp);
  EXPECT_EQ(describe(e.violations[0]), "DSP needed 14 > available 4");
  EXPECT_EQ(describe(e.violations[1]), "BRAM18 needed 18 > available 3");
  // Still a full estimate: the search can rank how far off it is.
  EXPECT_GT(e.throughput_fps, 0);
}

TEST(Violations, EachPartsViolationsCarryItsScope) {
  const Workload w = make_workload(testnets::one_conv());
  const Estimate e = evaluate(w, pipeline_design(2, 4, 1), testnets::budget(4, 3));
  ASSERT_EQ(e.violation_count, 2);
  EXPECT_EQ(e.violations[0].scope, Scope::kPipeline);
  EXPECT_EQ(e.violations[1].scope, Scope::kPipeline);
  EXPECT_EQ(scope_name(Scope::kGeneric), "generic");
}

// A budget over the device comes first, described as a budget, and the model's violations
// are kept (and counted past the fixed array).
TEST(Violations, BudgetOverTheDeviceIsListedFirst) {
  const Workload w = make_workload(testnets::one_conv());
  Budget budget = testnets::budget(4, 3);
  Estimate e = evaluate(w, pipeline_design(2, 4, 1), budget);
  Device device{.name = "small", .dsp = 2, .bram18 = 3, .dram_bw_gbps = budget.dram_bw_gbps / 2};
  add_device_violations(budget, device, e);
  ASSERT_EQ(e.violation_count, 4);
  EXPECT_FALSE(e.feasible);
  EXPECT_EQ(e.violations[0].scope, Scope::kDevice);
  EXPECT_STREQ(e.violations[0].field, "budget.dsp");
  EXPECT_EQ(describe(e.violations[0]), "DSP budget 4 > available 2 (budget.dsp)");
  EXPECT_STREQ(e.violations[1].field, "budget.dram_bw_gbps");
  EXPECT_EQ(describe(e.violations[2]), "DSP needed 14 > available 4");
  EXPECT_EQ(describe(e.violations[3]), "BRAM18 needed 18 > available 3");

  // Five violations: four kept, all counted.
  device.bram18 = 1;
  Estimate more = evaluate(w, pipeline_design(2, 4, 1), budget);
  add_device_violations(budget, device, more);
  EXPECT_EQ(more.violation_count, 5);
  EXPECT_EQ(describe(more.violations[3]), "DSP needed 14 > available 4");

  // A budget within the device adds nothing. (CPF 1, KPF 1 with its weights in ROM: 16 bits x
  // 8 * 36 -> 1 block, bias 1, cache 1: 3 BRAM18.)
  Design small = pipeline_design(1, 1, 1);
  small.pipeline.stages[0].weights_on_chip = true;
  small.pipeline.dsp_overhead = {.weighted_stage = 0};
  Estimate fits = evaluate(w, small, budget);
  ASSERT_TRUE(fits.feasible);
  add_device_violations(budget, {.dsp = 4, .bram18 = 3, .dram_bw_gbps = budget.dram_bw_gbps}, fits);
  EXPECT_TRUE(fits.feasible);
  EXPECT_EQ(fits.violation_count, 0);
}

TEST(Violations, BadDesignParametersNeverCrash) {
  const Workload w = make_workload(testnets::conv_pool_fc());
  const Budget budget = testnets::budget(100, 100);
  Design d = pipeline_design(0, -3, 0);
  d.split_point = 3;  // but only one stage entry
  const Estimate e = evaluate(w, d, budget);
  EXPECT_FALSE(e.feasible);
  EXPECT_GE(e.violation_count, 4);
  EXPECT_EQ(describe(e.violations[0]),
            "design has 1 pipeline stage entries, its split point needs 3");
  EXPECT_EQ(describe(e.violations[1]), "design field 'batch' must be >= 1, got 0");
  EXPECT_EQ(describe(e.violations[2]), "design field 'cpf' must be >= 1, got 0 (stage 0)");
  EXPECT_EQ(describe(e.violations[3]), "design field 'kpf' must be >= 1, got -3 (stage 0)");
  EXPECT_TRUE(std::isfinite(e.throughput_fps));
  EXPECT_TRUE(std::isfinite(e.latency_ms));

  Design g{.split_point = 0, .generic = {.p_in = 0, .p_out = 0, .batch = -1}};
  const Estimate ge = evaluate(w, g, budget);
  EXPECT_FALSE(ge.feasible);
  EXPECT_EQ(describe(ge.violations[0]), "design field 'p_in' must be >= 1, got 0");
  EXPECT_TRUE(std::isfinite(ge.throughput_fps));

  Design out_of_range{.split_point = 7, .clock_mhz = -1};
  const Estimate oe = evaluate(w, out_of_range, Budget{});
  EXPECT_FALSE(oe.feasible);
  EXPECT_EQ(describe(oe.violations[0]), "design field 'clock_mhz' must be > 0, got 0");
  EXPECT_EQ(describe(oe.violations[1]), "design field 'split_point' must be in [0, 3], got 7");
  EXPECT_TRUE(std::isfinite(oe.throughput_fps));
}

TEST(Violations, SplitBeyondTheBudget) {
  const Workload w = make_workload(testnets::conv_pool_fc());
  Design d{.split_point = 1,
           .pipeline = {.stages = {{.cpf = 1, .kpf = 2}}},
           .generic = {.p_in = 1,
                       .p_out = 2,
                       .input_buffer_bram18 = 2,
                       .weight_buffer_bram18 = 2,
                       .output_buffer_bram18 = 2},
           .split = {.pipeline_dsp = 50, .pipeline_bram18 = 17, .pipeline_dram_bw_gbps = 0.5}};
  const Estimate e = evaluate(w, d, testnets::budget(10, 30));
  EXPECT_FALSE(e.feasible);
  EXPECT_EQ(describe(e.violations[0]), "DSP needed 50 > available 10 (split.pipeline_dsp)");
  // Part B is left with no DSP at all: its engine's 2 + 6 DSPs are over its share.
  EXPECT_EQ(describe(e.violations[1]), "DSP needed 8 > available 0");
}

TEST(Violations, NoBandwidthForAStreamingDesign) {
  const Workload w = make_workload(testnets::one_conv());
  const Estimate e = evaluate(w, pipeline_design(2, 4, 1), testnets::budget(100, 100, 0.0));
  EXPECT_FALSE(e.feasible);
  EXPECT_EQ(e.violations[0].resource, Resource::kBandwidth);
  EXPECT_EQ(describe(e.violations[0]), "DRAM bandwidth needed 0.27 GB/s > available 0 GB/s");
}

TEST(Violations, Names) {
  EXPECT_EQ(bound_name(Bound::kDsp), "dsp");
  EXPECT_EQ(bound_name(Bound::kBram), "bram");
  EXPECT_EQ(bound_name(Bound::kBandwidth), "bandwidth");
  EXPECT_EQ(bound_name(Bound::kDependency), "dependency");
  EXPECT_EQ(bound_name(Bound::kNone), "none");
  EXPECT_EQ(part_name(Part::kPipeline), "pipeline");
  EXPECT_EQ(part_name(Part::kGeneric), "generic");
  EXPECT_EQ(resource_name(Resource::kBram18), "bram18");
  EXPECT_EQ(resource_name(Resource::kDesign), "design");
}

}  // namespace
}  // namespace dnne
