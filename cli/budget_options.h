// The budget flags that bench, explore and compare share: which device, and per-run overrides
// of its figures ("--dsp 90%" is 90 % of the device's DSPs, MODELS.md section 2).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "device/catalog.h"
#include "util/expected.h"

namespace dnne::cli {

struct BudgetOptions {
  std::string device;
  std::string dsp, bram18, bw_gbps, clock_mhz;  // empty: the device's own figure
  int precision_bits = 16;
};

// Adds --device (required), --dsp N|P%, --bram18 N|P%, --bw-gbps X|P%, --clock-mhz F,
// --precision 16|8.
void add_budget_options(CLI::App& app, BudgetOptions& options);

struct ResolvedBudget {
  Device device;
  Budget budget;
  BudgetOverrides overrides;  // what the user overrode, as absolute figures
};

// Finds the device, turns percentages into absolute figures and checks every override; errors
// name the flag and what was expected.
Expected<ResolvedBudget> resolve_budget(const BudgetOptions& options);

}  // namespace dnne::cli
