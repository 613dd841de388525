#include "graph/layer_counts.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "util/expected.h"

namespace dnne {

namespace {
// kMaxCount (2^53): the models multiply counts further (bits, batch) in int64; no real
// network comes near (VGG-16 at 224x224 is 1.5e10 MACs), so a larger count is an input too
// large to cost.

int64_t checked(const Layer& layer, const char* what, std::initializer_list<int64_t> factors) {
  int64_t product = 1;
  for (int64_t f : factors)
    if (__builtin_mul_overflow(product, f, &product) || product > kMaxCount)
      throw InputError("layer " + layer.name + ": " + what + " exceed 2^53 (output " +
                       to_string(layer.output) + "); the input is too large to cost");
  return product;
}

int64_t elements(const Layer& layer, const Shape& shape) {
  int64_t product = 1;
  for (int64_t dim : shape) product = checked(layer, "elements", {product, dim});
  return product;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Conv: MACs = M * R * Q * (C/g) * Kh * Kw (docs/spec/MODELS.md section 1). ConvTranspose scatters
// each input pixel through the kernel: MACs = C * H * W * (M/g) * Kh * Kw.
void count_conv(Layer& layer, const Shape& input) {
  const ConvAttrs& a = *layer.conv();
  const int64_t kernel = checked(layer, "kernel elements", {a.kernel_h, a.kernel_w});
  const int64_t in_c = input[0], out_c = a.out_channels;
  const int64_t weights = checked(layer, "parameters", {out_c, in_c / a.groups, kernel});
  if (a.transposed) {
    layer.macs = checked(layer, "MACs", {elements(layer, input), out_c / a.groups, kernel});
  } else {
    layer.macs = checked(layer, "MACs", {elements(layer, layer.output), in_c / a.groups, kernel});
  }
  layer.params = weights + (a.bias ? out_c : 0);
  if (a.bias) layer.other_ops += elements(layer, layer.output);
}

// A dense layer: MACs = rows * K * N; rows are the leading dims (1 for a flattened vector,
// the tokens of a sequence).
void count_fc(Layer& layer, const Shape& input) {
  const FcAttrs& a = *layer.fc();
  const int64_t k = input.back();
  const int64_t rows = elements(layer, input) / k;
  layer.macs = checked(layer, "MACs", {rows, k, a.out_features});
  layer.params = checked(layer, "parameters", {k, a.out_features}) + (a.bias ? a.out_features : 0);
  if (a.bias) layer.other_ops += elements(layer, layer.output);
}

// MatMul of two activations: every output element is a K-long dot product.
void count_matmul(Layer& layer, const Shape& a) {
  const int64_t k = a.back();
  layer.macs = checked(layer, "MACs", {elements(layer, layer.output), k});
}

void count_pool(Layer& layer, const Shape& input) {
  const PoolAttrs& a = *layer.pool();
  layer.other_ops = a.global ? elements(layer, input)
                             : checked(layer, "operations",
                                       {elements(layer, layer.output), a.kernel_h, a.kernel_w});
}
}  // namespace

int64_t ops_per_element(std::string_view fused_op) {
  static const std::pair<std::string_view, int64_t> kTable[] = {{"relu", 1},
                                                                {"relu6", 1},
                                                                {"clip", 1},
                                                                {"leakyrelu", 2},
                                                                {"prelu", 2},
                                                                {"batchnorm", 2},
                                                                {"batchnormalization", 2},
                                                                {"scale", 2},
                                                                {"bias", 1},
                                                                {"sigmoid", 4},
                                                                {"hardsigmoid", 2},
                                                                {"hardswish", 3},
                                                                {"silu", 5},
                                                                {"swish", 5},
                                                                {"tanh", 5},
                                                                {"gelu", 8},
                                                                {"erf", 5},
                                                                {"softmax", 5},
                                                                {"layernorm", 8},
                                                                {"layernormalization", 8},
                                                                {"lrn", 6},
                                                                {"elu", 4},
                                                                {"mish", 8},
                                                                {"exp", 1},
                                                                {"sqrt", 1},
                                                                {"neg", 1},
                                                                {"abs", 1},
                                                                {"pow", 1},
                                                                {"reciprocal", 1}};
  const std::string key = lowercase(fused_op);
  for (const auto& [name, ops] : kTable)
    if (key == name) return ops;
  return 1;
}

void count_layer(Layer& layer, const std::vector<Shape>& inputs) {
  layer.macs = layer.params = layer.other_ops = 0;
  const int64_t out_elements = elements(layer, layer.output);
  switch (layer.kind) {
    case LayerKind::kConv:
      count_conv(layer, inputs.at(0));
      break;
    case LayerKind::kFc:
      count_fc(layer, inputs.at(0));
      break;
    case LayerKind::kMatMul:
      count_matmul(layer, inputs.at(0));
      break;
    case LayerKind::kPool:
      count_pool(layer, inputs.at(0));
      break;
    case LayerKind::kEltwise:
      layer.other_ops =
          checked(layer, "operations",
                  {out_elements, static_cast<int64_t>(std::max<size_t>(1, inputs.size() - 1))});
      break;
    case LayerKind::kFused:
      layer.other_ops = checked(layer, "operations", {out_elements, ops_per_element(layer.op)});
      break;
    case LayerKind::kResample:
      layer.other_ops = out_elements;
      break;
    case LayerKind::kInput:
    case LayerKind::kConcat:
    case LayerKind::kShape:
    case LayerKind::kUnknown:
      break;
  }
  for (const auto& op : layer.fused_ops) {
    const int64_t ops = checked(layer, "operations", {out_elements, ops_per_element(op)});
    if (__builtin_add_overflow(layer.other_ops, ops, &layer.other_ops) ||
        layer.other_ops > kMaxCount)
      throw InputError("layer " + layer.name + ": operations exceed 2^53 (output " +
                       to_string(layer.output) + "); the input is too large to cost");
  }
}

}  // namespace dnne
