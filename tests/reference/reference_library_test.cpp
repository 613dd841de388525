// The reference library: every PG338 size and core count, the published resources, and the
// fit of templates against catalog devices.
#include <gtest/gtest.h>

#include "device/catalog.h"
#include "reference/reference_design.h"
#include "reference/reference_fit.h"

namespace dnne {
namespace {

TEST(ReferenceLibrary, EveryDpuSizeWithOneToFourCores) {
  for (int size : {512, 800, 1024, 1152, 1600, 2304, 3136, 4096})
    for (int cores = 1; cores <= 4; ++cores) {
      const std::string name = "dpu_b" + std::to_string(size) + "x" + std::to_string(cores);
      const ReferenceDesign* d = find_reference_design(name);
      ASSERT_NE(d, nullptr) << name;
      // Peak ops per cycle and core is the size (PG338): 2 x PP x ICP x OCP.
      EXPECT_EQ(2 * d->peak_macs_per_cycle(), static_cast<int64_t>(size) * cores) << name;
      EXPECT_EQ(d->cores, cores);
      EXPECT_EQ(d->depthwise_pp * 2, d->pp);
      EXPECT_TRUE(d->double_rate_dsp);
      // PG338 v1.2 high DSP usage = PP*ICP*OCP/4 + 2 + PP*OCP, plus the depthwise engine's
      // 3*PP*ICP/8 (docs/reference-data.md 1.3, [D] patterns that fit every published row).
      const int64_t per_core =
          d->pp * d->icp * d->ocp / 4 + 2 + d->pp * d->ocp + 3 * d->pp * d->icp / 8;
      EXPECT_EQ(d->dsp, per_core * cores) << name;
      ASSERT_NE(find_reference_design(name + "_uram"), nullptr);
    }
}

TEST(ReferenceLibrary, B4096CoreIsPublishedFigure) {
  const ReferenceDesign* d = find_reference_design("DPU_B4096X3");  // case-insensitive
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->dsp, 3 * 690);
  ASSERT_TRUE(d->bram18.has_value());
  EXPECT_EQ(*d->bram18, 3 * 514);
  EXPECT_EQ(d->lut, 3 * 45795);
  const ReferenceDesign* u = find_reference_design("dpu_b4096x2_uram");
  ASSERT_NE(u, nullptr);
  EXPECT_FALSE(u->bram18.has_value());
  EXPECT_EQ(u->uram, 2 * 23);  // 5 image + 17 weight + 1 bias banks per core
}

TEST(ReferenceLibrary, OtherPublishedDesigns) {
  for (const char* name : {"caffeine_ku060", "qiu16_zc706", "zhang15_vc707",
                           "yolov2hls_pynqz1_n2m32", "yolov2hls_zu3eg_c"}) {
    const ReferenceDesign* d = find_reference_design(name);
    ASSERT_NE(d, nullptr) << name;
    EXPECT_FALSE(d->source.empty());
    EXPECT_FALSE(d->published_on.empty());
    EXPECT_GT(d->clock_mhz, 0);
  }
  EXPECT_EQ(find_reference_design("caffeine_ku060")->fc_batch, 32);
  EXPECT_EQ(find_reference_design("nonexistent"), nullptr);
}

TEST(ReferenceFit, PublishedBuildsFitTheirBoards) {
  const ReferenceFit zcu102 =
      reference_fit(*find_reference_design("dpu_b4096x3"), *find_device("zcu102"));
  EXPECT_TRUE(zcu102.feasible) << describe(zcu102);
  EXPECT_TRUE(zcu102.unchecked.empty());
  const ReferenceFit zcu104 =
      reference_fit(*find_reference_design("dpu_b4096x2_uram"), *find_device("zcu104"));
  EXPECT_TRUE(zcu104.feasible) << describe(zcu104);
  EXPECT_EQ(zcu104.unchecked.size(), 1u);  // the URAM build's BRAM is not published
  EXPECT_TRUE(
      reference_fit(*find_reference_design("dpu_b1600x1"), *find_device("ultra96")).feasible);
  EXPECT_TRUE(reference_fit(*find_reference_design("qiu16_zc706"), *find_device("zc706")).feasible);
}

TEST(ReferenceFit, TooLargeIsInfeasibleNamingTheResource) {
  // Two BRAM-only B4096 cores need 1028 BRAM18; the XCZU7EV has 624 (why ZCU104 uses URAM).
  const ReferenceFit fit =
      reference_fit(*find_reference_design("dpu_b4096x2"), *find_device("zcu104"));
  EXPECT_FALSE(fit.feasible);
  ASSERT_EQ(fit.over.size(), 1u);
  EXPECT_EQ(fit.over[0].resource, "BRAM18");
  EXPECT_EQ(fit.over[0].needed, 1028);
  EXPECT_EQ(fit.over[0].available, 624);
  EXPECT_EQ(describe(fit), "BRAM18 needed 1028 > available 624");
  // Four B4096 cores on the ZCU102: 2760 DSP > 2520 and 2056 BRAM18 > 1824.
  const ReferenceFit four =
      reference_fit(*find_reference_design("dpu_b4096x4"), *find_device("zcu102"));
  EXPECT_FALSE(four.feasible);
  EXPECT_EQ(four.over[0].resource, "DSP");
  EXPECT_EQ(four.over[0].needed, 2760);
  EXPECT_EQ(four.over[1].resource, "BRAM18");
}

}  // namespace
}  // namespace dnne
