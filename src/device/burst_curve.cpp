// DRAM efficiency by transfer length (docs/models.md 2.3).
#include "device/burst_curve.h"

#include <bit>
#include <cmath>
#include <cstdint>

namespace dnne {

BurstCurve caffeine_burst_curve() {
  // Caffeine ICCAD'16, section 4.3 / figure 7 (docs/reference-data.md 2.1): KU060 with DDR3,
  // 12.8 GB/s theoretical; about 1 GB/s with 1 KB bursts, at most 10 GB/s from 128 KB on.
  BurstCurve c;
  c.points[0] = {.bytes = 1024, .efficiency = 1.0 / 12.8};
  c.points[1] = {.bytes = 128 * 1024, .efficiency = 10.0 / 12.8};
  c.count = 2;
  return c;
}

namespace {

// The binary exponent and fraction bits of a positive normal double (IEEE 754 binary64): read
// from its bits, because these run in the search's innermost loop and a libm call is not free.
int exponent_of(double x) {
  return static_cast<int>((std::bit_cast<uint64_t>(x) >> 52) & 0x7ff) - 1023;
}
bool power_of_two(double x) {
  const auto bits = std::bit_cast<uint64_t>(x);
  return (bits & ((uint64_t{1} << 52) - 1)) == 0 && ((bits >> 52) & 0x7ff) != 0 &&
         ((bits >> 52) & 0x7ff) != 0x7ff;
}

// A segment's span in octaves: exact and without a logarithm when its points are a power of two
// apart (Caffeine's 1 KB and 128 KB are 7 octaves).
double octaves(const BurstPoint& a, const BurstPoint& b) {
  const double ratio = b.bytes / a.bytes;
  return power_of_two(ratio) ? exponent_of(ratio) : std::log2(ratio);
}

// The curve at `bytes`, with `octaves_in(x)` standing for log2(x) on x >= 1.
template <typename OctavesIn>
double efficiency_by(const BurstCurve& c, double bytes, OctavesIn octaves_in) {
  if (c.count <= 0) return 1.0;
  const BurstPoint& first = c.points[0];
  if (!(bytes > 0)) return first.efficiency;
  if (bytes <= first.bytes) return first.efficiency * bytes / first.bytes;
  for (int i = 1; i < c.count; ++i) {
    const BurstPoint& a = c.points[static_cast<size_t>(i - 1)];
    const BurstPoint& b = c.points[static_cast<size_t>(i)];
    if (bytes <= b.bytes) {
      const double t = octaves_in(bytes / a.bytes) / octaves(a, b);
      return a.efficiency + t * (b.efficiency - a.efficiency);
    }
  }
  return c.points[static_cast<size_t>(c.count - 1)].efficiency;
}

}  // namespace

double burst_efficiency(const BurstCurve& c, double bytes) {
  return efficiency_by(c, bytes, [](double x) { return std::log2(x); });
}

double burst_efficiency_at_least(const BurstCurve& c, double bytes) {
  // The binary exponent of x >= 1 (finite: lengths are at most 1e12 over positive points) is
  // floor(log2 x) <= log2 x, and the curve rises with it.
  return efficiency_by(c, bytes, [](double x) { return static_cast<double>(exponent_of(x)); });
}

std::string burst_curve_problem(const BurstCurve& c) {
  if (c.count < 1 || c.count > kMaxBurstPoints)
    return "burst_curve must have 1 to " + std::to_string(kMaxBurstPoints) + " points, got " +
           std::to_string(c.count);
  for (int i = 0; i < c.count; ++i) {
    const BurstPoint& p = c.points[static_cast<size_t>(i)];
    const std::string where = "burst_curve point " + std::to_string(i + 1) + ": ";
    if (!(p.bytes > 0) || !std::isfinite(p.bytes) || p.bytes > 1e12)
      return where + "bytes must be a positive length of at most 1e12";
    if (!(p.efficiency > 0 && p.efficiency <= 1))
      return where + "efficiency must be in (0, 1]";
    if (i > 0) {
      const BurstPoint& q = c.points[static_cast<size_t>(i - 1)];
      if (!(p.bytes > q.bytes)) return where + "bytes must be greater than the previous point's";
      if (p.efficiency < q.efficiency)
        return where + "efficiency must not be below the previous point's (longer bursts are "
                       "never slower)";
    }
  }
  return "";
}

}  // namespace dnne
