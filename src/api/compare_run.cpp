#include "api/compare_run.h"

#include <algorithm>
#include <memory>

#include "reference/reference_compare.h"
#include "report/compare_report.h"
#include "report/html_report.h"
#include "search/compare.h"

namespace dnne {

namespace {

struct CompareState {
  Problem problem;
  CompareResult result;
  std::vector<ReferenceComparison> references;
  Objective objective;
  bool winograd;
  nlohmann::json options;  // search_options_json, for the HTML page

  CompareReportInput input() const {
    return {.problem = problem, .result = result, .objective = objective, .winograd = winograd};
  }
  // The feasible rows' design files, in the order --out lists them.
  std::vector<std::pair<std::string, std::string>> design_files() const {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& [name, row] : {std::pair<const char*, const SearchResult*>{
                                        "pipeline", &result.pipeline},
                                    {"dnnbuilder", &result.dnnbuilder},
                                    {"generic", &result.generic},
                                    {"hybrid", &result.hybrid}})
      if (row->feasible)
        files.push_back({name, design_file_text(row->design, problem.workload, problem.network)});
    return files;
  }
};

}  // namespace

Expected<RunReport> compare_run(Problem problem, const CompareRequest& request) {
  auto references = compare_references(problem.workload, problem.budget.budget,
                                       problem.budget.device, request.references);
  if (!references) return references.error();
  auto result = compare(problem.workload, problem.budget.budget, request.options);
  if (!result) return result.error();
  const auto& modes = request.options.winograd_modes;
  auto state = std::make_shared<const CompareState>(CompareState{
      .problem = std::move(problem),
      .result = std::move(*result),
      .references = std::move(*references),
      .objective = request.options.objective,
      .winograd = std::any_of(modes.begin(), modes.end(), [](int mode) { return mode != 0; }),
      .options = search_options_json(request.options)});
  nlohmann::json json = compare_report_json(state->input());
  json["references"] = reference_comparison_json(state->references);
  const SearchResult& hybrid = state->result.hybrid;
  RunReport report{.kind = "compare", .json = json, .feasible = hybrid.feasible};
  report.table = [state] {
    return compare_report_table(state->input()) + "\n" +
           reference_comparison_table(state->references);
  };
  report.csv = [state] { return compare_report_csv(state->input()); };
  // The hybrid space contains both baselines: if it has nothing feasible, nothing is.
  if (!hybrid.feasible) {
    report.infeasible = "no feasible design for " + state->problem.network.name() + " on " +
                        state->problem.budget.device.name +
                        "; the tightest violation: " + hybrid.tightest.reason;
    return report;
  }
  const auto html = [state, json] {
    return compare_report_html({.report = json,
                                .hybrid_space = state->result.hybrid.design_space,
                                .options = state->options});
  };
  report.html = html;
  report.files = [state, json, html] {
    OutputFiles files = {{"report.json", json.dump(2) + "\n"}, {"report.html", html()}};
    for (auto& [name, text] : state->design_files()) files.push_back({name + ".json", text});
    return files;
  };
  for (auto& [name, text] : state->design_files()) report.designs[name] = text;
  return report;
}

}  // namespace dnne
