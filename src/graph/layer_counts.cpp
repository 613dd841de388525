#include "graph/layer_counts.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

namespace dnne {

namespace {
std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Conv: MACs = M * R * Q * (C/g) * Kh * Kw (MODELS.md section 1). ConvTranspose scatters each
// input pixel through the kernel: MACs = C * H * W * (M/g) * Kh * Kw.
void count_conv(Layer& layer, const Shape& input) {
  const ConvAttrs& a = *layer.conv();
  const int64_t kernel = static_cast<int64_t>(a.kernel_h) * a.kernel_w;
  const int64_t in_c = input[0], out_c = a.out_channels;
  const int64_t weights = out_c * (in_c / a.groups) * kernel;
  if (a.transposed) {
    layer.macs = in_c * input[1] * input[2] * (out_c / a.groups) * kernel;
  } else {
    layer.macs = out_c * layer.output[1] * layer.output[2] * (in_c / a.groups) * kernel;
  }
  layer.params = weights + (a.bias ? out_c : 0);
  if (a.bias) layer.other_ops += element_count(layer.output);
}

// A dense layer: MACs = rows * K * N; rows are the leading dims (1 for a flattened vector,
// the tokens of a sequence).
void count_fc(Layer& layer, const Shape& input) {
  const FcAttrs& a = *layer.fc();
  const int64_t k = input.back();
  const int64_t rows = element_count(input) / k;
  layer.macs = rows * k * a.out_features;
  layer.params = k * a.out_features + (a.bias ? a.out_features : 0);
  if (a.bias) layer.other_ops += element_count(layer.output);
}

// MatMul of two activations: every output element is a K-long dot product.
void count_matmul(Layer& layer, const Shape& a) {
  const int64_t k = a.back();
  layer.macs = element_count(layer.output) * k;
}

void count_pool(Layer& layer, const Shape& input) {
  const PoolAttrs& a = *layer.pool();
  layer.other_ops = a.global ? element_count(input)
                             : element_count(layer.output) * a.kernel_h * a.kernel_w;
}
}  // namespace

int64_t ops_per_element(std::string_view fused_op) {
  static const std::pair<std::string_view, int64_t> kTable[] = {
      {"relu", 1},        {"relu6", 1},       {"clip", 1},      {"leakyrelu", 2},
      {"prelu", 2},       {"batchnorm", 2},   {"batchnormalization", 2},
      {"scale", 2},       {"bias", 1},        {"sigmoid", 4},   {"hardsigmoid", 2},
      {"hardswish", 3},   {"silu", 5},        {"swish", 5},     {"tanh", 5},
      {"gelu", 8},        {"erf", 5},         {"softmax", 5},   {"layernorm", 8},
      {"layernormalization", 8},              {"lrn", 6},       {"elu", 4},
      {"mish", 8},        {"exp", 1},         {"sqrt", 1},      {"neg", 1},
      {"abs", 1},         {"pow", 1},         {"reciprocal", 1}};
  const std::string key = lowercase(fused_op);
  for (const auto& [name, ops] : kTable)
    if (key == name) return ops;
  return 1;
}

void count_layer(Layer& layer, const std::vector<Shape>& inputs) {
  layer.macs = layer.params = layer.other_ops = 0;
  const int64_t out_elements = element_count(layer.output);
  switch (layer.kind) {
    case LayerKind::kConv: count_conv(layer, inputs.at(0)); break;
    case LayerKind::kFc: count_fc(layer, inputs.at(0)); break;
    case LayerKind::kMatMul: count_matmul(layer, inputs.at(0)); break;
    case LayerKind::kPool: count_pool(layer, inputs.at(0)); break;
    case LayerKind::kEltwise:
      layer.other_ops = out_elements * static_cast<int64_t>(std::max<size_t>(1, inputs.size() - 1));
      break;
    case LayerKind::kFused: layer.other_ops = out_elements * ops_per_element(layer.op); break;
    case LayerKind::kResample: layer.other_ops = out_elements; break;
    case LayerKind::kInput:
    case LayerKind::kConcat:
    case LayerKind::kShape:
    case LayerKind::kUnknown: break;
  }
  for (const auto& op : layer.fused_ops) layer.other_ops += out_elements * ops_per_element(op);
}

}  // namespace dnne
