// explore and compare end to end: JSON keys of docs/spec/CLI.md, exit statuses, --out files and the
// round trip through bench.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace dnne {
namespace {

nlohmann::json parse(const CliResult& r) {
  EXPECT_EQ(r.status, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

void expect_explore_object(const nlohmann::json& j) {
  for (const char* key : {"model", "device", "paradigm", "budget", "design", "metrics", "layers"})
    EXPECT_TRUE(j.contains(key)) << key;
  for (const char* key : {"dsp", "bram18", "dram_bw_gbps", "clock_mhz", "precision"})
    EXPECT_TRUE(j["budget"].contains(key)) << key;
  EXPECT_TRUE(j["design"].contains("split_point"));
  for (const char* key : {"throughput_gops", "throughput_fps", "latency_ms", "dsp_used",
                          "bram18_used", "dram_bw_gbps_used", "dsp_efficiency"})
    EXPECT_TRUE(j["metrics"].contains(key)) << key;
  ASSERT_FALSE(j["layers"].empty());
  for (const auto& layer : j["layers"])
    for (const char* key : {"name", "part", "cycles", "bound"})
      EXPECT_TRUE(layer.contains(key)) << key;
}

TEST(ExploreCli, JsonHasTheContractKeysAndSearchFigures) {
  const nlohmann::json j =
      parse(run_cli("explore alexnet --device zc706 --json --swarm 6 --iterations 4"));
  expect_explore_object(j);
  EXPECT_EQ(j["paradigm"].get<std::string>().empty(), false);
  for (const char* key : {"evaluated", "seconds", "designs_per_second"})
    EXPECT_TRUE(j["search"].contains(key)) << key;
  EXPECT_GT(j["search"]["evaluated"].get<int64_t>(), 0);
  EXPECT_EQ(j["search"]["method"], "pso");
  // Where the time went: the phases are non-negative and add up to at most the whole.
  double phases = 0;
  for (const char* key : {"stage_table", "global", "polish", "final"}) {
    ASSERT_TRUE(j["search"]["phases"].contains(key)) << key;
    const double t = j["search"]["phases"][key].get<double>();
    EXPECT_GE(t, 0) << key;
    phases += t;
  }
  EXPECT_LE(phases, j["search"]["seconds"].get<double>() * 1.0001 + 1e-6);
  EXPECT_GT(j["search"]["phases"]["global"].get<double>(), 0);
}

TEST(ExploreCli, ParadigmFixesTheSplitPoint) {
  const nlohmann::json p =
      parse(run_cli("explore alexnet --device zc706 --paradigm pipeline --json"));
  EXPECT_EQ(p["paradigm"], "pipeline");
  const nlohmann::json g =
      parse(run_cli("explore alexnet --device zc706 --paradigm generic --json"));
  EXPECT_EQ(g["paradigm"], "generic");
  EXPECT_EQ(g["design"]["split_point"], 0);
}

// --no-winograd keeps generic engines spatial; the default space contains that one, and the
// generic allocator's search is exhaustive (branch and bound), so it can only do better.
TEST(ExploreCli, NoWinogradKeepsTheEngineSpatial) {
  const nlohmann::json spatial =
      parse(run_cli("explore vgg16 --device zc706 --paradigm generic --no-winograd --json"));
  const nlohmann::json any =
      parse(run_cli("explore vgg16 --device zc706 --paradigm generic --json"));
  EXPECT_EQ(spatial["design"]["generic"]["winograd_m"], 0);
  EXPECT_GE(any["metrics"]["throughput_fps"].get<double>(),
            spatial["metrics"]["throughput_fps"].get<double>());
}

TEST(ExploreCli, TableNamesEachLayersBoundAndTheSearch) {
  const CliResult r = run_cli("explore alexnet --device zc706 --swarm 4 --iterations 3");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("conv1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("search: pso"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\ndesign: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("designs/s"), std::string::npos) << r.out;
}

TEST(ExploreCli, ImpossibleBudgetExitsOneWithTheTightestViolation) {
  const CliResult r = run_cli("explore alexnet --device zc706 --dsp 1 --bram18 1 --quiet");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("dnnexplorer: error: no feasible hybrid design for alexnet on zc706"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("tightest violation"), std::string::npos) << r.err;
}

TEST(ExploreCli, BadFlagsExitTwo) {
  for (const char* args :
       {"explore alexnet --device zc706 --objective speed",
        "explore alexnet --device zc706 --paradigm hybird",
        "explore alexnet --device zc706 --search grid",
        "explore alexnet --device zc706 --threads -2", "explore alexnet --device zc706 --swarm 0",
        "explore alexnet --device zc707", "explore alexnet --device zc706 --objectiv latency",
        "compare alexnet --device zc706 --precision 4"}) {
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_EQ(r.err.rfind("dnnexplorer: error: ", 0), 0u) << args << ": " << r.err;
  }
  EXPECT_NE(
      run_cli("explore alexnet --device zc706 --paradigm hybird").err.find("did you mean 'hybrid'"),
      std::string::npos);
}

TEST(ExploreCli, SameSeedSameAnswerOnOneOrTwoThreads) {
  const nlohmann::json one =
      parse(run_cli("explore alexnet --device ku115 --json --seed 3 --threads 1"));
  const nlohmann::json two =
      parse(run_cli("explore alexnet --device ku115 --json --seed 3 --threads 2"));
  EXPECT_EQ(one["design"], two["design"]);
  EXPECT_EQ(one["metrics"], two["metrics"]);
  EXPECT_EQ(one["search"]["evaluated"], two["search"]["evaluated"]);
  EXPECT_EQ(one["search"]["threads"], 1);
  EXPECT_EQ(two["search"]["threads"], 2);
}

// `explore --out DIR` then `bench --design DIR/design.json` with the same budget flags
// reproduces the metrics, the per-layer figures and the design exactly.
void expect_round_trip(const std::string& model, const std::string& budget,
                       const std::string& bench_budget) {
  // One folder per test process and model: ctest -j runs tests of this file in parallel.
  const std::string dir = std::filesystem::temp_directory_path() /
                          ("dnne_explore_out_" + model + "_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  const nlohmann::json explored = parse(
      run_cli("explore " + model + " " + budget + " --swarm 6 --iterations 4 --json --out " + dir));
  for (const char* file : {"design.json", "report.json", "layers.csv"})
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(dir) / file)) << file;
  const nlohmann::json benched = parse(
      run_cli("bench " + model + " " + bench_budget + " --json --design " + dir + "/design.json"));
  EXPECT_EQ(benched["metrics"], explored["metrics"]) << model << " " << budget;
  EXPECT_EQ(benched["layers"], explored["layers"]) << model << " " << budget;
  EXPECT_EQ(benched["design"], explored["design"]) << model << " " << budget;
  std::ifstream report(std::filesystem::path(dir) / "report.json");
  EXPECT_EQ(nlohmann::json::parse(report)["metrics"], explored["metrics"]);
  std::filesystem::remove_all(dir);
}

TEST(ExploreCli, OutDirectoryRoundTripsThroughBench) {
  expect_round_trip("alexnet", "--device zc706", "--device zc706");
  const std::string small = "--device ku115 --dsp 3000 --bram18 2000 --bw-gbps 10";
  expect_round_trip("vgg16", small, small);
  expect_round_trip("resnet18", "--device zcu102 --precision 8", "--device zcu102 --precision 8");
}

// The design file records the budget it was made for, so bench needs no budget flags to
// reproduce it, and says the figures came from the file (budget.overridden).
TEST(ExploreCli, OutDesignRecordsItsBudget) {
  expect_round_trip("vgg16", "--device ku115 --dsp 3000 --bram18 2000 --bw-gbps 10",
                    "--device ku115");
  expect_round_trip("alexnet", "--device zc706 --dsp 50%", "--device zc706");
}

TEST(CompareCli, JsonHasAllParadigmsAndSpeedups) {
  const nlohmann::json j =
      parse(run_cli("compare alexnet --device zc706 --json --swarm 6 --iterations 4"));
  for (const char* key : {"model", "device", "budget", "results", "speedups"})
    EXPECT_TRUE(j.contains(key)) << key;
  for (const char* paradigm : {"pipeline", "generic", "hybrid", "dnnbuilder"}) {
    ASSERT_TRUE(j["results"].contains(paradigm)) << paradigm;
    expect_explore_object(j["results"][paradigm]);
  }
  EXPECT_EQ(j["results"]["generic"]["design"]["split_point"], 0);
  const double hybrid = j["results"]["hybrid"]["metrics"]["throughput_fps"];
  const double pipeline = j["results"]["pipeline"]["metrics"]["throughput_fps"];
  EXPECT_NEAR(j["speedups"]["hybrid_over_pipeline"].get<double>(), hybrid / pipeline, 1e-9);
  EXPECT_GE(j["speedups"]["pipeline_over_dnnbuilder"].get<double>(), 1.0);
}

TEST(CompareCli, TableShowsEachDesignAndTheAllocatorGain) {
  const CliResult r = run_cli("compare alexnet --device zc706 --swarm 4 --iterations 3");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* text : {"DNNBuilder heuristic", "min-max allocator", "generic", "hybrid",
                           "x the DNNBuilder heuristic's throughput"})
    EXPECT_NE(r.out.find(text), std::string::npos) << text << "\n" << r.out;
}

TEST(CompareCli, ImpossibleBudgetExitsOne) {
  const CliResult r = run_cli("compare alexnet --device zc706 --dsp 1 --bram18 1 --json");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no feasible design for alexnet on zc706"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace dnne

namespace dnne {
namespace {

// Issue 9: one usable budget for every paradigm. With --headroom 10 (AccDNN's RESOURCE_THRES)
// every row reports the same budget, 90 % of the part, and stays within it; the DNNBuilder
// heuristic no longer applies a 90 % rule of its own on top.
TEST(CompareCli, EveryRowHasTheSameUsableBudget) {
  const nlohmann::json j = nlohmann::json::parse(
      run_cli("compare alexnet --device zc706 --headroom 10 --json --swarm 6 --iterations 4").out);
  EXPECT_EQ(j["budget"]["dsp"], 810);     // 900 x 0.9
  EXPECT_EQ(j["budget"]["bram18"], 981);  // 1,090 x 0.9
  EXPECT_EQ(j["budget"]["headroom_pct"], 10.0);
  for (const char* row : {"pipeline", "dnnbuilder", "generic", "hybrid"}) {
    const auto& r = j["results"][row];
    EXPECT_EQ(r["budget"], j["budget"]) << row;
    EXPECT_LE(r["metrics"]["dsp_used"].get<int64_t>(), 810) << row;
    EXPECT_LE(r["metrics"]["bram18_used"].get<int64_t>(), 981) << row;
  }
  const CliResult bad = run_cli("compare alexnet --device zc706 --headroom 100");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--headroom 100: expected a percentage in [0, 100)"), std::string::npos)
      << bad.err;
}

}  // namespace
}  // namespace dnne
