// Checks every ONNX node before ONNX's own shape inference sees it. libonnx's inference
// assumes nodes its checker would accept: on a Conv with stride 0, pads of the wrong length,
// a pooling node without outputs or a malformed Scan it divides by zero or reads out of
// bounds (issue 14). So every node is verified against its operator schema (the checks of
// onnx::checker: input and output counts, attribute types, required attributes) and the
// window attributes we read are range-checked here, with an InputError naming the node.
#pragma once

#include <onnx/onnx_pb.h>

#include <string>

namespace dnne {

// Throws InputError ("PATH: node 'c1' (Conv): strides 0 is outside [1, 1048576]"). Also
// enforces the graph rules ONNX's checker does: unique node names, every node writes at least
// one tensor, every graph output is produced, no subgraphs (If, Loop, Scan: control flow is
// not a feed-forward network we can cost).
void validate_onnx_nodes(const onnx::ModelProto& model, const std::string& path);

}  // namespace dnne
