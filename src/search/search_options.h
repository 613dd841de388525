// Everything `explore` can be told (docs/spec/CLI.md): paradigm, objective and constraints, the
// global search method and its parameters, threads and a progress callback. Defaults are the
// documented ones (README "Search options").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "search/objective.h"
#include "search/stage_table.h"
#include "util/expected.h"

namespace dnne {

enum class Paradigm { kHybrid, kPipeline, kGeneric };
std::string_view paradigm_name(Paradigm paradigm);  // "hybrid", "pipeline", "generic"
Expected<Paradigm> parse_paradigm(const std::string& text);

enum class SearchMethod { kPso, kExhaustive };
std::string_view search_method_name(SearchMethod method);  // "pso", "exhaustive"
Expected<SearchMethod> parse_search_method(const std::string& text);

// Part A's allocator: our exact min-max one, or AccDNN's heuristic (the DNNBuilder reference).
enum class PipelineAllocatorKind { kMinMax, kDnnBuilder };

// Particle swarm optimisation (Kennedy & Eberhart, "Particle swarm optimization", ICNN 1995;
// inertia weight decreasing linearly from 0.9 to 0.4 as in Shi & Eberhart, "A modified
// particle swarm optimizer", IEEE ICEC 1998). DNNExplorer (ICCAD'20) uses PSO at its global
// level. Positions live in [0, 1]^5: split point, DSP / BRAM / bandwidth shares of part A,
// and part B's batch.
struct PsoOptions {
  int swarm_size = 24;
  int iterations = 40;
  double inertia_start = 0.9;
  double inertia_end = 0.4;
  double cognitive = 2.0;      // c1: pull towards the particle's own best
  double social = 2.0;         // c2: pull towards the swarm's best
  double max_velocity = 0.25;  // per dimension, as a fraction of the range
  int patience = 12;           // stop after this many iterations without improvement
  int polish_rounds = 50;      // hill-climbing rounds from the swarm's best (pso.h)
  int polish_starts = 4;       // ... and from the best point of this many other split points
};

struct SearchProgress {
  int step = 0;           // PSO iteration or exhaustive chunk done
  int steps = 0;          // of this many (PSO may stop early)
  int64_t evaluated = 0;  // designs evaluated by the models so far
  double seconds = 0;
  bool feasible = false;  // a feasible design was found
  double best_score = 0;
};

struct SearchOptions {
  Paradigm paradigm = Paradigm::kHybrid;
  Objective objective = Objective::kThroughput;
  Constraints constraints;
  SearchMethod method = SearchMethod::kPso;
  PipelineAllocatorKind allocator = PipelineAllocatorKind::kMinMax;
  uint64_t seed = 1;
  int threads = 0;  // 0: std::thread::hardware_concurrency()
  PsoOptions pso;
  // The resource shares of part A are multiples of 1 / split_steps (PSO positions snap to
  // them); exhaustive search enumerates every multiple of 1 / exhaustive_split_steps.
  int split_steps = 32;
  int exhaustive_split_steps = 8;
  std::vector<int> generic_batches = {1, 2, 4, 8};
  // The generic engine's Winograd modes tried (docs/models.md 4.6; HybridDNN's PEs have
  // both): 0 = spatial only, 2 = F(2x2,3x3), 4 = F(4x4,3x3).
  std::vector<int> winograd_modes = {0, 2, 4};
  std::vector<int> pipeline_batches = default_pipeline_batches();
  // Keep the Pareto front of every feasible design evaluated and a uniform sample of at most
  // design_space_sample of them for plotting (pareto.h); off, the search pays nothing.
  bool keep_design_space = false;
  size_t design_space_sample = 2000;
  // The reference configuration of the search (bench/search_quality): every shortcut of
  // the speed work that could change the answer off (docs/search.md 9), so the benchmark can
  // check, on whatever cost models are current, that the shortcuts lose nothing.
  bool reference = false;
  // Called on the calling thread after each PSO iteration / exhaustive chunk.
  std::function<void(const SearchProgress&)> progress;
  // Asked on the calling thread before each batch of global points; true stops the search,
  // which returns Error{"search cancelled"} once its workers have joined (the Python module's
  // KeyboardInterrupt).
  std::function<bool()> cancelled;
};

// Errors name the option and its value (e.g. "--min-fps -3: expected a non-negative number
// of frames per second").
Expected<bool> validate(const SearchOptions& options);

}  // namespace dnne
