// `dnnexplorer validate [--json|--csv] [--data DIR]`: the reference model against every
// measured accelerator of data/validation/measured.csv (issue 10): predicted vs measured, the
// error of each row, and the median and worst error (docs/validation.md).
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "reference/validation.h"
#include "report/table.h"

namespace dnne::cli {

namespace {

struct ValidateOptions {
  std::string data_dir;
  bool json = false;
  bool csv = false;
};

std::string pct(double fraction) {
  return fixed(100 * fraction, 1) + " %";
}

// The data directory: --data, else ./data/validation, else the source tree's.
std::string data_dir(const ValidateOptions& o) {
  if (!o.data_dir.empty()) return o.data_dir;
  if (std::filesystem::exists("data/validation/measured.csv")) return "data/validation";
  return std::string(DNNE_SOURCE_DIR) + "/data/validation";
}

nlohmann::json stats_json(const ValidationStats& s) {
  return {{"rows", s.rows},
          {"families", s.families},
          {"median_abs_error", s.median_abs_error},
          {"worst_abs_error", s.worst_abs_error},
          {"worst_id", s.worst_id}};
}

nlohmann::json report_json(const ValidationReport& report) {
  nlohmann::json rows = nlohmann::json::array();
  for (const ValidationRow& r : report.rows) {
    nlohmann::json j = {{"id", r.id},
                        {"family", r.family},
                        {"accelerator", r.accelerator},
                        {"board", r.board},
                        {"network", r.network},
                        {"unit", r.unit},
                        {"measured", r.measured},
                        {"measurement_scope", r.scope},
                        {"scope", r.scope_class},
                        {"evaluated", r.evaluated},
                        {"note", r.note}};
    if (r.evaluated) {
      j["model"] = r.model;
      j["device"] = r.device;
      j["design"] = r.design;
      j["layers"] = r.conv_only ? "conv" : "all";
      j["predicted"] = r.predicted;
      j["error"] = r.error;
      j["tolerance"] = r.tolerance;
      j["within_tolerance"] = r.within_tolerance;
      j["fits"] = r.fits;
      j["dsp_error"] = r.dsp_error ? nlohmann::json(*r.dsp_error) : nlohmann::json(nullptr);
      j["bram18_error"] =
          r.bram18_error ? nlohmann::json(*r.bram18_error) : nlohmann::json(nullptr);
    } else {
      j["not_evaluated_because"] = r.not_evaluated_because;
    }
    rows.push_back(j);
  }
  return {{"rows", rows},
          {"rows_listed", report.rows_listed},
          {"summary",
           {{"all", stats_json(report.all)}, {"accelerator", stats_json(report.accelerator)}}}};
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void print_csv(const ValidationReport& report) {
  std::cout << "id,family,network,design,device,layers,unit,measured,predicted,error_pct,"
               "tolerance_pct,within_tolerance,scope,fits,not_evaluated_because\n";
  for (const ValidationRow& r : report.rows) {
    std::cout << r.id << "," << r.family << "," << csv_cell(r.network) << "," << r.design << ","
              << csv_cell(r.device) << "," << (r.conv_only ? "conv" : "all") << "," << r.unit << ","
              << r.measured << ",";
    if (r.evaluated)
      std::cout << fixed(r.predicted, 3) << "," << fixed(100 * r.error, 2) << ","
                << fixed(100 * r.tolerance, 0) << "," << (r.within_tolerance ? "yes" : "no") << ","
                << r.scope_class << "," << (r.fits ? "yes" : "no") << ",\n";
    else
      std::cout << ",,,," << r.scope_class << ",," << csv_cell(r.not_evaluated_because) << "\n";
  }
}

std::string summary_line(const char* what, const ValidationStats& s) {
  return std::string(what) + ": " + std::to_string(s.rows) + " rows, " +
         std::to_string(s.families) + " families, median |error| " + pct(s.median_abs_error) +
         ", worst " + pct(s.worst_abs_error) + (s.worst_id.empty() ? "" : " (" + s.worst_id + ")");
}

void print_table(const ValidationReport& report) {
  TextTable table({{"id", TextTable::Align::kLeft},
                   {"design", TextTable::Align::kLeft},
                   {"layers", TextTable::Align::kLeft},
                   {"unit", TextTable::Align::kLeft},
                   {"measured"},
                   {"predicted"},
                   {"error"},
                   {"tol."},
                   {"ok", TextTable::Align::kLeft},
                   {"scope", TextTable::Align::kLeft}});
  for (const ValidationRow& r : report.rows)
    if (r.evaluated)
      table.add_row({r.id, r.design, r.conv_only ? "conv" : "all", r.unit, fixed(r.measured, 2),
                     fixed(r.predicted, 2), (r.error >= 0 ? "+" : "") + pct(r.error),
                     pct(r.tolerance), r.within_tolerance ? "yes" : "NO", r.scope_class});
  std::cout << table.render() << "\nnot evaluated (listed, not dropped):\n";
  for (const ValidationRow& r : report.rows)
    if (!r.evaluated) std::cout << "  " << r.id << ": " << r.not_evaluated_because << "\n";
  std::cout << "\n"
            << summary_line("all evaluated rows", report.all) << "\n"
            << summary_line("accelerator-scope rows", report.accelerator) << "\n"
            << "end-to-end rows include CPU pre/post-processing or host transfers the model "
               "does not include (docs/validation.md)\n";
}

int run_validate(const ValidateOptions& o) {
  const std::string dir = data_dir(o);
  // Paths in cases.csv are relative to the repository: data/validation's grandparent.
  const std::string root =
      std::filesystem::path(dir).lexically_normal().parent_path().parent_path().string();
  auto report = run_validation(dir, root.empty() ? "." : root);
  if (!report) return report_error(report.error());
  if (o.json)
    std::cout << report_json(*report).dump(2) << "\n";
  else if (o.csv)
    print_csv(*report);
  else
    print_table(*report);
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
