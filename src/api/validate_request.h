// Where `validate` finds its data, and running it: shared by the CLI (`dnnexplorer validate
// --data DIR`) and the public API (dnnexplorer::validate), so both read the same files.
#pragma once

#include <string>

#include "api/run_report.h"
#include "reference/validation.h"
#include "util/expected.h"

namespace dnne {

// `given` when not empty; else ./data/validation when it holds measured.csv; else the source
// tree's data/validation (compiled in).
std::string validation_data_dir(const std::string& given);

// The validation of validation_data_dir(given). Model and device paths in cases.csv are
// relative to the repository: the data directory's grandparent.
Expected<ValidationReport> validate_data(const std::string& given);

// validate's report: JSON, table and CSV (reference/validation_report.h).
Expected<RunReport> validate_run(const std::string& given);

}  // namespace dnne
