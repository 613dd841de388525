// Options and helpers that several commands share: naming the model, its input shape and
// precision, and reporting errors the one way the CLI does.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "graph/network.h"
#include "util/expected.h"

namespace dnne::cli {

struct ModelOptions {
  std::string model;
  std::string input;  // "CxHxW", empty for the model's own
  int precision_bits = 16;
  bool allow_unknown = false;
  int64_t batch = 1;
};

// `with_precision = false` leaves --precision to add_budget_options (bench, explore, compare),
// which registers it as part of the budget.
void add_model_options(CLI::App& app, ModelOptions& options, bool with_precision = true);

// Rejects an empty value ("--input ''"), which would otherwise read as the flag not given.
CLI::Validator non_empty(const std::string& expected);

// "3x224x224" -> {3, 224, 224}; errors say what form is expected.
Expected<Shape> parse_input_shape(const std::string& text);

Expected<Network> load_network(const ModelOptions& options);

// Prints "dnnexplorer: error: <message>" to stderr and returns exit status 2.
int report_error(const Error& error);

}  // namespace dnne::cli
