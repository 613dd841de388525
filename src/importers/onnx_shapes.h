// Fills in every tensor's dims with ONNX's own shape inference
// (onnx::shape_inference::InferShapes, with data propagation), alternated with our constant
// folding of shape-computing subgraphs until nothing more is learnt.
#pragma once

#include <onnx/onnx_pb.h>

#include <optional>
#include <string>

#include "graph/shape.h"
#include "importers/onnx_constants.h"

namespace dnne {

struct InputSetup {
  std::optional<Shape> input;  // --input CxHxW for the first graph input
  int64_t batch = 1;           // the value given to a symbolic batch dimension
};

// The graph inputs that carry data (graph.input minus initializers, which opset < 9 exports
// also list as inputs).
std::vector<const onnx::ValueInfoProto*> data_inputs(const onnx::GraphProto& graph);

// Fixes the data inputs' dims: a symbolic first dim becomes `batch`, --input replaces the
// C, H, W dims of the first input (or H, W, C when it is NHWC, as tf2onnx exports keep it).
// Throws InputError naming `path` when a dim other than the batch stays symbolic. Returns
// the first input's batch: its own fixed first dim, or `batch` when that was symbolic.
int64_t fix_input_dims(onnx::GraphProto& graph, const InputSetup& setup, const std::string& path);

// Runs shape inference to a fixed point and returns every tensor's dims (-1 where unknown).
// Throws InputError naming `path` and the node when constant folding meets arithmetic no
// model can mean (fold_shape_constants).
DimsTable infer_onnx_shapes(onnx::ModelProto& model, const std::string& path);

}  // namespace dnne
