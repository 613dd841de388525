// The run functions of src/api (bench_run.h, explore_run.h, compare_run.h) that the CLI and
// the public API share: what --design names, the --out files, the infeasible line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "api/bench_run.h"
#include "api/compare_run.h"
#include "api/explore_run.h"

namespace dnne {
namespace {

Problem problem(const std::string& model, const std::string& device) {
  auto p = load_problem({.model = model}, {.device = device});
  EXPECT_TRUE(p) << p.error().message;
  return std::move(*p);
}

std::vector<std::string> names(const OutputFiles& files) {
  std::vector<std::string> out;
  for (const auto& file : files) out.push_back(file.first);
  return out;
}

TEST(BenchTarget, JsonTextReferenceNameOrFile) {
  const auto json = bench_target("  {\"split_point\": 0}");
  ASSERT_TRUE(json);
  EXPECT_TRUE(json->json_text);
  EXPECT_EQ(json->reference, nullptr);
  const auto reference = bench_target("dpu_b4096x3");
  ASSERT_TRUE(reference);
  ASSERT_NE(reference->reference, nullptr);
  EXPECT_EQ(reference->reference->name, "dpu_b4096x3");
  // A path is a file to read, found or not (reading it names the file).
  const auto path = bench_target("no/such/design.json");
  ASSERT_TRUE(path);
  EXPECT_FALSE(path->json_text);
  EXPECT_EQ(path->reference, nullptr);
  EXPECT_EQ(path->design, "no/such/design.json");
  // A bare name that is neither: the nearest reference accelerator.
  const auto typo = bench_target("dpu_b4069x3");
  ASSERT_FALSE(typo);
  EXPECT_NE(typo.error().message.find("--design dpu_b4069x3: no such file and no reference "
                                      "accelerator of that name"),
            std::string::npos);
  EXPECT_NE(typo.error().message.find("'dpu_b4096x3'"), std::string::npos) << typo.error().message;
}

TEST(BenchTarget, AFileNamedLikeATemplateIsTheFile) {
  const auto dir = std::filesystem::temp_directory_path() / "dnne_bench_target_test";
  std::filesystem::create_directories(dir);
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  std::ofstream("dpu_b4096x3") << "{}";
  const auto target = bench_target("dpu_b4096x3");
  std::filesystem::current_path(cwd);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(target);
  EXPECT_EQ(target->reference, nullptr);
}

TEST(ExploreRun, FilesAreTheOutDirectoryAndTheDesignBenchesBack) {
  SearchOptions options;
  options.paradigm = Paradigm::kPipeline;
  options.keep_design_space = true;
  options.pso = {.swarm_size = 6, .iterations = 4};
  auto report = explore_run(problem("alexnet", "zc706"),
                            {.options = options, .paradigm = "pipeline", .pareto = true});
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_TRUE(report->feasible);
  const OutputFiles files = report->files();
  const std::vector<std::string> listed = names(files);
  ASSERT_GE(listed.size(), 6u);
  EXPECT_EQ(std::vector<std::string>(listed.begin(), listed.begin() + 4),
            (std::vector<std::string>{"design.json", "report.json", "layers.csv", "report.html"}));
  EXPECT_EQ(listed.back(), "pareto/index.json");
  // One design file per front design, and the front is in the JSON.
  EXPECT_EQ(listed.size() - 5, report->json["pareto"].size());
  EXPECT_EQ(files[0].second, report->designs.at("hybrid"));
  EXPECT_EQ(files[1].second, report->json.dump(2) + "\n");
  // The chosen design, read back by bench, has the explored figures.
  auto target = bench_target(files[0].second);
  ASSERT_TRUE(target);
  auto bench = bench_run(problem("alexnet", "zc706"), *target, false);
  ASSERT_TRUE(bench) << bench.error().message;
  EXPECT_EQ(bench->json["metrics"], report->json["metrics"]);
  // With pareto, the table and CSV are the front's.
  EXPECT_NE(report->table().find("(the chosen design)"), std::string::npos);
  EXPECT_EQ(report->csv().find("layer,"), std::string::npos);
}

TEST(ExploreRun, InfeasibleSaysWhyAndHowManyPointsWithNoOtherView) {
  SearchOptions options;
  options.constraints.min_fps = 1e9;
  options.pso = {.swarm_size = 4, .iterations = 3};
  auto report = explore_run(problem("vgg16", "pynq_z1"), {.options = options, .paradigm = "hybrid"});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->feasible);
  EXPECT_EQ(report->infeasible.rfind("no feasible hybrid design for vgg16 on pynq_z1; the "
                                     "tightest violation: ",
                                     0),
            0u);
  EXPECT_TRUE(report->infeasible.ends_with(" points searched)")) << report->infeasible;
  EXPECT_FALSE(report->json["feasible"].get<bool>());
  EXPECT_FALSE(report->table || report->csv || report->html || report->files);
  EXPECT_TRUE(report->designs.empty());
}

TEST(CompareRun, AnUnknownReferenceIsAnErrorAndFilesNameEachFeasibleRow) {
  SearchOptions options;
  options.keep_design_space = true;
  options.pso = {.swarm_size = 6, .iterations = 4};
  auto bad = compare_run(problem("alexnet", "zc706"),
                         {.options = options, .references = {"qiu_zc706"}});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("did you mean 'qiu16_zc706'"), std::string::npos);
  auto report = compare_run(problem("alexnet", "zc706"),
                            {.options = options, .references = {"qiu16_zc706"}});
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_TRUE(report->feasible);
  EXPECT_EQ(report->json["references"].size(), 1u);
  EXPECT_NE(report->table().find("qiu16_zc706"), std::string::npos);
  EXPECT_EQ(names(report->files()),
            (std::vector<std::string>{"report.json", "report.html", "pipeline.json",
                                      "dnnbuilder.json", "generic.json", "hybrid.json"}));
  EXPECT_EQ(report->designs.size(), 4u);
}

}  // namespace
}  // namespace dnne
