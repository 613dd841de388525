// What the search maximises and which extra constraints a design must meet (docs/spec/CLI.md
// `--objective`, `--min-fps`, `--max-latency-ms`). The search sees a design only through
// these: a score (higher is better) and a feasibility verdict with its reason.
#pragma once

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "model/estimate.h"
#include "util/expected.h"

namespace dnne {

enum class Objective { kThroughput, kLatency, kDspEfficiency };

std::string_view objective_name(Objective objective);  // "throughput", "latency", ...
const std::vector<std::string>& objective_names();
// Errors name the flag and suggest the nearest name.
Expected<Objective> parse_objective(const std::string& text);

// User constraints on top of the budget; 0 means "none".
struct Constraints {
  double min_fps = 0;
  double max_latency_ms = 0;
};

// Why a design was rejected, comparable across designs: `ratio` = needed / available (> 1
// for a real violation), so the search can name the tightest one when nothing is feasible.
struct Rejection {
  std::string reason;  // "BRAM18 needed 1412 > available 1080", "throughput 12 fps < --min-fps 30"
  std::string category;  // "dsp", "bram18", "bandwidth", "design", "min_fps", "max_latency"
  double ratio = std::numeric_limits<double>::infinity();
  // The design fits the budget and misses only a user constraint (--min-fps, ...).
  bool within_budget = false;
};

// True when rejection a is closer to feasible than b: a design within the budget beats one
// over it; then the smaller needed/available ratio. An empty rejection is the farthest.
bool closer(const Rejection& a, const Rejection& b);

// The index of the violation with the largest needed/available ratio (-1 when none is
// recorded) and that ratio: cheap, for loops that only keep the closest rejection.
int worst_violation_index(const Estimate& estimate, double& ratio);
// Violation `index` of the estimate (-1: none recorded), described.
Rejection describe_violation(const Estimate& estimate, int index, double ratio);
// The largest needed/available ratio among the estimate's violations, described.
Rejection worst_violation(const Estimate& estimate);

// Checks the user constraints on a feasible estimate; returns an empty reason when met.
Rejection check_constraints(const Estimate& estimate, const Constraints& constraints);

// Higher is better: frames/s, minus milliseconds, or DSP efficiency (ties between equally
// efficient designs go to the faster one, so the tie-break term is far below one part in
// a million of the efficiency).
double objective_score(const Estimate& estimate, Objective objective);

}  // namespace dnne
