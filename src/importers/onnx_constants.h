// Constant folding of the integer subgraphs that compute shapes (Shape -> Gather ->
// Unsqueeze -> Concat -> Reshape, the Slice bounds of torch's chunk, Expand targets), which
// ONNX 1.12's own data propagation does not cover (it stops at Div, Where, Equal, ...).
#pragma once

#include <onnx/onnx_pb.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dnne {

// Known dims of each tensor by name; a dim of -1 is not (yet) known.
using DimsTable = std::unordered_map<std::string, std::vector<int64_t>>;

// The values of an integer tensor (INT64, INT32, BOOL) held inline, or nullopt.
std::optional<std::vector<int64_t>> integer_values(const onnx::TensorProto& tensor);

// Evaluates every node whose outputs are integer tensors computable from constants and known
// shapes, and replaces it in the graph by a Constant node holding the value, so that the next
// round of ONNX shape inference can read it. Returns how many nodes were replaced. Tensors too
// large for shape arithmetic are left alone; arithmetic no model can mean (int64 overflow,
// division by zero, a negative target dim) throws InputError naming `path` and the node.
int fold_shape_constants(onnx::GraphProto& graph, const DimsTable& dims, const std::string& path,
                         int64_t opset);

}  // namespace dnne
