// `dnnexplorer explore MODEL --device NAME`: the best design of a paradigm on a budget
// (docs/spec/MODELS.md section 6), its metrics, each layer's bound, and the search's figures.
#include <iostream>
#include <memory>

#include "api/explore_run.h"
#include "cli/command.h"
#include "cli/reading_help.h"
#include "cli/report_files.h"
#include "cli/search_flags.h"

namespace dnne::cli {

namespace {

struct ExploreFlags {
  SearchFlags search;
  std::string paradigm = "hybrid";
  std::string out;
  bool pareto = false;
  bool csv = false;
};

// The search and its report are the library's (api/explore_run.h, as dnnexplorer::explore);
// here: the flags, what is printed and written, and the exit status.
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
  auto report = explore_run(std::move(*problem),
                            {.options = std::move(*options), .paradigm = f.paradigm, .pareto = f.pareto});
  end_progress();
  if (!report) return report_error(report.error());
  if (!report->feasible) {
    if (f.search.json) std::cout << report->json.dump(2) << "\n";
    std::cerr << "dnnexplorer: error: " << report->infeasible
              << (f.out.empty() ? "" : "; nothing written to " + f.out) << "\n";
    return 1;
  }
  if (!f.out.empty()) {
    auto written = write_output_files(f.out, report->files());
    if (!written) return report_error(written.error());
    std::cerr << "dnnexplorer: " << *written << "\n";
  }
  print_view(*report, f.search.json, f.csv);
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
