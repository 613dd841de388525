// `dnnexplorer bench MODEL --device NAME --design FILE`: evaluates one hand-written (or
// explore-written) design with the cost models and reports its metrics per layer. An
// infeasible design -- over its budget, or made for a budget larger than this device -- is
// still reported (exit 0) with its violations; bad input exits 2.
#include <iostream>
#include <memory>

#include "api/bench_run.h"
#include "cli/budget_options.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/reading_help.h"

namespace dnne::cli {

namespace {

struct BenchOptions {
  ModelOptions model;
  BudgetOptions budget;
  std::string design_path;
  bool json = false;
  bool csv = false;
  CLI::Option* precision_flag = nullptr;
};

// The evaluation and its report are the library's (api/bench_run.h, as dnnexplorer::bench):
// a design file, or a reference accelerator's name (dnnexplorer accelerators) unless a file
// has that name. The model is read before the budget is checked.
int run_bench(BenchOptions& o) {
  auto target = bench_target(o.design_path);
  if (!target) return report_error(target.error());
  auto network = load_network(o.model);
  if (!network) return report_error(network.error());
  Workload workload = make_workload(*network);
  auto problem = make_problem(std::move(*network), std::move(workload), o.budget);
  if (!problem) return report_error(problem.error());
  auto report = bench_run(std::move(*problem), *target, o.precision_flag->count() > 0);
  if (!report) return report_error(report.error());
  print_view(*report, o.json, o.csv);
  return 0;
}

}  // namespace

Command bench_command() {
  return {"bench", "evaluate one design file on a device: throughput, latency, resources per layer",
          [](CLI::App& app) -> Runner {
            auto o = std::make_shared<BenchOptions>();
            app.footer(reading_design_output());
            add_model_options(app, o->model, /*with_precision=*/false);
            add_budget_options(app, o->budget);
            o->precision_flag = app.get_option("--precision");
            app.add_option(
                   "--design", o->design_path,
                   "the design file (JSON, format in the README; explore --out writes one), or the "
                   "name of a reference accelerator (dnnexplorer accelerators)")
                ->required();
            auto* json =
                app.add_flag("--json", o->json, "print JSON (keys as in docs/spec/CLI.md)");
            app.add_flag("--csv", o->csv, "print CSV, one row per layer")->excludes(json);
            return [o] { return run_bench(*o); };
          }};
}

}  // namespace dnne::cli
