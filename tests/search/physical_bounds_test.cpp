// No physically impossible result (issue 8, item 5): every design the search returns, over
// zoo networks x the catalog x 8/16 bits x the four paradigms of `compare`, does no more
// MACs per cycle in any layer than its DSPs can multiply (the DSP table,
// device/dsp_arithmetic.h) times the MACs one multiply stands for in the layer's mode: 1
// spatial, 9 m^2 / (m + 2)^2 for Winograd F(m x m, 3 x 3) (4 at m = 4). The whole design's
// GOP/s obeys the same bound over its parts. The search is cut short (few PSO iterations) to
// keep the sweep near ten seconds; the bound holds for every design, searched well or not.
#include <gtest/gtest.h>

#include <string>

#include "search/compare.h"
#include "search_fixtures.h"

namespace dnne {
namespace {

bool depthwise(const StageLayer& s) {
  return s.groups > 1 && s.M / s.groups < 2;
}

bool winograd_eligible(const StageLayer& s) {
  return s.kind == LayerKind::kConv && s.kh == 3 && s.kw == 3 && s.stride_h == 1 &&
         s.stride_w == 1 && s.span_h == 3 && s.span_w == 3;
}

// MACs one multiply can stand for on this layer in an engine with Winograd mode m.
double macs_per_multiply(const StageLayer& s, int winograd_m) {
  if (winograd_m == 0 || !winograd_eligible(s)) return 1.0;
  return 9.0 * winograd_m * winograd_m / ((winograd_m + 2.0) * (winograd_m + 2.0));
}

// Multiplies per cycle the layer's DSPs can do: packing only for a dense layer in a spatial
// engine; a Winograd engine or depthwise lanes get one multiply per DSP.
double multiplies_per_dsp(const StageLayer& s, const Budget& b, int bits, bool winograd_engine) {
  if (depthwise(s) || winograd_engine) return 1.0;
  return dsp_rate(b.dsp_family, bits).peak_multiplies_per_dsp();
}

void check_design(const Workload& w, const SearchResult& r, const Budget& b,
                  const std::string& what) {
  if (!r.feasible) return;
  const Design& d = r.design;
  const Estimate& e = r.estimate;
  const int bits = d.precision_bits;
  const int m = d.generic.winograd_m;
  double peak_macs_per_cycle = 0;  // the design's, over its parts
  for (const LayerEstimate& l : e.layers) {
    const StageLayer& s = w.stage(l.stage);
    if (s.macs == 0 || l.cycles <= 0) continue;
    const bool generic = l.part == Part::kGeneric;
    const double frames = generic ? 1.0 : static_cast<double>(d.pipeline.batch);
    const double mult =
        static_cast<double>(l.dsp) * multiplies_per_dsp(s, b, bits, generic && m > 0);
    const double k = generic ? macs_per_multiply(s, m) : 1.0;
    const double macs_per_cycle =
        frames * static_cast<double>(s.macs) / static_cast<double>(l.cycles);
    EXPECT_LE(macs_per_cycle, mult * k * (1 + 1e-9))
        << what << ": stage " << l.stage << " does " << macs_per_cycle << " MACs/cycle on " << l.dsp
        << " DSP";
  }
  const double dense = dsp_rate(b.dsp_family, bits).peak_multiplies_per_dsp();
  peak_macs_per_cycle += static_cast<double>(e.pipeline.dsp) * dense;
  peak_macs_per_cycle += static_cast<double>(e.generic.dsp) * (m > 0 ? 1.0 : dense) *
                         (m > 0 ? 9.0 * m * m / ((m + 2.0) * (m + 2.0)) : 1.0);
  const double clock_mhz = d.clock_mhz > 0 ? d.clock_mhz : b.clock_mhz;
  EXPECT_LE(e.throughput_gops, peak_macs_per_cycle * 2 * clock_mhz * 1e6 / 1e9 * (1 + 1e-9))
      << what;
  // A feasible design is never over any budget (issue 8, item 1).
  EXPECT_LE(e.dsp_used, b.dsp) << what;
  EXPECT_LE(e.bram18_used, b.bram18) << what;
  EXPECT_LE(e.uram_used, b.uram) << what;
  EXPECT_GT(e.lut_used, 0) << what;  // every design has control logic at least
  if (b.lut > 0) {
    EXPECT_LE(e.lut_used, b.lut) << what;
  }
  EXPECT_LE(e.dram_bw_gbps_used, b.dram_bw_gbps * (1 + 1e-9)) << what;
}

TEST(PhysicalBounds, NoDesignOutrunsItsMultipliers) {
  SearchOptions options;
  options.threads = 1;
  options.pso.swarm_size = 4;
  options.pso.iterations = 1;
  options.pso.polish_rounds = 2;
  options.pso.polish_starts = 1;
  options.split_steps = 8;
  // A network per structure: plain 3x3 stacks (Winograd), depthwise, residual.
  for (const std::string name : {"vgg16", "mobilenet_v2", "resnet18"}) {
    const Workload w = make_workload(test::zoo(name));
    for (const Device& device : device_catalog())
      for (int bits : {8, 16}) {
        const Budget b = default_budget(device, bits);
        const auto r = compare(w, b, options);
        ASSERT_TRUE(r) << r.error().message;
        const std::string what = name + " on " + device.name + " at " + std::to_string(bits);
        check_design(w, r->pipeline, b, what + " (pipeline)");
        check_design(w, r->dnnbuilder, b, what + " (dnnbuilder)");
        check_design(w, r->generic, b, what + " (generic)");
        check_design(w, r->hybrid, b, what + " (hybrid)");
      }
  }
}

}  // namespace
}  // namespace dnne
