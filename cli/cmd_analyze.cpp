// `dnnexplorer analyze MODEL`: per-layer workload analysis (docs/spec/MODELS.md section 1).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common.h"
#include "api/analyze_run.h"
#include "cli/reading_help.h"
#include "report/zoo_report.h"
#include "zoo/zoo.h"

namespace dnne::cli {

namespace {
struct AnalyzeOptions {
  ModelOptions model;
  bool json = false;
  bool csv = false;
  bool list = false;
};

int list_zoo(bool json) {
  if (json)
    std::cout << zoo_json(zoo_entries()).dump(2) << "\n";
  else
    std::cout << zoo_list(zoo_entries());
  return 0;
}
}  // namespace

Command analyze_command() {
  return {
      "analyze", "per-layer operations, parameters, feature maps and CTC of a network",
      [](CLI::App& app) -> Runner {
        auto o = std::make_shared<AnalyzeOptions>();
        app.footer(reading_analyze_output());
        add_model_options(app, o->model);
        // `analyze --list` needs no model.
        app.get_option("model")->required(false);
        app.add_flag("--list", o->list, "list the built-in model zoo and exit (--json: as JSON)");
        auto* json = app.add_flag("--json", o->json, "print JSON (keys as in docs/spec/CLI.md)");
        app.add_flag("--csv", o->csv, "print CSV, one row per layer")->excludes(json);
        return [o]() {
          if (o->list) return list_zoo(o->json);
          if (o->model.model.empty())
            return report_error({"analyze: a MODEL is required (a zoo name or a model file)"});
          auto network = load_network(o->model);
          if (!network) return report_error(network.error());
          // The report is the library's (api/analyze_run.h, as dnnexplorer::analyze).
          print_view(analyze_run(*network, o->model.precision_bits), o->json, o->csv);
          return 0;
        };
      }};
}

Command models_command() {
  return {"models", "list the built-in model zoo (names are case-insensitive)",
          [](CLI::App& app) -> Runner {
            auto json = std::make_shared<bool>(false);
            app.add_flag("--json", *json,
                         "print JSON: {\"models\": [{\"name\", \"input\", \"description\"}]}");
            return [json] { return list_zoo(*json); };
          }};
}

}  // namespace dnne::cli
