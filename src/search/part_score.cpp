#include "search/part_score.h"

namespace dnne {

double part_score(const PartSummary& part, int64_t part_macs, const PartBudget& budget,
                  Objective objective) {
  switch (objective) {
    case Objective::kThroughput:
      return part.throughput_fps;
    case Objective::kLatency:
      return -part.latency_ms;
    case Objective::kDspEfficiency: {
      const double peak =
          budget.clock_mhz * 1e6 * static_cast<double>(part.dsp) *
          dsp_rate(budget.dsp_family, budget.precision_bits, Operands::kDense,
                   budget.dsp_double_rate)
              .peak_multiplies_per_dsp();
      const double efficiency =
          peak > 0 ? part.throughput_fps * static_cast<double>(part_macs) / peak : 0;
      return efficiency + 1e-12 * part.throughput_fps;
    }
  }
  return part.throughput_fps;
}

}  // namespace dnne
