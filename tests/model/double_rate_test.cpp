// The optional double-rate DSP clock (issue 8, item 2; docs/models.md 2.4): DSPs at twice the
// fabric clock as Xilinx's DPU runs them (PG338 dpu_2x_clk), each slice doing two fabric
// cycles' multiplies, and capped by the family's DSP Fmax from its data sheet.
#include <gtest/gtest.h>

#include "device/dsp_arithmetic.h"
#include "model/evaluate.h"
#include "small_networks.h"

namespace dnne {
namespace {

TEST(DoubleRate, HalvesTheSlicesOfAnArray) {
  const DspRate plain = dsp_rate(DspFamily::kDsp48E2, 16, Operands::kDense, false);
  const DspRate fast = dsp_rate(DspFamily::kDsp48E2, 16, Operands::kDense, true);
  EXPECT_EQ(dsps_for_array(4, 4, plain), 16);
  EXPECT_EQ(dsps_for_array(4, 4, fast), 8);
  EXPECT_EQ(dsps_for_array(3, 3, fast), 5);  // ceil(9 / 2): a slice cannot be split
  // 8 bits: two packed products per slice, two fabric cycles per slice: 4 MACs per DSP, the
  // DPU's ratio (PG338 low-DSP rows: PP x ICP x OCP / 4 + 2, docs/reference-data.md 1.3).
  const DspRate packed = dsp_rate(DspFamily::kDsp48E2, 8, Operands::kDense, true);
  EXPECT_DOUBLE_EQ(packed.peak_multiplies_per_dsp(), 4.0);
  EXPECT_EQ(dsps_for_array(16, 16, packed), 64);
}

// one_conv (4 -> 8, 3x3 on 8x8) with CPF 2, KPF 4 at 16 bits: 8 lanes on 8 DSPs, or 4 at the
// double rate, plus the stage controller's 6; the same cycles.
TEST(DoubleRate, SameSpeedOnHalfTheDspsWithinTheFmax) {
  const Workload w = make_workload(testnets::one_conv());
  const Budget budget{.dsp = 100, .bram18 = 100, .dram_bw_gbps = 10, .clock_mhz = 200,
                      .dsp_family = DspFamily::kDsp48E2};
  Design d{.split_point = 1, .pipeline = {.stages = {{.cpf = 2, .kpf = 4}}}, .precision_bits = 16};
  const Estimate plain = evaluate(w, d, budget);
  d.dsp_double_rate = true;
  const Estimate fast = evaluate(w, d, budget);
  ASSERT_TRUE(fast.feasible);
  EXPECT_EQ(plain.dsp_used, 14);
  EXPECT_EQ(fast.dsp_used, 10);
  EXPECT_DOUBLE_EQ(fast.throughput_fps, plain.throughput_fps);
  // DSP efficiency is measured against the doubled peak: 4 array DSPs doing 8 lanes' work.
  EXPECT_NEAR(fast.dsp_efficiency * 2 * 10, plain.dsp_efficiency * 14, 1e-12);
}

TEST(DoubleRate, CappedByTheDspFmax) {
  const Workload w = make_workload(testnets::one_conv());
  Budget budget{.dsp = 100, .bram18 = 100, .dram_bw_gbps = 10, .clock_mhz = 387.5,
                .dsp_family = DspFamily::kDsp48E2};
  Design d{.split_point = 1,
           .pipeline = {.stages = {{.cpf = 2, .kpf = 4}}},
           .precision_bits = 16,
           .dsp_double_rate = true};
  // 2 x 387.5 = 775 MHz, DSP48E2's Fmax at -2 (DS922/DS923/DS925): allowed.
  EXPECT_TRUE(evaluate(w, d, budget).feasible);
  budget.clock_mhz = 400;  // 800 MHz DSP clock: over
  Estimate e = evaluate(w, d, budget);
  ASSERT_FALSE(e.feasible);
  EXPECT_EQ(describe(e.violations[0]),
            "design field 'dsp_double_rate': the DSP clock 2 x f = 800 MHz exceeds the DSP "
            "family's 775 MHz (data sheet Fmax, docs/models.md 2.4)");
  // DSP58 runs to 1,070 MHz (DS960): 400 MHz doubled is fine there.
  budget.dsp_family = DspFamily::kDsp58;
  EXPECT_TRUE(evaluate(w, d, budget).feasible);
  // DSP48E1: no sourced Fmax, so the double rate is refused at any clock.
  budget.dsp_family = DspFamily::kDsp48E1;
  budget.clock_mhz = 100;
  e = evaluate(w, d, budget);
  ASSERT_FALSE(e.feasible);
  EXPECT_NE(describe(e.violations[0]).find("no sourced DSP Fmax"), std::string::npos);
}

}  // namespace
}  // namespace dnne
