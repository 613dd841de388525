#include "importers/caffe_layer_params.h"

#include "util/checked_int.h"
#include "util/expected.h"

namespace dnne {

namespace {
// caffe.proto's window fields are uint32: narrowed to int with a range check (a pad of 2^31
// must not wrap to a negative, nor 2^32 + 1 to 1).
int window_int(const std::string& layer, const char* field, uint64_t value) {
  const auto v = narrow_int(static_cast<int64_t>(value), 0, kMaxWindowValue);
  if (!v)
    throw InputError("layer " + layer + ": " +
                     outside_range(field, static_cast<int64_t>(value), 0, kMaxWindowValue));
  return *v;
}

struct Pair {
  int h = 0, w = 0;
};

// A repeated uint32 field for 2-D: empty -> fallback, one value -> both, two -> (h, w).
Pair spatial(const std::string& layer, const char* field,
             const google::protobuf::RepeatedField<uint32_t>& values, int fallback) {
  if (values.empty()) return {fallback, fallback};
  if (values.size() == 1)
    return {window_int(layer, field, values[0]), window_int(layer, field, values[0])};
  if (values.size() == 2)
    return {window_int(layer, field, values[0]), window_int(layer, field, values[1])};
  throw InputError("layer " + layer + ": " + std::to_string(values.size()) + " values for " +
                   field + ", expected 1 or 2 (only 2-D convolution is supported)");
}
}  // namespace

ConvAttrs caffe_conv_attrs(const std::string& layer, const caffe::ConvolutionParameter& p,
                           bool deconvolution) {
  const std::string what = "layer " + layer + ": ";
  if (!p.has_num_output() || p.num_output() == 0)
    throw InputError(what + "convolution_param.num_output is missing or 0");
  if (p.axis() != 1)
    throw InputError(what + "convolution_param.axis " + std::to_string(p.axis()) +
                     " is not supported (only channels, axis 1)");
  // Caffe: either kernel_size or both kernel_h and kernel_w; the same for stride and pad.
  Pair kernel;
  if (p.has_kernel_h() || p.has_kernel_w()) {
    if (!p.has_kernel_h() || !p.has_kernel_w() || !p.kernel_size().empty())
      throw InputError(what + "give kernel_size, or both kernel_h and kernel_w");
    kernel = {window_int(layer, "kernel_h", p.kernel_h()),
              window_int(layer, "kernel_w", p.kernel_w())};
  } else {
    if (p.kernel_size().empty())
      throw InputError(what + "convolution_param.kernel_size is missing");
    kernel = spatial(layer, "kernel_size", p.kernel_size(), 1);
  }
  Pair stride = spatial(layer, "stride", p.stride(), 1);
  if (p.has_stride_h() || p.has_stride_w()) {
    if (!p.has_stride_h() || !p.has_stride_w() || !p.stride().empty())
      throw InputError(what + "give stride, or both stride_h and stride_w");
    stride = {window_int(layer, "stride_h", p.stride_h()),
              window_int(layer, "stride_w", p.stride_w())};
  }
  Pair pad = spatial(layer, "pad", p.pad(), 0);
  if (p.has_pad_h() || p.has_pad_w()) {
    if (!p.pad().empty()) throw InputError(what + "give pad, or pad_h and pad_w, not both");
    pad = {window_int(layer, "pad_h", p.pad_h()), window_int(layer, "pad_w", p.pad_w())};
  }
  const Pair dilation = spatial(layer, "dilation", p.dilation(), 1);
  return {.out_channels = p.num_output(),
          .kernel_h = kernel.h,
          .kernel_w = kernel.w,
          .stride_h = stride.h,
          .stride_w = stride.w,
          // Caffe pads symmetrically.
          .pad_top = pad.h,
          .pad_left = pad.w,
          .pad_bottom = pad.h,
          .pad_right = pad.w,
          .dilation_h = dilation.h,
          .dilation_w = dilation.w,
          .groups = window_int(layer, "group", p.group()),
          .transposed = deconvolution,
          .bias = p.bias_term()};
}

PoolAttrs caffe_pool_attrs(const std::string& layer, const caffe::PoolingParameter& p) {
  const std::string what = "layer " + layer + ": ";
  PoolAttrs a{
      .mode = p.pool() == caffe::PoolingParameter::MAX ? PoolMode::kMax : PoolMode::kAverage,
      // PoolingLayer::Reshape: pooled = ceil((in + 2*pad - kernel) / stride) + 1,
      // less one if the last window would start in the right padding; that is our
      // ceil_mode (graph/shape_inference.h). One corner differs: Caffe drops that window
      // only when pad > 0, so an unpadded pool with kernel < stride can keep a window that
      // starts past the input (an empty window); we never count one.
      .ceil_mode = true};
  if (p.global_pooling()) {
    a.global = true;
    return a;
  }
  if (p.has_kernel_h() || p.has_kernel_w()) {
    if (!p.has_kernel_h() || !p.has_kernel_w() || p.has_kernel_size())
      throw InputError(what + "give kernel_size, or both kernel_h and kernel_w");
    a.kernel_h = window_int(layer, "kernel_h", p.kernel_h());
    a.kernel_w = window_int(layer, "kernel_w", p.kernel_w());
  } else if (p.has_kernel_size()) {
    a.kernel_h = a.kernel_w = window_int(layer, "kernel_size", p.kernel_size());
  } else {
    throw InputError(what +
                     "pooling_param needs kernel_size (or kernel_h and kernel_w) unless "
                     "global_pooling is true");
  }
  a.stride_h = a.stride_w = window_int(layer, "stride", p.stride());
  if (p.has_stride_h() || p.has_stride_w()) {
    if (!p.has_stride_h() || !p.has_stride_w())
      throw InputError(what + "give stride, or both stride_h and stride_w");
    a.stride_h = window_int(layer, "stride_h", p.stride_h());
    a.stride_w = window_int(layer, "stride_w", p.stride_w());
  }
  int pad_h = window_int(layer, "pad", p.pad()), pad_w = pad_h;
  if (p.has_pad_h() || p.has_pad_w()) {
    pad_h = window_int(layer, "pad_h", p.pad_h());
    pad_w = window_int(layer, "pad_w", p.pad_w());
  }
  a.pad_top = a.pad_bottom = pad_h;
  a.pad_left = a.pad_right = pad_w;
  return a;
}

}  // namespace dnne
