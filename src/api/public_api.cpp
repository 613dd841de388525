// The public API (include/dnnexplorer/dnnexplorer.h) over the library: the same steps the CLI
// takes (api/run_request.h, api/design_bench.h), and a Report that keeps what it needs to
// render every view lazily (the HTML page is half a megabyte of Vega; nobody pays for it
// unless they ask).
#include <dnnexplorer/dnnexplorer.h>

#include <map>
#include <nlohmann/json.hpp>

#include "api/design_bench.h"
#include "api/run_request.h"
#include "api/validate_request.h"
#include "design/design_json.h"
#include "device/catalog.h"
#include "model/device_fit.h"
#include "model/evaluate.h"
#include "reference/validation_report.h"
#include "report/analyze_report.h"
#include "report/compare_report.h"
#include "report/design_report.h"
#include "report/device_report.h"
#include "report/html_page.h"
#include "report/html_report.h"
#include "report/pareto_report.h"
#include "report/search_report.h"
#include "report/zoo_report.h"
#include "search/compare.h"
#include "search/explore.h"
#include "zoo/zoo.h"

namespace dnnexplorer {

namespace detail {

struct NetworkData {
  dnne::Network network;
  dnne::Workload workload;
};

struct ReportData {
  std::string kind;
  nlohmann::json json;
  bool feasible = true;
  std::function<std::string()> table, csv, html;
  std::map<std::string, std::string> designs;  // row name -> design file text
};

}  // namespace detail

namespace {

using detail::ReportData;

Report make_report(ReportData data) {
  return Report(std::make_shared<const ReportData>(std::move(data)));
}

// Public budget -> the library's request; precision 0 means "not given" (16, or for bench the
// design file's).
dnne::BudgetRequest budget_request(const Budget& b) {
  return {.device = b.device,
          .dsp = b.dsp,
          .bram18 = b.bram18,
          .bw_gbps = b.bw_gbps,
          .clock_mhz = b.clock_mhz,
          .precision_bits = b.precision == 0 ? 16 : b.precision};
}

dnne::Expected<dnne::Problem> problem_for(const Network& network, const Budget& budget) {
  auto resolved = dnne::resolve_budget(budget_request(budget));
  if (!resolved) return resolved.error();
  return dnne::Problem{.network = network.data().network,
                       .workload = network.data().workload,
                       .budget = std::move(*resolved)};
}

dnne::Expected<dnne::SearchOptions> search_options(const SearchSettings& s) {
  auto options = dnne::make_search_options({.objective = s.objective,
                                            .search = s.method,
                                            .min_fps = s.min_fps,
                                            .max_latency_ms = s.max_latency_ms,
                                            .seed = std::to_string(s.seed),
                                            .threads = s.threads,
                                            .swarm = s.swarm,
                                            .iterations = s.iterations,
                                            .no_winograd = !s.winograd});
  if (!options) return options.error();
  options->keep_design_space = true;  // html() plots it
  options->cancelled = s.cancelled;
  if (s.progress)
    options->progress = [progress = s.progress](const dnne::SearchProgress& p) {
      progress({.step = p.step, .steps = p.steps, .evaluated = p.evaluated, .seconds = p.seconds});
    };
  return options;
}

Error error_of(const dnne::Error& e) {
  return Error{e.message};
}

// What a bench or explore report renders from: the problem, the design and its estimate.
struct DesignState {
  dnne::Problem problem;
  dnne::Design design;
  dnne::Estimate estimate;
  dnne::DesignReportInput input() const {
    return {.network = problem.network,
            .workload = problem.workload,
            .device = problem.budget.device,
            .budget = problem.budget.budget,
            .overrides = problem.budget.overrides,
            .design = design,
            .estimate = estimate};
  }
  std::string design_file() const {
    return dnne::design_to_json(design, problem.workload, problem.network).dump(2) + "\n";
  }
};

}  // namespace

std::string version() {
  return dnne::tool_version();
}

const std::string& Network::name() const {
  return data_->network.name();
}
int Network::layer_count() const {
  return static_cast<int>(data_->network.layers().size());
}
int Network::stage_layer_count() const {
  return static_cast<int>(data_->workload.stages.size());
}
std::vector<std::string> Network::stage_layer_names() const {
  std::vector<std::string> names;
  for (const auto& stage : data_->workload.stages)
    names.push_back(data_->network.layers()[static_cast<size_t>(stage.layer)].name);
  return names;
}

Result<Network> load(const std::string& model, const LoadOptions& options) {
  auto network = dnne::load_network({.model = model,
                                     .input = options.input,
                                     .allow_unknown = options.allow_unknown,
                                     .batch = options.batch});
  if (!network) return error_of(network.error());
  dnne::Workload workload = dnne::make_workload(*network);
  return Network(std::make_shared<const detail::NetworkData>(
      detail::NetworkData{.network = std::move(*network), .workload = std::move(workload)}));
}

const std::string& Report::kind() const {
  return data_->kind;
}
std::string Report::json(int indent) const {
  return data_->json.dump(indent);
}
std::string Report::table() const {
  return data_->table ? data_->table() : "";
}
std::string Report::csv() const {
  return data_->csv ? data_->csv() : "";
}
std::string Report::html() const {
  return data_->html ? data_->html() : "";
}
bool Report::feasible() const {
  return data_->feasible;
}
std::string Report::design_json(const std::string& name) const {
  if (data_->designs.size() == 1 && name == "hybrid") return data_->designs.begin()->second;
  const auto it = data_->designs.find(name);
  return it == data_->designs.end() ? "" : it->second;
}

Result<Report> analyze(const Network& network, int precision) {
  if (precision != 16 && precision != 8)
    return Error{"precision " + std::to_string(precision) + ": expected 16 or 8"};
  auto net = std::make_shared<const detail::NetworkData>(network.data());
  return make_report(
      {.kind = "analyze",
       .json = dnne::analyze_json(net->network, precision),
       .table = [net, precision] { return dnne::analyze_table(net->network, precision); },
       .csv = [net, precision] { return dnne::analyze_csv(net->network, precision); }});
}

Result<Report> bench(const Network& network, const Budget& budget, const std::string& design) {
  auto problem = problem_for(network, budget);
  if (!problem) return error_of(problem.error());
  const size_t first = design.find_first_not_of(" \t\r\n");
  dnne::Expected<dnne::Design> parsed = dnne::Error{""};
  if (first != std::string::npos && design[first] == '{') {
    const nlohmann::json json = nlohmann::json::parse(design, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return Error{"design: not valid JSON"};
    parsed = dnne::design_from_json(json, problem->workload, problem->network, "design");
  } else {
    parsed = dnne::read_design_file(design, problem->workload, problem->network);
  }
  if (!parsed) return error_of(parsed.error());
  auto state = std::make_shared<DesignState>(
      DesignState{.problem = std::move(*problem), .design = std::move(*parsed)});
  dnne::reconcile_design_budget(state->problem.budget, state->design, budget.precision != 0);
  state->estimate =
      dnne::evaluate(state->problem.workload, state->design, state->problem.budget.budget);
  dnne::add_device_violations(state->problem.budget.budget, state->problem.budget.device,
                              state->estimate);
  return make_report({.kind = "bench",
                      .json = dnne::design_report_json(state->input()),
                      .feasible = state->estimate.feasible,
                      .table = [state] { return dnne::design_report_table(state->input()); },
                      .csv = [state] { return dnne::design_layers_csv(state->input()); },
                      .designs = {{"design", state->design_file()}}});
}

Result<Report> explore(const Network& network, const Budget& budget,
                       const SearchSettings& settings) {
  auto paradigm = dnne::parse_paradigm(settings.paradigm);
  if (!paradigm) return error_of(paradigm.error());
  auto options = search_options(settings);
  if (!options) return error_of(options.error());
  options->paradigm = *paradigm;
  auto problem = problem_for(network, budget);
  if (!problem) return error_of(problem.error());
  auto result = dnne::explore(problem->workload, problem->budget.budget, *options);
  if (!result) return error_of(result.error());
  struct State {
    DesignState design;
    dnne::SearchResult result;
    nlohmann::json options;
  };
  auto state = std::make_shared<State>(State{.design = {.problem = std::move(*problem),
                                                        .design = result->design,
                                                        .estimate = result->estimate},
                                             .result = std::move(*result),
                                             .options = dnne::search_options_json(*options)});
  const dnne::Problem& p = state->design.problem;
  nlohmann::json json = dnne::explore_report_json({.network = p.network,
                                                   .workload = p.workload,
                                                   .device = p.budget.device,
                                                   .budget = p.budget.budget,
                                                   .overrides = p.budget.overrides,
                                                   .result = state->result,
                                                   .paradigm = settings.paradigm,
                                                   .objective = options->objective,
                                                   .winograd = settings.winograd});
  const dnne::ParetoReportInput pareto{.network = p.network,
                                       .workload = p.workload,
                                       .device = p.budget.device,
                                       .budget = p.budget.budget,
                                       .overrides = p.budget.overrides,
                                       .front = state->result.design_space.front};
  if (settings.pareto && state->result.feasible) json["pareto"] = dnne::pareto_json(pareto);
  ReportData data{.kind = "explore", .json = json, .feasible = state->result.feasible};
  if (!state->result.feasible) {
    const std::string line = "no feasible " + settings.paradigm + " design for " +
                             p.network.name() + " on " + p.budget.device.name +
                             "; the tightest violation: " + state->result.tightest.reason + "\n";
    data.table = [line] { return line; };
    return make_report(std::move(data));
  }
  data.table = [state] {
    return dnne::design_report_table(state->design.input()) +
           dnne::design_summary_line(state->design.design, state->design.problem.workload) + "\n" +
           dnne::search_stats_line(state->result.stats) + "\n";
  };
  data.csv = [state] { return dnne::design_layers_csv(state->design.input()); };
  data.html = [state, json] {
    return dnne::explore_report_html(
        {.report = json, .space = state->result.design_space, .options = state->options});
  };
  data.designs = {{"hybrid", state->design.design_file()}};
  return make_report(std::move(data));
}

Result<Report> compare(const Network& network, const Budget& budget,
                       const SearchSettings& settings) {
  auto options = search_options(settings);
  if (!options) return error_of(options.error());
  auto problem = problem_for(network, budget);
  if (!problem) return error_of(problem.error());
  auto result = dnne::compare(problem->workload, problem->budget.budget, *options);
  if (!result) return error_of(result.error());
  struct State {
    dnne::Problem problem;
    dnne::CompareResult result;
    dnne::Objective objective;
    bool winograd;
    nlohmann::json options;
    dnne::CompareReportInput input() const {
      return {.network = problem.network,
              .workload = problem.workload,
              .device = problem.budget.device,
              .budget = problem.budget.budget,
              .overrides = problem.budget.overrides,
              .result = result,
              .objective = objective,
              .winograd = winograd};
    }
  };
  auto state = std::make_shared<State>(State{.problem = std::move(*problem),
                                             .result = std::move(*result),
                                             .objective = options->objective,
                                             .winograd = settings.winograd,
                                             .options = dnne::search_options_json(*options)});
  const nlohmann::json json = dnne::compare_report_json(state->input());
  ReportData data{.kind = "compare", .json = json, .feasible = state->result.hybrid.feasible};
  data.table = [state] { return dnne::compare_report_table(state->input()); };
  data.csv = [state] { return dnne::compare_report_csv(state->input()); };
  if (state->result.hybrid.feasible)
    data.html = [state, json] {
      return dnne::compare_report_html({.report = json,
                                        .hybrid_space = state->result.hybrid.design_space,
                                        .options = state->options});
    };
  const dnne::Problem& p = state->problem;
  for (const auto& [name, row] :
       {std::pair<const char*, const dnne::SearchResult*>{"pipeline", &state->result.pipeline},
        {"dnnbuilder", &state->result.dnnbuilder},
        {"generic", &state->result.generic},
        {"hybrid", &state->result.hybrid}})
    if (row->feasible)
      data.designs[name] = dnne::design_to_json(row->design, p.workload, p.network).dump(2) + "\n";
  return make_report(std::move(data));
}

Result<Report> validate(const std::string& data_dir) {
  auto report = dnne::validate_data(data_dir);
  if (!report) return error_of(report.error());
  auto state = std::make_shared<const dnne::ValidationReport>(std::move(*report));
  return make_report({.kind = "validate",
                      .json = dnne::validation_json(*state),
                      .table = [state] { return dnne::validation_table(*state); },
                      .csv = [state] { return dnne::validation_csv(*state); }});
}

Report devices() {
  const auto& catalog = dnne::device_catalog();
  return make_report({.kind = "devices", .json = dnne::devices_json(catalog), .table = [] {
                        return dnne::devices_table(dnne::device_catalog());
                      }});
}

Report models() {
  return make_report({.kind = "models", .json = dnne::zoo_json(dnne::zoo_entries()), .table = [] {
                        return dnne::zoo_list(dnne::zoo_entries());
                      }});
}

}  // namespace dnnexplorer
