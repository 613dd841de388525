// What explore and compare share: the model and budget, the search flags (objective,
// constraints, seed, threads, method) and the progress line on stderr.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "cli/budget_options.h"
#include "cli/common.h"
#include "model/workload.h"
#include "search/search_options.h"

namespace dnne::cli {

struct SearchFlags {
  ModelOptions model;
  BudgetOptions budget;
  std::string objective = "throughput";
  std::string search = "pso";
  double min_fps = 0;
  double max_latency_ms = 0;
  std::string seed = "1";  // parsed by make_search_options: CLI11 wraps -1 to 2^64 - 1
  int threads = 0;
  int swarm = PsoOptions{}.swarm_size;
  int iterations = PsoOptions{}.iterations;
  bool json = false;
  bool quiet = false;
  bool no_winograd = false;
};

void add_search_flags(CLI::App& app, SearchFlags& flags);

// The network, its workload and the resolved budget, ready for the search.
struct Problem {
  Network network;
  Workload workload;
  ResolvedBudget budget;
};
Expected<Problem> load_problem(const SearchFlags& flags);

// Search options from the flags, with a progress line on stderr unless --quiet, or --json
// while stdout is not a terminal.
Expected<SearchOptions> make_search_options(const SearchFlags& flags, const std::string& label);

// Clears the progress line if one was drawn.
void end_progress();

}  // namespace dnne::cli
