// `dnnexplorer explore MODEL --device NAME`: the best design of a paradigm on a budget
// (MODELS.md section 6), its metrics, each layer's bound, and the search's figures.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/search_flags.h"
#include "design/design_json.h"
#include "report/design_report.h"
#include "report/search_report.h"
#include "search/explore.h"

namespace dnne::cli {

namespace {

struct ExploreFlags {
  SearchFlags search;
  std::string paradigm = "hybrid";
  std::string out;
};

// DIR/design.json (what `bench --design` reads back), DIR/report.json, DIR/layers.csv.
Expected<bool> write_outputs(const std::string& dir, const Problem& p, const SearchResult& r,
                             const nlohmann::json& report) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Error{"--out '" + dir + "': cannot create the directory: " + ec.message()};
  const DesignReportInput in{.network = p.network,
                             .workload = p.workload,
                             .device = p.budget.device,
                             .budget = p.budget.budget,
                             .overrides = p.budget.overrides,
                             .design = r.design,
                             .estimate = r.estimate};
  const std::pair<std::string, std::string> files[] = {
      {"design.json", design_to_json(r.design, p.workload, p.network).dump(2) + "\n"},
      {"report.json", report.dump(2) + "\n"},
      {"layers.csv", design_layers_csv(in)}};
  for (const auto& [name, text] : files) {
    const std::string path = (std::filesystem::path(dir) / name).string();
    std::ofstream file(path);
    file << text;
    if (!file) return Error{"--out: cannot write '" + path + "'"};
  }
  return true;
}

int run_explore(const ExploreFlags& f) {
  auto paradigm = parse_paradigm(f.paradigm);
  if (!paradigm) return report_error(paradigm.error());
  auto options = make_search_options(f.search, "explore");
  if (!options) return report_error(options.error());
  options->paradigm = *paradigm;
  auto problem = load_problem(f.search);
  if (!problem) return report_error(problem.error());
  auto result = explore(problem->workload, problem->budget.budget, *options);
  end_progress();
  if (!result) return report_error(result.error());
  const Problem& p = *problem;
  const nlohmann::json report = explore_report_json({.network = p.network,
                                                     .workload = p.workload,
                                                     .device = p.budget.device,
                                                     .budget = p.budget.budget,
                                                     .overrides = p.budget.overrides,
                                                     .result = *result,
                                                     .paradigm = f.paradigm});
  if (!result->feasible) {
    if (f.search.json) std::cout << report.dump(2) << "\n";
    std::cerr << "dnnexplorer: error: no feasible " << f.paradigm << " design for "
              << p.network.name() << " on " << p.budget.device.name
              << "; the tightest violation: " << result->tightest.reason << " ("
              << result->stats.points << (result->stats.points == 1 ? " point" : " points")
              << " searched)\n";
    return 1;
  }
  if (!f.out.empty()) {
    auto written = write_outputs(f.out, p, *result, report);
    if (!written) return report_error(written.error());
  }
  if (f.search.json) {
    std::cout << report.dump(2) << "\n";
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
            add_search_flags(app, f->search);
            app.add_option("--paradigm", f->paradigm,
                           "hybrid (default; split point free), pipeline or generic");
            app.add_option("--out", f->out,
                           "write DIR/design.json (for bench --design), DIR/report.json, "
                           "DIR/layers.csv");
            return [f] { return run_explore(*f); };
          }};
}

}  // namespace dnne::cli
