// Maps one ONNX node onto DNNExplorer layers (docs/spec/MODELS.md section 1 kinds), by op type.
#pragma once

#include <onnx/onnx_pb.h>

#include "importers/onnx_context.h"

namespace dnne {

// Adds the node's layers to ctx's builder and binds its outputs. An operator we cannot cost
// is an error naming the node, its op type and opset, or, with allow_unknown, a zero-cost
// unknown layer per output.
void map_onnx_node(OnnxContext& ctx, const onnx::NodeProto& node, int index);

// Whether a node's outputs are constants (it is wiring, not a layer): Constant, Shape and
// Size, and any node whose inputs are all constants.
bool is_static_node(const OnnxContext& ctx, const onnx::NodeProto& node);

}  // namespace dnne
