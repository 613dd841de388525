// The views of a validation run (validation.h): JSON (the CLI's --json), CSV (one row per
// measurement) and the terminal table with the summary lines. The CLI and the public API
// (dnnexplorer::validate) render through these, so both print the same figures.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "reference/validation.h"

namespace dnne {

nlohmann::json validation_json(const ValidationReport& report);
std::string validation_csv(const ValidationReport& report);
std::string validation_table(const ValidationReport& report);

}  // namespace dnne
