// The batch dimension of an ONNX model, taken out so the layer graph is per frame
// (graph/shape.h: batch is a property of the accelerator design, not of the network).
#pragma once

#include <onnx/onnx_pb.h>

#include <string>

#include "importers/model_loader.h"
#include "importers/onnx_constants.h"

namespace dnne {

struct FrameShapes {
  DimsTable dims;     // every tensor's dims, from ONNX shape inference
  int64_t batch = 1;  // a tensor's leading dim equal to this is the batch, dropped per frame
};

// Fixes the inputs' dims and runs shape inference at one frame whenever the model allows:
// - a symbolic batch is inferred at 1; with --batch N the model must also infer at N
//   (checked, else an error naming the node), but frames come from batch 1 because exports
//   fold the batch into other dims (attention's [batch * heads, tokens, head_dim]);
// - a fixed batch N > 1 on an input of rank >= 3 (images, sequences) is re-batched to 1
//   when the whole graph still infers consistently; a model that bakes N into its reshapes
//   keeps N, and every activation must then lead with N (OnnxContext::frame checks);
// - a rank-2 input's first dim is not assumed to be a batch (Gemm's rows may be anything).
FrameShapes infer_frame_shapes(onnx::ModelProto& model, const LoadOptions& options,
                               const std::string& path);

}  // namespace dnne
