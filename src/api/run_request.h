// What a run is asked to do, as people say it (a model name or file, an input size, a device and
// budget figures such as "90%", search settings), and turning that into the library's inputs:
// the network, its workload, the resolved budget and the search options. The CLI's flags and
// the public API (include/dnnexplorer) both fill these; errors name the flag or argument and
// what was expected, and are values, never prints or exits.
#pragma once

#include <cstdint>
#include <string>

#include "device/catalog.h"
#include "graph/network.h"
#include "model/problem.h"
#include "model/workload.h"
#include "search/search_options.h"
#include "util/expected.h"

namespace dnne {

struct ModelRequest {
  std::string model;  // a zoo name or a .onnx / .prototxt path
  std::string input;  // "CxHxW", empty for the model's own
  int precision_bits = 16;
  bool allow_unknown = false;
  int64_t batch = 1;  // the value of a symbolic batch dimension in a model file
};

// "3x224x224" -> {3, 224, 224}; errors say what form is expected.
Expected<Shape> parse_input_shape(const std::string& text);

Expected<Network> load_network(const ModelRequest& request);

struct BudgetRequest {
  std::string device;                           // catalog name, part, or device file
  std::string dsp, bram18, bw_gbps, clock_mhz;  // empty: the device's own figure; "90%" a share
  std::string uram, lut;                        // likewise (--uram, --lut)
  std::string headroom;  // --headroom: "10" or "10%" of DSP and BRAM18 kept free; empty: none
  bool dsp_double_rate = false;                 // --dsp-double-rate
  int precision_bits = 16;
};

// ResolvedBudget (the device, its budget and what the user overrode) and Problem (the network,
// its workload and the resolved budget) are plain data in model/problem.h, so the report views
// below this layer can take a Problem whole.

// Finds the device, turns percentages into absolute figures and checks every override; errors
// name the flag and what was expected.
Expected<ResolvedBudget> resolve_budget(const BudgetRequest& request);

// The model is read at the budget's precision. The budget is checked first.
Expected<Problem> load_problem(const ModelRequest& model, const BudgetRequest& budget);
// The problem of a network already loaded (bench reads the model before the budget; the public
// API loads it once for many runs), with its workload.
Expected<Problem> make_problem(Network network, Workload workload, const BudgetRequest& budget);

struct SearchRequest {
  std::string objective = "throughput";
  std::string search = "pso";
  double min_fps = 0;
  double max_latency_ms = 0;
  std::string seed = "1";  // text, so "-1" is an error rather than 2^64 - 1
  int threads = 0;
  int swarm = PsoOptions{}.swarm_size;
  int iterations = PsoOptions{}.iterations;
  bool no_winograd = false;
};

// Checked search options (no progress callback: the caller adds its own).
Expected<SearchOptions> make_search_options(const SearchRequest& request);

}  // namespace dnne
