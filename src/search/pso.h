// The global search: particle swarm optimisation over part A's split point, its shares of
// DSP, BRAM and bandwidth, and part B's batch (DNNExplorer ICCAD'20, section on the global
// optimisation; update rule of Kennedy & Eberhart 1995 with the linearly decreasing inertia
// of Shi & Eberhart 1998). Each particle draws from its own random stream seeded by (seed,
// particle index), so the answer depends on the seed only, not on the thread count.
#pragma once

#include "search/point_evaluator.h"
#include "search/search_options.h"

namespace dnne {

// Runs the swarm, feeding every position through `evaluator`; `extra` points (the two
// endpoints SP = 0 and SP = N) are evaluated with the first iteration. Returns the number of
// iterations run.
int run_pso(PointEvaluator& evaluator, const SearchContext& context, const SearchOptions& options,
            const std::vector<GlobalPoint>& extra);

// Every point of the space on the exhaustive grid (split point x shares x batch), in a fixed
// order, for verification on small spaces. Returns the number of chunks run.
int run_exhaustive(PointEvaluator& evaluator, const SearchContext& context,
                   const SearchOptions& options, const std::vector<GlobalPoint>& extra);

}  // namespace dnne
