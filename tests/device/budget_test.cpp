// Budgets: the device's figures, per-run overrides, and clear errors.
#include <gtest/gtest.h>

#include "device/catalog.h"
#include "device/limits.h"

namespace dnne {
namespace {

TEST(Budget, DefaultsAreTheDevicesFigures) {
  const Device ku115 = *find_device("ku115");
  const auto b = make_budget(ku115, {});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->dsp, 5520);
  EXPECT_EQ(b->bram18, 4320);
  EXPECT_DOUBLE_EQ(b->dram_bw_gbps, 76.8);
  EXPECT_DOUBLE_EQ(b->clock_mhz, 200);
  EXPECT_EQ(b->precision_bits, 16);
  EXPECT_EQ(b->dsp_family, DspFamily::kDsp48E2);
}

TEST(Budget, OverridesReplaceOnlyTheirField) {
  const Device zc706 = *find_device("zc706");
  const auto b = make_budget(zc706, {.dsp = 450, .clock_mhz = 150.0, .precision_bits = 8});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->dsp, 450);
  EXPECT_EQ(b->bram18, 1090);
  EXPECT_DOUBLE_EQ(b->dram_bw_gbps, 12.8);
  EXPECT_DOUBLE_EQ(b->clock_mhz, 150);
  EXPECT_EQ(b->precision_bits, 8);
}

TEST(Budget, ErrorsNameEveryBadFlag) {
  const Device zc706 = *find_device("zc706");
  const auto b = make_budget(
      zc706, {.dsp = 0, .bram18 = -3, .dram_bw_gbps = 0.0, .clock_mhz = -1.0, .precision_bits = 4});
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().message,
            "--dsp 0: expected a positive number of DSP slices; "
            "--bram18 -3: expected a positive number of BRAM18 blocks; "
            "--bw-gbps 0: expected a positive bandwidth in GB/s; "
            "--clock-mhz -1: expected a positive clock in MHz; "
            "--precision 4: expected 16 or 8");
}

// Absurd figures are bad input: a 1e12 MHz clock once made the pipeline allocator loop.
TEST(Budget, FiguresPastTheLimitsAreRejected) {
  const Device zc706 = *find_device("zc706");
  const auto b = make_budget(
      zc706,
      {.dsp = kMaxDsp + 1, .bram18 = kMaxBram18 + 1, .dram_bw_gbps = 1e6, .clock_mhz = 1e12});
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().message,
            "--dsp 1048577: expected at most 1048576 DSP slices; "
            "--bram18 1048577: expected at most 1048576 BRAM18 blocks; "
            "--bw-gbps 1000000: expected at most 100000 GB/s; "
            "--clock-mhz 1e+12: expected at most 1000 MHz");
  // The ceilings themselves are accepted on a device (file) that has that much.
  Device huge = zc706;
  huge.dsp = kMaxDsp, huge.bram18 = kMaxBram18, huge.dram_bw_gbps = kMaxDramBwGbps;
  EXPECT_TRUE(make_budget(huge, {.dsp = kMaxDsp,
                                 .bram18 = kMaxBram18,
                                 .dram_bw_gbps = kMaxDramBwGbps,
                                 .clock_mhz = kMaxClockMhz}));
}

// A budget is a share of the device: more than it has is bad input naming the device's
// figure. The clock is not capped (the device's is only a default).
TEST(Budget, FiguresAboveTheDeviceAreRejected) {
  const Device zc706 = *find_device("zc706");
  const auto b =
      make_budget(zc706, {.dsp = 10000, .bram18 = 1091, .dram_bw_gbps = 12.9, .clock_mhz = 400.0});
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().message,
            "--dsp 10000: zc706 has 900 DSP slices; expected at most 900 (or a percentage, "
            "e.g. 90%); "
            "--bram18 1091: zc706 has 1090 BRAM18 blocks; expected at most 1090 (or a "
            "percentage, e.g. 90%); "
            "--bw-gbps 12.9: zc706 has 12.8 GB/s of DRAM bandwidth; expected at most 12.8 (or a "
            "percentage, e.g. 90%)");
  const auto all = make_budget(zc706, {.dsp = 900, .bram18 = 1090, .dram_bw_gbps = 12.8});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->dsp, 900);
  EXPECT_EQ(make_budget(zc706, {.clock_mhz = 400.0})->clock_mhz, 400.0);
}

}  // namespace
}  // namespace dnne

namespace dnne {
namespace {

// docs/models.md 1.1: the shell's share comes off the default budget; the headroom comes off
// whatever the budget is, DSP and BRAM18 only.
TEST(UsableBudget, ShellShareComesOffTheDefault) {
  const Device f1 = *find_device("aws_f1");  // aws-fpga FAQ: about 20 % of the FPGA
  const auto b = make_budget(f1, {});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->dsp, 5472);     // 6,840 x 0.8
  EXPECT_EQ(b->bram18, 3456);  // 4,320 x 0.8
  EXPECT_DOUBLE_EQ(b->dram_bw_gbps, f1.dram_bw_gbps);
  // A figure given outright is the budget: no shell comes off it.
  EXPECT_EQ(make_budget(f1, {.dsp = 6000})->dsp, 6000);
  // Boards without a shell keep the whole part.
  EXPECT_EQ(make_budget(*find_device("ku115_accdnn"), {})->dsp, 4600);
}

TEST(UsableBudget, HeadroomComesOffDspAndBramOnly) {
  const Device ku115 = *find_device("ku115");
  const auto b = make_budget(ku115, {.headroom_pct = 10.0});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->dsp, 4968);     // 5,520 x 0.9, AccDNN's RESOURCE_THRES
  EXPECT_EQ(b->bram18, 3888);  // 4,320 x 0.9
  EXPECT_DOUBLE_EQ(b->dram_bw_gbps, 76.8);
  EXPECT_EQ(make_budget(ku115, {.dsp = 1000, .headroom_pct = 10.0})->dsp, 900);
  EXPECT_EQ(make_budget(ku115, {.headroom_pct = 0.0})->dsp, 5520);
  EXPECT_EQ(make_budget(ku115, {.headroom_pct = 100.0}).error().message,
            "--headroom 100: expected a percentage in [0, 100)");
  EXPECT_FALSE(make_budget(ku115, {.headroom_pct = -1.0}));
}

}  // namespace
}  // namespace dnne
