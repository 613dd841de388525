// Reads an ONNX ModelProto from disk without keeping weights: initializer data is dropped
// as soon as the file is parsed (DNNExplorer needs only dims), external data is never read.
#pragma once

#include <onnx/onnx_pb.h>

#include <string>

namespace dnne {

// Throws InputError with a one-line message naming `path` when the file is missing, empty,
// truncated, larger than protobuf's 2 GiB message limit, or not an ONNX model.
onnx::ModelProto read_onnx_model(const std::string& path);

// The same from the bytes of a model already in memory (the fuzz target); `source` stands for
// the file in messages.
onnx::ModelProto parse_onnx_model(const std::string& bytes, const std::string& source);

// The opset of the default (ai.onnx) domain; throws InputError when the model has none.
int64_t onnx_default_opset(const onnx::ModelProto& model, const std::string& path);

}  // namespace dnne
