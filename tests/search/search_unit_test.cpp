// Small pieces of the search: option parsing, candidate values, the random streams and the
// deterministic parallel loop.
#include <gtest/gtest.h>

#include <atomic>
#include <set>

#include "search/generic_allocator.h"
#include "search/objective.h"
#include "search/parallel.h"
#include "search/rng.h"
#include "search/search_options.h"
#include "search/stage_table.h"

namespace dnne {
namespace {

TEST(SearchOptionsParsing, NamesAndErrors) {
  EXPECT_EQ(parse_objective("latency").value(), Objective::kLatency);
  EXPECT_EQ(parse_objective("lattency").error().message,
            "--objective 'lattency': expected throughput, latency or dsp_efficiency (did you mean "
            "'latency'?)");
  EXPECT_EQ(parse_paradigm("generic").value(), Paradigm::kGeneric);
  EXPECT_EQ(parse_paradigm("hybird").error().message,
            "--paradigm 'hybird': expected hybrid, pipeline or generic (did you mean 'hybrid'?)");
  EXPECT_EQ(parse_search_method("exhaustive").value(), SearchMethod::kExhaustive);
  EXPECT_EQ(parse_search_method("grid").error().message,
            "--search 'grid': expected pso or exhaustive");
  EXPECT_EQ(parse_search_method("psoo").error().message,
            "--search 'psoo': expected pso or exhaustive (did you mean 'pso'?)");
  EXPECT_EQ(validate({.constraints = {.min_fps = -3}}).error().message,
            "--min-fps -3: expected a non-negative number of frames per second");
  // The flag reads back as the user wrote it, as in the constraint's rejection (not -1.23457e+06).
  EXPECT_EQ(validate({.constraints = {.min_fps = -1234567}}).error().message,
            "--min-fps -1234567: expected a non-negative number of frames per second");
  EXPECT_EQ(validate({.threads = -1}).error().message,
            "--threads -1: expected a number of threads, or 0 for all hardware threads");
}

TEST(StageCandidates, PowersOfTwoAndDivisors) {
  EXPECT_EQ(parallelism_values(12), (std::vector<int>{1, 2, 3, 4, 6, 8, 12}));
  EXPECT_EQ(parallelism_values(1), (std::vector<int>{1}));
  // 25088 = 512 * 7 * 7 (VGG's fc6 input): 2^0..2^14 plus the divisors with a factor 7.
  const std::vector<int> fc6 = parallelism_values(25088);
  EXPECT_EQ(fc6.front(), 1);
  EXPECT_EQ(fc6.back(), 25088);
  EXPECT_TRUE(std::count(fc6.begin(), fc6.end(), 16384));
  EXPECT_TRUE(std::count(fc6.begin(), fc6.end(), 49));
}

TEST(GenericCandidates, EngineShapesFitTheLanes) {
  const auto shapes = engine_shapes(100, 64, 64, 8);
  ASSERT_FALSE(shapes.empty());
  std::set<std::pair<int, int>> seen(shapes.begin(), shapes.end());
  for (const auto& [p_in, p_out] : shapes) {
    EXPECT_LE(p_in * p_out, 100);
    EXPECT_GE(p_in * p_out * 8, 100);
    EXPECT_LE(p_in, 64);
  }
  EXPECT_TRUE(seen.count({8, 8}));
  EXPECT_TRUE(seen.count({1, 96}) == 0);  // P_out capped at the layers' 64 channels
  EXPECT_TRUE(seen.count({2, 48}));       // the widest multiple of 8 beside P_in = 2
}

TEST(RandomStreams, DeterministicAndIndependent) {
  SplitMix64 a(42, 0), b(42, 0), c(42, 1);
  double sum = 0;
  for (int i = 0; i < 1000; ++i) {
    const double x = a.uniform();
    EXPECT_EQ(x, b.uniform());
    EXPECT_GE(x, 0.0);
    EXPECT_LT(x, 1.0);
    sum += x;
  }
  EXPECT_NEAR(sum / 1000, 0.5, 0.05);
  SplitMix64 d(42, 0);
  EXPECT_NE(d.next(), c.next());
}

TEST(ParallelFor, EveryItemOnceOnAnyThreadCount) {
  for (int threads : {1, 2, 3}) {
    std::vector<int> hits(100, 0);
    std::atomic<int> calls{0};
    parallel_for(100, threads, [&](int i, int worker) {
      EXPECT_LT(worker, threads);
      ++hits[static_cast<size_t>(i)];
      ++calls;
    });
    EXPECT_EQ(calls.load(), 100);
    for (int h : hits) EXPECT_EQ(h, 1);
  }
  EXPECT_THROW(parallel_for(4, 2,
                            [](int i, int) {
                              if (i == 3) throw std::runtime_error("x");
                            }),
               std::runtime_error);
}

TEST(ObjectiveScores, HigherIsBetter) {
  Estimate fast{.throughput_fps = 100, .latency_ms = 5, .dsp_efficiency = 0.5};
  Estimate slow{.throughput_fps = 50, .latency_ms = 10, .dsp_efficiency = 0.9};
  EXPECT_GT(objective_score(fast, Objective::kThroughput),
            objective_score(slow, Objective::kThroughput));
  EXPECT_GT(objective_score(fast, Objective::kLatency), objective_score(slow, Objective::kLatency));
  EXPECT_GT(objective_score(slow, Objective::kDspEfficiency),
            objective_score(fast, Objective::kDspEfficiency));
  const Rejection r = check_constraints(slow, {.min_fps = 60});
  EXPECT_EQ(r.reason, "throughput 50 fps < --min-fps 60");
  EXPECT_DOUBLE_EQ(r.ratio, 1.2);
  EXPECT_TRUE(check_constraints(slow, {.min_fps = 40, .max_latency_ms = 10}).reason.empty());
}

// Figures and limits print as a person writes them, never with an exponent.
TEST(ObjectiveScores, ConstraintReasonsHaveNoExponents) {
  const Estimate some{.throughput_fps = 164.56, .latency_ms = 0.15234};
  EXPECT_EQ(check_constraints(some, {.min_fps = 100000}).reason,
            "throughput 164.6 fps < --min-fps 100000");
  EXPECT_EQ(check_constraints(some, {.max_latency_ms = 0.125}).reason,
            "latency 0.1523 ms > --max-latency-ms 0.125");
  const Estimate fast{.throughput_fps = 123456.7};
  EXPECT_EQ(check_constraints(fast, {.min_fps = 2e6}).reason,
            "throughput 123457 fps < --min-fps 2000000");
}

}  // namespace
}  // namespace dnne
