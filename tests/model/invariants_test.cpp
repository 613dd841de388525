// Invariants of the models over the zoo (docs/spec/MODELS.md 3-5): more resources never lower the
// throughput of a design that stays feasible; a feasible design stays within its budget;
// SP = N and SP = 0 reproduce the pure parts exactly; infeasible designs name the resource.
#include <gtest/gtest.h>

#include <random>

#include "model/evaluate.h"
#include "zoo/zoo.h"

namespace dnne {
namespace {

// XCKU115-sized (DS890: 5520 DSP48E2, 4320 BRAM18) at 200 MHz with 19.2 GB/s.
Budget ku115() {
  return {.dsp = 5520,
          .bram18 = 4320,
          .dram_bw_gbps = 19.2,
          .clock_mhz = 200,
          .precision_bits = 16,
          .dsp_family = DspFamily::kDsp48E2};
}

struct Case {
  std::string net;
  Workload workload;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = [] {
    std::vector<Case> out;
    for (const char* name : {"vgg16", "resnet18", "mobilenet_v2", "squeezenet1_1"})
      out.push_back({name, make_workload(*build_zoo_network(name))});
    return out;
  }();
  return all;
}

int pick(std::mt19937& rng, std::initializer_list<int> values) {
  std::uniform_int_distribution<size_t> d(0, values.size() - 1);
  return *(values.begin() + d(rng));
}

Design random_design(const Workload& w, std::mt19937& rng) {
  const int n = w.stage_count();
  Design d;
  d.split_point = std::uniform_int_distribution<int>(0, n)(rng);
  for (int i = 0; i < d.split_point; ++i)
    d.pipeline.stages.push_back({.cpf = pick(rng, {1, 2, 4, 8}),
                                 .kpf = pick(rng, {1, 2, 4, 8, 16}),
                                 .weights_on_chip = pick(rng, {0, 0, 1}) == 1});
  d.pipeline.batch = pick(rng, {1, 2});
  d.generic = {.p_in = pick(rng, {4, 8, 16, 32}),
               .p_out = pick(rng, {4, 8, 16, 32}),
               .batch = pick(rng, {1, 2, 4}),
               .input_buffer_bram18 = pick(rng, {64, 128, 256}),
               .weight_buffer_bram18 = pick(rng, {64, 128, 256}),
               .output_buffer_bram18 = pick(rng, {64, 128, 256})};
  d.split = {.pipeline_dsp = 2760, .pipeline_bram18 = 2160, .pipeline_dram_bw_gbps = 9.6};
  return d;
}

// Throughput must not drop (tiny float slack) when `grown` is feasible.
void expect_not_slower(const Workload& w, const Design& base, const Design& grown,
                       const Budget& base_budget, const Budget& grown_budget,
                       const std::string& what) {
  const Estimate a = evaluate(w, base, base_budget);
  const Estimate b = evaluate(w, grown, grown_budget);
  if (!a.feasible || !b.feasible) return;
  EXPECT_GE(b.throughput_fps, a.throughput_fps * (1 - 1e-12))
      << w.name << " SP=" << base.split_point << ": " << what;
}

TEST(Invariants, MoreResourcesNeverLowerThroughput) {
  std::mt19937 rng(12345);
  const Budget budget = ku115();
  for (const Case& c : cases()) {
    const Workload& w = c.workload;
    for (int trial = 0; trial < 40; ++trial) {
      const Design d = random_design(w, rng);
      if (d.split_point > 0) {
        const int i = std::uniform_int_distribution<int>(0, d.split_point - 1)(rng);
        Design more = d;
        more.pipeline.stages[static_cast<size_t>(i)].kpf *= 2;
        expect_not_slower(w, d, more, budget, budget, "kpf x2 at stage " + std::to_string(i));
        more = d;
        more.pipeline.stages[static_cast<size_t>(i)].cpf *= 2;
        expect_not_slower(w, d, more, budget, budget, "cpf x2 at stage " + std::to_string(i));
        more = d;
        more.pipeline.batch += 1;
        expect_not_slower(w, d, more, budget, budget, "pipeline batch + 1");
        // More bandwidth for part A without taking it from part B.
        more = d;
        more.split.pipeline_dram_bw_gbps *= 1.5;
        Budget more_bw = budget;
        more_bw.dram_bw_gbps *= 1.5;
        expect_not_slower(w, d, more, budget, more_bw, "pipeline bandwidth x1.5");
      }
      Design more = d;
      more.generic.p_out *= 2;
      expect_not_slower(w, d, more, budget, budget, "p_out x2");
      more = d;
      more.generic.p_in *= 2;
      expect_not_slower(w, d, more, budget, budget, "p_in x2");
      more = d;
      more.generic.winograd_m = pick(rng, {2, 4});
      expect_not_slower(w, d, more, budget, budget, "Winograd mode on");
      more = d;
      more.generic.input_buffer_bram18 *= 2;
      more.generic.weight_buffer_bram18 *= 2;
      more.generic.output_buffer_bram18 *= 2;
      expect_not_slower(w, d, more, budget, budget, "generic buffers x2");
      Budget wider = budget;
      wider.dram_bw_gbps *= 2;
      wider.dsp *= 2;
      wider.bram18 *= 2;
      expect_not_slower(w, d, d, budget, wider, "budget x2");
    }
  }
}

TEST(Invariants, FeasibleDesignsStayWithinTheBudget) {
  std::mt19937 rng(777);
  const Budget budget = ku115();
  int feasible = 0;
  for (const Case& c : cases()) {
    for (int trial = 0; trial < 100; ++trial) {
      const Estimate e = evaluate(c.workload, random_design(c.workload, rng), budget);
      ASSERT_EQ(e.layers.size(), c.workload.stages.size());
      if (!e.feasible) {
        EXPECT_GT(e.violation_count, 0);
        continue;
      }
      ++feasible;
      EXPECT_LE(e.dsp_used, budget.dsp) << c.net;
      EXPECT_LE(e.bram18_used, budget.bram18) << c.net;
      EXPECT_LE(e.dram_bw_gbps_used, budget.dram_bw_gbps * (1 + 1e-9)) << c.net;
      EXPECT_GT(e.throughput_fps, 0);
      EXPECT_GT(e.latency_ms, 0);
      EXPECT_GT(e.dsp_efficiency, 0);
      EXPECT_LE(e.dsp_efficiency, 1.0 + 1e-9) << c.net;
      for (const LayerEstimate& l : e.layers) EXPECT_NE(l.bound, Bound::kNone);
    }
  }
  EXPECT_GT(feasible, 50);  // the sample must exercise the feasible side
}

TEST(Invariants, PureSplitsEqualTheParts) {
  std::mt19937 rng(99);
  const Budget budget = ku115();
  const PartBudget whole{.dsp = budget.dsp,
                         .bram18 = budget.bram18,
                         .dram_bw_gbps = budget.dram_bw_gbps,
                         .clock_mhz = budget.clock_mhz,
                         .precision_bits = 16,
                         .dsp_family = budget.dsp_family};
  for (const Case& c : cases()) {
    const int n = c.workload.stage_count();
    Design d = random_design(c.workload, rng);
    d.pipeline.stages.resize(static_cast<size_t>(n), {.cpf = 2, .kpf = 4});
    d.split_point = n;
    const Estimate all_a = evaluate(c.workload, d, budget);
    Estimate part_a;
    evaluate_pipeline_part(c.workload, n, d.pipeline, whole, part_a);
    EXPECT_EQ(all_a.throughput_fps, part_a.pipeline.throughput_fps) << c.net;
    EXPECT_EQ(all_a.latency_ms, part_a.pipeline.latency_ms) << c.net;
    EXPECT_EQ(all_a.dsp_used, part_a.pipeline.dsp) << c.net;
    EXPECT_EQ(all_a.bram18_used, part_a.pipeline.bram18) << c.net;
    EXPECT_EQ(all_a.dram_bw_gbps_used, part_a.pipeline.dram_bw_gbps) << c.net;
    d.split_point = 0;
    const Estimate all_b = evaluate(c.workload, d, budget);
    Estimate part_b;
    evaluate_generic_part(c.workload, 0, d.generic, whole, part_b);
    EXPECT_EQ(all_b.throughput_fps, part_b.generic.throughput_fps) << c.net;
    EXPECT_EQ(all_b.latency_ms, part_b.generic.latency_ms) << c.net;
    EXPECT_EQ(all_b.dsp_used, part_b.generic.dsp) << c.net;
    EXPECT_EQ(all_b.bram18_used, part_b.generic.bram18) << c.net;
    EXPECT_EQ(all_b.dram_bw_gbps_used, part_b.generic.dram_bw_gbps) << c.net;
  }
}

TEST(Invariants, InfeasibleDesignsNameTheResource) {
  const Budget budget = ku115();
  for (const Case& c : cases()) {
    const int n = c.workload.stage_count();
    Design d{.split_point = n};
    d.pipeline.stages.assign(static_cast<size_t>(n), {.cpf = 64, .kpf = 64});
    const Estimate e = evaluate(c.workload, d, budget);
    ASSERT_FALSE(e.feasible) << c.net;
    EXPECT_EQ(e.violations[0].resource, Resource::kDsp) << c.net;
    EXPECT_GT(e.violations[0].needed, e.violations[0].available);
    Design g{.split_point = 0,
             .generic = {.p_in = 8,
                         .p_out = 8,
                         .input_buffer_bram18 = 3000,
                         .weight_buffer_bram18 = 3000,
                         .output_buffer_bram18 = 64}};
    const Estimate ge = evaluate(c.workload, g, budget);
    ASSERT_FALSE(ge.feasible) << c.net;
    EXPECT_EQ(ge.violations[0].resource, Resource::kBram18);
    EXPECT_EQ(describe(ge.violations[0]), "BRAM18 needed 6064 > available 4320");
  }
}

}  // namespace
}  // namespace dnne

namespace dnne {
namespace {

// The search's allocator prices stages with pipeline_stage_cost: it must agree exactly with
// what evaluate_pipeline_part charges.
TEST(Invariants, StageCostAgreesWithThePipelinePart) {
  std::mt19937 rng(4242);
  const PartBudget budget{.dsp = 5520,
                          .bram18 = 4320,
                          .dram_bw_gbps = 19.2,
                          .clock_mhz = 200,
                          .precision_bits = 8,
                          .dsp_family = DspFamily::kDsp48E2};
  for (const Case& c : cases()) {
    const int n = c.workload.stage_count();
    Design d = random_design(c.workload, rng);
    d.pipeline.stages.resize(static_cast<size_t>(n), {.cpf = 2, .kpf = 8});
    Estimate e;
    evaluate_pipeline_part(c.workload, n, d.pipeline, budget, e);
    int64_t dsp = 0, bram = 0;
    for (int i = 0; i < n; ++i) {
      const StageCost s = pipeline_stage_cost(c.workload, i, d.pipeline.stages[size_t(i)],
                                              d.pipeline.batch, budget);
      EXPECT_EQ(s.cycles, e.layers[size_t(i)].cycles) << c.net << " stage " << i;
      EXPECT_EQ(s.dsp, e.layers[size_t(i)].dsp) << c.net << " stage " << i;
      EXPECT_EQ(s.bram18, e.layers[size_t(i)].bram18) << c.net << " stage " << i;
      dsp += s.dsp;
      bram += s.bram18;
    }
    EXPECT_EQ(dsp, e.pipeline.dsp) << c.net;
    EXPECT_EQ(bram, e.pipeline.bram18) << c.net;
  }
}

}  // namespace
}  // namespace dnne
