// Reading ONNX node attributes, and the sliding-window attributes (kernel, strides, pads,
// dilations, auto_pad) shared by Conv, ConvTranspose and the pooling operators.
#pragma once

#include <onnx/onnx_pb.h>

#include <optional>
#include <string>
#include <vector>

#include "importers/onnx_context.h"

namespace dnne {

const onnx::AttributeProto* find_attribute(const onnx::NodeProto& node, const std::string& name);
int64_t attr_int(const onnx::NodeProto& node, const std::string& name, int64_t fallback);
float attr_float(const onnx::NodeProto& node, const std::string& name, float fallback);
std::string attr_string(const onnx::NodeProto& node, const std::string& name,
                        const std::string& fallback);
std::optional<std::vector<int64_t>> attr_ints(const onnx::NodeProto& node, const std::string& name);

// A 1-D Conv/ConvTranspose/pooling node rewritten as a 2-D one over a 1 x L map: every
// per-axis attribute gains a leading unit axis (pads [b, e] -> [0, b, 0, e]).
onnx::NodeProto as_2d_window(const onnx::NodeProto& node);

// A 2-D window over an H x W input, pads resolved from auto_pad.
struct Window2d {
  int kernel_h = 1, kernel_w = 1;
  int stride_h = 1, stride_w = 1;
  int dilation_h = 1, dilation_w = 1;
  int pad_top = 0, pad_left = 0, pad_bottom = 0, pad_right = 0;
};

// `kernel` comes from the weight dims (Conv) or kernel_shape (pooling). auto_pad follows the
// ONNX Conv definition: SAME_UPPER / SAME_LOWER give out = ceil(in / stride) with total pad
// max(0, (out - 1) * stride + (k - 1) * dilation + 1 - in), the odd pixel at the end (UPPER)
// or the beginning (LOWER); VALID means no padding; NOTSET reads `pads`
// [top, left, bottom, right].
// A window attribute (kernel, stride, dilation, pad, group) narrowed to int: in
// [lo, kMaxWindowValue] or the node fails naming `what` and the value.
int window_int(OnnxContext& ctx, const onnx::NodeProto& node, const std::string& what,
               int64_t value, int64_t lo);

Window2d window_attributes(OnnxContext& ctx, const onnx::NodeProto& node, int64_t in_h,
                           int64_t in_w, int64_t kernel_h, int64_t kernel_w);

}  // namespace dnne
