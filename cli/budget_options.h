// The budget flags that bench, explore and compare share: which device, and per-run overrides
// of its figures ("--dsp 90%" is 90 % of the device's DSPs, docs/spec/MODELS.md section 2).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "api/run_request.h"
#include "device/catalog.h"
#include "util/expected.h"

namespace dnne::cli {

using BudgetOptions = BudgetRequest;  // src/api/run_request.h

// Adds --device (required), --dsp N|P%, --bram18 N|P%, --uram N|P%, --lut N|P%, --bw-gbps X|P%, --clock-mhz F,
// --precision 16|8.
void add_budget_options(CLI::App& app, BudgetOptions& options);

}  // namespace dnne::cli
