// The public C++ API (include/dnnexplorer/dnnexplorer.h): the same figures and design files as
// the CLI, errors as values with the CLI's messages, cancellation.
#include <dnnexplorer/dnnexplorer.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace dnne {
namespace {

nlohmann::json parse(const std::string& text) { return nlohmann::json::parse(text); }

TEST(PublicApi, ExploreMatchesTheCliAndItsDesignBenchesTheSame) {
  const auto net = dnnexplorer::load("alexnet");
  ASSERT_TRUE(net) << net.error().message;
  EXPECT_EQ(net->name(), "alexnet");
  EXPECT_EQ(net->stage_layer_names().front(), "conv1");
  const auto r = dnnexplorer::explore(*net, {.device = "zc706"}, {.paradigm = "pipeline"});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->feasible());
  EXPECT_EQ(r->kind(), "explore");
  const auto api = parse(r->json());
  const CliResult cli = run_cli("explore alexnet --device zc706 --paradigm pipeline --json");
  ASSERT_EQ(cli.status, 0);
  const auto expected = parse(cli.out);
  for (const char* key : {"design", "metrics", "budget", "layers", "objective"})
    EXPECT_EQ(api[key], expected[key]) << key;
  EXPECT_NE(r->table().find("cycles/frame"), std::string::npos);
  const auto bench = dnnexplorer::bench(*net, {.device = "zc706"}, r->design_json());
  ASSERT_TRUE(bench) << bench.error().message;
  EXPECT_EQ(parse(bench->json())["metrics"], api["metrics"]);
}

TEST(PublicApi, ErrorsAreValuesWithTheCliMessage) {
  const auto missing = dnnexplorer::load("resnet51");
  ASSERT_FALSE(missing);
  const CliResult cli = run_cli("analyze resnet51");
  EXPECT_EQ(cli.err, "dnnexplorer: error: " + missing.error().message + "\n");
  const auto net = dnnexplorer::load("vgg16");
  const auto over = dnnexplorer::explore(*net, {.device = "zc706", .dsp = "10000"});
  ASSERT_FALSE(over);
  EXPECT_NE(over.error().message.find("--dsp 10000: zc706 has 900 DSP slices"), std::string::npos);
  EXPECT_FALSE(dnnexplorer::analyze(*net, 12));
  EXPECT_FALSE(dnnexplorer::bench(*net, {.device = "zc706"}, "{ not json"));
}

TEST(PublicApi, InfeasibleIsAResultAndCancelIsAnError) {
  const auto net = dnnexplorer::load("vgg16");
  const auto none = dnnexplorer::explore(*net, {.device = "pynq_z1"},
                                         {.min_fps = 1e6, .swarm = 4, .iterations = 3});
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->feasible());
  EXPECT_EQ(none->design_json(), "");
  EXPECT_NE(none->table().find("no feasible hybrid design"), std::string::npos);
  int asked = 0;
  const auto cancelled = dnnexplorer::explore(
      *net, {.device = "ku115"}, {.cancelled = [&asked] { return ++asked > 2; }});
  ASSERT_FALSE(cancelled);
  EXPECT_EQ(cancelled.error().message, "search cancelled");
  EXPECT_EQ(asked, 3);
}

TEST(PublicApi, CompareRowsAndViews) {
  const auto net = dnnexplorer::load("alexnet");
  const auto r = dnnexplorer::compare(*net, {.device = "zc706"}, {.swarm = 6, .iterations = 4});
  ASSERT_TRUE(r) << r.error().message;
  const auto j = parse(r->json());
  EXPECT_EQ(j["results"].size(), 4u);
  EXPECT_EQ(parse(r->design_json("generic"))["split_point"], 0);
  EXPECT_NE(r->csv().find("hybrid_speedup"), std::string::npos);
  EXPECT_NE(r->html().find("<html"), std::string::npos);
  EXPECT_NE(dnnexplorer::devices().table().find("ku115"), std::string::npos);
  EXPECT_NE(parse(dnnexplorer::models().json())["models"].size(), 0u);
}

// Search timings differ from run to run.
nlohmann::json without_timings(nlohmann::json j) {
  j.erase("search");
  if (j.contains("results"))
    for (auto& [name, row] : j["results"].items()) row.erase("search");
  return j;
}

TEST(PublicApi, EveryViewIsTheClis) {
  const auto net = dnnexplorer::load("alexnet");
  ASSERT_TRUE(net) << net.error().message;
  const auto explored = dnnexplorer::explore(
      *net, {.device = "zc706"}, {.paradigm = "generic", .swarm = 6, .iterations = 4, .pareto = true});
  ASSERT_TRUE(explored) << explored.error().message;
  const std::string run = "explore alexnet --device zc706 --paradigm generic --swarm 6 "
                          "--iterations 4 --pareto --quiet";
  EXPECT_EQ(without_timings(parse(explored->json())),
            without_timings(parse(run_cli(run + " --json").out)));
  EXPECT_EQ(explored->csv(), run_cli(run + " --csv").out);
  const auto compared = dnnexplorer::compare(
      *net, {.device = "zc706"},
      {.swarm = 6, .iterations = 4, .references = {"qiu16_zc706", "dpu_b4096x3"}});
  ASSERT_TRUE(compared) << compared.error().message;
  const std::string compare_run =
      "compare alexnet --device zc706 --swarm 6 --iterations 4 --quiet --with qiu16_zc706,dpu_b4096x3";
  EXPECT_EQ(without_timings(parse(compared->json())),
            without_timings(parse(run_cli(compare_run + " --json").out)));
  EXPECT_EQ(compared->csv(), run_cli(compare_run + " --csv").out);
  EXPECT_EQ(parse(compared->json())["references"].size(), 2u);
  // bench of a reference accelerator by name.
  const auto dpu = dnnexplorer::bench(*net, {.device = "zcu102"}, "dpu_b4096x3");
  ASSERT_TRUE(dpu) << dpu.error().message;
  const std::string bench_run = "bench alexnet --device zcu102 --design dpu_b4096x3";
  EXPECT_EQ(dpu->json() + "\n", run_cli(bench_run + " --json").out);
  EXPECT_EQ(dpu->table(), run_cli(bench_run).out);
  EXPECT_EQ(dpu->csv(), run_cli(bench_run + " --csv").out);
  EXPECT_EQ(dpu->design_json(), "");
  const auto analyzed = dnnexplorer::analyze(*net, 8);
  EXPECT_EQ(analyzed->table(), run_cli("analyze alexnet --precision 8").out);
  EXPECT_EQ(analyzed->csv(), run_cli("analyze alexnet --precision 8 --csv").out);
}

TEST(PublicApi, ValidateHasTheCliFiguresInEveryView) {
  const std::string data = std::string(DNNE_SOURCE_DIR) + "/data/validation";
  const auto r = dnnexplorer::validate(data);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->kind(), "validate");
  const auto j = parse(r->json());
  EXPECT_EQ(j["rows_listed"], 54);
  EXPECT_EQ(j["rows"].size(), 54u);
  // Every evaluated row's error is its prediction against its measurement.
  for (const auto& row : j["rows"]) {
    if (!row["evaluated"].get<bool>()) continue;
    EXPECT_NEAR(row["error"].get<double>(),
                (row["predicted"].get<double>() - row["measured"].get<double>()) /
                    row["measured"].get<double>(),
                1e-12)
        << row["id"];
  }
  EXPECT_EQ(r->json() + "\n", run_cli("validate --json --data " + data).out);
  EXPECT_EQ(r->csv(), run_cli("validate --csv --data " + data).out);
  EXPECT_EQ(r->table(), run_cli("validate --data " + data).out);
  EXPECT_EQ(r->html(), "");
  // The default data directory is the source tree's when ./data/validation is absent (the
  // tests run in the build tree).
  const auto by_default = dnnexplorer::validate();
  ASSERT_TRUE(by_default) << by_default.error().message;
  EXPECT_EQ(by_default->json(), r->json());
}

TEST(PublicApi, ValidateWithoutDataIsAnErrorNamingTheFile) {
  const auto r = dnnexplorer::validate("/nonexistent/dir");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("/nonexistent/dir/measured.csv"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(run_cli("validate --data /nonexistent/dir").err,
            "dnnexplorer: error: " + r.error().message + "\n");
}

}  // namespace
}  // namespace dnne
