// Validation views (validation_report.h), moved from the CLI's validate command so the public
// API renders the same text.
#include "reference/validation_report.h"

#include <sstream>

#include "report/table.h"
#include "util/number_format.h"

namespace dnne {

namespace {

std::string pct(double fraction) {
  return fixed(100 * fraction, 1) + " %";
}

nlohmann::json stats_json(const ValidationStats& s) {
  return {{"rows", s.rows},
          {"families", s.families},
          {"median_abs_error", s.median_abs_error},
          {"worst_abs_error", s.worst_abs_error},
          {"worst_id", s.worst_id}};
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string summary_line(const char* what, const ValidationStats& s) {
  return std::string(what) + ": " + std::to_string(s.rows) + " rows, " +
         std::to_string(s.families) + " families, median |error| " + pct(s.median_abs_error) +
         ", worst " + pct(s.worst_abs_error) + (s.worst_id.empty() ? "" : " (" + s.worst_id + ")");
}

}  // namespace

nlohmann::json validation_json(const ValidationReport& report) {
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

std::string validation_csv(const ValidationReport& report) {
  // An ostream, not fixed(): the measured figure keeps the stream's default (%g) form the
  // CLI has always printed.
  std::ostringstream out;
  out << "id,family,network,design,device,layers,unit,measured,predicted,error_pct,"
         "tolerance_pct,within_tolerance,scope,fits,not_evaluated_because\n";
  for (const ValidationRow& r : report.rows) {
    out << r.id << "," << r.family << "," << csv_cell(r.network) << "," << r.design << ","
        << csv_cell(r.device) << "," << (r.conv_only ? "conv" : "all") << "," << r.unit << ","
        << r.measured << ",";
    if (r.evaluated)
      out << fixed(r.predicted, 3) << "," << fixed(100 * r.error, 2) << ","
          << fixed(100 * r.tolerance, 0) << "," << (r.within_tolerance ? "yes" : "no") << ","
          << r.scope_class << "," << (r.fits ? "yes" : "no") << ",\n";
    else
      out << ",,,," << r.scope_class << ",," << csv_cell(r.not_evaluated_because) << "\n";
  }
  return out.str();
}

std::string validation_table(const ValidationReport& report) {
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
  std::string text = table.render() + "\nnot evaluated (listed, not dropped):\n";
  for (const ValidationRow& r : report.rows)
    if (!r.evaluated) text += "  " + r.id + ": " + r.not_evaluated_because + "\n";
  text += "\n" + summary_line("all evaluated rows", report.all) + "\n" +
          summary_line("accelerator-scope rows", report.accelerator) + "\n" +
          "end-to-end rows include CPU pre/post-processing or host transfers the model "
          "does not include (docs/validation.md)\n";
  return text;
}

}  // namespace dnne
