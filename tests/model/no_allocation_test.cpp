// evaluate() must not allocate once out.layers has the workload's size (model/evaluate.h):
// the search calls it millions of times. Counts global operator new calls around it.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "model/evaluate.h"
#include "zoo/zoo.h"

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

namespace dnne {
namespace {

TEST(NoAllocation, EvaluateReusesTheEstimate) {
  const Workload w = make_workload(*build_zoo_network("resnet18"));
  const int n = w.stage_count();
  const Budget budget{.dsp = 5520, .bram18 = 4320, .dram_bw_gbps = 19.2, .clock_mhz = 200};
  Design d{.split_point = n / 2,
           .generic = {.p_in = 16,
                       .p_out = 32,
                       .batch = 2,
                       .input_buffer_bram18 = 256,
                       .weight_buffer_bram18 = 256,
                       .output_buffer_bram18 = 128},
           .split = {.pipeline_dsp = 2000, .pipeline_bram18 = 2000, .pipeline_dram_bw_gbps = 8}};
  d.pipeline.stages.assign(static_cast<size_t>(n / 2), {.cpf = 4, .kpf = 8});
  Estimate e;
  evaluate(w, d, budget, e);  // sizes out.layers
  const PartBudget part{.dsp = 100, .bram18 = 100, .dram_bw_gbps = 1, .clock_mhz = 200};
  for (int sp : {0, n / 2, n}) {
    Design at = d;
    at.split_point = sp;
    at.pipeline.stages.assign(static_cast<size_t>(sp), {.cpf = 4, .kpf = 8});
    const long mark = g_allocations.load();
    evaluate(w, at, budget, e);
    evaluate_pipeline_part(w, sp, at.pipeline, part, e);
    evaluate_generic_part(w, sp, at.generic, part, e);
    pipeline_stage_cost(w, 0, {.cpf = 2, .kpf = 2}, 2, part);
    EXPECT_EQ(g_allocations.load(), mark) << "SP=" << sp;
  }
  // The counter works: building a design allocates.
  const long mark = g_allocations.load();
  Design copy = d;
  EXPECT_GT(g_allocations.load(), mark);
}

}  // namespace
}  // namespace dnne
