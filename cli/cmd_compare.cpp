// `dnnexplorer compare MODEL --device NAME`: on one budget, the best pipeline-only design
// (our allocator and DNNBuilder's heuristic), the best generic-only design and the best
// hybrid design, side by side with speed-ups and DSP efficiencies.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/search_flags.h"
#include "report/search_report.h"
#include "search/compare.h"

namespace dnne::cli {

namespace {

int run_compare(const SearchFlags& f) {
  auto options = make_search_options(f, "compare");
  if (!options) return report_error(options.error());
  auto problem = load_problem(f);
  if (!problem) return report_error(problem.error());
  auto result = compare(problem->workload, problem->budget.budget, *options);
  end_progress();
  if (!result) return report_error(result.error());
  const Problem& p = *problem;
  const CompareReportInput in{.network = p.network,
                              .workload = p.workload,
                              .device = p.budget.device,
                              .budget = p.budget.budget,
                              .overrides = p.budget.overrides,
                              .result = *result};
  if (f.json)
    std::cout << compare_report_json(in).dump(2) << "\n";
  else
    std::cout << compare_report_table(in);
  // The hybrid space contains both baselines: if it has nothing feasible, nothing is.
  if (!result->hybrid.feasible) {
    std::cerr << "dnnexplorer: error: no feasible design for " << p.network.name() << " on "
              << p.budget.device.name
              << "; the tightest violation: " << result->hybrid.tightest.reason << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

Command compare_command() {
  return {"compare", "best pipeline, generic and hybrid designs on one budget, side by side",
          [](CLI::App& app) -> Runner {
            auto f = std::make_shared<SearchFlags>();
            add_search_flags(app, *f);
            return [f] { return run_compare(*f); };
          }};
}

}  // namespace dnne::cli
