#include "search/objective.h"

#include <algorithm>
#include <cmath>

#include "util/enum_names.h"
#include "util/number_format.h"
#include "util/spellcheck.h"

namespace dnne {

namespace {
// A measured figure: four significant digits, never an exponent (164.6 fps, 0.1523 ms,
// 123457 fps). The user's limit as given: --min-fps 100000 reads back as 100000, not 1e+05.
constexpr int kMeasuredDigits = 4;
constexpr int kLimitDigits = 10;

constexpr auto kObjectives = enum_names<Objective>({{Objective::kThroughput, "throughput"},
                                                    {Objective::kLatency, "latency"},
                                                    {Objective::kDspEfficiency, "dsp_efficiency"}});
static_assert(kObjectives.covers(Objective::kDspEfficiency));
}  // namespace

std::string_view objective_name(Objective objective) {
  return kObjectives.name(objective);
}

const std::vector<std::string>& objective_names() {
  static const std::vector<std::string> names = kObjectives.names();
  return names;
}

Expected<Objective> parse_objective(const std::string& text) {
  if (auto o = kObjectives.parse(text)) return *o;
  return Error{"--objective '" + text + "': expected " + kObjectives.listed() +
               did_you_mean(text, objective_names())};
}

int worst_violation_index(const Estimate& estimate, double& ratio) {
  const int n =
      std::min<int>(estimate.violation_count, static_cast<int>(estimate.violations.size()));
  int worst = -1;
  ratio = std::numeric_limits<double>::infinity();
  double worst_ratio = -1;
  for (int i = 0; i < n; ++i) {
    const Violation& v = estimate.violations[static_cast<size_t>(i)];
    const double r =
        v.available > 0 ? v.needed / v.available : std::numeric_limits<double>::infinity();
    if (r > worst_ratio) {
      worst_ratio = r;
      worst = i;
    }
  }
  if (worst >= 0) ratio = worst_ratio;
  return worst;
}

Rejection describe_violation(const Estimate& estimate, int index, double ratio) {
  if (index < 0) return {.reason = "infeasible", .category = "design"};
  const Violation& v = estimate.violations[static_cast<size_t>(index)];
  return {
      .reason = describe(v), .category = std::string(resource_name(v.resource)), .ratio = ratio};
}

Rejection worst_violation(const Estimate& estimate) {
  double ratio = 0;
  const int index = worst_violation_index(estimate, ratio);
  return describe_violation(estimate, index, ratio);
}

Rejection check_constraints(const Estimate& estimate, const Constraints& constraints) {
  if (constraints.min_fps > 0 && estimate.throughput_fps < constraints.min_fps)
    return {.reason = "throughput " + readable(estimate.throughput_fps, kMeasuredDigits) +
                      " fps < --min-fps " + readable(constraints.min_fps, kLimitDigits),
            .category = "min_fps",
            .ratio = estimate.throughput_fps > 0 ? constraints.min_fps / estimate.throughput_fps
                                                 : std::numeric_limits<double>::infinity(),
            .within_budget = true};
  if (constraints.max_latency_ms > 0 && estimate.latency_ms > constraints.max_latency_ms)
    return {.reason = "latency " + readable(estimate.latency_ms, kMeasuredDigits) +
                      " ms > --max-latency-ms " +
                      readable(constraints.max_latency_ms, kLimitDigits),
            .category = "max_latency",
            .ratio = estimate.latency_ms / constraints.max_latency_ms,
            .within_budget = true};
  return {.reason = "", .category = "", .ratio = 0};
}

bool closer(const Rejection& a, const Rejection& b) {
  if (a.reason.empty() != b.reason.empty()) return b.reason.empty();
  if (a.within_budget != b.within_budget) return a.within_budget;
  return a.ratio < b.ratio;
}

double objective_score(const Estimate& estimate, Objective objective) {
  switch (objective) {
    case Objective::kThroughput:
      return estimate.throughput_fps;
    case Objective::kLatency:
      return -estimate.latency_ms;
    case Objective::kDspEfficiency:
      return estimate.dsp_efficiency + 1e-12 * estimate.throughput_fps;
  }
  return estimate.throughput_fps;
}

}  // namespace dnne
