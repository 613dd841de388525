// The per-operator mappers of the ONNX importer: each turns one node into layers of the
// NetworkBuilder held by the context and binds the node's outputs to them. They throw
// InputError through ctx.fail when a node cannot be mapped.
#pragma once

#include <onnx/onnx_pb.h>

#include "importers/onnx_context.h"

namespace dnne {

// onnx_map_dense.cpp: Conv, ConvTranspose, Gemm, MatMul.
void map_conv(OnnxContext& ctx, const onnx::NodeProto& node, int index);
void map_gemm(OnnxContext& ctx, const onnx::NodeProto& node, int index);
void map_matmul(OnnxContext& ctx, const onnx::NodeProto& node, int index);

// onnx_map_einsum.cpp: two-operand Einsum as a dense matmul.
void map_einsum(OnnxContext& ctx, const onnx::NodeProto& node, int index);

// onnx_map_pool.cpp: MaxPool, AveragePool, Global*Pool, Reduce* (a reduction is a global
// pooling window over the reduced axes), and the decomposed LayerNorm that starts with one.
void map_pool(OnnxContext& ctx, const onnx::NodeProto& node, int index);
void map_reduce(OnnxContext& ctx, const onnx::NodeProto& node, int index);

// onnx_map_elementwise.cpp: activations and normalisations (fused), binary arithmetic with
// broadcasting (eltwise), Concat, the zero-cost data-layout operators, Resize/Upsample.
void map_unary(OnnxContext& ctx, const onnx::NodeProto& node, int index);
void map_binary(OnnxContext& ctx, const onnx::NodeProto& node, int index);
void map_concat(OnnxContext& ctx, const onnx::NodeProto& node, int index);
void map_layout(OnnxContext& ctx, const onnx::NodeProto& node, int index);
void map_passthrough(OnnxContext& ctx, const onnx::NodeProto& node, int index);
void map_resample(OnnxContext& ctx, const onnx::NodeProto& node, int index);

// `in` as a [C, 1, L] map for a 1-D window (a zero-cost Reshape layer when it is [C, L]).
LayerId as_width_map(OnnxContext& ctx, const onnx::NodeProto& node, LayerId in);

// A zero-cost Transpose layer swapping the last two dims of `id`'s shape.
LayerId transpose_last_two(OnnxContext& ctx, const onnx::NodeProto& node, LayerId id,
                           const std::string& suffix);

}  // namespace dnne
