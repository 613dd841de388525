// The public API (include/dnnexplorer/dnnexplorer.h) over the library: the run functions of
// src/api (analyze_run.h, bench_run.h, explore_run.h, compare_run.h, validate_request.h), which
// the CLI calls too, and a Report over their RunReport.
#include <dnnexplorer/dnnexplorer.h>

#include "api/analyze_run.h"
#include "api/bench_run.h"
#include "api/compare_run.h"
#include "api/explore_run.h"
#include "api/run_request.h"
#include "api/validate_request.h"
#include "device/catalog.h"
#include "report/device_report.h"
#include "report/html_page.h"
#include "report/zoo_report.h"
#include "zoo/zoo.h"

namespace dnnexplorer {

namespace detail {

struct NetworkData {
  dnne::Network network;
  dnne::Workload workload;
};

struct ReportData : dnne::RunReport {};

}  // namespace detail

namespace {

using detail::ReportData;

Report make_report(dnne::RunReport run) {
  return Report(std::make_shared<const ReportData>(ReportData{std::move(run)}));
}

// Public budget -> the library's request; precision 0 means "not given" (16, or for bench the
// design file's).
dnne::BudgetRequest budget_request(const Budget& b) {
  return {.device = b.device,
          .dsp = b.dsp,
          .bram18 = b.bram18,
          .bw_gbps = b.bw_gbps,
          .clock_mhz = b.clock_mhz,
          .uram = b.uram,
          .lut = b.lut,
          .headroom = b.headroom,
          .dsp_double_rate = b.dsp_double_rate,
          .precision_bits = b.precision == 0 ? 16 : b.precision};
}

dnne::Expected<dnne::Problem> problem_for(const Network& network, const Budget& budget) {
  return dnne::make_problem(network.data().network, network.data().workload,
                            budget_request(budget));
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
  return data_->workload.stage_count();
}
std::vector<std::string> Network::stage_layer_names() const {
  std::vector<std::string> names;
  for (const auto& stage : data_->workload.stages)
    names.push_back(data_->network.layer(stage.layer).name);
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
  return make_report(dnne::analyze_run(network.data().network, precision));
}

Result<Report> bench(const Network& network, const Budget& budget, const std::string& design) {
  auto problem = problem_for(network, budget);
  if (!problem) return error_of(problem.error());
  auto target = dnne::bench_target(design);
  if (!target) return error_of(target.error());
  auto report = dnne::bench_run(std::move(*problem), *target, budget.precision != 0);
  if (!report) return error_of(report.error());
  return make_report(std::move(*report));
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
  auto report = dnne::explore_run(
      std::move(*problem),
      {.options = std::move(*options), .paradigm = settings.paradigm, .pareto = settings.pareto});
  if (!report) return error_of(report.error());
  if (!report->feasible) {
    // The infeasible report's one text view: why.
    report->table = [line = report->infeasible + "\n"] { return line; };
  }
  return make_report(std::move(*report));
}

Result<Report> compare(const Network& network, const Budget& budget,
                       const SearchSettings& settings) {
  auto options = search_options(settings);
  if (!options) return error_of(options.error());
  auto problem = problem_for(network, budget);
  if (!problem) return error_of(problem.error());
  auto report = dnne::compare_run(
      std::move(*problem), {.options = std::move(*options), .references = settings.references});
  if (!report) return error_of(report.error());
  return make_report(std::move(*report));
}

Result<Report> validate(const std::string& data_dir) {
  auto report = dnne::validate_run(data_dir);
  if (!report) return error_of(report.error());
  return make_report(std::move(*report));
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
