// Conv, ConvTranspose, Gemm and MatMul: the operators that carry MACs.
#include <optional>

#include "importers/onnx_attrs.h"
#include "importers/onnx_mappers.h"
#include "util/checked_int.h"

namespace dnne {

namespace {
std::string dims_text(const std::vector<int64_t>& dims) {
  std::string text;
  for (int64_t d : dims) text += (text.empty() ? "" : "x") + std::to_string(d);
  return text;
}

bool has_input(const onnx::NodeProto& node, int i) {
  return node.input_size() > i && !node.input(i).empty();
}

// ConvTranspose's explicit output_shape or SAME auto_pad fix the output size; the ONNX
// definition derives total_padding = stride * (in - 1) + output_padding + (k - 1) * d + 1 -
// out, split begin/end like Conv's SAME.
void transposed_pads(OnnxContext& ctx, const onnx::NodeProto& node, const Shape& in, ConvAttrs& a) {
  const auto output_shape = attr_ints(node, "output_shape");
  const std::string auto_pad = attr_string(node, "auto_pad", "NOTSET");
  if (!output_shape && auto_pad.rfind("SAME", 0) != 0) return;
  const bool upper = auto_pad != "SAME_LOWER";
  auto axis = [&](int64_t in_size, int k, int s, int d, int& out_pad, int& begin, int& end,
                  int64_t target) {
    // Every term is bounded (sizes <= 2^53 by the layer counts, window values <= 2^20), but
    // `target` comes from output_shape as written: a huge one is the node's error.
    if (target < 1 || target > (int64_t{1} << 40))
      ctx.fail(node, outside_range("output_shape", target, 1, int64_t{1} << 40));
    int64_t total = s * (in_size - 1) + out_pad + static_cast<int64_t>(k - 1) * d + 1 - target;
    if (total < 0) {
      if (-total > kMaxWindowValue)
        ctx.fail(node, "output_shape " + std::to_string(target) + " needs an output padding of " +
                           std::to_string(-total) + ", more than " +
                           std::to_string(kMaxWindowValue));
      out_pad += static_cast<int>(-total), total = 0;
    }
    if (total > 2 * kMaxWindowValue)
      ctx.fail(node, "output_shape " + std::to_string(target) + " needs a padding of " +
                         std::to_string(total) + ", more than 2 x " +
                         std::to_string(kMaxWindowValue));
    const int small = static_cast<int>(total / 2), large = static_cast<int>(total - total / 2);
    begin = upper ? small : large;
    end = upper ? large : small;
  };
  const auto h = checked_mul(in[1], a.stride_h), w = checked_mul(in[2], a.stride_w);
  if (!h || !w) ctx.fail(node, "input " + dims_text(in) + " times the strides overflows");
  std::vector<int64_t> target = {*h, *w};
  if (output_shape) {
    if (output_shape->size() < 2) ctx.fail(node, "output_shape needs 2 values");
    target = {(*output_shape)[output_shape->size() - 2], output_shape->back()};
  }
  axis(in[1], a.kernel_h, a.stride_h, a.dilation_h, a.output_pad_h, a.pad_top, a.pad_bottom,
       target[0]);
  axis(in[2], a.kernel_w, a.stride_w, a.dilation_w, a.output_pad_w, a.pad_left, a.pad_right,
       target[1]);
}
// Where the weight (and bias) operands sit: the quantized forms interleave scales and zero
// points (ONNX ConvInteger, QLinearConv, MatMulInteger, QLinearMatMul definitions).
int weight_index(const onnx::NodeProto& node) {
  return node.op_type().rfind("QLinear", 0) == 0 ? 3 : 1;
}
int bias_index(const onnx::NodeProto& node) {
  if (node.op_type() == "QLinearConv") return 8;
  if (node.op_type() == "ConvInteger") return -1;
  return 2;
}
}  // namespace

LayerId as_width_map(OnnxContext& ctx, const onnx::NodeProto& node, LayerId in) {
  const Shape shape = ctx.builder().shape(in);
  if (shape.size() == 3 && shape[1] == 1) return in;  // already [C, 1, L]
  if (shape.size() != 2)
    ctx.fail(node, "a 1-D window needs a CxL input, got " + dims_text(shape) + " per frame");
  return ctx.builder().shape_op(ctx.layer_name(node, "/as_2d"), "Reshape", {in},
                                Shape{shape[0], 1, shape[1]});
}

void map_conv(OnnxContext& ctx, const onnx::NodeProto& original, int) {
  const bool transposed = original.op_type() == "ConvTranspose";
  const int w_index = weight_index(original), b_index = bias_index(original);
  if (!has_input(original, 0) || !has_input(original, w_index))
    ctx.fail(original, "needs inputs X and W");
  LayerId in = ctx.layer(original.input(0), original);
  auto w = ctx.dims(original.input(w_index), original);
  // A 1-D convolution (Conv1d) runs as a 2-D one over a 1 x L map.
  const bool one_d = w.size() == 3;
  if (one_d) {
    w.insert(w.begin() + 2, 1);
    in = as_width_map(ctx, original, in);
  }
  const onnx::NodeProto node = one_d ? as_2d_window(original) : original;
  const Shape in_shape = ctx.builder().shape(in);
  if (w.size() != 4 || in_shape.size() != 3)
    ctx.fail(node, "only 1-D and 2-D convolutions are supported (input " + dims_text(in_shape) +
                       " per frame, weight " + dims_text(w) + ")");
  const int groups = window_int(ctx, node, "group", attr_int(node, "group", 1), 1);
  // ConvTranspose's weight is [C, M/groups, kh, kw]; Conv's is [M, C/groups, kh, kw].
  const auto transposed_channels = checked_mul(w[1], groups);
  if (transposed && !transposed_channels)
    ctx.fail(node, "weight dims " + dims_text(w) + " overflow the output channel count");
  const int64_t out_channels = transposed ? *transposed_channels : w[0];
  // The weight must fit the input (ONNX Conv: W is [M, C/group, ...]; ConvTranspose: W is
  // [C, M/group, ...]); ONNX's inference does not check it, and a mismatch would cost a
  // layer the file does not describe.
  const auto conv_channels = checked_mul(w[1], groups);
  const bool fits =
      transposed ? w[0] == in_shape[0] : conv_channels && *conv_channels == in_shape[0];
  if (!fits && in_shape[0] % groups == 0)  // else the builder names the groups
    ctx.fail(node, "weight " + dims_text(w) + " does not fit an input of " +
                       std::to_string(in_shape[0]) + " channels with group " +
                       std::to_string(groups));
  if (w[2] < 1 || w[3] < 1) ctx.fail(node, "weight " + dims_text(w) + " has an empty kernel");
  Window2d win;
  if (transposed) {
    onnx::NodeProto explicit_pads = node;  // SAME is resolved by transposed_pads below
    for (auto& a : *explicit_pads.mutable_attribute())
      if (a.name() == "auto_pad") a.set_s("NOTSET");
    win = window_attributes(ctx, explicit_pads, in_shape[1], in_shape[2], w[2], w[3]);
  } else {
    win = window_attributes(ctx, node, in_shape[1], in_shape[2], w[2], w[3]);
  }
  ConvAttrs a{.out_channels = out_channels,
              .kernel_h = win.kernel_h,
              .kernel_w = win.kernel_w,
              .stride_h = win.stride_h,
              .stride_w = win.stride_w,
              .pad_top = win.pad_top,
              .pad_left = win.pad_left,
              .pad_bottom = win.pad_bottom,
              .pad_right = win.pad_right,
              .dilation_h = win.dilation_h,
              .dilation_w = win.dilation_w,
              .groups = groups,
              .transposed = transposed,
              .bias = b_index > 0 && has_input(node, b_index)};
  if (transposed) {
    const auto output_padding =
        attr_ints(node, "output_padding").value_or(std::vector<int64_t>{0, 0});
    if (output_padding.size() != 2)
      ctx.fail(node, "output_padding has " + std::to_string(output_padding.size()) +
                         " values, expected 2");
    a.output_pad_h = window_int(ctx, node, "output_padding", output_padding[0], 0),
    a.output_pad_w = window_int(ctx, node, "output_padding", output_padding[1], 0);
    transposed_pads(ctx, node, in_shape, a);
  }
  const LayerId id = ctx.builder().conv(ctx.layer_name(node), in, a, {}, node.op_type());
  ctx.bind(node.output(0), id, node);
}

LayerId transpose_last_two(OnnxContext& ctx, const onnx::NodeProto& node, LayerId id,
                           const std::string& suffix) {
  Shape shape = ctx.builder().shape(id);
  if (shape.size() < 2) shape.insert(shape.begin(), 1);
  std::swap(shape[shape.size() - 1], shape[shape.size() - 2]);
  return ctx.builder().shape_op(ctx.layer_name(node, suffix), "Transpose", {id}, shape);
}

void map_gemm(OnnxContext& ctx, const onnx::NodeProto& node, int) {
  if (!has_input(node, 0) || !has_input(node, 1)) ctx.fail(node, "needs inputs A and B");
  const std::string &a = node.input(0), &b = node.input(1);
  const bool trans_a = attr_int(node, "transA", 0) != 0;
  const bool trans_b = attr_int(node, "transB", 0) != 0;
  LayerId id;
  if (ctx.is_static(b) && !ctx.is_static(a) && !trans_a) {
    // Y = A * B (+ C) with constant B: a fully connected layer, N outputs per row.
    const auto bd = ctx.dims(b, node);
    if (bd.size() != 2) ctx.fail(node, "B must be a matrix, got " + dims_text(bd));
    const FcAttrs fc{.out_features = trans_b ? bd[0] : bd[1], .bias = has_input(node, 2)};
    id = ctx.builder().fc(ctx.layer_name(node), ctx.layer_as_onnx(a, node), fc, {}, "Gemm");
  } else {
    // A product of two activations (or a transposed one): a dense matmul, no weights.
    LayerId lhs = ctx.is_static(a) ? ctx.constant_layer(a, node) : ctx.layer_as_onnx(a, node);
    LayerId rhs = ctx.is_static(b) ? ctx.constant_layer(b, node) : ctx.layer_as_onnx(b, node);
    if (trans_a) lhs = transpose_last_two(ctx, node, lhs, "/transA");
    if (trans_b) rhs = transpose_last_two(ctx, node, rhs, "/transB");
    id = ctx.builder().matmul(ctx.layer_name(node), lhs, rhs, "Gemm");
    if (has_input(node, 2)) ctx.builder().attach_fused(id, "bias");
  }
  ctx.bind(node.output(0), id, node);
}

namespace {
// A constant's dims without leading 1s when that leaves a matrix ([1, K, N] is a [K, N]
// weight broadcast over the batch), else nullopt.
std::optional<std::vector<int64_t>> weight_matrix(OnnxContext& ctx, const std::string& tensor,
                                                  const onnx::NodeProto& node) {
  if (!ctx.is_static(tensor)) return std::nullopt;
  auto dims = ctx.dims(tensor, node);
  while (dims.size() > 2 && dims.front() == 1) dims.erase(dims.begin());
  if (dims.size() != 2) return std::nullopt;
  return dims;
}

// W * x with a constant W [M, K] on the left: the fc layer of x^T (the transposes either side
// are zero-cost layers), M * K weights, M * K MACs per column of x.
void map_left_weight(OnnxContext& ctx, const onnx::NodeProto& node, int64_t m,
                     const std::string& x) {
  const LayerId in = transpose_last_two(ctx, node, ctx.layer_as_onnx(x, node), "/transpose_in");
  const LayerId fc = ctx.builder().fc(
      ctx.layer_name(node), in, FcAttrs{.out_features = m, .bias = false}, {}, node.op_type());
  const LayerId out = ctx.builder().shape_op(ctx.layer_name(node, "/transpose_out"), "Transpose",
                                             {fc}, ctx.frame(node.output(0), node));
  ctx.bind(node.output(0), out, node);
}
}  // namespace

void map_matmul(OnnxContext& ctx, const onnx::NodeProto& node, int) {
  const int b_index = weight_index(node);
  if (!has_input(node, 0) || !has_input(node, b_index)) ctx.fail(node, "needs inputs A and B");
  const std::string &a = node.input(0), &b = node.input(b_index);
  if (const auto w = weight_matrix(ctx, a, node); w && !ctx.is_static(b))
    return map_left_weight(ctx, node, (*w)[0], b);
  if (const auto w = weight_matrix(ctx, b, node); w && !ctx.is_static(a)) {
    // x * W: PyTorch exports nn.Linear on a sequence as MatMul then Add(bias); the Add is
    // absorbed as the layer's bias when it is the product's only reader.
    const int64_t n = (*w)[1];
    const auto& readers = ctx.consumers(node.output(0));
    int bias_node = -1;
    if (readers.size() == 1) {
      const auto& add = ctx.graph().node(readers[0]);
      if (add.op_type() == "Add" && add.input_size() == 2) {
        const std::string& other = add.input(0) == node.output(0) ? add.input(1) : add.input(0);
        if (ctx.is_static(other) && ctx.has_dims(other) &&
            element_count(ctx.dims(other, add)) == n && ctx.has_dims(add.output(0)))
          bias_node = readers[0];
      }
    }
    const FcAttrs fc{.out_features = n, .bias = bias_node >= 0};
    const LayerId id =
        ctx.builder().fc(ctx.layer_name(node), ctx.layer_as_onnx(a, node), fc, {}, node.op_type());
    ctx.bind(node.output(0), id, node);
    if (bias_node >= 0) {
      ctx.absorb(bias_node);
      ctx.alias(ctx.graph().node(bias_node).output(0), node.output(0), node);
    }
    return;
  }
  // Two activations (attention's Q*K^T and A*V), or a batched constant: dense MACs
  // without an fc layer's weight matrix.
  const LayerId lhs = ctx.is_static(a) ? ctx.constant_layer(a, node) : ctx.layer_as_onnx(a, node);
  const LayerId rhs = ctx.is_static(b) ? ctx.constant_layer(b, node) : ctx.layer_as_onnx(b, node);
  ctx.bind(node.output(0), ctx.builder().matmul(ctx.layer_name(node), lhs, rhs, node.op_type()),
           node);
}

}  // namespace dnne
