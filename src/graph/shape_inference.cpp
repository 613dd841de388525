#include "graph/shape_inference.h"

#include <algorithm>
#include <string>

#include "util/expected.h"

namespace dnne {

namespace {
[[noreturn]] void fail(std::string_view layer, const std::string& what) {
  throw InputError("layer " + std::string(layer) + ": " + what);
}

void require_chw(std::string_view layer, const Shape& input, std::string_view op) {
  if (input.size() != 3)
    fail(layer, std::string(op) + " expects a CxHxW input, got rank " +
                    std::to_string(input.size()) + " (" + to_string(input) + ")");
}

int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }
}  // namespace

int64_t window_output_size(std::string_view layer, std::string_view axis, int64_t input,
                           int kernel, int stride, int pad_begin, int pad_end, int dilation,
                           bool ceil_mode) {
  if (kernel < 1 || stride < 1 || dilation < 1 || pad_begin < 0 || pad_end < 0)
    fail(layer, "kernel, stride and dilation must be >= 1 and pads >= 0 along " +
                    std::string(axis));
  const int64_t span = static_cast<int64_t>(dilation) * (kernel - 1) + 1;
  const int64_t padded = input + pad_begin + pad_end;
  if (padded < span)
    fail(layer, "window of " + std::to_string(span) + " along " + std::string(axis) +
                    " exceeds the padded input of " + std::to_string(padded));
  int64_t out = (ceil_mode ? ceil_div(padded - span, stride) : (padded - span) / stride) + 1;
  // The last window must start inside the input or the left padding.
  if (ceil_mode && (out - 1) * stride >= input + pad_begin) --out;
  return out;
}

Shape conv_output_shape(std::string_view layer, const Shape& input, const ConvAttrs& a) {
  require_chw(layer, input, a.transposed ? "ConvTranspose" : "Conv");
  const int64_t channels = input[0];
  if (a.groups < 1 || a.out_channels < 1)
    fail(layer, "groups and output channels must be >= 1");
  if (channels % a.groups != 0)
    fail(layer, "groups " + std::to_string(a.groups) + " does not divide " +
                    std::to_string(channels) + " input channels");
  if (a.out_channels % a.groups != 0)
    fail(layer, "groups " + std::to_string(a.groups) + " does not divide " +
                    std::to_string(a.out_channels) + " output channels");
  if (!a.transposed) {
    return {a.out_channels,
            window_output_size(layer, "height", input[1], a.kernel_h, a.stride_h, a.pad_top,
                               a.pad_bottom, a.dilation_h, false),
            window_output_size(layer, "width", input[2], a.kernel_w, a.stride_w, a.pad_left,
                               a.pad_right, a.dilation_w, false)};
  }
  auto transposed = [&](int64_t in, int k, int s, int pb, int pe, int d, int op) {
    const int64_t out = (in - 1) * s - pb - pe + static_cast<int64_t>(d) * (k - 1) + op + 1;
    if (out < 1) fail(layer, "ConvTranspose output size " + std::to_string(out) + " < 1");
    return out;
  };
  return {a.out_channels,
          transposed(input[1], a.kernel_h, a.stride_h, a.pad_top, a.pad_bottom, a.dilation_h,
                     a.output_pad_h),
          transposed(input[2], a.kernel_w, a.stride_w, a.pad_left, a.pad_right, a.dilation_w,
                     a.output_pad_w)};
}

Shape pool_output_shape(std::string_view layer, const Shape& input, const PoolAttrs& a) {
  require_chw(layer, input, "pooling");
  if (a.global) return {input[0], 1, 1};
  return {input[0],
          window_output_size(layer, "height", input[1], a.kernel_h, a.stride_h, a.pad_top,
                             a.pad_bottom, 1, a.ceil_mode),
          window_output_size(layer, "width", input[2], a.kernel_w, a.stride_w, a.pad_left,
                             a.pad_right, 1, a.ceil_mode)};
}

Shape fc_output_shape(std::string_view layer, const Shape& input, const FcAttrs& a) {
  if (input.empty()) fail(layer, "a dense layer needs an input of rank >= 1");
  if (a.out_features < 1) fail(layer, "output features must be >= 1");
  Shape out = input;
  out.back() = a.out_features;
  return out;
}

Shape matmul_output_shape(std::string_view layer, const Shape& a_in, const Shape& b_in) {
  if (a_in.empty() || b_in.empty()) fail(layer, "MatMul operands must have rank >= 1");
  Shape a = a_in, b = b_in;
  const bool a_vector = a.size() == 1, b_vector = b.size() == 1;
  if (a_vector) a.insert(a.begin(), 1);
  if (b_vector) b.push_back(1);
  const int64_t k_a = a.back(), k_b = b[b.size() - 2];
  if (k_a != k_b)
    fail(layer, "MatMul inner dimensions differ: " + to_string(a_in) + " by " +
                    to_string(b_in));
  const Shape batch_a(a.begin(), a.end() - 2), batch_b(b.begin(), b.end() - 2);
  Shape out = broadcast_shape(layer, {batch_a, batch_b});
  if (!a_vector) out.push_back(a[a.size() - 2]);
  if (!b_vector) out.push_back(b.back());
  return out;
}

Shape broadcast_shape(std::string_view layer, const std::vector<Shape>& inputs) {
  size_t rank = 0;
  for (const auto& s : inputs) rank = std::max(rank, s.size());
  Shape out(rank, 1);
  for (const auto& s : inputs) {
    for (size_t i = 0; i < s.size(); ++i) {
      int64_t& o = out[rank - s.size() + i];
      if (s[i] == o || s[i] == 1) continue;
      if (o != 1)
        fail(layer, "shapes do not broadcast: " + to_string(inputs.front()) + " and " +
                        to_string(s));
      o = s[i];
    }
  }
  return out;
}

Shape concat_output_shape(std::string_view layer, const std::vector<Shape>& inputs, int axis) {
  if (inputs.empty()) fail(layer, "Concat needs at least one input");
  Shape out = inputs.front();
  if (axis < 0 || static_cast<size_t>(axis) >= out.size())
    fail(layer, "Concat axis " + std::to_string(axis) + " is outside rank " +
                    std::to_string(out.size()));
  for (size_t i = 1; i < inputs.size(); ++i) {
    const Shape& s = inputs[i];
    bool compatible = s.size() == out.size();
    for (size_t d = 0; compatible && d < s.size(); ++d)
      if (static_cast<int>(d) != axis && s[d] != out[d]) compatible = false;
    if (!compatible)
      fail(layer, "Concat inputs " + to_string(inputs.front()) + " and " + to_string(s) +
                      " differ outside axis " + std::to_string(axis));
    out[axis] += s[axis];
  }
  return out;
}

}  // namespace dnne
