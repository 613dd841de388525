#include "cli/common.h"

#include <charconv>
#include <iostream>

#include "importers/model_loader.h"
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

namespace {
constexpr int64_t kMaxInputDim = int64_t{1} << 20;
}  // namespace

Expected<Shape> parse_input_shape(const std::string& text) {
  const Error bad{"--input '" + text + "': expected CxHxW with positive integers, e.g. 3x224x224"};
  Shape shape;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of("xX", start);
    if (end == std::string::npos) end = text.size();
    int64_t value = 0;
    const char* first = text.data() + start;
    const char* last = text.data() + end;
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || ptr != last || value < 1) return bad;
    // Far beyond any image; keeps the shape arithmetic (padding, strides) inside int64.
    if (value > kMaxInputDim)
      return Error{"--input '" + text + "': expected each dimension at most " +
                   std::to_string(kMaxInputDim)};
    shape.push_back(value);
    start = end + 1;
  }
  if (shape.size() != 3) return bad;
  return shape;
}

Expected<Network> load_network(const ModelOptions& options) {
  if (options.precision_bits != 16 && options.precision_bits != 8)
    return Error{"--precision " + std::to_string(options.precision_bits) + ": expected 16 or 8"};
  if (options.batch < 1)
    return Error{"--batch " + std::to_string(options.batch) + ": expected a positive integer"};
  LoadOptions load{.allow_unknown = options.allow_unknown, .batch = options.batch};
  if (!options.input.empty()) {
    auto shape = parse_input_shape(options.input);
    if (!shape) return shape.error();
    load.input = *shape;
  }
  return load_model(options.model, load);
}

int report_error(const Error& error) {
  std::cerr << "dnnexplorer: error: " << clip_message(error.message) << "\n";
  return 2;
}

}  // namespace dnne::cli
