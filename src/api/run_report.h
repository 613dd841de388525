// What a command produced, ready for every view. The CLI prints one view and writes the --out
// files; the public API's Report (include/dnnexplorer) renders a view when asked. Views are
// functions so nobody pays for one they do not ask for (the HTML page is half a megabyte of
// Vega). Built by the run functions in src/api (analyze_run.h, bench_run.h, explore_run.h,
// compare_run.h, validate_request.h), the one path both clients take.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "design/design.h"
#include "graph/network.h"
#include "model/workload.h"

namespace dnne {

// (path inside the --out directory, contents); a path may name a subdirectory ("pareto/x.json").
using OutputFiles = std::vector<std::pair<std::string, std::string>>;

struct RunReport {
  std::string kind;  // "analyze", "bench", "explore", "compare", "validate", ...
  nlohmann::json json;
  bool feasible = true;
  // When nothing feasible was found: "no feasible hybrid design for vgg16 on pynq_z1; the
  // tightest violation: ..." (the CLI's error line, without its prefix).
  std::string infeasible;
  std::function<std::string()> table, csv, html;  // empty: the view does not exist
  std::function<OutputFiles()> files;             // what --out DIR writes
  std::map<std::string, std::string> designs;     // design files by name ("hybrid", "generic")
  // What the run did not use but the user may want to know (an optim.conf section naming no
  // layer); the CLI prints each on stderr.
  std::vector<std::string> warnings;
};

// The design file the CLI writes and bench reads: design_to_json, two-space indented, with a
// final newline.
std::string design_file_text(const Design& design, const Workload& workload,
                             const Network& network);

}  // namespace dnne
