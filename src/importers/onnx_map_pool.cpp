// Pooling windows and reductions.
#include <algorithm>
#include <set>

#include "importers/onnx_attrs.h"
#include "importers/onnx_mappers.h"

namespace dnne {

void map_pool(OnnxContext& ctx, const onnx::NodeProto& original, int) {
  const std::string& op = original.op_type();
  LayerId in = ctx.layer(original.input(0), original);
  // A 1-D window (MaxPool1d) runs as a 2-D one over a 1 x L map.
  const auto kernel_1d = attr_ints(original, "kernel_shape");
  const bool one_d = (kernel_1d && kernel_1d->size() == 1) ||
                     (op.rfind("Global", 0) == 0 && ctx.builder().shape(in).size() == 2);
  if (one_d) in = as_width_map(ctx, original, in);
  const onnx::NodeProto node = one_d ? as_2d_window(original) : original;
  const Shape in_shape = ctx.builder().shape(in);
  if (in_shape.size() != 3)
    ctx.fail(node, "only 1-D and 2-D pooling is supported (input has rank " +
                       std::to_string(in_shape.size()) + " per frame)");
  PoolAttrs p{.mode = op.find("Max") != std::string::npos ? PoolMode::kMax : PoolMode::kAverage};
  if (op.rfind("Global", 0) == 0) {
    p.global = true;
  } else {
    const auto kernel = attr_ints(node, "kernel_shape");
    if (!kernel || kernel->size() != 2) ctx.fail(node, "needs a 2-D kernel_shape");
    const Window2d w =
        window_attributes(ctx, node, in_shape[1], in_shape[2], (*kernel)[0], (*kernel)[1]);
    // A dilated window (MaxPool, opset 10+) spans (k - 1) * d + 1 pixels; its shape is that
    // of a dense window of that span.
    p.kernel_h = (w.kernel_h - 1) * w.dilation_h + 1;
    p.kernel_w = (w.kernel_w - 1) * w.dilation_w + 1;
    p.stride_h = w.stride_h, p.stride_w = w.stride_w;
    p.pad_top = w.pad_top, p.pad_left = w.pad_left, p.pad_bottom = w.pad_bottom;
    p.pad_right = w.pad_right;
    p.ceil_mode = attr_int(node, "ceil_mode", 0) != 0;
  }
  ctx.bind(node.output(0), ctx.builder().pool(ctx.layer_name(node), in, p, op), node);
}

namespace {
// x -> ReduceMean -> Sub(x, mean) -> Pow(d, 2) -> ReduceMean -> Add(eps) -> Sqrt -> Div(d, .)
// [-> Mul(gamma) -> Add(beta)]: LayerNorm as PyTorch exports it below opset 17. Becomes one
// fused LayerNormalization layer. Returns false (and changes nothing) when `node` does not
// start that pattern.
bool map_decomposed_layer_norm(OnnxContext& ctx, const onnx::NodeProto& node) {
  const auto& graph = ctx.graph();
  auto only_reader = [&](const std::string& tensor, const std::string& op) -> int {
    const auto& readers = ctx.consumers(tensor);
    if (readers.size() != 1 || graph.node(readers[0]).op_type() != op) return -1;
    return readers[0];
  };
  const std::string& x = node.input(0);
  const int sub = only_reader(node.output(0), "Sub");
  if (sub < 0 || graph.node(sub).input(0) != x) return false;
  const std::string& centred = graph.node(sub).output(0);
  int pow = -1, div = -1;
  for (int reader : ctx.consumers(centred)) {
    const std::string& op = graph.node(reader).op_type();
    if (op == "Pow") pow = reader;
    if (op == "Div") div = reader;
  }
  if (pow < 0 || div < 0 || ctx.consumers(centred).size() != 2) return false;
  const int variance = only_reader(graph.node(pow).output(0), "ReduceMean");
  if (variance < 0) return false;
  const int eps = only_reader(graph.node(variance).output(0), "Add");
  if (eps < 0) return false;
  const int sqrt = only_reader(graph.node(eps).output(0), "Sqrt");
  if (sqrt < 0 || only_reader(graph.node(sqrt).output(0), "Div") != div) return false;
  if (graph.node(div).input(0) != centred) return false;

  std::vector<int> absorbed = {sub, pow, variance, eps, sqrt, div};
  std::string output = graph.node(div).output(0);
  // The affine scale and shift, when constant, belong to the same normalisation.
  for (const char* op : {"Mul", "Add"}) {
    const int next = only_reader(output, op);
    if (next < 0) break;
    const auto& n = graph.node(next);
    const std::string& other = n.input(0) == output ? n.input(1) : n.input(0);
    if (!ctx.is_static(other)) break;
    absorbed.push_back(next);
    output = n.output(0);
  }
  const LayerId id =
      ctx.builder().fused(ctx.layer_name(node), "LayerNormalization", ctx.layer(x, node));
  for (int index : absorbed) ctx.absorb(index);
  ctx.bind(output, id, node);
  return true;
}
}  // namespace

// A reduction over some axes costs one op per input element, like a global pooling window
// over the reduced elements. It becomes a global pool over a [kept, reduced, 1] regrouping
// of the input (zero-cost Reshape layers either side), so its work is counted.
void map_reduce(OnnxContext& ctx, const onnx::NodeProto& node, int) {
  const std::string& op = node.op_type();
  if (op == "ReduceMean" && map_decomposed_layer_norm(ctx, node)) return;
  const std::string& x = node.input(0);
  const LayerId in = ctx.layer_as_onnx(x, node);
  const auto full = ctx.dims(x, node);
  const int dropped = ctx.dropped_dims(x, node);
  const int rank = static_cast<int>(full.size());
  std::vector<int64_t> axes;
  if (op == "ArgMax" || op == "ArgMin") {
    axes = {attr_int(node, "axis", 0)};
  } else if (auto a = attr_ints(node, "axes")) {
    axes = *a;
  } else if (node.input_size() > 1 && !node.input(1).empty()) {  // opset 13 (ReduceSum), 18
    auto values = ctx.integer_constant(node.input(1));
    if (!values) ctx.fail(node, "its axes input '" + node.input(1) + "' is not a constant");
    axes = *values;
  }
  if (axes.empty())  // all axes (noop_with_empty_axes is an identity we do not model)
    for (int i = 0; i < rank; ++i) axes.push_back(i);
  std::set<int> frame_axes;
  for (int64_t a : axes) {
    // Attribute axes were checked against the rank (check_onnx_axes); an axes input is
    // checked here, before it is narrowed to int.
    if (a < -rank || a >= rank)
      ctx.fail(node, "axes " + std::to_string(a) + " is outside [" + std::to_string(-rank) + ", " +
                         std::to_string(rank - 1) + "] (input '" + x + "' has rank " +
                         std::to_string(rank) + ")");
    const int64_t axis = (a < 0 ? a + rank : a) - dropped;
    if (axis < 0) ctx.fail(node, "reduces over the batch dimension");
    frame_axes.insert(static_cast<int>(axis));
  }
  const Shape frame = ctx.builder().shape(in);
  int64_t kept = 1, reduced = 1;
  for (int i = 0; i < static_cast<int>(frame.size()); ++i)
    (frame_axes.count(i) ? reduced : kept) *= frame[i];
  const bool compare = op == "ReduceMax" || op == "ReduceMin" || op == "ArgMax" || op == "ArgMin";
  const PoolAttrs p{.mode = compare ? PoolMode::kMax : PoolMode::kAverage, .global = true};
  LayerId pooled;
  const Shape out_frame = ctx.frame(node.output(0), node);
  if (frame.size() == 3 && frame_axes == std::set<int>{1, 2}) {
    pooled = ctx.builder().pool(ctx.layer_name(node), in, p, op);
    if (ctx.builder().shape(pooled) == out_frame) return ctx.bind(node.output(0), pooled, node);
  } else {
    const LayerId grouped = ctx.builder().shape_op(ctx.layer_name(node, "/regroup"), "Reshape",
                                                   {in}, Shape{kept, reduced, 1});
    pooled = ctx.builder().pool(ctx.layer_name(node), grouped, p, op);
  }
  const LayerId id =
      ctx.builder().shape_op(ctx.layer_name(node, "/reshape"), "Reshape", {pooled}, out_frame);
  ctx.bind(node.output(0), id, node);
}

}  // namespace dnne
