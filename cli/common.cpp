#include "cli/common.h"

#include <iostream>

#include "util/message_text.h"

namespace dnne::cli {

void add_model_options(CLI::App& app, ModelOptions& options, bool with_precision) {
  app.add_option("model", options.model,
                 "a zoo name ('dnnexplorer models' lists them) or a .onnx / .prototxt file")
      ->required();
  app.add_option("--input", options.input,
                 "input shape CxHxW, e.g. 3x224x224 (overrides the model's)")
      ->check(non_empty("CxHxW, e.g. 3x224x224"));
  if (with_precision)
    app.add_option("--precision", options.precision_bits,
                   "bits per weight and activation: 16 or 8");
  app.add_flag("--allow-unknown", options.allow_unknown,
               "import operators we cannot cost as zero-cost layers (listed in the report)");
  app.add_option("--batch", options.batch, "value of a symbolic batch dimension in a model file");
}

CLI::Validator non_empty(const std::string& expected) {
  return CLI::Validator(
      [expected](std::string& value) {
        return value.empty() ? "empty value, expected " + expected : std::string();
      },
      "");
}

int report_error(const Error& error) {
  std::cerr << "dnnexplorer: error: " << clip_message(error.message) << "\n";
  return 2;
}

void print_view(const RunReport& report, bool json, bool csv) {
  // Warnings go to stderr so --json and --csv stay parseable.
  for (const std::string& w : report.warnings) std::cerr << "dnnexplorer: warning: " << w << "\n";
  if (json)
    std::cout << report.json.dump(2) << "\n";
  else if (csv)
    std::cout << report.csv();
  else
    std::cout << report.table();
}

}  // namespace dnne::cli
