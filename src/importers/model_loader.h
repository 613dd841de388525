// One entry point for every way a user names a network: a zoo name, or a path to a model
// file (.onnx, .prototxt). Dispatches by name and extension.
#pragma once

#include <optional>
#include <string>

#include "graph/network.h"
#include "util/expected.h"

namespace dnne {

struct LoadOptions {
  std::optional<Shape> input;  // --input CxHxW: overrides the model's own input shape
  bool allow_unknown = false;  // --allow-unknown: unknown operators become zero-cost layers
  int64_t batch = 1;           // --batch: the value of a symbolic batch dimension
};

Expected<Network> load_model(const std::string& model, const LoadOptions& options = {});

}  // namespace dnne
