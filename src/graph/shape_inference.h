// Output shapes of each layer kind from its input shapes and attributes. Each function throws
// InputError naming the layer when the inputs cannot be valid (the builder turns it into a
// message); sizes follow the PyTorch/ONNX definitions cited beside each formula.
#pragma once

#include <string_view>
#include <vector>

#include "graph/layer.h"

namespace dnne {

// Conv: out = floor((in + pad_begin + pad_end - dilation*(k-1) - 1) / stride) + 1
// ConvTranspose: out = (in-1)*stride - pad_begin - pad_end + dilation*(k-1) + output_pad + 1
// (ONNX Conv / ConvTranspose operator definitions; torch.nn.Conv2d / ConvTranspose2d docs).
Shape conv_output_shape(std::string_view layer, const Shape& input, const ConvAttrs& attrs);

// Pooling with floor or ceil rounding. With ceil_mode the last window must start inside the
// input or its left padding, else it is dropped (torch.nn.MaxPool2d docs; Caffe's
// PoolingLayer::Reshape applies the same rule).
Shape pool_output_shape(std::string_view layer, const Shape& input, const PoolAttrs& attrs);

// One output dimension of a sliding window (shared by conv and pooling).
int64_t window_output_size(std::string_view layer, std::string_view axis, int64_t input,
                           int kernel, int stride, int pad_begin, int pad_end, int dilation,
                           bool ceil_mode);

// A dense layer maps the last dimension K to out_features; leading dims are rows.
Shape fc_output_shape(std::string_view layer, const Shape& input, const FcAttrs& attrs);

// numpy.matmul semantics (ONNX MatMul): rank-1 operands are promoted and the promoted axis
// removed; leading (batch) dimensions broadcast.
Shape matmul_output_shape(std::string_view layer, const Shape& a, const Shape& b);

// numpy broadcasting of any number of operands (ONNX "multidirectional broadcasting").
Shape broadcast_shape(std::string_view layer, const std::vector<Shape>& inputs);

Shape concat_output_shape(std::string_view layer, const std::vector<Shape>& inputs, int axis);

}  // namespace dnne
