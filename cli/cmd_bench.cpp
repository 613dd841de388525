// `dnnexplorer bench MODEL --device NAME --design FILE`: evaluates one hand-written (or
// explore-written) design with the cost models and reports its metrics per layer. An
// infeasible design -- over its budget, or made for a budget larger than this device -- is
// still reported (exit 0) with its violations; bad input exits 2.
#include <filesystem>
#include <iostream>
#include <memory>

#include "api/design_bench.h"
#include "cli/bench_reference.h"
#include "cli/budget_options.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/reading_help.h"
#include "design/design_json.h"
#include "model/device_fit.h"
#include "model/evaluate.h"
#include "report/design_report.h"
#include "util/spellcheck.h"

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

int run_bench(BenchOptions& o) {
  // A reference accelerator's name (dnnexplorer accelerators), unless a file has that name.
  if (const ReferenceDesign* reference = find_reference_design(o.design_path);
      reference && !std::filesystem::exists(o.design_path))
    return run_reference_bench({.model = o.model,
                                .budget = o.budget,
                                .design = *reference,
                                .precision_flag = o.precision_flag->count() > 0,
                                .json = o.json,
                                .csv = o.csv});
  // Neither a file nor a template: name the nearest template when the name looks like one.
  if (!std::filesystem::exists(o.design_path) &&
      o.design_path.find_first_of("/.") == std::string::npos) {
    const std::string hint = did_you_mean(o.design_path, reference_design_names());
    return report_error(Error{"--design " + o.design_path +
                              ": no such file and no reference accelerator of that name" + hint +
                              "; 'dnnexplorer accelerators' lists them"});
  }
  auto network = load_network(o.model);
  if (!network) return report_error(network.error());
  auto resolved = resolve_budget(o.budget);
  if (!resolved) return report_error(resolved.error());
  const Workload workload = make_workload(*network);
  auto design = read_design_file(o.design_path, workload, *network);
  if (!design) return report_error(design.error());
  reconcile_design_budget(*resolved, *design, o.precision_flag->count() > 0);
  Estimate estimate = evaluate(workload, *design, resolved->budget);
  add_device_violations(resolved->budget, resolved->device, estimate);
  const DesignReportInput in{.network = *network,
                             .workload = workload,
                             .device = resolved->device,
                             .budget = resolved->budget,
                             .overrides = resolved->overrides,
                             .design = *design,
                             .estimate = estimate};
  if (o.json)
    std::cout << design_report_json(in).dump(2) << "\n";
  else if (o.csv)
    std::cout << design_layers_csv(in);
  else
    std::cout << design_report_table(in);
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
