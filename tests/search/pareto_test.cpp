// The Pareto archive: dominance on hand-made figures, the archive's bookkeeping, and the
// front a search keeps against a brute-force enumeration of every design it evaluates.
#include "search/pareto.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "search/design_point.h"
#include "search/explore.h"
#include "search_fixtures.h"

namespace dnne {
namespace {

// Axes: throughput (max), latency, DSP, BRAM18 (min).
static_assert(kParetoAxisCount == 4);

Design tagged(int tag) {
  return {.split_point = tag};
}

TEST(ParetoDominance, BetterSomewhereAndNoWorseAnywhere) {
  const ParetoFigures base = {100, 10, 500, 200};
  EXPECT_FALSE(dominates(base, base)) << "equal figures dominate neither way";
  EXPECT_TRUE(dominates({101, 10, 500, 200}, base)) << "more throughput";
  EXPECT_TRUE(dominates({100, 9, 500, 200}, base)) << "less latency";
  EXPECT_TRUE(dominates({100, 10, 499, 200}, base)) << "fewer DSP";
  EXPECT_TRUE(dominates({100, 10, 500, 199}, base)) << "fewer BRAM18";
  EXPECT_FALSE(dominates(base, {101, 10, 500, 200}));
  // A trade-off: faster but more DSP; neither dominates.
  EXPECT_FALSE(dominates({120, 10, 600, 200}, base));
  EXPECT_FALSE(dominates(base, {120, 10, 600, 200}));
}

TEST(ParetoArchive, KeepsTheNonDominatedAndTheFirstOfEquals) {
  ParetoArchive a;
  EXPECT_TRUE(a.offer({100, 10, 500, 200}, tagged(1)));
  EXPECT_FALSE(a.offer({100, 10, 500, 200}, tagged(2))) << "an equal design does not enter";
  EXPECT_FALSE(a.offer({90, 11, 500, 200}, tagged(3))) << "dominated";
  EXPECT_TRUE(a.offer({120, 10, 600, 200}, tagged(4))) << "a trade-off enters";
  EXPECT_TRUE(a.offer({80, 10, 300, 100}, tagged(5)));
  ASSERT_EQ(a.entries().size(), 3u);
  // One design better than 1 and 5 on every axis, not than 4 (throughput): replaces both.
  EXPECT_TRUE(a.offer({110, 9, 300, 100}, tagged(6)));
  std::vector<int> tags;
  for (const ParetoEntry& e : a.take_sorted()) tags.push_back(e.design.split_point);
  EXPECT_EQ(tags, (std::vector<int>{4, 6})) << "sorted by throughput, best first";
}

// Every feasible whole design evaluate_point produces, with its figures.
class Recorder : public DesignSink {
 public:
  void offer(const Design&, const Estimate& estimate) override {
    figures.push_back(pareto_figures(estimate));
  }
  std::vector<ParetoFigures> figures;
};

SearchOptions small_grid() {
  return {.method = SearchMethod::kExhaustive,
          .threads = 2,
          .split_steps = 4,
          .exhaustive_split_steps = 4,
          .generic_batches = {1, 2, 4},
          .keep_design_space = true};
}

// Brute force: every point of the exhaustive grid through evaluate_point, every design it
// evaluates recorded, and the front computed by comparing all pairs.
std::vector<ParetoFigures> all_designs(const Workload& w, const Budget& b, const SearchOptions& o) {
  const StageTable table = build_stage_table(w, b, o.pipeline_batches, 1);
  const SearchContext c{.workload = w,
                        .budget = b,
                        .table = &table,
                        .objective = o.objective,
                        .split_steps = o.exhaustive_split_steps,
                        .generic_batches = o.generic_batches,
                        .winograd_modes = o.winograd_modes};
  const int n = c.workload.stage_count(), top = c.split_steps - 1;
  std::vector<GlobalPoint> points = {{.split_point = 0}, {.split_point = n}};
  for (int sp = 1; sp < n; ++sp)
    for (int d = 1; d <= top; ++d)
      for (int m = 1; m <= top; ++m)
        for (int bw = 1; bw <= top; ++bw)
          for (int bi = 0; bi < static_cast<int>(c.generic_batches.size()); ++bi)
            points.push_back({.split_point = sp,
                              .dsp_step = d,
                              .bram_step = m,
                              .bw_step = bw,
                              .batch_index = bi});
  Recorder recorder;
  Estimate scratch;
  scratch.layers.resize(w.stages.size());
  EvalCounter counter;
  for (const GlobalPoint& p : points) evaluate_point(c, p, scratch, counter, &recorder);
  return recorder.figures;
}

std::vector<ParetoFigures> non_dominated(const std::vector<ParetoFigures>& all) {
  std::vector<ParetoFigures> front;
  for (const ParetoFigures& f : all) {
    bool dominated = false;
    for (const ParetoFigures& g : all) dominated = dominated || dominates(g, f);
    if (!dominated && std::find(front.begin(), front.end(), f) == front.end()) front.push_back(f);
  }
  std::sort(front.begin(), front.end());
  return front;
}

TEST(ParetoSearch, ExhaustiveFrontEqualsBruteForceOverEveryDesignEvaluated) {
  const Workload w = make_workload(test::small_network());
  const Budget b = test::device_budget("zc706");
  const SearchOptions o = small_grid();
  const SearchResult r = explore(w, b, o).value();
  ASSERT_TRUE(r.design_space.recorded);
  const std::vector<ParetoFigures> all = all_designs(w, b, o);
  ASSERT_GT(all.size(), 100u) << "the small grid should still give many designs";
  EXPECT_EQ(r.design_space.designs, static_cast<int64_t>(all.size()));

  std::vector<ParetoFigures> kept;
  for (const ParetoEntry& e : r.design_space.front) kept.push_back(e.figures);
  std::sort(kept.begin(), kept.end());
  const std::vector<ParetoFigures> expected = non_dominated(all);
  ASSERT_GT(expected.size(), 1u) << "a front of one design tests little";
  EXPECT_EQ(kept, expected);
  // And directly: nothing evaluated dominates a kept design, nor does one kept design another.
  for (const ParetoEntry& e : r.design_space.front) {
    for (const ParetoFigures& f : all) EXPECT_FALSE(dominates(f, e.figures));
    for (const ParetoEntry& other : r.design_space.front)
      EXPECT_FALSE(dominates(other.figures, e.figures));
  }
}

TEST(ParetoSearch, FrontDesignsReproduceTheirFiguresAndCarryTheBudget) {
  const Workload w = make_workload(test::zoo("alexnet"));
  const Budget b = test::device_budget("zcu102");
  SearchOptions o{.threads = 2, .pso = {.swarm_size = 8, .iterations = 8}};
  o.keep_design_space = true;
  const SearchResult r = explore(w, b, o).value();
  ASSERT_TRUE(r.feasible);
  ASSERT_FALSE(r.design_space.front.empty());
  for (const ParetoEntry& e : r.design_space.front) {
    EXPECT_EQ(pareto_figures(evaluate(w, e.design, b)), e.figures);
    EXPECT_EQ(e.design.made_for.dsp, b.dsp);
    EXPECT_EQ(e.design.made_for.bram18, b.bram18);
  }
  // The chosen design (best throughput) is on the front, or equals one there.
  const ParetoFigures chosen = pareto_figures(r.estimate);
  bool found = false;
  for (const ParetoEntry& e : r.design_space.front) found = found || e.figures == chosen;
  EXPECT_TRUE(found);
}

TEST(ParetoSearch, SameFrontAndSampleOnOneOrTwoThreads) {
  const Workload w = make_workload(test::zoo("alexnet"));
  const Budget b = test::device_budget("ku115");
  SearchOptions o{.seed = 3, .threads = 1, .pso = {.swarm_size = 8, .iterations = 10}};
  o.keep_design_space = true;
  o.design_space_sample = 64;
  const DesignSpace one = explore(w, b, o).value().design_space;
  o.threads = 2;
  const DesignSpace two = explore(w, b, o).value().design_space;
  ASSERT_GT(one.designs, 64) << "enough designs for the sample to be a sample";
  EXPECT_EQ(one.sample.size(), 64u) << "bounded by its capacity";
  EXPECT_EQ(one.designs, two.designs);
  ASSERT_EQ(one.front.size(), two.front.size());
  for (size_t i = 0; i < one.front.size(); ++i)
    EXPECT_EQ(one.front[i].figures, two.front[i].figures);
  ASSERT_EQ(one.sample.size(), two.sample.size());
  for (size_t i = 0; i < one.sample.size(); ++i)
    EXPECT_EQ(one.sample[i].figures, two.sample[i].figures);
}

TEST(ParetoSearch, NothingKeptUnlessAsked) {
  const Workload w = make_workload(test::small_network());
  const SearchResult r =
      explore(w, test::device_budget("zc706"), {.pso = {.swarm_size = 4, .iterations = 2}}).value();
  EXPECT_FALSE(r.design_space.recorded);
  EXPECT_TRUE(r.design_space.front.empty());
  EXPECT_TRUE(r.design_space.sample.empty());
}

}  // namespace
}  // namespace dnne
