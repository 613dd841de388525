// The shared budget flags: percentages, absolute overrides and their errors.
#include "cli/budget_options.h"

#include <gtest/gtest.h>

namespace dnne::cli {
namespace {

TEST(BudgetOptions, PercentagesAreOfTheDevicesFigures) {
  const auto r = resolve_budget(
      {.device = "KU115", .dsp = "90%", .bram18 = "50%", .bw_gbps = "25%", .precision_bits = 8});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->device.name, "ku115");
  EXPECT_EQ(r->budget.dsp, 4968);  // floor(0.9 x 5,520)
  EXPECT_EQ(r->budget.bram18, 2160);
  EXPECT_DOUBLE_EQ(r->budget.dram_bw_gbps, 0.25 * 76.8);
  EXPECT_DOUBLE_EQ(r->budget.clock_mhz, 200);  // not overridden
  EXPECT_EQ(r->budget.precision_bits, 8);
  EXPECT_EQ(r->overrides.dsp, 4968);
  EXPECT_EQ(r->overrides.bram18, 2160);
  EXPECT_FALSE(r->overrides.clock_mhz.has_value());
  EXPECT_EQ(r->overrides.precision_bits, 8);
}

TEST(BudgetOptions, AbsoluteFiguresAndNoOverrides) {
  const auto r =
      resolve_budget({.device = "zc706", .dsp = "512", .bw_gbps = "4.5", .clock_mhz = "150"});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->budget.dsp, 512);
  EXPECT_EQ(r->budget.bram18, 1090);
  EXPECT_DOUBLE_EQ(r->budget.dram_bw_gbps, 4.5);
  EXPECT_DOUBLE_EQ(r->budget.clock_mhz, 150);
  EXPECT_FALSE(r->overrides.bram18.has_value());
  EXPECT_FALSE(r->overrides.precision_bits.has_value());  // 16 is the default

  const auto plain = resolve_budget({.device = "zc706"});
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->overrides.dsp || plain->overrides.bram18 || plain->overrides.dram_bw_gbps ||
               plain->overrides.clock_mhz || plain->overrides.precision_bits);
}

TEST(BudgetOptions, UramAndLutLikeTheOtherCounts) {
  const auto r = resolve_budget({.device = "zcu104", .uram = "25%", .lut = "100000"});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->budget.uram, 24);  // a quarter of 96
  EXPECT_EQ(r->budget.lut, 100000);
  EXPECT_EQ(r->overrides.uram, 24);
  const auto plain = resolve_budget({.device = "zcu104"});
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->budget.uram, 96);  // the device's own figures
  EXPECT_EQ(plain->budget.lut, 230400);
  const auto none = resolve_budget({.device = "zcu104", .uram = "0"});
  ASSERT_TRUE(none) << none.error().message;  // no URAM is a budget one may ask for
  EXPECT_EQ(none->budget.uram, 0);
  auto error = [](const BudgetOptions& o) { return resolve_budget(o).error().message; };
  EXPECT_EQ(error({.device = "zcu104", .lut = "0"}), "--lut 0: expected a positive number of LUTs");
  EXPECT_EQ(error({.device = "ku115", .uram = "1"}),
            "--uram 1: ku115 has 0 URAM288 blocks; expected at most 0 (or a percentage, e.g. 90%)");
  EXPECT_EQ(error({.device = "zcu104", .lut = "300000"}),
            "--lut 300000: zcu104 has 230400 LUTs; expected at most 230400 (or a percentage, e.g. "
            "90%)");
}

TEST(BudgetOptions, ErrorsNameTheFlag) {
  auto error = [](const BudgetOptions& o) { return resolve_budget(o).error().message; };
  EXPECT_EQ(error({.device = "zc706", .dsp = "lots"}),
            "--dsp 'lots': expected a number of DSP slices or a percentage of the device's 900, "
            "e.g. 90%");
  EXPECT_EQ(error({.device = "zc706", .dsp = "12.5"}),
            "--dsp '12.5': expected a number of DSP slices or a percentage of the device's 900, "
            "e.g. 90%");
  EXPECT_EQ(error({.device = "zc706", .bram18 = "150%"}),
            "--bram18 '150%': a percentage must be in (0, 100]");
  EXPECT_EQ(error({.device = "zc706", .dsp = "0"}),
            "--dsp 0: expected a positive number of DSP slices");
  EXPECT_EQ(error({.device = "zc706", .clock_mhz = "50%"}),
            "--clock-mhz '50%': expected a clock in MHz, e.g. 200");
  EXPECT_EQ(error({.device = "zc706", .precision_bits = 4}), "--precision 4: expected 16 or 8");
  EXPECT_EQ(error({.device = "zc7060"}).rfind("unknown device 'zc7060' (did you mean 'zc706'?)", 0),
            0u);
}

}  // namespace
}  // namespace dnne::cli
