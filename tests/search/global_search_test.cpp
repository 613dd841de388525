// The global search: PSO against exhaustive enumeration on small spaces, determinism across
// thread counts, and the hybrid never below either single-paradigm design.
#include <gtest/gtest.h>

#include "search/compare.h"
#include "search/explore.h"
#include "search_fixtures.h"

namespace dnne {
namespace {

SearchResult run(const Workload& w, const Budget& b, SearchOptions o) {
  auto r = explore(w, b, o);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return std::move(r).value();
}

// PSO and exhaustive search over the same coarse grid (shares in quarters, batches 1, 2, 4):
// PSO's best must be within 1 % of the true optimum of that grid.
void expect_pso_near_exhaustive(const Network& net, const std::string& device,
                                Objective objective) {
  const Workload w = make_workload(net);
  const Budget b = test::device_budget(device);
  SearchOptions o{.objective = objective,
                  .threads = 2,
                  .split_steps = 4,
                  .exhaustive_split_steps = 4,
                  .generic_batches = {1, 2, 4}};
  const SearchResult pso = run(w, b, o);
  o.method = SearchMethod::kExhaustive;
  const SearchResult all = run(w, b, o);
  ASSERT_TRUE(all.feasible);
  ASSERT_TRUE(pso.feasible);
  EXPECT_LT(pso.stats.points, all.stats.points) << "PSO should not need the whole space";
  const double best = objective_score(all.estimate, objective);
  const double found = objective_score(pso.estimate, objective);
  EXPECT_GE(found, best - 0.01 * std::abs(best)) << net.name() << " on " << device;
  EXPECT_LE(found, best * (best > 0 ? 1 + 1e-9 : 1 - 1e-9)) << "exhaustive must be the optimum";
}

TEST(PsoVersusExhaustive, SmallNetworkThroughput) {
  expect_pso_near_exhaustive(test::small_network(), "zc706", Objective::kThroughput);
}

TEST(PsoVersusExhaustive, AlexnetThroughput) {
  expect_pso_near_exhaustive(test::zoo("alexnet"), "zcu102", Objective::kThroughput);
}

TEST(PsoVersusExhaustive, SmallNetworkLatency) {
  expect_pso_near_exhaustive(test::small_network(), "zcu102", Objective::kLatency);
}

TEST(SearchDeterminism, SameSeedSameDesignOnOneOrTwoThreads) {
  const Workload w = make_workload(test::zoo("alexnet"));
  const Budget b = test::device_budget("ku115");
  SearchOptions o{.seed = 7, .threads = 1, .pso = {.swarm_size = 8, .iterations = 10}};
  const SearchResult one = run(w, b, o);
  o.threads = 2;
  const SearchResult two = run(w, b, o);
  ASSERT_TRUE(one.feasible);
  EXPECT_EQ(one.stats.evaluated, two.stats.evaluated);
  EXPECT_EQ(one.stats.points, two.stats.points);
  EXPECT_EQ(one.design.split_point, two.design.split_point);
  EXPECT_EQ(one.estimate.throughput_fps, two.estimate.throughput_fps);
  EXPECT_EQ(one.design.generic.p_in, two.design.generic.p_in);
  EXPECT_EQ(one.design.generic.p_out, two.design.generic.p_out);
  EXPECT_EQ(one.design.pipeline.batch, two.design.pipeline.batch);
  ASSERT_EQ(one.design.pipeline.stages.size(), two.design.pipeline.stages.size());
  for (size_t i = 0; i < one.design.pipeline.stages.size(); ++i) {
    EXPECT_EQ(one.design.pipeline.stages[i].cpf, two.design.pipeline.stages[i].cpf);
    EXPECT_EQ(one.design.pipeline.stages[i].kpf, two.design.pipeline.stages[i].kpf);
  }
}

TEST(SearchDeterminism, DifferentSeedsExploreDifferentPoints) {
  const Workload w = make_workload(test::zoo("alexnet"));
  const Budget b = test::device_budget("ku115");
  SearchOptions o{.seed = 1, .threads = 2, .pso = {.swarm_size = 8, .iterations = 3}};
  const SearchResult a = run(w, b, o);
  o.seed = 2;
  const SearchResult c = run(w, b, o);
  EXPECT_NE(a.stats.evaluated, c.stats.evaluated);
}

// The hybrid space contains SP = 0 and SP = N and both are always evaluated: the hybrid is
// never below the generic-only or the pipeline-only design on the same budget.
TEST(HybridVersusBaselines, NeverBelowEitherOnZooNetworksAndDevices) {
  for (const char* model : {"alexnet", "vgg16", "resnet18", "mobilenet_v2"})
    for (const char* device : {"zc706", "ku115", "zcu104"}) {
      const Workload w = make_workload(test::zoo(model));
      const Budget b = test::device_budget(device);
      const CompareResult r =
          compare(w, b, {.threads = 2, .pso = {.swarm_size = 6, .iterations = 4}}).value();
      ASSERT_TRUE(r.hybrid.feasible) << model << " on " << device;
      const double hybrid = r.hybrid.estimate.throughput_fps;
      if (r.pipeline.feasible) {
        EXPECT_GE(hybrid, r.pipeline.estimate.throughput_fps) << model << " on " << device;
      }
      if (r.generic.feasible) {
        EXPECT_GE(hybrid, r.generic.estimate.throughput_fps) << model << " on " << device;
      }
      if (r.dnnbuilder.feasible) {
        EXPECT_GE(hybrid, r.dnnbuilder.estimate.throughput_fps) << model << " on " << device;
      }
    }
}

// Each objective wins on its own measure against the others' answers.
TEST(ExploreObjectives, EachObjectiveWinsOnItsOwnMeasure) {
  const Workload w = make_workload(test::zoo("alexnet"));
  const Budget b = test::device_budget("zcu102");
  const SearchResult fast = run(w, b, {.objective = Objective::kThroughput, .threads = 2});
  const SearchResult quick = run(w, b, {.objective = Objective::kLatency, .threads = 2});
  const SearchResult lean = run(w, b, {.objective = Objective::kDspEfficiency, .threads = 2});
  ASSERT_TRUE(fast.feasible && quick.feasible && lean.feasible);
  EXPECT_GE(fast.estimate.throughput_fps, quick.estimate.throughput_fps);
  EXPECT_GE(fast.estimate.throughput_fps, lean.estimate.throughput_fps);
  EXPECT_LE(quick.estimate.latency_ms, fast.estimate.latency_ms);
  EXPECT_LE(quick.estimate.latency_ms, lean.estimate.latency_ms);
  EXPECT_GE(lean.estimate.dsp_efficiency, fast.estimate.dsp_efficiency);
  EXPECT_GE(lean.estimate.dsp_efficiency, quick.estimate.dsp_efficiency);
}

TEST(ExploreConstraints, MinFpsBeyondReachIsInfeasibleWithReason) {
  const Workload w = make_workload(test::zoo("alexnet"));
  const Budget b = test::device_budget("zc706");
  SearchOptions o{.paradigm = Paradigm::kGeneric, .constraints = {.min_fps = 1e9}, .threads = 1};
  const SearchResult r = run(w, b, o);
  EXPECT_FALSE(r.feasible);
  EXPECT_NE(r.tightest.reason.find("--min-fps 1000000000"), std::string::npos) << r.tightest.reason;
  EXPECT_EQ(r.stats.infeasible_by_reason.at("min_fps"), 1);
}

TEST(ExploreParadigms, EndpointsFixTheSplitPoint) {
  const Workload w = make_workload(test::zoo("alexnet"));
  const Budget b = test::device_budget("ku115");
  const SearchResult p = run(w, b, {.paradigm = Paradigm::kPipeline, .threads = 2});
  const SearchResult g = run(w, b, {.paradigm = Paradigm::kGeneric, .threads = 2});
  ASSERT_TRUE(p.feasible && g.feasible);
  EXPECT_EQ(p.design.split_point, w.stage_count());
  EXPECT_EQ(g.design.split_point, 0);
  EXPECT_EQ(p.stats.points, 1);
  EXPECT_EQ(g.stats.points, 1);
  // Every layer names what binds it.
  for (const LayerEstimate& l : p.estimate.layers) EXPECT_NE(l.bound, Bound::kNone);
}

// The generic and hybrid searches on a network whose layers all have 8 channels, on a large
// device: both feasible, the hybrid no worse than the generic-only design.
TEST(ExploreParadigms, SmallChannelNetworkIsFeasibleOnALargeDevice) {
  const Workload w = make_workload(test::conv_chain(12, 8, 16));
  const Budget b = test::device_budget("ku115");
  const auto generic = explore(w, b, {.paradigm = Paradigm::kGeneric, .threads = 1}).value();
  const auto hybrid = explore(w, b, {.threads = 1}).value();
  ASSERT_TRUE(generic.feasible) << generic.tightest.reason;
  ASSERT_TRUE(hybrid.feasible) << hybrid.tightest.reason;
  EXPECT_EQ(generic.stats.infeasible_points, 0);
  EXPECT_GE(hybrid.estimate.throughput_fps, generic.estimate.throughput_fps);
}

}  // namespace
}  // namespace dnne
