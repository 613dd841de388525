// How much of a DRAM's peak bandwidth a transfer gets, by its length (issue 8, item 3;
// docs/models.md 2.3). Short bursts pay the memory controller's fixed per-transaction
// overhead; Caffeine (Zhang et al., ICCAD'16, section 4.3 and figure 7) measured about 1 GB/s
// of 12.8 GB/s at 1 KB bursts and 10 GB/s at 128 KB or more on KU060. A device file may give
// its own points ("burst_curve"). Fixed-size, so budgets copy it without allocating.
#pragma once

#include <array>
#include <string>


namespace dnne {

struct BurstPoint {
  double bytes = 0;       // transfer length
  double efficiency = 0;  // fraction of the peak bandwidth it gets, in (0, 1]
};

constexpr int kMaxBurstPoints = 8;

struct BurstCurve {
  std::array<BurstPoint, kMaxBurstPoints> points{};
  int count = 0;  // 0: an ideal memory (every transfer at the peak)
};

// Caffeine's two KU060 measurements: 1 KB -> 1.0 / 12.8, 128 KB -> 10 / 12.8.
BurstCurve caffeine_burst_curve();

// The efficiency of a transfer of `bytes`: below the first point in proportion to the length
// (the fixed per-transaction overhead dominates), between points linear in log2(bytes), past
// the last point its efficiency. 1 for an empty curve.
double burst_efficiency(const BurstCurve& curve, double bytes);

// A lower bound on burst_efficiency(curve, bytes) without a libm logarithm (the length rounded
// down to a whole octave above the segment's start): lets a caller that only needs to know
// whether a transfer stays under some time skip the exact look-up.
double burst_efficiency_at_least(const BurstCurve& curve, double bytes);

// Checks a curve read from a file: 1 to 8 points, lengths positive and increasing, efficiencies
// in (0, 1] and not decreasing. The error names the point and what was expected.
std::string burst_curve_problem(const BurstCurve& curve);

}  // namespace dnne
