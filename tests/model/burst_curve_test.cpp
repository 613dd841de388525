// DRAM efficiency by transfer length (issue 8, item 3; docs/models.md 2.3): Caffeine's curve,
// its checks, and what it does to a design's DRAM time, hand-derived on one convolution.
#include <gtest/gtest.h>

#include <cmath>

#include "device/burst_curve.h"
#include "device/catalog.h"
#include "model/evaluate.h"
#include "small_networks.h"

namespace dnne {
namespace {

TEST(BurstCurve, CaffeinesPointsAndBetween) {
  const BurstCurve c = caffeine_burst_curve();
  EXPECT_DOUBLE_EQ(burst_efficiency(c, 1024), 1.0 / 12.8);
  EXPECT_DOUBLE_EQ(burst_efficiency(c, 128 * 1024), 10.0 / 12.8);
  EXPECT_DOUBLE_EQ(burst_efficiency(c, 1 << 30), 10.0 / 12.8);  // no more past the last point
  // Linear in log2(bytes): 2^13.5 bytes is halfway between 2^10 and 2^17.
  EXPECT_NEAR(burst_efficiency(c, std::pow(2.0, 13.5)), (1.0 / 12.8 + 10.0 / 12.8) / 2, 1e-12);
  // Below the first point the per-transaction cost dominates: in proportion to the length.
  EXPECT_DOUBLE_EQ(burst_efficiency(c, 256), 0.25 / 12.8);
  EXPECT_DOUBLE_EQ(burst_efficiency(BurstCurve{}, 64), 1.0);  // empty: an ideal memory
}

TEST(BurstCurve, NeverDecreasesWithLength) {
  const BurstCurve c = caffeine_burst_curve();
  double last = 0;
  for (double bytes = 1; bytes < 1e9; bytes *= 1.7) {
    const double e = burst_efficiency(c, bytes);
    EXPECT_GE(e, last) << bytes;
    EXPECT_LE(e, 1.0);
    last = e;
  }
}

TEST(BurstCurve, ProblemsNameThePoint) {
  BurstCurve c;
  EXPECT_NE(burst_curve_problem(c), "");
  c.count = 2;
  c.points[0] = {.bytes = 4096, .efficiency = 0.5};
  c.points[1] = {.bytes = 1024, .efficiency = 0.9};
  EXPECT_EQ(burst_curve_problem(c),
            "burst_curve point 2: bytes must be greater than the previous point's");
  c.points[1] = {.bytes = 8192, .efficiency = 0.4};
  EXPECT_EQ(burst_curve_problem(c),
            "burst_curve point 2: efficiency must not be below the previous point's (longer "
            "bursts are never slower)");
  c.points[1] = {.bytes = 8192, .efficiency = 1.5};
  EXPECT_EQ(burst_curve_problem(c), "burst_curve point 2: efficiency must be in (0, 1]");
  c.points[1] = {.bytes = 8192, .efficiency = 1.0};
  EXPECT_EQ(burst_curve_problem(c), "");
}

TEST(BurstCurve, EveryCatalogDeviceHasCaffeinesCurveInItsBudget) {
  for (const Device& d : device_catalog()) {
    const Budget b = default_budget(d);
    ASSERT_EQ(b.burst_curve.count, 2) << d.name;
    EXPECT_DOUBLE_EQ(burst_efficiency(b.burst_curve, 128 * 1024), 10.0 / 12.8) << d.name;
  }
}

// one_conv: 4 -> 8 channels, 3x3 pad 1 on 8x8, at 16 bits, CPF 2, KPF 4, weights streamed.
// The stage reads its 8 x 4 x 9 = 288 weights once per output column (Q = 8): 288 x 8 x 16 =
// 36,864 bits a frame, in refills of one kernel group, 4 x 4 x 9 x 2 = 288 bytes, which get
// 288 / 1024 x (1 / 12.8) of the link. The input, 4 x 8 x 8 x 16 = 4,096 bits, comes in lines
// of 8 x 4 x 2 = 64 bytes; the output, 8 x 8 x 8 x 16 = 8,192 bits, leaves in lines of 128
// bytes. At 0.1 GB/s and 100 MHz the link moves 8 bits a cycle, so the frame takes the sum of
// the bits over their efficiencies, / 8, cycles: far more than its compute.
TEST(BurstCurve, PipelineDramTimeIsEachStreamOverItsEfficiency) {
  const Workload w = make_workload(testnets::one_conv());
  Budget budget{.dsp = 100, .bram18 = 100, .dram_bw_gbps = 0.1, .clock_mhz = 100,
                .dsp_family = DspFamily::kDsp48E2};
  const Design d{.split_point = 1, .pipeline = {.stages = {{.cpf = 2, .kpf = 4}}}};
  const Estimate ideal = evaluate(w, d, budget);
  budget.burst_curve = caffeine_burst_curve();
  const Estimate real = evaluate(w, d, budget);
  const double e1 = 1.0 / 12.8;
  const double link_bits = 36864 / (288.0 / 1024 * e1) + 4096 / (64.0 / 1024 * e1) +
                           8192 / (128.0 / 1024 * e1);
  const double ideal_bits = 36864 + 4096 + 8192;
  EXPECT_NEAR(ideal.throughput_fps, 100e6 / (ideal_bits / 8), 1e-6 * ideal.throughput_fps);
  EXPECT_NEAR(real.throughput_fps, 100e6 / (link_bits / 8), 1e-6 * real.throughput_fps);
  // The bandwidth reported is what the design moves: the payload per second, below the link.
  EXPECT_NEAR(real.dram_bw_gbps_used, ideal_bits / 8 * real.throughput_fps / 1e9, 1e-9);
  EXPECT_LT(real.dram_bw_gbps_used, 0.1);
}

// The curve never makes a design faster, on the generic engine and the hybrid too.
TEST(BurstCurve, NeverFasterThanAnIdealMemory) {
  const Workload w = make_workload(testnets::two_convs());
  for (const int split : {0, 1, 2}) {
    Budget budget{.dsp = 200, .bram18 = 200, .dram_bw_gbps = 0.5, .clock_mhz = 200,
                  .dsp_family = DspFamily::kDsp48E2};
    Design d{.split_point = split,
             .pipeline = {.stages = {{.cpf = 2, .kpf = 4}, {.cpf = 2, .kpf = 2}}},
             .generic = {.p_in = 4, .p_out = 4, .input_buffer_bram18 = 8,
                         .weight_buffer_bram18 = 8, .output_buffer_bram18 = 8}};
    d.pipeline.stages.resize(static_cast<size_t>(split));
    if (split > 0 && split < 2)
      d.split = {.pipeline_dsp = 100, .pipeline_bram18 = 100, .pipeline_dram_bw_gbps = 0.25};
    const Estimate ideal = evaluate(w, d, budget);
    budget.burst_curve = caffeine_burst_curve();
    const Estimate real = evaluate(w, d, budget);
    ASSERT_TRUE(ideal.feasible) << split;
    EXPECT_LT(real.throughput_fps, ideal.throughput_fps) << split;
  }
}

// The cheap lower bound the generic model's shortcut uses (time_tiling keeps a tiling's
// transfer at it when compute still covers it) is never above the exact efficiency, on
// Caffeine's curve (points a power of two apart), one whose points are not, and an ideal
// memory: above it, the shortcut would move an answer.
TEST(BurstCurve, CheapLowerBoundNeverAboveTheExactEfficiency) {
  BurstCurve uneven;
  uneven.points[0] = {.bytes = 300, .efficiency = 0.05};
  uneven.points[1] = {.bytes = 5000, .efficiency = 0.4};
  uneven.points[2] = {.bytes = 70000, .efficiency = 0.4};
  uneven.points[3] = {.bytes = 3e6, .efficiency = 0.93};
  uneven.count = 4;
  int checked = 0;
  for (const BurstCurve& c : {caffeine_burst_curve(), uneven, BurstCurve{}})
    for (double bytes = 0.7; bytes < 1e10; bytes *= 1.0137) {
      const double exact = burst_efficiency(c, bytes);
      ASSERT_LE(burst_efficiency_at_least(c, bytes), exact) << bytes;
      ++checked;
    }
  EXPECT_GT(checked, 3000);
  // Within an octave's rise of the exact value, and exact past the last point.
  const BurstCurve c = caffeine_burst_curve();
  EXPECT_NEAR(burst_efficiency_at_least(c, 3000), burst_efficiency(c, 3000),
              (c.points[1].efficiency - c.points[0].efficiency) / 7);
  EXPECT_DOUBLE_EQ(burst_efficiency_at_least(c, 1e9), c.points[1].efficiency);
}

}  // namespace
}  // namespace dnne
