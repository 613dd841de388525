#include "api/bench_run.h"

#include <filesystem>
#include <memory>
#include <sstream>

#include "api/accdnn_optim.h"
#include "api/design_bench.h"
#include "design/design_json.h"
#include "model/device_fit.h"
#include "model/evaluate.h"
#include "reference/reference_fit.h"
#include "reference/reference_model.h"
#include "reference/reference_report.h"
#include "report/design_report.h"
#include "util/spellcheck.h"

namespace dnne {

Expected<BenchTarget> bench_target(const std::string& design) {
  const size_t first = design.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && design[first] == '{')
    return BenchTarget{.design = design, .json_text = true};
  const bool is_file = std::filesystem::exists(design);
  // A reference accelerator's name, unless a file has that name.
  if (const ReferenceDesign* reference = find_reference_design(design); reference && !is_file)
    return BenchTarget{.reference = reference};
  // Neither a file nor a template: name the nearest template when the name looks like one.
  if (!is_file && design.find_first_of("/.") == std::string::npos)
    return Error{"--design " + design + ": no such file and no reference accelerator of that name" +
                 did_you_mean(design, reference_design_names()) +
                 "; 'dnnexplorer accelerators' lists them"};
  return BenchTarget{.design = design};
}

namespace {

// A reference template on the network: clock and precision are the template's unless the
// user gave them; the DRAM bandwidth is the budget's. A template larger than the budget (the
// device's figures unless --dsp / --bram18 shrink them) is infeasible with the resources
// named.
RunReport reference_bench(Problem problem, const ReferenceDesign& reference,
                          bool precision_given) {
  struct State {
    Problem problem;
    ReferenceDesign design;
    ReferenceRun run;
    ReferenceEstimate estimate;
    ReferenceFit fit;
    bool precision_given;
    ReferenceReportInput input() const {
      return {.problem = problem,
              .design = design,
              .run = run,
              .estimate = estimate,
              .fit = fit,
              .precision_from_flag = precision_given};
    }
  };
  auto state = std::make_shared<State>(State{.problem = std::move(problem), .design = reference});
  const ResolvedBudget& resolved = state->problem.budget;
  state->precision_given = precision_given;
  if (resolved.overrides.clock_mhz) state->design.clock_mhz = *resolved.overrides.clock_mhz;
  if (precision_given) state->design.precision_bits = resolved.budget.precision_bits;
  state->run = {.clock_mhz = state->design.clock_mhz, .dram_bw_gbps = resolved.budget.dram_bw_gbps};
  state->estimate = evaluate_reference(state->problem.workload, state->design, state->run);
  // The budget's DSP and BRAM18 (--dsp / --bram18 may shrink them), the device's URAM and LUT.
  Device limits = resolved.device;
  limits.dsp = resolved.budget.dsp;
  limits.bram18 = resolved.budget.bram18;
  state->fit = reference_fit(state->design, limits);
  std::shared_ptr<const State> view = state;
  return {.kind = "bench",
          .json = reference_report_json(view->input()),
          .feasible = view->fit.feasible,
          .table = [view] { return reference_report_table(view->input()); },
          .csv = [view] {
            std::ostringstream out;
            out << "layer,kind,unit,compute_cycles,dram_cycles,cycles,bound\n";
            const Workload& workload = view->problem.workload;
            for (const ReferenceLayer& l : view->estimate.layers) {
              const StageLayer& s = workload.stage(l.stage);
              out << view->problem.network.layer(s.layer).name << "," << kind_name(s.kind) << ","
                  << ref_unit_name(l.unit) << "," << l.compute_cycles << "," << l.dram_cycles << ","
                  << l.cycles << "," << bound_name(l.bound) << "\n";
            }
            return out.str();
          }};
}

}  // namespace

Expected<RunReport> bench_run(Problem problem, const BenchTarget& target, bool precision_given) {
  if (target.reference) return reference_bench(std::move(problem), *target.reference, precision_given);
  Expected<Design> parsed = Error{""};
  std::vector<std::string> warnings;
  if (target.json_text) {
    const nlohmann::json json =
        nlohmann::json::parse(target.design, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return Error{"design: not valid JSON"};
    parsed = design_from_json(json, stage_names(problem.workload, problem.network), "design");
  } else {
    parsed = read_any_design_file(target.design, problem.workload, problem.network, &warnings);
  }
  if (!parsed) return parsed.error();
  struct State {
    Problem problem;
    Design design;
    Estimate estimate;
    DesignReportInput input() const {
      return {.problem = problem, .design = design, .estimate = estimate};
    }
  };
  auto state = std::make_shared<State>(State{.problem = std::move(problem), .design = std::move(*parsed)});
  reconcile_design_budget(state->problem.budget, state->design, precision_given);
  state->estimate = evaluate(state->problem.workload, state->design, state->problem.budget.budget);
  add_device_violations(state->problem.budget.budget, state->problem.budget.device, state->estimate);
  std::shared_ptr<const State> view = state;
  return RunReport{
      .kind = "bench",
      .json = design_report_json(view->input()),
      .feasible = view->estimate.feasible,
      .table = [view] { return design_report_table(view->input()); },
      .csv = [view] { return design_layers_csv(view->input()); },
      .designs = {{"design", design_file_text(view->design, view->problem.workload,
                                              view->problem.network)}},
      .warnings = std::move(warnings)};
}

}  // namespace dnne
