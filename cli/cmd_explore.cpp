// `dnnexplorer explore MODEL --device NAME`: the best design of a paradigm on a budget
// (docs/spec/MODELS.md section 6), its metrics, each layer's bound, and the search's figures.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/reading_help.h"
#include "cli/report_files.h"
#include "cli/search_flags.h"
#include "design/design_json.h"
#include "report/design_report.h"
#include "report/html_report.h"
#include "report/pareto_report.h"
#include "report/search_report.h"
#include "search/explore.h"

namespace dnne::cli {

namespace {

struct ExploreFlags {
  SearchFlags search;
  std::string paradigm = "hybrid";
  std::string out;
  bool pareto = false;
  bool csv = false;
};

ParetoReportInput pareto_input(const Problem& p, const SearchResult& r) {
  return {.network = p.network,
          .workload = p.workload,
          .device = p.budget.device,
          .budget = p.budget.budget,
          .overrides = p.budget.overrides,
          .front = r.design_space.front};
}

// DIR/design.json (what `bench --design` reads back), DIR/report.json, DIR/layers.csv,
// DIR/report.html, and with --pareto DIR/pareto/NAME.json for each front design and
// DIR/pareto/index.json.
Expected<std::string> write_outputs(const ExploreFlags& f, const Problem& p, const SearchResult& r,
                                    const nlohmann::json& report, const nlohmann::json& options) {
  const DesignReportInput in{.network = p.network,
                             .workload = p.workload,
                             .device = p.budget.device,
                             .budget = p.budget.budget,
                             .overrides = p.budget.overrides,
                             .design = r.design,
                             .estimate = r.estimate};
  OutputFiles files = {
      {"design.json", design_to_json(r.design, p.workload, p.network).dump(2) + "\n"},
      {"report.json", report.dump(2) + "\n"},
      {"layers.csv", design_layers_csv(in)},
      {"report.html",
       explore_report_html({.report = report, .space = r.design_space, .options = options})}};
  if (f.pareto) {
    const std::vector<std::string> names = pareto_names(r.design_space.front.size());
    for (size_t i = 0; i < names.size(); ++i)
      files.push_back(
          {"pareto/" + names[i] + ".json",
           design_to_json(r.design_space.front[i].design, p.workload, p.network).dump(2) + "\n"});
    files.push_back({"pareto/index.json", pareto_index_json(pareto_input(p, r)).dump(2) + "\n"});
  }
  return write_output_files(f.out, files);
}

int run_explore(const ExploreFlags& f) {
  auto paradigm = parse_paradigm(f.paradigm);
  if (!paradigm) return report_error(paradigm.error());
  auto options = make_search_options(f.search, "explore");
  if (!options) return report_error(options.error());
  if (!f.out.empty())
    if (auto dir = check_output_dir(f.out); !dir) return report_error(dir.error());
  options->paradigm = *paradigm;
  options->keep_design_space = f.pareto || !f.out.empty();
  auto problem = load_problem(f.search);
  if (!problem) return report_error(problem.error());
  auto result = explore(problem->workload, problem->budget.budget, *options);
  end_progress();
  if (!result) return report_error(result.error());
  const Problem& p = *problem;
  nlohmann::json report = explore_report_json({.network = p.network,
                                               .workload = p.workload,
                                               .device = p.budget.device,
                                               .budget = p.budget.budget,
                                               .overrides = p.budget.overrides,
                                               .result = *result,
                                               .paradigm = f.paradigm,
                                               .objective = options->objective,
                                               .winograd = !f.search.no_winograd});
  if (!result->feasible) {
    if (f.search.json) std::cout << report.dump(2) << "\n";
    std::cerr << "dnnexplorer: error: no feasible " << f.paradigm << " design for "
              << p.network.name() << " on " << p.budget.device.name
              << "; the tightest violation: " << result->tightest.reason << " ("
              << result->stats.points << (result->stats.points == 1 ? " point" : " points")
              << " searched)" << (f.out.empty() ? "" : "; nothing written to " + f.out) << "\n";
    return 1;
  }
  if (f.pareto) report["pareto"] = pareto_json(pareto_input(p, *result));
  if (!f.out.empty()) {
    auto written = write_outputs(f, p, *result, report, search_options_json(*options));
    if (!written) return report_error(written.error());
    std::cerr << "dnnexplorer: " << *written << "\n";
  }
  if (f.search.json) {
    std::cout << report.dump(2) << "\n";
  } else if (f.csv) {
    std::cout << pareto_csv(pareto_input(p, *result));
  } else if (f.pareto) {
    std::cout << pareto_table(pareto_input(p, *result))
              << design_summary_line(result->design, p.workload) << " (the chosen design)\n"
              << search_stats_line(result->stats) << "\n";
  } else {
    std::cout << design_report_table({.network = p.network,
                                      .workload = p.workload,
                                      .device = p.budget.device,
                                      .budget = p.budget.budget,
                                      .overrides = p.budget.overrides,
                                      .design = result->design,
                                      .estimate = result->estimate})
              << design_summary_line(result->design, p.workload) << "\n"
              << search_stats_line(result->stats) << "\n";
  }
  return 0;
}

}  // namespace

Command explore_command() {
  return {"explore", "search the best accelerator design for a network on a device budget",
          [](CLI::App& app) -> Runner {
            auto f = std::make_shared<ExploreFlags>();
            app.footer(reading_design_output());
            add_search_flags(app, f->search);
            app.add_option("--paradigm", f->paradigm,
                           "hybrid (default; split point free), pipeline or generic");
            app.add_option("--out", f->out,
                           "write DIR/design.json (for bench --design), DIR/report.json, "
                           "DIR/layers.csv, DIR/report.html (and DIR/pareto/ with --pareto)");
            app.add_flag("--pareto", f->pareto,
                         "list the Pareto front of the designs evaluated (throughput, latency, "
                         "DSP, BRAM18)");
            app.add_flag("--csv", f->csv, "print the Pareto front as CSV (with --pareto)")
                ->needs(app.get_option("--pareto"))
                ->excludes(app.get_option("--json"));
            return [f] { return run_explore(*f); };
          }};
}

}  // namespace dnne::cli
