// The subcommand table (after ninja's kTools[]): every command is one entry with a one-line
// help and a setup function that declares its options and returns the code that runs it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace dnne::cli {

// Runs a parsed command; returns the process exit status (0 ok, 1 nothing feasible, 2 bad
// input).
using Runner = std::function<int()>;

struct Command {
  std::string name;
  std::string help;
  std::function<Runner(CLI::App&)> setup;
};

// Defined in each cmd_*.cpp; listed in main.cpp.
Command analyze_command();
Command models_command();
Command devices_command();
Command bench_command();
Command explore_command();
Command compare_command();
Command accelerators_command();
Command validate_command();

}  // namespace dnne::cli
