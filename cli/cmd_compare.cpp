// `dnnexplorer compare MODEL --device NAME`: on one budget, the best pipeline-only design
// (our allocator and DNNBuilder's heuristic), the best generic-only design and the best
// hybrid design, side by side with speed-ups and DSP efficiencies.
#include <iostream>
#include <memory>

#include "api/compare_run.h"
#include "cli/command.h"
#include "cli/reading_help.h"
#include "cli/report_files.h"
#include "cli/search_flags.h"

namespace dnne::cli {

namespace {

struct CompareFlags {
  SearchFlags search;
  std::string out;
  bool csv = false;
  std::vector<std::string> with;  // --with a,b: reference accelerators to show
};

// The searches, the reference accelerators beside them and the report are the library's
// (api/compare_run.h, as dnnexplorer::compare); here: the flags, what is printed and written
// (DIR/report.json, DIR/report.html and each feasible row's design file, DIR/hybrid.json,
// ...), and the exit status.
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
  auto report =
      compare_run(std::move(*problem), {.options = std::move(*options), .references = flags.with});
  end_progress();
  if (!report) return report_error(report.error());
  if (!out.empty() && report->feasible) {
    auto written = write_output_files(out, report->files());
    if (!written) return report_error(written.error());
    std::cerr << "dnnexplorer: " << *written << "\n";
  }
  print_view(*report, f.json, flags.csv);
  if (!report->feasible) {
    std::cerr << "dnnexplorer: error: " << report->infeasible
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
