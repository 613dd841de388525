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

// The search settings (src/api/run_request.h) with the model, the budget and the CLI's own
// output switches.
struct SearchFlags : SearchRequest {
  ModelOptions model;
  BudgetOptions budget;
  bool json = false;
  bool quiet = false;
};

void add_search_flags(CLI::App& app, SearchFlags& flags);

// The network, its workload and the budget the flags ask for (api/run_request.h).
Expected<Problem> load_problem(const SearchFlags& flags);

// Search options from the flags, with a progress line on stderr unless --quiet, or --json
// while stdout is not a terminal.
Expected<SearchOptions> make_search_options(const SearchFlags& flags, const std::string& label);

// Clears the progress line if one was drawn.
void end_progress();

}  // namespace dnne::cli
