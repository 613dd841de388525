// validate's data directory and run (validate_request.h), moved from the CLI.
#include "api/validate_request.h"

#include <filesystem>
#include <memory>

#include "reference/validation_report.h"

namespace dnne {

std::string validation_data_dir(const std::string& given) {
  if (!given.empty()) return given;
  if (std::filesystem::exists("data/validation/measured.csv")) return "data/validation";
  return std::string(DNNE_SOURCE_DIR) + "/data/validation";
}

Expected<ValidationReport> validate_data(const std::string& given) {
  const std::string dir = validation_data_dir(given);
  const std::string root =
      std::filesystem::path(dir).lexically_normal().parent_path().parent_path().string();
  return run_validation(dir, root.empty() ? "." : root);
}

Expected<RunReport> validate_run(const std::string& given) {
  auto report = validate_data(given);
  if (!report) return report.error();
  auto state = std::make_shared<const ValidationReport>(std::move(*report));
  return RunReport{.kind = "validate",
                   .json = validation_json(*state),
                   .table = [state] { return validation_table(*state); },
                   .csv = [state] { return validation_csv(*state); }};
}

}  // namespace dnne
