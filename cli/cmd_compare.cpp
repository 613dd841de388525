// `dnnexplorer compare MODEL --device NAME`: on one budget, the best pipeline-only design
// (our allocator and DNNBuilder's heuristic), the best generic-only design and the best
// hybrid design, side by side with speed-ups and DSP efficiencies.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/reading_help.h"
#include "cli/report_files.h"
#include "cli/search_flags.h"
#include "design/design_json.h"
#include "reference/reference_compare.h"
#include "report/compare_report.h"
#include "report/html_report.h"
#include "search/compare.h"

namespace dnne::cli {

namespace {

// DIR/report.json (the --json object), DIR/report.html and each feasible row's design file,
// DIR/pipeline.json, DIR/dnnbuilder.json, DIR/generic.json, DIR/hybrid.json.
Expected<std::string> write_outputs(const std::string& dir, const Problem& p,
                                    const CompareResult& r, const nlohmann::json& report,
                                    const nlohmann::json& options) {
  OutputFiles files = {{"report.json", report.dump(2) + "\n"},
                       {"report.html", compare_report_html({.report = report,
                                                            .hybrid_space = r.hybrid.design_space,
                                                            .options = options})}};
  const std::pair<const char*, const SearchResult*> rows[] = {{"pipeline", &r.pipeline},
                                                              {"dnnbuilder", &r.dnnbuilder},
                                                              {"generic", &r.generic},
                                                              {"hybrid", &r.hybrid}};
  for (const auto& [name, result] : rows)
    if (result->feasible)
      files.push_back({std::string(name) + ".json",
                       design_to_json(result->design, p.workload, p.network).dump(2) + "\n"});
  return write_output_files(dir, files);
}

struct CompareFlags {
  SearchFlags search;
  std::string out;
  bool csv = false;
  std::vector<std::string> with;  // --with a,b: reference accelerators to show
};

int run_compare(const CompareFlags& flags) {
  const SearchFlags& f = flags.search;
  const std::string& out = flags.out;
  auto options = make_search_options(f, "compare");
  if (!options) return report_error(options.error());
  if (!out.empty())
    if (auto dir = check_output_dir(out); !dir) return report_error(dir.error());
  options->keep_design_space = !out.empty();
  auto problem = load_problem(f);
  if (!problem) return report_error(problem.error());
  // Reference accelerators beside the explored designs (src/reference/reference_compare.h).
  auto references = compare_references(problem->workload, problem->budget.budget,
                                       problem->budget.device, flags.with);
  if (!references) return report_error(references.error());
  auto result = compare(problem->workload, problem->budget.budget, *options);
  end_progress();
  if (!result) return report_error(result.error());
  const Problem& p = *problem;
  const CompareReportInput in{.network = p.network,
                              .workload = p.workload,
                              .device = p.budget.device,
                              .budget = p.budget.budget,
                              .overrides = p.budget.overrides,
                              .result = *result,
                              .objective = options->objective,
                              .winograd = !f.no_winograd};
  nlohmann::json report = compare_report_json(in);
  report["references"] = reference_comparison_json(*references);
  if (!out.empty() && result->hybrid.feasible) {
    auto written = write_outputs(out, p, *result, report, search_options_json(*options));
    if (!written) return report_error(written.error());
    std::cerr << "dnnexplorer: " << *written << "\n";
  }
  if (f.json)
    std::cout << report.dump(2) << "\n";
  else if (flags.csv)
    std::cout << compare_report_csv(in);
  else
    std::cout << compare_report_table(in) << "\n" << reference_comparison_table(*references);
  // The hybrid space contains both baselines: if it has nothing feasible, nothing is.
  if (!result->hybrid.feasible) {
    std::cerr << "dnnexplorer: error: no feasible design for " << p.network.name() << " on "
              << p.budget.device.name
              << "; the tightest violation: " << result->hybrid.tightest.reason
              << (out.empty() ? "" : "; nothing written to " + out) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

Command compare_command() {
  return {"compare", "best pipeline, generic and hybrid designs on one budget, side by side",
          [](CLI::App& app) -> Runner {
            auto f = std::make_shared<CompareFlags>();
            app.footer(reading_compare_output());
            add_search_flags(app, f->search);
            app.add_option("--out", f->out,
                           "write DIR/report.json, DIR/report.html and each design's file "
                           "(DIR/hybrid.json, ...)");
            app.add_option("--with", f->with,
                           "reference accelerators to show beside the designs, e.g. "
                           "dpu_b4096x3,caffeine_ku060 (default: the published builds that fit "
                           "the budget and the largest DPU that fits; dnnexplorer accelerators)")
                ->delimiter(',');
            app.add_flag("--csv", f->csv, "print one CSV row per design")
                ->excludes(app.get_option("--json"));
            return [f] { return run_compare(*f); };
          }};
}

}  // namespace dnne::cli
