// A design never reports feasible on a device it does not fit: bench checks the budget a
// design file recorded against the device, says where each budget figure came from, and
// budget flags above the device are bad input (bench, explore, compare).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace dnne {
namespace {

// A small generic-only AlexNet design (256 DSP, 256 BRAM18) that records the zcu102 budget
// it was made for: it fits zcu104's resources, but zcu104 has neither 2,520 DSP nor 1,824
// BRAM18 to give it.
class DesignForZcu102 : public ::testing::Test {
 protected:
  void SetUp() override {
    const int fd = mkstemps(path_, 5);
    ASSERT_GE(fd, 0);
    close(fd);
    std::ofstream(path_) << R"({ "split_point": 0, "precision": 16,
      "budget": { "dsp": 2520, "bram18": 1824, "dram_bw_gbps": 19.2 },
      "generic": { "p_in": 16, "p_out": 16, "batch": 1, "input_buffer_bram18": 64,
                   "weight_buffer_bram18": 128, "output_buffer_bram18": 64 } })";
  }
  void TearDown() override { std::remove(path_); }
  std::string bench(const std::string& args) const {
    return "bench alexnet --design " + std::string(path_) + " " + args;
  }
  char path_[40] = "/tmp/dnne_zcu102_design_XXXXXX.json";
};

TEST_F(DesignForZcu102, IsInfeasibleOnASmallerDeviceNamingEachResource) {
  const CliResult r = run_cli(bench("--device zcu104"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\nDSP             262 / 2,520* (10.4 %)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nbudget from: zcu104 (device), except * from the design file: DSP, "
                       "BRAM18\n"
                       "feasible: NO, 2 violations:\n"
                       "  - device zcu104: DSP budget 2520 > available 1728 (budget.dsp)\n"
                       "  - device zcu104: BRAM18 budget 1824 > available 624 (budget.bram18)\n"),
            std::string::npos)
      << r.out;
}

TEST_F(DesignForZcu102, JsonViolationsNameTheDeviceAndTheBudgetField) {
  const CliResult r = run_cli(bench("--device zcu104 --json"));
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["feasible"], false);
  EXPECT_EQ(j["violation_count"], 2);
  EXPECT_EQ(j["violations"][0], (nlohmann::json{
                                    {"resource", "dsp"},
                                    {"needed", 2520.0},
                                    {"available", 1728.0},
                                    {"scope", "device"},
                                    {"field", "budget.dsp"},
                                    {"message",
                                     "device zcu104: DSP budget 2520 > available 1728 "
                                     "(budget.dsp)"},
                                }));
  EXPECT_EQ(j["violations"][1]["field"], "budget.bram18");
  EXPECT_EQ(j["budget"]["overridden"], (nlohmann::json{"dsp", "bram18"}));
  EXPECT_EQ(j["budget"]["from"], (nlohmann::json{{"dsp", "design_file"},
                                                 {"bram18", "design_file"},
                                                 {"uram", "device"},
                                                 {"lut", "device"},
                                                 {"dram_bw_gbps", "device"},
                                                 {"clock_mhz", "device"},
                                                 {"precision", "default"}}));
}

// With flags inside the device the same design fits: the violations above were the budget's.
TEST_F(DesignForZcu102, FitsWhenFlagsGiveItABudgetTheDeviceHas) {
  const CliResult r = run_cli(bench("--device zcu104 --dsp 1000 --bram18 600"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\nbudget from: zcu104 (device), except * from flags: --dsp, --bram18\n"
                       "feasible: yes\n"),
            std::string::npos)
      << r.out;
  const CliResult json = run_cli(bench("--device zcu104 --dsp 1000 --bram18 600 --json"));
  EXPECT_EQ(nlohmann::json::parse(json.out)["budget"]["from"]["dsp"], "flag");
}

TEST_F(DesignForZcu102, IsFeasibleOnTheDeviceItWasMadeFor) {
  const CliResult r = run_cli(bench("--device zcu102"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\nbudget from: zcu102 (device)\nfeasible: yes\n"), std::string::npos)
      << r.out;
}

TEST(BudgetAboveDevice, FlagsAreBadInputNamingTheDevicesFigure) {
  const std::string design = std::string(DNNE_SOURCE_DIR) + "/examples/vgg16_ku115_hybrid.json";
  const CliResult bench = run_cli("bench vgg16 --device zc706 --dsp 10000 --design " + design);
  EXPECT_EQ(bench.status, 2);
  EXPECT_EQ(bench.out, "");
  EXPECT_EQ(bench.err,
            "dnnexplorer: error: --dsp 10000: zc706 has 900 DSP slices; expected at most 900 "
            "(or a percentage, e.g. 90%)\n");
  const CliResult explore = run_cli("explore alexnet --device zc706 --bram18 2000 --quiet");
  EXPECT_EQ(explore.status, 2);
  EXPECT_EQ(explore.err,
            "dnnexplorer: error: --bram18 2000: zc706 has 1090 BRAM18 blocks; expected at most "
            "1090 (or a percentage, e.g. 90%)\n");
  const CliResult compare = run_cli("compare alexnet --device zc706 --bw-gbps 13 --quiet");
  EXPECT_EQ(compare.status, 2);
  EXPECT_EQ(compare.err,
            "dnnexplorer: error: --bw-gbps 13: zc706 has 12.8 GB/s of DRAM bandwidth; expected "
            "at most 12.8 (or a percentage, e.g. 90%)\n");
}

}  // namespace
}  // namespace dnne
