#include "api/explore_run.h"

#include <algorithm>
#include <memory>

#include "report/design_report.h"
#include "report/html_report.h"
#include "report/pareto_report.h"
#include "report/search_report.h"
#include "search/explore.h"

namespace dnne {

namespace {

// --no-winograd leaves the spatial mode (0) alone.
bool uses_winograd(const SearchOptions& options) {
  return std::any_of(options.winograd_modes.begin(), options.winograd_modes.end(),
                     [](int mode) { return mode != 0; });
}

struct ExploreState {
  Problem problem;
  SearchResult result;
  nlohmann::json options;  // search_options_json, for the HTML page

  DesignReportInput design_input() const {
    return {.problem = problem, .design = result.design, .estimate = result.estimate};
  }
  ParetoReportInput pareto_input() const {
    return {.problem = problem, .front = result.design_space.front};
  }
  std::string design_file(const Design& design) const {
    return design_file_text(design, problem.workload, problem.network);
  }
};

}  // namespace

Expected<RunReport> explore_run(Problem problem, const ExploreRequest& request) {
  auto result = explore(problem.workload, problem.budget.budget, request.options);
  if (!result) return result.error();
  auto state = std::make_shared<const ExploreState>(
      ExploreState{.problem = std::move(problem),
                   .result = std::move(*result),
                   .options = search_options_json(request.options)});
  const Problem& p = state->problem;
  const SearchResult& r = state->result;
  nlohmann::json json = explore_report_json({.problem = p,
                                             .result = r,
                                             .paradigm = request.paradigm,
                                             .objective = request.options.objective,
                                             .winograd = uses_winograd(request.options)});
  RunReport report{.kind = "explore", .feasible = r.feasible};
  if (!r.feasible) {
    report.json = std::move(json);
    report.infeasible = "no feasible " + request.paradigm + " design for " + p.network.name() +
                        " on " + p.budget.device.name +
                        "; the tightest violation: " + r.tightest.reason + " (" +
                        std::to_string(r.stats.points) +
                        (r.stats.points == 1 ? " point" : " points") + " searched)";
    return report;
  }
  if (request.pareto) json["pareto"] = pareto_json(state->pareto_input());
  report.json = json;
  if (request.pareto) {
    report.table = [state] {
      return pareto_table(state->pareto_input()) +
             design_summary_line(state->result.design, state->problem.workload) +
             " (the chosen design)\n" + search_stats_line(state->result.stats) + "\n";
    };
    report.csv = [state] { return pareto_csv(state->pareto_input()); };
  } else {
    report.table = [state] {
      return design_report_table(state->design_input()) +
             design_summary_line(state->result.design, state->problem.workload) + "\n" +
             search_stats_line(state->result.stats) + "\n";
    };
    report.csv = [state] { return design_layers_csv(state->design_input()); };
  }
  report.html = [state, json] {
    return explore_report_html(
        {.report = json, .space = state->result.design_space, .options = state->options});
  };
  report.files = [state, json, pareto = request.pareto] {
    OutputFiles files = {{"design.json", state->design_file(state->result.design)},
                         {"report.json", json.dump(2) + "\n"},
                         {"layers.csv", design_layers_csv(state->design_input())},
                         {"report.html", explore_report_html({.report = json,
                                                              .space = state->result.design_space,
                                                              .options = state->options})}};
    if (pareto) {
      const auto& front = state->result.design_space.front;
      const std::vector<std::string> names = pareto_names(front.size());
      for (size_t i = 0; i < names.size(); ++i)
        files.push_back({"pareto/" + names[i] + ".json", state->design_file(front[i].design)});
      files.push_back({"pareto/index.json", pareto_index_json(state->pareto_input()).dump(2) + "\n"});
    }
    return files;
  };
  report.designs = {{"hybrid", state->design_file(r.design)}};
  return report;
}

}  // namespace dnne
