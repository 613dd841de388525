// One layer of the network graph: what it computes, its attributes, and its derived counts.
// The kinds are those of docs/spec/MODELS.md section 1.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graph/shape.h"

namespace dnne {

using LayerId = int32_t;

enum class LayerKind {
  kInput,     // a network input; no cost
  kConv,      // Conv (grouped, depthwise, dilated, strided) and ConvTranspose
  kFc,        // a dense product with weights: Gemm, Linear, MatMul by a constant
  kMatMul,    // a dense product of two activations: attention's Q*K^T and A*V
  kPool,      // MaxPool, AveragePool, GlobalAveragePool
  kEltwise,   // Add/Sub/Mul/Div/Max of two or more tensors (residuals, squeeze-excite)
  kConcat,    // Concat along one axis
  kFused,     // BatchNorm, activations, Softmax, LayerNorm that could not be folded
  kShape,     // Reshape, Flatten, Transpose, Slice, Pad, ...: zero cost, shapes propagate
  kResample,  // Resize/Upsample: moves and interpolates data, no MACs
  kUnknown,   // an operator imported with --allow-unknown: zero cost, listed in reports
};

// "conv", "fc", ...: the names used in reports and JSON (docs/spec/CLI.md).
std::string_view kind_name(LayerKind kind);

struct ConvAttrs {
  int64_t out_channels = 0;
  int kernel_h = 1, kernel_w = 1;
  int stride_h = 1, stride_w = 1;
  int pad_top = 0, pad_left = 0, pad_bottom = 0, pad_right = 0;
  int dilation_h = 1, dilation_w = 1;
  int groups = 1;
  bool transposed = false;                 // ConvTranspose / Deconvolution
  int output_pad_h = 0, output_pad_w = 0;  // ConvTranspose's output_padding
  bool bias = true;
};

enum class PoolMode { kMax, kAverage };

struct PoolAttrs {
  PoolMode mode = PoolMode::kMax;
  bool global = false;  // GlobalAveragePool / GlobalMaxPool: kernel = whole map
  int kernel_h = 1, kernel_w = 1;
  int stride_h = 1, stride_w = 1;
  int pad_top = 0, pad_left = 0, pad_bottom = 0, pad_right = 0;
  bool ceil_mode = false;  // output size rounded up (Caffe always; PyTorch/ONNX optional)
};

struct FcAttrs {
  int64_t out_features = 0;
  bool bias = true;
};

struct ConcatAttrs {
  int axis = 0;  // in frame dimensions (batch excluded): 0 is channels for [C, H, W]
};

using LayerAttrs = std::variant<std::monostate, ConvAttrs, PoolAttrs, FcAttrs, ConcatAttrs>;

struct Layer {
  LayerId id = -1;
  std::string name;
  LayerKind kind = LayerKind::kInput;
  std::string op;               // the source operator type: "Conv", "Gemm", "MaxPool", "Relu", ...
  std::vector<LayerId> inputs;  // producers, in operand order
  Shape output;
  LayerAttrs attrs;
  // Activations, BatchNorm, bias and the like folded into this layer (docs/spec/MODELS.md section
  // 1: counted as ops, never silently dropped).
  std::vector<std::string> fused_ops;

  // Derived counts, per frame, filled by the builder (graph/layer_counts.h).
  int64_t macs = 0;
  int64_t params = 0;     // weights + biases (BatchNorm folded into a conv becomes its bias)
  int64_t other_ops = 0;  // non-MAC ops: pooling compares/adds, eltwise, fused activations

  const ConvAttrs* conv() const { return std::get_if<ConvAttrs>(&attrs); }
  const PoolAttrs* pool() const { return std::get_if<PoolAttrs>(&attrs); }
  const FcAttrs* fc() const { return std::get_if<FcAttrs>(&attrs); }
  const ConcatAttrs* concat() const { return std::get_if<ConcatAttrs>(&attrs); }

  // 1 MAC = 2 ops (docs/spec/MODELS.md section 1); other_ops count one each.
  int64_t ops() const { return 2 * macs + other_ops; }
  bool is_dense_product() const { return kind == LayerKind::kFc || kind == LayerKind::kMatMul; }
};

}  // namespace dnne
