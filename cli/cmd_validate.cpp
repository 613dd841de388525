// `dnnexplorer validate [--json|--csv] [--data DIR]`: the reference model against every
// measured accelerator of data/validation/measured.csv (issue 10): predicted vs measured, the
// error of each row, and the median and worst error (docs/validation.md). The run and its
// views are the library's (api/validate_request.h, as dnnexplorer::validate).
#include <iostream>
#include <memory>

#include "api/validate_request.h"
#include "cli/command.h"
#include "cli/common.h"

namespace dnne::cli {

namespace {

struct ValidateOptions {
  std::string data_dir;
  bool json = false;
  bool csv = false;
};

int run_validate(const ValidateOptions& o) {
  const auto report = validate_run(o.data_dir);
  if (!report) return report_error(report.error());
  print_view(*report, o.json, o.csv);
  return 0;
}

}  // namespace

Command validate_command() {
  return {"validate",
          "the reference model against published, measured accelerators: error per row, median "
          "and worst",
          [](CLI::App& app) -> Runner {
            auto o = std::make_shared<ValidateOptions>();
            app.add_option("--data", o->data_dir,
                           "directory with measured.csv and cases.csv (default data/validation)");
            auto* json = app.add_flag("--json", o->json, "print JSON");
            app.add_flag("--csv", o->csv, "print CSV, one row per measurement")->excludes(json);
            return [o] { return run_validate(*o); };
          }};
}

}  // namespace dnne::cli
