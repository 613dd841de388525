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

}  // namespace
}  // namespace dnne
