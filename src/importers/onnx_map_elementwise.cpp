// Activations, normalisations, broadcasting arithmetic, Concat and the data-layout operators.
#include <set>

#include "importers/onnx_attrs.h"
#include "importers/onnx_mappers.h"

namespace dnne {

namespace {
// The layer of each operand; constants become zero-cost constant layers.
std::vector<LayerId> all_operands(OnnxContext& ctx, const onnx::NodeProto& node) {
  std::vector<LayerId> ids;
  for (const auto& in : node.input())
    if (!in.empty())
      ids.push_back(ctx.is_static(in) ? ctx.constant_layer(in, node) : ctx.layer_as_onnx(in, node));
  return ids;
}
}  // namespace

// One activation in, same shape out: folded into its producer later (fold_fused_layers).
void map_unary(OnnxContext& ctx, const onnx::NodeProto& node, int) {
  const LayerId in = ctx.layer(node.input(0), node);
  ctx.bind(node.output(0), ctx.builder().fused(ctx.layer_name(node), node.op_type(), in), node);
}

// Add/Sub/Mul/Div/Pow/Max/Min/Where/...: with one activation operand and constants of its
// shape or smaller, a bias/scale-like fused op; with two or more activation operands
// (residual adds, squeeze-excite Mul, SiLU's x * sigmoid(x)) an eltwise layer.
void map_binary(OnnxContext& ctx, const onnx::NodeProto& node, int) {
  const std::vector<LayerId> acts = ctx.activation_inputs(node);
  const Shape out = ctx.frame(node.output(0), node);
  std::vector<Shape> shapes;
  for (LayerId id : acts) shapes.push_back(ctx.builder().shape(id));
  int64_t act_elements = 0;
  for (const auto& s : shapes) act_elements = std::max(act_elements, element_count(s));
  LayerId id;
  if (act_elements != element_count(out)) {
    // A constant operand widens the result (broadcast up): keep it as an operand.
    id = ctx.builder().eltwise(ctx.layer_name(node), node.op_type(), all_operands(ctx, node));
  } else if (acts.size() == 1) {
    id = ctx.builder().fused(ctx.layer_name(node), node.op_type(), acts[0]);
  } else {
    id = ctx.builder().eltwise(ctx.layer_name(node), node.op_type(), acts);
  }
  ctx.bind(node.output(0), id, node);
}

void map_concat(OnnxContext& ctx, const onnx::NodeProto& node, int) {
  const std::string& out = node.output(0);
  const int64_t rank = static_cast<int64_t>(ctx.dims(out, node).size());
  int64_t axis = attr_int(node, "axis", 1);
  if (axis < 0) axis += rank;
  axis -= ctx.dropped_dims(out, node);
  if (axis < 0) ctx.fail(node, "concatenates along the batch dimension");
  const LayerId id = ctx.builder().concat(ctx.layer_name(node), all_operands(ctx, node),
                                          static_cast<int>(axis), node.op_type());
  ctx.bind(out, id, node);
}

// Reshape, Transpose, Slice, Split, Pad, Gather, ...: zero cost, ONNX's inferred shapes.
// Each output is its own layer (Split has several).
void map_layout(OnnxContext& ctx, const onnx::NodeProto& node, int) {
  const std::vector<LayerId> ins = ctx.activation_inputs(node);
  // ONNX's inference does not check that a Reshape keeps the element count; a target baked
  // in at export for another input size (--input) would silently change the workload.
  static const std::set<std::string> kKeepsElements = {"Reshape",  "Flatten",      "Transpose",
                                                       "Squeeze",  "Unsqueeze",    "Cast",
                                                       "CastLike", "DepthToSpace", "SpaceToDepth"};
  if (kKeepsElements.count(node.op_type()) && ins.size() == 1) {
    const int64_t in = element_count(ctx.builder().shape(ins[0]));
    const int64_t out = element_count(ctx.frame(node.output(0), node));
    if (in != out)
      ctx.fail(node, "turns " + std::to_string(in) + " elements per frame into " +
                         std::to_string(out) +
                         " (a shape baked in at export for another input "
                         "size?)");
  }
  if (node.op_type() == "Split" && ins.size() == 1) {
    int64_t parts = 0;
    for (const auto& out : node.output())
      if (!out.empty()) parts += element_count(ctx.frame(out, node));
    const int64_t whole = element_count(ctx.builder().shape(ins[0]));
    if (parts != whole)
      ctx.fail(node, "splits " + std::to_string(whole) + " elements per frame into parts of " +
                         std::to_string(parts) + " in all");
  }
  int k = 0;
  for (const auto& out : node.output()) {
    if (out.empty()) continue;
    const std::string suffix = k++ == 0 ? "" : ":" + std::to_string(k - 1);
    const LayerId id = ctx.builder().shape_op(ctx.layer_name(node, suffix), node.op_type(), ins,
                                              ctx.frame(out, node));
    ctx.bind(out, id, node);
  }
}

// Identity and Dropout (inference): the output is the input; no layer at all.
void map_passthrough(OnnxContext& ctx, const onnx::NodeProto& node, int) {
  ctx.alias(node.output(0), node.input(0), node);
}

void map_resample(OnnxContext& ctx, const onnx::NodeProto& node, int) {
  const LayerId in = ctx.layer_as_onnx(node.input(0), node);
  const LayerId id = ctx.builder().resample(ctx.layer_name(node), node.op_type(), in,
                                            ctx.frame(node.output(0), node));
  ctx.bind(node.output(0), id, node);
}

}  // namespace dnne
