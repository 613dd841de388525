// URAM and LUT as resources end to end (issue 8, item 1): the budget flags, the JSON keys, a
// LUT budget too small for any design, and ResNet-50 8-bit pipelines on ZCU104 that fit
// only because their large buffers move to URAM.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "scratch_dir.h"

namespace dnne {
namespace {

TEST(ResourcesCli, JsonReportsUramAndLutBesideTheOtherResources) {
  const CliResult r = run_cli(
      "explore alexnet --device zcu104 --precision 8 --json --swarm 4 --iterations 2 --lut 90% "
      "--uram 50%");
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["budget"]["uram"], 48);            // half of ZCU104's 96
  EXPECT_EQ(j["budget"]["lut"], 207360);         // 90 % of 230,400
  EXPECT_EQ(j["budget"]["from"]["lut"], "flag");
  ASSERT_TRUE(j["metrics"].contains("lut_used"));
  ASSERT_TRUE(j["metrics"].contains("uram_used"));
  EXPECT_GT(j["metrics"]["lut_used"].get<int64_t>(), 0);
  EXPECT_LE(j["metrics"]["lut_used"].get<int64_t>(), 207360);
  EXPECT_LE(j["metrics"]["uram_used"].get<int64_t>(), 48);
  for (const auto& layer : j["layers"]) {
    EXPECT_TRUE(layer.contains("uram"));
    EXPECT_TRUE(layer.contains("lut"));
  }
}

TEST(ResourcesCli, TooFewLutsMakeEveryDesignInfeasibleNamingLut) {
  // 5,000 LUTs cannot hold one generic engine's control (19,985) or an AlexNet pipeline's
  // controllers and adder trees.
  const CliResult r =
      run_cli("explore alexnet --device zc706 --lut 5000 --swarm 4 --iterations 2");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("LUT needed"), std::string::npos) << r.out << r.err;
}

TEST(ResourcesCli, LutAndUramFlagErrorsNameTheFlag) {
  CliResult r = run_cli("explore alexnet --device zc706 --lut 0");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--lut 0: expected a positive number of LUTs"), std::string::npos) << r.err;
  r = run_cli("explore alexnet --device zcu104 --uram 97");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--uram 97: zcu104 has 96 URAM288 blocks"), std::string::npos) << r.err;
  r = run_cli("explore alexnet --device zcu104 --uram lots");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--uram 'lots'"), std::string::npos) << r.err;
}

// The case: before URAM was a resource every ResNet-50 8-bit pipeline on ZCU104 was
// infeasible for want of BRAM18 (624 blocks) with 96 URAM288 blocks free. Since AccDNN's 15
// weight DMA channels are charged, ResNet-50 (54 weighted layers) must hold 39 layers'
// weights on chip, more than ZCU104 has in all; VGG16 shows the same URAM effect.
TEST(ResourcesCli, Vgg16PipelineFitsZcu104ThroughUram) {
  const CliResult r = run_cli(
      "explore vgg16 --device zcu104 --precision 8 --paradigm pipeline --json --swarm 4 "
      "--iterations 2");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["feasible"].get<bool>());
  EXPECT_GT(j["metrics"]["uram_used"].get<int64_t>(), 0);
  EXPECT_LE(j["metrics"]["uram_used"].get<int64_t>(), 96);
  EXPECT_LE(j["metrics"]["bram18_used"].get<int64_t>(), 624);
  // With the URAM taken away the same search finds nothing (BRAM18 is what runs out).
  const CliResult none = run_cli(
      "explore vgg16 --device zcu104 --precision 8 --paradigm pipeline --uram 0 --swarm 4 "
      "--iterations 2");
  EXPECT_EQ(none.status, 1) << none.out;
  EXPECT_NE((none.out + none.err).find("BRAM18"), std::string::npos) << none.out << none.err;
}

// The double-rate DSP clock end to end (docs/models.md 2.4): the explored design carries it,
// does at least what the plain-clock search finds on the same budget, stays within the doubled
// DSP peak, and a clock whose double exceeds DSP48E2's 775 MHz makes every design infeasible.
TEST(ResourcesCli, DspDoubleRateFlag) {
  const std::string run = "explore alexnet --device zcu102 --precision 8 --paradigm generic --json ";
  const CliResult plain = run_cli(run);
  const CliResult fast = run_cli(run + "--dsp-double-rate");
  ASSERT_EQ(plain.status, 0) << plain.err;
  ASSERT_EQ(fast.status, 0) << fast.err;
  const nlohmann::json p = nlohmann::json::parse(plain.out), f = nlohmann::json::parse(fast.out);
  EXPECT_EQ(f["design"]["dsp_double_rate"], true);
  EXPECT_FALSE(p["design"].contains("dsp_double_rate"));
  const double gops = f["metrics"]["throughput_gops"].get<double>();
  EXPECT_GE(gops, p["metrics"]["throughput_gops"].get<double>());
  // Peak: DSPs x 2 packed products x 2 DSP cycles per fabric cycle x 2 ops x clock.
  const double peak = f["metrics"]["dsp_used"].get<double>() * 2 * 2 * 2 *
                      f["budget"]["clock_mhz"].get<double>() / 1e3;
  EXPECT_LE(gops, peak * (1 + 1e-9));
  const CliResult over = run_cli(run + "--dsp-double-rate --clock-mhz 400");
  EXPECT_NE(over.status, 0);
  EXPECT_NE((over.out + over.err).find("dsp_double_rate"), std::string::npos) << over.err;
}

// A design file records the URAM and LUT budget it was made for, so bench maps its buffers as
// explore did: a pipeline made with --uram 0 stays in BRAM18 when benched on the same part.
TEST(ResourcesCli, DesignFileCarriesTheUramBudget) {
  const std::string dir = test::scratch_dir("uram_out").string();
  const CliResult made = run_cli(
      "explore alexnet --device zcu104 --precision 8 --paradigm pipeline --uram 0 --swarm 4 "
      "--iterations 2 --quiet --json --out " + dir);
  ASSERT_EQ(made.status, 0) << made.err;
  const nlohmann::json e = nlohmann::json::parse(made.out);
  const CliResult benched =
      run_cli("bench alexnet --device zcu104 --precision 8 --json --design " + dir + "/design.json");
  ASSERT_EQ(benched.status, 0) << benched.err;
  const nlohmann::json b = nlohmann::json::parse(benched.out);
  EXPECT_EQ(b["budget"]["uram"], 0);
  EXPECT_EQ(b["budget"]["from"]["uram"], "design_file");
  EXPECT_EQ(b["metrics"]["uram_used"], 0);
  EXPECT_EQ(b["metrics"]["bram18_used"], e["metrics"]["bram18_used"]);
  EXPECT_DOUBLE_EQ(b["metrics"]["throughput_fps"].get<double>(),
                   e["metrics"]["throughput_fps"].get<double>());
}

}  // namespace
}  // namespace dnne
