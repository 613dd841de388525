// Deep networks: the search works per distinct layer (stage_classes.h), so its cost grows
// with the number of distinct layers, not the depth; and the per-class shortcuts give the
// figures the whole-part model gives. Counts, never times.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "importers/model_loader.h"
#include "search/explore.h"
#include "search/generic_allocator.h"
#include "search/generic_by_class.h"
#include "search/stage_classes.h"
#include "search/stage_table.h"
#include "search_fixtures.h"

namespace dnne {
namespace {

std::vector<Network> varied_networks() {
  std::vector<Network> networks = {test::zoo("resnet50"), test::zoo("mobilenet_v2"),
                                   test::zoo("squeezenet1_1"), test::zoo("alexnet")};
  networks.push_back(
      load_model(std::string(DNNE_SOURCE_DIR) + "/tests/fixtures/onnx/tiny_encoder.onnx").value());
  return networks;
}

TEST(StageClasses, ChainHasThreeClassesAndRepeatsAreShared) {
  const Workload w = make_workload(test::conv_chain(50, 64, 8));
  const StageClasses c = stage_classes(w);
  // The first conv (reads the network input), the middle ones, the last (a network output).
  EXPECT_EQ(c.count(), 3);
  EXPECT_EQ(c.class_of[0], 0);
  EXPECT_EQ(c.class_of[1], 1);
  EXPECT_EQ(c.class_of[48], 1);
  EXPECT_EQ(c.class_of[49], 2);
  // ResNet-50 repeats its bottleneck blocks: fewer classes than stages, but more than one.
  const Workload r = make_workload(test::zoo("resnet50"));
  const StageClasses rc = stage_classes(r);
  EXPECT_LT(rc.count(), r.stage_count());
  EXPECT_GT(rc.count(), 10);
}

// The table shares one set of options per class; every stage's costs are still exactly what
// pipeline_stage_cost says for that stage.
TEST(StageClasses, TableCostsAreEachStagesOwn) {
  for (const Network& network : varied_networks()) {
    const Workload w = make_workload(network);
    const Budget b = test::device_budget("zcu102");
    const StageTable table = build_stage_table(w, b, {1, 3}, 1);
    for (int s = 0; s < w.stage_count(); ++s) {
      const StageOptions& o = table.stage(s);
      for (size_t i = 0; i < o.option_count(); i += 3)
        for (int bi = 0; bi < 2; ++bi) {
          const StageCost c = pipeline_stage_cost(w, s, o.parallelism[i],
                                                  table.batches[static_cast<size_t>(bi)], b);
          const StageCost& t = o.cost(i, bi);
          ASSERT_EQ(c.cycles, t.cycles) << w.name << " stage " << s;
          ASSERT_EQ(c.dsp, t.dsp) << w.name << " stage " << s;
          ASSERT_EQ(c.bram18, t.bram18) << w.name << " stage " << s;
          ASSERT_DOUBLE_EQ(c.weight_bits_per_cycle * static_cast<double>(c.cycles), o.bits(i, bi));
        }
    }
  }
}

// An engine of the given shape, batch and mode with the same share of the BRAM18 in its input
// and weight buffers and half of it in its output buffer.
GenericDesign engine_design(int p_in, int p_out, int batch, int mode, double fraction,
                            const PartBudget& b) {
  const auto blocks = static_cast<int64_t>(fraction * static_cast<double>(b.bram18));
  return {.p_in = p_in,
          .p_out = p_out,
          .batch = batch,
          .input_buffer_bram18 = blocks,
          .weight_buffer_bram18 = blocks,
          .output_buffer_bram18 = blocks / 2,
          .winograd_m = mode};
}

// One GenericByClass evaluating many engines in a row, with scores to beat that stop some
// early, answers each as a fresh one would: the costs it shares between engines that differ
// only in their Winograd mode (the classes the mode does not apply to), kept for the last few
// engines and partly filled by evaluations that stopped early, change nothing.
TEST(GenericByClass, SharedCostsChangeNoAnswer) {
  int compared = 0, stopped = 0;
  for (const char* model : {"resnet50", "mobilenet_v2", "yolov2_tiny"}) {
    const Workload w = make_workload(test::zoo(model));
    const StageClasses classes = stage_classes(w);
    const int n = w.stage_count();
    for (const char* device : {"zc706", "ku115_accdnn"})
      for (int sp : {0, n / 2}) {
        const PartBudget b = test::part_budget(test::device_budget(device));
        GenericByClass shared(classes, sp);
        int64_t macs = 0;
        for (int s = sp; s < n; ++s) macs += w.stage(s).macs;
        for (int p_in : {8, 32})
          for (int p_out : {16, 64})
            for (int batch : {1, 3})
              for (double fraction : {0.05, 0.3})
                for (int mode : {0, 2, 4})
                  for (double bar : {0.0, 0.5, 0.9, 1.1}) {  // of the engine's own rate
                    const GenericDesign d = engine_design(p_in, p_out, batch, mode, fraction, b);
                    GenericByClass fresh(classes, sp);
                    PartSummary want_summary, got_summary;
                    const GenericByClass::Outcome plain = fresh.evaluate(d, b, want_summary);
                    const double rate = plain == GenericByClass::Outcome::kFeasible
                                            ? want_summary.throughput_fps
                                            : 1.0;
                    const GenericByClass::Beat beat{.score = bar * rate, .part_macs = macs};
                    GenericByClass alone(classes, sp);
                    const GenericByClass::Outcome want = alone.evaluate(d, b, want_summary, &beat);
                    const GenericByClass::Outcome got = shared.evaluate(d, b, got_summary, &beat);
                    ASSERT_EQ(got, want) << model << " on " << device << " SP " << sp << " "
                                         << p_in << "x" << p_out << " mode " << mode;
                    if (want == GenericByClass::Outcome::kCannotWin) ++stopped;
                    if (want == GenericByClass::Outcome::kFeasible) {
                      ASSERT_EQ(got_summary.throughput_fps, want_summary.throughput_fps);
                      ASSERT_EQ(got_summary.latency_ms, want_summary.latency_ms);
                      ASSERT_EQ(got_summary.dram_bw_gbps, want_summary.dram_bw_gbps);
                    }
                    ++compared;
                  }
      }
  }
  EXPECT_EQ(compared, 3 * 2 * 2 * 2 * 2 * 2 * 2 * 3 * 4);
  EXPECT_GT(stopped, 100);
}

// Part B summed per class equals the whole-part model, and says "feasible" exactly when the
// model does, on many engines, buffers, batches and split points.
TEST(GenericByClass, SameFiguresAsTheModel) {
  int feasible = 0, infeasible = 0;
  for (const Network& network : varied_networks()) {
    const Workload w = make_workload(network);
    const StageClasses classes = stage_classes(w);
    const int n = w.stage_count();
    for (const char* device : {"zc706", "u250"})
      for (int sp : {0, n / 2, n - 1}) {
        const PartBudget b = test::part_budget(test::device_budget(device));
        GenericByClass by_class(classes, sp);
        Estimate e;
        e.layers.resize(w.stages.size());
        for (int p_in : {1, 8, 32})
          for (int p_out : {4, 16, 64})
            for (int mode : {0, 2, 4})
              for (int batch : {1, 3})
                for (double fraction : {0.02, 0.3}) {
                  const GenericDesign d = engine_design(p_in, p_out, batch, mode, fraction, b);
                  e.clear_violations();
                  evaluate_generic_part(w, sp, d, b, e);
                  PartSummary s;
                  const bool ok =
                      by_class.evaluate(d, b, s) == GenericByClass::Outcome::kFeasible;
                  ASSERT_EQ(ok, e.feasible) << w.name << " SP " << sp;
                  if (!ok) {
                    ++infeasible;
                    continue;
                  }
                  ++feasible;
                  ASSERT_DOUBLE_EQ(s.throughput_fps, e.generic.throughput_fps) << w.name;
                  ASSERT_DOUBLE_EQ(s.latency_ms, e.generic.latency_ms) << w.name;
                  ASSERT_EQ(s.dsp, e.generic.dsp);
                  ASSERT_EQ(s.bram18, e.generic.bram18);
                  ASSERT_NEAR(s.dram_bw_gbps, e.generic.dram_bw_gbps,
                              1e-9 * e.generic.dram_bw_gbps);
                }
      }
  }
  EXPECT_GT(feasible, 500);
  EXPECT_GT(infeasible, 50);
}

// A chain ten times deeper costs the search no more stage-cost tabulations and about the
// same number of design evaluations: the work per evaluation is per distinct layer.
TEST(ExploreDepth, ChainOfTwoThousandCostsAboutWhatTwoHundredDoes) {
  const Budget b = test::device_budget("ku115");
  const Workload shallow = make_workload(test::conv_chain(200, 64, 8));
  const Workload deep = make_workload(test::conv_chain(2000, 64, 8));
  const SearchResult s = explore(shallow, b, {.threads = 2}).value();
  const SearchResult d = explore(deep, b, {.threads = 2}).value();
  ASSERT_TRUE(s.feasible);
  ASSERT_TRUE(d.feasible);
  EXPECT_EQ(s.stats.stage_costs, d.stats.stage_costs);
  EXPECT_LT(d.stats.evaluated, 2 * s.stats.evaluated);
  EXPECT_LT(d.stats.points, 2 * s.stats.points);
  // Per frame the deep chain does ten times the work: the best design is no more than about
  // ten times slower (the pipeline's per-stage overheads and the split point aside).
  EXPECT_GT(d.estimate.throughput_fps * 12, s.estimate.throughput_fps);
}

// An 8-channel chain is feasible at any depth (a false "BRAM18 too few" once, issue 11).
TEST(ExploreDepth, DeepNarrowChainIsFeasible) {
  const Workload w = make_workload(test::conv_chain(1000, 8, 8));
  const SearchResult r = explore(w, test::device_budget("ku115"), {.threads = 2}).value();
  ASSERT_TRUE(r.feasible) << r.tightest.reason;
}

}  // namespace
}  // namespace dnne
