// `dnnexplorer bench`: the README's example design end to end, checked against calling the
// cost models directly, plus overrides, infeasible designs and bad input.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "design/design_json.h"
#include "device/catalog.h"
#include "model/evaluate.h"
#include "zoo/zoo.h"

namespace dnne {
namespace {

const std::string kExample = std::string(DNNE_SOURCE_DIR) + "/examples/vgg16_ku115_hybrid.json";

// What the models say for the example, without the CLI in between.
Estimate direct_estimate(const Budget& budget) {
  const Network network = *build_zoo_network("vgg16");
  const Workload workload = make_workload(network);
  const Design design = *read_design_file(kExample, stage_names(workload, network));
  return evaluate(workload, design, budget);
}

TEST(BenchCli, ExampleJsonMatchesTheModelsCalledDirectly) {
  const CliResult r = run_cli("bench vgg16 --device ku115 --design " + kExample + " --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"model", "device", "paradigm", "budget", "design", "metrics", "feasible",
                          "violations", "layers"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["model"], "vgg16");
  EXPECT_EQ(j["device"], "ku115");
  EXPECT_EQ(j["paradigm"], "hybrid");
  EXPECT_EQ(j["budget"]["dsp"], 5520);
  EXPECT_EQ(j["budget"]["precision"], 16);
  EXPECT_EQ(j["budget"]["overridden"], nlohmann::json::array());
  EXPECT_EQ(j["design"]["split_point"], 3);
  EXPECT_EQ(j["design"]["pipeline"]["stages"][1]["layer"], "conv1_2");

  const Estimate e = direct_estimate(*make_budget(*find_device("ku115"), {}));
  const auto& m = j["metrics"];
  EXPECT_DOUBLE_EQ(m["throughput_gops"].get<double>(), e.throughput_gops);
  EXPECT_DOUBLE_EQ(m["throughput_fps"].get<double>(), e.throughput_fps);
  EXPECT_DOUBLE_EQ(m["latency_ms"].get<double>(), e.latency_ms);
  EXPECT_EQ(m["dsp_used"].get<int64_t>(), e.dsp_used);
  EXPECT_EQ(m["bram18_used"].get<int64_t>(), e.bram18_used);
  EXPECT_DOUBLE_EQ(m["dram_bw_gbps_used"].get<double>(), e.dram_bw_gbps_used);
  EXPECT_DOUBLE_EQ(m["dsp_efficiency"].get<double>(), e.dsp_efficiency);
  EXPECT_EQ(j["feasible"], e.feasible);

  ASSERT_EQ(j["layers"].size(), e.layers.size());
  const auto& first = j["layers"][0];
  EXPECT_EQ(first["name"], "conv1_1");
  EXPECT_EQ(first["part"], "pipeline");
  EXPECT_EQ(first["cycles"].get<int64_t>(), e.layers[0].cycles);
  // cycles at 200 MHz take cycles / 200 microseconds.
  EXPECT_DOUBLE_EQ(first["time_us"].get<double>(), static_cast<double>(e.layers[0].cycles) / 200);
  for (const char* key : {"bound", "dsp", "bram18", "dram_bw_gbps"})
    EXPECT_TRUE(first.contains(key)) << key;
  EXPECT_EQ(j["layers"][3]["part"], "generic");
}

TEST(BenchCli, OverridesShowAndReachTheModels) {
  const CliResult r = run_cli("bench vgg16 --device ku115 --dsp 95% --clock-mhz 150 --design " +
                              kExample + " --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["budget"]["dsp"], 5244);  // floor(0.95 x 5,520)
  EXPECT_EQ(j["budget"]["clock_mhz"], 150.0);
  EXPECT_EQ(j["budget"]["overridden"], (nlohmann::json{"dsp", "clock_mhz"}));
  EXPECT_EQ(j["metrics"]["clock_mhz"], 150.0);
  Budget budget = *make_budget(*find_device("ku115"), {.dsp = 5244, .clock_mhz = 150.0});
  // The flag wins over the design file's 200 MHz.
  const Network network = *build_zoo_network("vgg16");
  const Workload workload = make_workload(network);
  Design design = *read_design_file(kExample, stage_names(workload, network));
  design.clock_mhz = 150;
  const Estimate e = evaluate(workload, design, budget);
  EXPECT_DOUBLE_EQ(j["metrics"]["throughput_fps"].get<double>(), e.throughput_fps);
}

TEST(BenchCli, TableMarksOverridesAndTotals) {
  const CliResult r = run_cli("bench vgg16 --device ku115 --bram18 4000 --design " + kExample);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("vgg16 on ku115 (XCKU115, KCU1500): hybrid design, split point 3 of"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(" / 4,000* ("), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nbudget from: ku115 (device), except * from flags: --bram18\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("GOP/s"), std::string::npos);
  EXPECT_NE(r.out.find("feasible: yes"), std::string::npos);
}

TEST(BenchCli, InfeasibleDesignIsReportedWithExitZero) {
  // The example gives the pipeline 1,200 DSPs; a 1,000-DSP budget cannot.
  const CliResult r = run_cli("bench vgg16 --device ku115 --dsp 1000 --design " + kExample);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("feasible: NO"), std::string::npos) << r.out;
  const CliResult j =
      run_cli("bench vgg16 --device ku115 --dsp 1000 --design " + kExample + " --json");
  const auto json = nlohmann::json::parse(j.out);
  EXPECT_EQ(json["feasible"], false);
  ASSERT_GE(json["violations"].size(), 1u);
  // A part's violation names the part; a whole-part total has no stage key, no null.
  EXPECT_EQ(json["violations"][0],
            (nlohmann::json{{"resource", "dsp"},
                            {"needed", 1200.0},
                            {"available", 1000.0},
                            {"scope", "pipeline"},
                            {"field", "split.pipeline_dsp"},
                            {"message",
                             "pipeline part: DSP needed 1200 > available 1000 "
                             "(split.pipeline_dsp)"}}));
  EXPECT_EQ(json["violations"][2],
            (nlohmann::json{{"resource", "dsp"},
                            {"needed", 4102.0},  // 4,096 lanes + 6 for control
                            {"available", 0.0},
                            {"scope", "generic"},
                            {"message", "generic part: DSP needed 4102 > available 0"}}));
  EXPECT_NE(
      r.out.find("  - pipeline part: DSP needed 1200 > available 1000 (split.pipeline_dsp)\n"),
      std::string::npos)
      << r.out;
}

// A stage's violation names the part and the layer; the JSON has "stage" only then.
TEST(BenchCli, StageViolationNamesThePartAndTheLayer) {
  char path[] = "/tmp/dnne_small_buffer_XXXXXX.json";
  const int fd = mkstemps(path, 5);
  ASSERT_GE(fd, 0);
  close(fd);
  // 16 input lanes need 8 BRAM18 (16-bit: 2 elements per 36-bit port), and conv1's smallest
  // input tile more than the 4 given.
  std::ofstream(path) << R"({ "split_point": 0, "generic": { "p_in": 16, "p_out": 16,
    "input_buffer_bram18": 4, "weight_buffer_bram18": 128, "output_buffer_bram18": 64 } })";
  const CliResult r = run_cli("bench alexnet --device zcu104 --json --design " + std::string(path));
  std::remove(path);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_FALSE(j["violations"][0].contains("stage"));
  EXPECT_EQ(j["violations"][0]["message"],
            "generic part: BRAM18 needed 8 > available 4 (generic input buffer)");
  EXPECT_EQ(j["violations"][1], (nlohmann::json{{"resource", "bram18"},
                                                {"needed", 6.0},
                                                {"available", 4.0},
                                                {"scope", "generic"},
                                                {"stage", "conv1"},
                                                {"field", "generic input buffer"},
                                                {"message",
                                                 "generic part, layer conv1: BRAM18 "
                                                 "needed 6 > available 4 (generic "
                                                 "input buffer)"}}));
}

TEST(BenchCli, CsvHasOneRowPerStageLayer) {
  const CliResult r = run_cli("bench vgg16 --device ku115 --design " + kExample + " --csv");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("layer,kind,part,cycles,time_us,bound,dsp,bram18,dram_bw_gbps,uram,lut\n", 0), 0u);
  EXPECT_NE(r.out.find("\n\"conv1_1\",conv,pipeline,"), std::string::npos) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1 + 21);
}

TEST(BenchCli, DesignForAnotherNetworkIsRejected) {
  const CliResult r = run_cli("bench resnet18 --device ku115 --design " + kExample);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("vgg16_ku115_hybrid.json: pipeline.stages[1] (maxpool): layer 'conv1_2' "
                       "does not match stage layer 1 of resnet18, 'maxpool'"),
            std::string::npos)
      << r.err;
}

TEST(BenchCli, BadInputExitsTwo) {
  const CliResult device = run_cli("bench vgg16 --device ku15 --design " + kExample);
  EXPECT_EQ(device.status, 2);
  EXPECT_EQ(
      device.err.rfind("dnnexplorer: error: unknown device 'ku15' (did you mean 'ku115'?)", 0), 0u)
      << device.err;
  const CliResult missing = run_cli("bench vgg16 --device ku115 --design /nonexistent.json");
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(missing.err, "dnnexplorer: error: /nonexistent.json: no such file\n");
  const CliResult percent = run_cli("bench vgg16 --device ku115 --dsp 120% --design " + kExample);
  EXPECT_EQ(percent.status, 2);
  EXPECT_EQ(percent.err, "dnnexplorer: error: --dsp '120%': a percentage must be in (0, 100]\n");
}

TEST(BenchCli, PrecisionFlagWinsOverTheDesignFile) {
  const CliResult own = run_cli("bench vgg16 --device ku115 --design " + kExample + " --json");
  ASSERT_EQ(own.status, 0) << own.err;
  EXPECT_EQ(nlohmann::json::parse(own.out)["budget"]["precision"], 16);
  const CliResult r =
      run_cli("bench vgg16 --device ku115 --precision 8 --design " + kExample + " --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["budget"]["precision"], 8);
  EXPECT_EQ(j["design"]["precision"], 8);
  EXPECT_EQ(j["budget"]["overridden"], (nlohmann::json{"precision"}));
}

TEST(BenchCli, DeviceFileGivesTheSameResultAsTheCatalogEntry) {
  char path[] = "/tmp/dnne_ku115_XXXXXX.json";
  const int fd = mkstemps(path, 5);
  ASSERT_GE(fd, 0);
  close(fd);
  std::ofstream(path) << R"({"name": "my_ku115", "dsp": 5520, "bram18": 4320,
    "dram_bw_gbps": 76.8, "clock_mhz": 200, "dsp_family": "DSP48E2"})";
  const CliResult file =
      run_cli("bench vgg16 --device " + std::string(path) + " --design " + kExample + " --json");
  std::remove(path);
  const CliResult catalog = run_cli("bench vgg16 --device ku115 --design " + kExample + " --json");
  ASSERT_EQ(file.status, 0) << file.err;
  const auto a = nlohmann::json::parse(file.out), b = nlohmann::json::parse(catalog.out);
  EXPECT_EQ(a["device"], "my_ku115");
  EXPECT_EQ(a["metrics"], b["metrics"]);
  EXPECT_EQ(a["layers"], b["layers"]);
}

TEST(BenchCli, MalformedDesignFileGivesLineAndColumn) {
  char path[] = "/tmp/dnne_bad_design_XXXXXX.json";
  const int fd = mkstemps(path, 5);
  ASSERT_GE(fd, 0);
  close(fd);
  // The stray ']' after "2," is the 20th character of line 3.
  std::ofstream(path) << "{\n  \"split_point\": 0,\n  \"generic\": [1, 2,]\n}\n";
  const CliResult r = run_cli("bench vgg16 --device ku115 --design " + std::string(path));
  std::remove(path);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.rfind("dnnexplorer: error: " + std::string(path) +
                            ":3:20: invalid JSON: syntax error while parsing value",
                        0),
            0u)
      << r.err;
}

}  // namespace
}  // namespace dnne
