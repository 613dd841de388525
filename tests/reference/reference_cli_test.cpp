// `dnnexplorer accelerators` and `bench --design NAME` end to end, checked against calling the
// reference model directly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "device/catalog.h"
#include "reference/reference_model.h"
#include "zoo/zoo.h"

namespace dnne {
namespace {

TEST(AcceleratorsCli, ListsTheLibraryWithSources) {
  const CliResult r = run_cli("accelerators");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* name : {"dpu_b512x1", "dpu_b4096x3", "dpu_b4096x4", "caffeine_ku060",
                           "qiu16_zc706", "zhang15_vc707", "yolov2hls_zu3eg_c", "PG338"})
    EXPECT_NE(r.out.find(name), std::string::npos) << name;
  const CliResult j = run_cli("accelerators --json");
  ASSERT_EQ(j.status, 0) << j.err;
  const auto list = nlohmann::json::parse(j.out);
  ASSERT_EQ(list.size(), reference_designs().size());
  for (const auto& entry : list)
    for (const char* key : {"name", "paradigm", "published_on", "source", "dsp", "clock_mhz"})
      EXPECT_TRUE(entry.contains(key)) << key;
}

TEST(ReferenceBenchCli, MatchesTheModelCalledDirectly) {
  const CliResult r = run_cli("bench resnet18 --device zcu102 --design dpu_b4096x3 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const Workload w = make_workload(*build_zoo_network("resnet18"));
  const ReferenceDesign& d = *find_reference_design("dpu_b4096x3");
  const ReferenceEstimate e =
      evaluate_reference(w, d, {.clock_mhz = d.clock_mhz, .dram_bw_gbps = 19.2});
  EXPECT_EQ(j["design"], "dpu_b4096x3");
  EXPECT_EQ(j["clock_mhz"], d.clock_mhz);
  EXPECT_EQ(j["precision_bits"], 8);
  EXPECT_TRUE(j["feasible"].get<bool>());
  EXPECT_DOUBLE_EQ(j["throughput_fps"].get<double>(), e.throughput_fps);
  EXPECT_EQ(j["frame_cycles"].get<int64_t>(), e.frame_cycles);
  EXPECT_EQ(j["layers"].size(), w.stages.size());
}

TEST(ReferenceBenchCli, ClockFlagOverridesTheTemplate) {
  const auto at = [](const std::string& flags) {
    // The U280's HBM keeps every layer compute-bound.
    const CliResult r =
        run_cli("bench resnet18 --device u280 --design dpu_b4096x3 --json " + flags);
    EXPECT_EQ(r.status, 0) << r.err;
    return nlohmann::json::parse(r.out);
  };
  const auto base = at("");
  const auto slow = at("--clock-mhz 150");
  EXPECT_EQ(slow["clock_mhz"], 150.0);
  // With DRAM out of the way, cycles stay and time scales with the clock.
  EXPECT_EQ(slow["frame_cycles"], base["frame_cycles"]);
  EXPECT_NEAR(slow["throughput_fps"].get<double>() * 2, base["throughput_fps"].get<double>(), 1e-9);
  const CliResult text =
      run_cli("bench resnet18 --device zcu102 --design dpu_b4096x3 --clock-mhz 150");
  EXPECT_NE(text.out.find("150.0 MHz (--clock-mhz)"), std::string::npos) << text.out;
}

TEST(ReferenceBenchCli, TemplateLargerThanTheDeviceIsInfeasibleNamingResources) {
  const CliResult r = run_cli("bench resnet18 --device pynq_z1 --design dpu_b4096x3");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("INFEASIBLE on pynq_z1: DSP needed 2070 > available 220"), std::string::npos)
      << r.out;
  const CliResult j = run_cli("bench resnet18 --device pynq_z1 --design dpu_b4096x3 --json");
  const auto json = nlohmann::json::parse(j.out);
  EXPECT_FALSE(json["feasible"].get<bool>());
  EXPECT_EQ(json["violations"][0]["resource"], "DSP");
}

TEST(ReferenceBenchCli, ABudgetFlagShrinksWhatFits) {
  const CliResult r = run_cli("bench resnet18 --device zcu102 --design dpu_b4096x3 --dsp 2000");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("INFEASIBLE on zcu102: DSP needed 2070 > available 2000"), std::string::npos)
      << r.out;
}

TEST(ReferenceBenchCli, UnknownNameSuggestsTheNearestTemplate) {
  const CliResult r = run_cli("bench resnet18 --device zcu102 --design dpu_b4096x5");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--design dpu_b4096x5: no such file and no reference accelerator of that "
                       "name (did you mean"),
            std::string::npos)
      << r.err;
}

TEST(ReferenceBenchCli, CsvHasOneRowPerLayer) {
  const CliResult r = run_cli("bench resnet18 --device zcu102 --design dpu_b4096x3 --csv");
  ASSERT_EQ(r.status, 0) << r.err;
  const Workload w = make_workload(*build_zoo_network("resnet18"));
  EXPECT_EQ(static_cast<size_t>(std::count(r.out.begin(), r.out.end(), '\n')), w.stages.size() + 1);
}

TEST(CompareReferencesCli, PublishedBuildsThatFitTheBudgetBesideTheDesigns) {
  const std::string run = "compare alexnet --device zcu102 --swarm 6 --iterations 4 --quiet ";
  const CliResult r = run_cli(run + "--json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto refs = nlohmann::json::parse(r.out)["references"];
  ASSERT_FALSE(refs.empty());
  bool has_zcu102_dpu = false;
  for (const auto& ref : refs) {
    EXPECT_TRUE(ref["fits"].get<bool>()) << ref["name"];
    EXPECT_LE(ref["dsp"].get<int64_t>(), 2520) << ref["name"];
    has_zcu102_dpu = has_zcu102_dpu || ref["name"] == "dpu_b4096x3";
  }
  EXPECT_TRUE(has_zcu102_dpu);
  // A smaller budget keeps only what fits in it.
  const auto small = nlohmann::json::parse(run_cli(run + "--dsp 300 --json").out)["references"];
  for (const auto& ref : small) EXPECT_LE(ref["dsp"].get<int64_t>(), 300) << ref["name"];
  EXPECT_LT(small.size(), refs.size());
  const CliResult text = run_cli(run);
  EXPECT_NE(text.out.find("reference accelerators (published designs"), std::string::npos);
}

TEST(CompareReferencesCli, WithNamesThemEvenWhenTheyDoNotFit) {
  const std::string run = "compare alexnet --device zc706 --swarm 6 --iterations 4 --quiet ";
  const CliResult r = run_cli(run + "--with qiu16_zc706,dpu_b4096x3 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto refs = nlohmann::json::parse(r.out)["references"];
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0]["name"], "qiu16_zc706");
  EXPECT_TRUE(refs[0]["fits"].get<bool>());
  EXPECT_FALSE(refs[1]["fits"].get<bool>());
  EXPECT_NE(refs[1]["why_not"].get<std::string>().find("DSP needed 2070 > available 900"),
            std::string::npos);
  const CliResult bad = run_cli(run + "--with qiu_zc706");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("did you mean 'qiu16_zc706'"), std::string::npos) << bad.err;
}

TEST(ValidateCli, JsonMatchesTheLibraryAndCsvHasEveryRow) {
  const std::string data = std::string(DNNE_SOURCE_DIR) + "/data/validation";
  const CliResult r = run_cli("validate --json --data " + data);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["rows_listed"], 54);
  EXPECT_EQ(j["rows"].size(), 54u);
  EXPECT_GE(j["summary"]["all"]["rows"].get<int>(), 16);
  const CliResult csv = run_cli("validate --csv --data " + data);
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 55);
  const CliResult text = run_cli("validate --data " + data);
  EXPECT_NE(text.out.find("median |error|"), std::string::npos);
  EXPECT_NE(text.out.find("not evaluated (listed, not dropped)"), std::string::npos);
}

TEST(ValidateCli, MissingDataIsOneClearError) {
  const CliResult r = run_cli("validate --data /nonexistent/dir");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/nonexistent/dir/measured.csv"), std::string::npos) << r.err;
}

TEST(ValidateCli, BadCaseFieldNamesFileRowAndColumn) {
  char dir[] = "/tmp/dnne_validate_XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string d = dir;
  std::system(
      ("cp " + std::string(DNNE_SOURCE_DIR) + "/data/validation/measured.csv " + d).c_str());
  std::ofstream(d + "/cases.csv")
      << "id,model,input,device,design,layers,scope,tolerance_pct,note\n"
      << "qiu16_zc706_vgg16svd_total,vgg16,,zc706,qiu16_zc706,some,accelerator,25,\n";
  const CliResult r = run_cli("validate --data " + d);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cases.csv row 2 (qiu16_zc706_vgg16svd_total): layers 'some'"),
            std::string::npos)
      << r.err;
  std::system(("rm -rf " + d).c_str());
}

}  // namespace
}  // namespace dnne
