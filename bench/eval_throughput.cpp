// Benchmark: complete hybrid evaluations of VGG16 per second on one core (the search's hot
// path; target >= 100,000/s). Prints the measured rate and a few designs' metrics. Not a test.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "model/evaluate.h"
#include "zoo/zoo.h"

namespace {
using namespace dnne;

// XCKU115 (Kintex UltraScale data sheet DS890: 5520 DSP48E2, 2160 BRAM36 = 4320 BRAM18) at
// DNNBuilder's 235 MHz, with two DDR4-2400 64-bit channels (19.2 GB/s each).
Budget ku115(int bits) {
  return {.dsp = 5520,
          .bram18 = 4320,
          .dram_bw_gbps = 38.4,
          .clock_mhz = 235,
          .precision_bits = bits,
          .dsp_family = DspFamily::kDsp48E2};
}

int pow2_floor(double x) {
  int p = 1;
  while (p * 2 <= x) p *= 2;
  return p;
}

// AccDNN-like proportional allocation for stages [0, sp): lanes ∝ MACs, powers of two.
PipelineDesign proportional(const Workload& w, int sp, double lanes_total) {
  PipelineDesign d;
  double macs = 0;
  for (int i = 0; i < sp; ++i) macs += static_cast<double>(w.stages[i].macs);
  for (int i = 0; i < sp; ++i) {
    const StageLayer& s = w.stages[i];
    StageParallelism p;
    if (s.macs > 0) {
      const int lanes = pow2_floor(std::max(1.0, lanes_total * s.macs / macs));
      p.cpf = std::min<int>(pow2_floor(std::sqrt(lanes)), pow2_floor(s.C / s.groups));
      p.kpf = std::max(1, lanes / p.cpf);
    } else {
      p.kpf = 8;
    }
    d.stages.push_back(p);
  }
  return d;
}

void print(const char* label, const Estimate& e) {
  std::printf(
      "%-34s %s fps %9.1f  GOP/s %8.1f  latency %7.2f ms  DSP %5lld  BRAM18 %5lld  "
      "DRAM %6.2f GB/s  DSP eff %.3f\n",
      label, e.feasible ? "ok " : "INF", e.throughput_fps, e.throughput_gops, e.latency_ms,
      static_cast<long long>(e.dsp_used), static_cast<long long>(e.bram18_used),
      e.dram_bw_gbps_used, e.dsp_efficiency);
  for (int i = 0; i < std::min(e.violation_count, 4); ++i)
    std::printf("    violation: %s\n", describe(e.violations[i]).c_str());
}
}  // namespace

int main() {
  auto net = build_zoo_network("vgg16");
  if (!net) return 2;
  const Workload w = make_workload(*net);
  const int n = w.stage_count();
  const Budget budget = ku115(16);

  std::vector<Design> designs;
  Design pipe{.split_point = n, .pipeline = proportional(w, n, 4096)};
  designs.push_back(pipe);
  Design generic{.split_point = 0,
                 .generic = {.p_in = 64,
                             .p_out = 64,
                             .batch = 4,
                             .input_buffer_bram18 = 600,
                             .weight_buffer_bram18 = 600,
                             .output_buffer_bram18 = 400}};
  designs.push_back(generic);
  Design hybrid{
      .split_point = 7,
      .pipeline = proportional(w, 7, 2048),
      .generic = {.p_in = 32,
                  .p_out = 64,
                  .batch = 4,
                  .input_buffer_bram18 = 400,
                  .weight_buffer_bram18 = 600,
                  .output_buffer_bram18 = 300},
      .split = {.pipeline_dsp = 2600, .pipeline_bram18 = 2400, .pipeline_dram_bw_gbps = 10}};
  designs.push_back(hybrid);

  std::printf("VGG16 (%d stage layers, %.2f GOP/frame) on XCKU115 at 235 MHz, 16-bit\n", n,
              w.gop_per_frame());
  const char* labels[] = {"pipeline only (SP=N, proportional)", "generic only (64x64, B=4)",
                          "hybrid SP=7"};
  Estimate e;
  for (size_t i = 0; i < designs.size(); ++i) {
    evaluate(w, designs[i], budget, e);
    print(labels[i], e);
  }

  // Timed loop: vary the split point so every evaluation does real work.
  const auto start = std::chrono::steady_clock::now();
  int64_t count = 0;
  double checksum = 0;
  std::chrono::duration<double> elapsed{};
  do {
    for (int k = 0; k < 1000; ++k) {
      Design& d = designs[static_cast<size_t>(k % 3)];
      evaluate(w, d, budget, e);
      checksum += e.throughput_fps;
      ++count;
    }
    elapsed = std::chrono::steady_clock::now() - start;
  } while (elapsed.count() < 1.0);
  std::printf("%lld evaluations in %.2f s: %.0f evaluations/s on one core (checksum %.3g)\n",
              static_cast<long long>(count), elapsed.count(),
              static_cast<double>(count) / elapsed.count(), checksum);
  return 0;
}
