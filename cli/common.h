// Options and helpers that several commands share: naming the model, its input shape and
// precision, and reporting errors the one way the CLI does.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "api/run_report.h"
#include "api/run_request.h"
#include "graph/network.h"
#include "util/expected.h"

namespace dnne::cli {

// The model arguments (src/api/run_request.h); the CLI only registers them as flags.
using ModelOptions = ModelRequest;

// `with_precision = false` leaves --precision to add_budget_options (bench, explore, compare),
// which registers it as part of the budget.
void add_model_options(CLI::App& app, ModelOptions& options, bool with_precision = true);

// Rejects an empty value ("--input ''"), which would otherwise read as the flag not given.
CLI::Validator non_empty(const std::string& expected);

// Prints "dnnexplorer: error: <message>" to stderr and returns exit status 2.
int report_error(const Error& error);

// Prints the view the flags ask for on stdout: --json (two-space indented, a final newline),
// --csv, else the table.
void print_view(const RunReport& report, bool json, bool csv);

}  // namespace dnne::cli
