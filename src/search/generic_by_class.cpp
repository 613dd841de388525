#include "search/generic_by_class.h"

#include <algorithm>
#include <cmath>

namespace dnne {

GenericByClass::GenericByClass(const StageClasses& classes, int split_point) : classes_(classes) {
  std::vector<int64_t> count(static_cast<size_t>(classes.count()), 0);
  std::vector<int> order;
  for (size_t s = static_cast<size_t>(std::max(0, split_point)); s < classes.class_of.size(); ++s) {
    const int k = classes.class_of[s];
    if (count[static_cast<size_t>(k)]++ == 0) order.push_back(k);
  }
  for (int k : order) counts_.push_back({k, count[static_cast<size_t>(k)]});
  one_.layers.resize(1);
}

bool GenericByClass::evaluate(const GenericDesign& design, const PartBudget& budget,
                              PartSummary& summary) {
  const double f_hz = budget.clock_mhz * 1e6;
  if (counts_.empty() || f_hz <= 0) return false;
  int64_t total_cycles = 0;
  double total_bytes = 0;
  for (const auto& [k, n] : counts_) {
    one_.clear_violations();
    evaluate_generic_part(classes_.alone[static_cast<size_t>(k)], 0, design, budget, one_);
    if (!one_.feasible) return false;
    // The model reports a lone layer's cycles as its latency, pass / f * 1e3 ms: whole
    // cycles, recovered exactly by rounding (far below 2^53).
    const double pass = one_.generic.latency_ms * f_hz / 1e3;
    const auto cycles = static_cast<int64_t>(std::llround(pass));
    total_cycles += cycles * n;
    total_bytes += one_.generic.dram_bw_gbps * 1e9 / f_hz * static_cast<double>(cycles) *
                   static_cast<double>(n);
  }
  // As generic_part.cpp derives the part's figures from its sums.
  summary = one_.generic;  // DSP and BRAM18 are the engine's, the same for every layer
  const double pass = static_cast<double>(std::max<int64_t>(1, total_cycles));
  summary.throughput_fps = static_cast<double>(std::max(1, design.batch)) * f_hz / pass;
  summary.latency_ms = pass / f_hz * 1e3;
  summary.dram_bw_gbps = total_bytes / pass * f_hz / 1e9;
  return true;
}

}  // namespace dnne
