#include "reference/validation.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "device/catalog.h"
#include "importers/model_loader.h"
#include "reference/csv_table.h"
#include "reference/reference_design.h"
#include "reference/reference_fit.h"
#include "reference/reference_model.h"

namespace dnne {

namespace {

std::optional<double> number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  try {
    size_t used = 0;
    const double value = std::stod(text, &used);
    if (used != text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// A model or device named in cases.csv: a path when it has a '/', else a zoo/catalog name.
std::string resolve(const std::string& name, const std::string& repo_root) {
  if (name.find('/') == std::string::npos) return name;
  return (std::filesystem::path(repo_root) / name).string();
}

Expected<Shape> parse_shape(const std::string& text) {
  Shape shape;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t x = text.find('x', start);
    const auto dim = number(text.substr(start, x == std::string::npos ? x : x - start));
    if (!dim || *dim < 1) return Error{"input '" + text + "': expected CxHxW"};
    shape.push_back(static_cast<int64_t>(*dim));
    if (x == std::string::npos) break;
    start = x + 1;
  }
  if (shape.size() != 3) return Error{"input '" + text + "': expected CxHxW"};
  return shape;
}

// Evaluates one row in place.
void evaluate_row(ValidationRow& row, const std::string& repo_root) {
  const ReferenceDesign* found = find_reference_design(row.design);
  if (!found) {
    row.not_evaluated_because = "no template '" + row.design + "'";
    return;
  }
  LoadOptions load;
  if (!row.input.empty()) {
    auto shape = parse_shape(row.input);
    if (!shape) {
      row.not_evaluated_because = shape.error().message;
      return;
    }
    load.input = *shape;
  }
  auto network = load_model(resolve(row.model, repo_root), load);
  if (!network) {
    row.not_evaluated_because = network.error().message;
    return;
  }
  auto device = find_device(resolve(row.device, repo_root));
  if (!device) {
    row.not_evaluated_because = device.error().message;
    return;
  }
  ReferenceDesign design = *found;
  if (row.clock_mhz > 0) design.clock_mhz = row.clock_mhz;
  const Workload workload = make_workload(*network);
  const ReferenceRun run{.clock_mhz = design.clock_mhz,
                         .dram_bw_gbps = row.dram_gbps.value_or(device->dram_bw_gbps),
                         .conv_only = row.conv_only};
  const ReferenceEstimate e = evaluate_reference(workload, design, run);
  if (row.unit == "fps")
    row.predicted = e.throughput_fps;
  else if (row.unit == "gops")
    row.predicted = e.throughput_gops;
  else  // "ms": time per frame; one core per frame in every such row
    row.predicted = e.throughput_fps > 0 ? 1e3 * design.cores / e.throughput_fps : 0;
  row.error = (row.predicted - row.measured) / row.measured;
  row.within_tolerance = std::fabs(row.error) <= row.tolerance;
  row.fits = reference_fit(design, *device).feasible;
  if (row.published_dsp)
    row.dsp_error = static_cast<double>(design.dsp - *row.published_dsp) /
                    static_cast<double>(*row.published_dsp);
  if (row.published_bram18 && design.bram18)
    row.bram18_error = static_cast<double>(*design.bram18 - *row.published_bram18) /
                       static_cast<double>(*row.published_bram18);
  row.evaluated = true;
}

}  // namespace

ValidationStats validation_stats(const std::vector<const ValidationRow*>& rows) {
  ValidationStats s;
  std::vector<double> errors;
  std::set<std::string> families;
  for (const ValidationRow* r : rows) {
    if (!r->evaluated) continue;
    errors.push_back(std::fabs(r->error));
    families.insert(r->family);
    if (std::fabs(r->error) >= s.worst_abs_error) {
      s.worst_abs_error = std::fabs(r->error);
      s.worst_id = r->id;
    }
  }
  s.rows = static_cast<int>(errors.size());
  s.families = static_cast<int>(families.size());
  if (errors.empty()) return s;
  std::sort(errors.begin(), errors.end());
  const size_t n = errors.size();
  s.median_abs_error = n % 2 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
  return s;
}

Expected<ValidationReport> run_validation(const std::string& dir, const std::string& repo_root) {
  const std::string measured_path = (std::filesystem::path(dir) / "measured.csv").string();
  const std::string cases_path = (std::filesystem::path(dir) / "cases.csv").string();
  auto measured = read_csv_file(measured_path);
  if (!measured) return measured.error();
  auto cases = read_csv_file(cases_path);
  if (!cases) return cases.error();
  for (const char* column : {"id", "family", "measured_value", "measured_unit", "clock_mhz"})
    if (!measured->has_column(column)) return Error{measured_path + ": no column '" + column + "'"};
  for (const char* column :
       {"id", "model", "input", "device", "design", "layers", "scope", "tolerance_pct", "note"})
    if (!cases->has_column(column)) return Error{cases_path + ": no column '" + column + "'"};
  std::map<std::string, size_t> case_of;
  for (size_t i = 0; i < cases->rows.size(); ++i) case_of[cases->cell(i, "id")] = i;

  ValidationReport report;
  for (size_t i = 0; i < measured->rows.size(); ++i) {
    const CsvTable& m = *measured;
    const std::string where = measured_path + " row " + std::to_string(i + 2);
    ValidationRow row;
    row.id = m.cell(i, "id");
    row.accelerator = m.cell(i, "accelerator");
    row.family = m.cell(i, "family");
    row.board = m.cell(i, "board");
    row.network = m.cell(i, "network");
    row.unit = m.cell(i, "measured_unit");
    row.scope = m.cell(i, "measurement_scope");
    row.source = m.cell(i, "source");
    const auto value = number(m.cell(i, "measured_value"));
    if (!value || *value <= 0)
      return Error{where + " (" + row.id + "): measured_value '" + m.cell(i, "measured_value") +
                   "' is not a positive number"};
    row.measured = *value;
    if (row.unit != "fps" && row.unit != "gops" && row.unit != "ms")
      return Error{where + " (" + row.id + "): measured_unit '" + row.unit +
                   "' is not one of fps, gops, ms"};
    row.clock_mhz = number(m.cell(i, "clock_mhz")).value_or(0);
    row.dram_gbps = number(m.cell(i, "dram_gbps"));
    if (const auto dsp = number(m.cell(i, "dsp"))) row.published_dsp = static_cast<int64_t>(*dsp);
    if (const auto bram = number(m.cell(i, "bram18")))
      row.published_bram18 = static_cast<int64_t>(*bram);
    const auto c = case_of.find(row.id);
    if (c == case_of.end()) {
      row.not_evaluated_because = "no line in cases.csv";
    } else {
      const CsvTable& k = *cases;
      const size_t j = c->second;
      const std::string cwhere = cases_path + " row " + std::to_string(j + 2) + " (" + row.id + ")";
      row.model = k.cell(j, "model");
      row.input = k.cell(j, "input");
      row.device = k.cell(j, "device");
      row.design = k.cell(j, "design");
      row.note = k.cell(j, "note");
      const std::string layers = k.cell(j, "layers");
      if (layers != "all" && layers != "conv")
        return Error{cwhere + ": layers '" + layers + "' is not 'all' or 'conv'"};
      row.conv_only = layers == "conv";
      row.scope_class = k.cell(j, "scope");
      if (row.scope_class != "accelerator" && row.scope_class != "end-to-end")
        return Error{cwhere + ": scope '" + row.scope_class +
                     "' is not 'accelerator' or 'end-to-end'"};
      const auto tolerance = number(k.cell(j, "tolerance_pct"));
      if (row.model.empty() || row.design.empty()) {
        row.not_evaluated_because = row.note;
      } else if (!tolerance || *tolerance <= 0) {
        return Error{cwhere + ": tolerance_pct '" + k.cell(j, "tolerance_pct") +
                     "' is not a positive number"};
      } else {
        row.tolerance = *tolerance / 100;
        evaluate_row(row, repo_root);
      }
    }
    report.rows.push_back(row);
  }
  report.rows_listed = static_cast<int>(report.rows.size());
  std::vector<const ValidationRow*> all, accelerator;
  for (const ValidationRow& r : report.rows) {
    all.push_back(&r);
    if (r.scope_class == "accelerator") accelerator.push_back(&r);
  }
  report.all = validation_stats(all);
  report.accelerator = validation_stats(accelerator);
  return report;
}

}  // namespace dnne
