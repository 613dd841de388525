// The generic part's branch and bound against evaluating every candidate, and AccDNN's
// heuristic against its own definition (MODELS.md section 3).
#include <gtest/gtest.h>

#include <cmath>

#include "search/dnnbuilder_allocator.h"
#include "search/generic_allocator.h"
#include "search/part_score.h"
#include "search_fixtures.h"

namespace dnne {
namespace {

bool power_of_two(int v) {
  return v > 0 && (v & (v - 1)) == 0;
}

// Every candidate the enumeration produces, evaluated: the best throughput among them.
double best_of_all_candidates(const Workload& w, int sp, const PartBudget& b,
                              const std::vector<int>& batches, const std::vector<int>& modes) {
  int64_t max_c = 1, max_m = 1;
  for (size_t s = static_cast<size_t>(sp); s < w.stages.size(); ++s) {
    max_c = std::max(max_c, w.stages[s].C / w.stages[s].groups);
    max_m = std::max(max_m, w.stages[s].M);
  }
  const int64_t lanes = b.dsp * macs_per_dsp(b.dsp_family, b.precision_bits);
  Estimate e;
  e.layers.resize(w.stages.size());
  double best = 0;
  for (const auto& [p_in, p_out] : engine_shapes(lanes, max_c, max_m, 8))
    for (int winograd_m : modes)
      for (const BufferShares& share : buffer_shares())
        for (int batch : batches) {
          const auto blocks = [&](double f) {
            return static_cast<int64_t>(std::floor(f * static_cast<double>(b.bram18)));
          };
          const GenericDesign d{.p_in = p_in,
                                .p_out = p_out,
                                .batch = batch,
                                .input_buffer_bram18 = blocks(share.input),
                                .weight_buffer_bram18 = blocks(share.weight),
                                .output_buffer_bram18 = blocks(share.output),
                                .winograd_m = winograd_m};
          e.clear_violations();
          evaluate_generic_part(w, sp, d, b, e);
          if (e.feasible) best = std::max(best, e.generic.throughput_fps);
        }
  return best;
}

TEST(GenericAllocator, BranchAndBoundLosesNothing) {
  for (const char* model : {"alexnet", "vgg16", "mobilenet_v1"})
    for (const char* device : {"zc706", "ku115"})
      for (int sp : {0, 4}) {
        const Workload w = make_workload(test::zoo(model));
        const PartBudget b = test::part_budget(test::device_budget(device));
        const std::vector<int> batches = {1, 2, 4, 8};
        const std::vector<int> modes = {0, 2, 4};
        Estimate scratch;
        EvalCounter counter;
        const GenericAllocation g = allocate_generic({.workload = w,
                                                      .split_point = sp,
                                                      .budget = b,
                                                      .batches = batches,
                                                      .winograd_modes = modes},
                                                     scratch, counter);
        const double all = best_of_all_candidates(w, sp, b, batches, modes);
        ASSERT_GT(all, 0) << model << " on " << device;
        ASSERT_TRUE(g.feasible);
        EXPECT_DOUBLE_EQ(g.summary.throughput_fps, all)
            << model << " on " << device << " SP " << sp;
      }
}

TEST(DnnBuilderHeuristic, FollowsItsDefinition) {
  int checked = 0;
  for (const char* model : {"alexnet", "vgg16", "vgglike_38"})
    for (const char* device : {"zc706", "ku115"}) {
      const Workload w = make_workload(test::zoo(model));
      const PartBudget b = test::part_budget(test::device_budget(device));
      const int n = static_cast<int>(w.stages.size());
      Estimate scratch;
      EvalCounter counter;
      const PipelineAllocation a = allocate_pipeline_dnnbuilder(
          {.workload = w, .split_point = n, .budget = b}, scratch, counter);
      if (!a.feasible) continue;
      ++checked;
      for (const StageParallelism& p : a.design.stages) {
        EXPECT_TRUE(power_of_two(p.cpf) && power_of_two(p.kpf)) << p.cpf << " x " << p.kpf;
        EXPECT_LE(p.cpf, 64);
        EXPECT_LE(p.kpf, 64);
        EXPECT_FALSE(p.weights_on_chip);
      }
      // B was raised while the design stayed within 90 % of the DSPs and the BRAM, and no
      // further: one more frame in flight breaks the 90 % rule or the budget.
      if (a.design.batch > 1) {
        EXPECT_LE(static_cast<double>(a.summary.dsp), 0.9 * static_cast<double>(b.dsp));
        EXPECT_LE(static_cast<double>(a.summary.bram18), 0.9 * static_cast<double>(b.bram18));
      }
      PipelineDesign more = a.design;
      ++more.batch;
      scratch.clear_violations();
      evaluate_pipeline_part(w, n, more, b, scratch);
      if (a.design.batch < 32) {
        EXPECT_TRUE(!scratch.feasible ||
                    static_cast<double>(scratch.pipeline.dsp) > 0.9 * static_cast<double>(b.dsp) ||
                    static_cast<double>(scratch.pipeline.bram18) >
                        0.9 * static_cast<double>(b.bram18))
            << model << " on " << device;
      }
    }
  EXPECT_GE(checked, 4);
}

}  // namespace
}  // namespace dnne
