// Imports an ONNX model file (PyTorch's torch.onnx.export, TensorFlow's tf2onnx) into the
// layer graph. Only shapes are read: weights may be absent or external.
#pragma once

#include <string>

#include "graph/network.h"
#include "importers/model_loader.h"
#include "util/expected.h"

namespace dnne {

// Every error names the file, and the node, op type and opset when one is at fault.
Expected<Network> import_onnx(const std::string& path, const LoadOptions& options);

// The same from a model's bytes already in memory (the fuzz target); `source` names it.
Expected<Network> import_onnx_bytes(const std::string& bytes, const std::string& source,
                                    const LoadOptions& options = {});

}  // namespace dnne
