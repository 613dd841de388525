// `compare`: the best design of each paradigm on one budget (docs/spec/MODELS.md section 5's claim,
// measured): pipeline-only with our allocator, the same with AccDNN's heuristic (DNNBuilder),
// generic-only, and hybrid.
#pragma once

#include "search/explore.h"

namespace dnne {

struct CompareResult {
  SearchResult pipeline;    // SP = N, min-max allocator
  SearchResult dnnbuilder;  // SP = N, AccDNN's heuristic allocator
  SearchResult generic;     // SP = 0
  SearchResult hybrid;      // SP free
};

// `options` sets the objective, constraints, seed, threads and search method for all four;
// its paradigm and allocator are overridden per entry. The progress callback is used for the
// hybrid search only (the others take one local optimisation each).
Expected<CompareResult> compare(const Workload& workload, const Budget& budget,
                                const SearchOptions& options);

}  // namespace dnne
