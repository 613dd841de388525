// The global search: particle swarm optimisation over part A's split point, its shares of
// DSP, BRAM and bandwidth, and part B's batch (DNNExplorer ICCAD'20, section on the global
// optimisation; update rule of Kennedy & Eberhart 1995 with the linearly decreasing inertia
// of Shi & Eberhart 1998). Each particle draws from its own random stream seeded by (seed,
// particle index), so the answer depends on the seed only, not on the thread count.
#pragma once

#include "search/point_evaluator.h"
#include "search/search_options.h"

namespace dnne {

struct PsoRun {
  int iterations = 0;
  PointOutcome swarm_best;  // the best point a particle visited (the endpoints excluded)
};

// Runs the swarm, feeding every position through `evaluator`; `extra` points (the two
// endpoints SP = 0 and SP = N) are evaluated with the first iteration as candidates, but do
// not attract the swarm (they would pull it to the edges of the space, where the hybrid
// points are poorest).
PsoRun run_pso(PointEvaluator& evaluator, const SearchContext& context,
               const SearchOptions& options, const std::vector<GlobalPoint>& extra);

// A pattern search (Hooke & Jeeves, J. ACM 1961, in its compass form) from `start`:
// evaluates the neighbours at distance `step` (each share, the DSP and BRAM shares together,
// all three together; split point +-1 and +-2; batch +-1), moves to the best one while it
// improves, and halves the step when none does, down to one grid step. Deterministic; after
// the swarm it turns "near an optimum" into "at a local optimum of the grid". Returns the
// number of rounds.
int polish(PointEvaluator& evaluator, const PointOutcome& start, int first_step, int max_rounds);

// Every point of the space on the exhaustive grid (split point x shares x batch), in a fixed
// order, for verification on small spaces. Returns the number of chunks run.
int run_exhaustive(PointEvaluator& evaluator, const SearchContext& context,
                   const SearchOptions& options, const std::vector<GlobalPoint>& extra);

}  // namespace dnne
