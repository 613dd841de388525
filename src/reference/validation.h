// Validation of the reference model against measured accelerators (issue 10):
// data/validation/measured.csv (what was measured, with sources) joined with
// data/validation/cases.csv (how we evaluate each row: network, device, template, what the
// figure counts, its tolerance). docs/validation.md is generated from this.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "util/expected.h"

namespace dnne {

struct ValidationRow {
  // From measured.csv.
  std::string id, accelerator, family, board, network, unit, scope, source;
  double measured = 0;
  double clock_mhz = 0;
  std::optional<double> dram_gbps;
  std::optional<int64_t> published_dsp, published_bram18;
  // From cases.csv.
  std::string model, input, device, design;
  bool conv_only = false;
  // "accelerator": the figure times the accelerator (what we model); "end-to-end": it includes
  // CPU pre/post-processing or host transfers we do not model.
  std::string scope_class;
  double tolerance = 0;  // |error| allowed, a fraction
  std::string note;
  // The result. A row without a network description or template is listed, not evaluated.
  bool evaluated = false;
  std::string not_evaluated_because;
  double predicted = 0;  // in `unit`
  double error = 0;      // (predicted - measured) / measured
  bool within_tolerance = false;
  bool fits = false;                              // the template fits the device
  std::optional<double> dsp_error, bram18_error;  // template vs published, where published
};

struct ValidationStats {
  int rows = 0;
  int families = 0;
  double median_abs_error = 0;
  double worst_abs_error = 0;
  std::string worst_id;
};

struct ValidationReport {
  std::vector<ValidationRow> rows;
  ValidationStats all;          // every evaluated throughput row (fps, GOP/s, ms)
  ValidationStats accelerator;  // rows whose scope is the accelerator alone
  int rows_listed = 0;          // measured rows, evaluated or not
};

// `dir` holds measured.csv and cases.csv; model and device paths in cases.csv are relative to
// `repo_root`. Errors name the file, row and column.
Expected<ValidationReport> run_validation(const std::string& dir, const std::string& repo_root);

ValidationStats validation_stats(const std::vector<const ValidationRow*>& rows);

}  // namespace dnne
