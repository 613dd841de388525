#include "importers/onnx_node_mapping.h"

#include <unordered_map>

#include "importers/onnx_mappers.h"

namespace dnne {

namespace {
using Mapper = void (*)(OnnxContext&, const onnx::NodeProto&, int);

const std::unordered_map<std::string, Mapper>& mappers() {
  static const std::unordered_map<std::string, Mapper> kTable = [] {
    std::unordered_map<std::string, Mapper> t;
    for (const char* op : {"Conv", "ConvTranspose", "ConvInteger", "QLinearConv"}) t[op] = map_conv;
    t["Gemm"] = map_gemm;
    t["Einsum"] = map_einsum;
    for (const char* op : {"MatMul", "MatMulInteger", "QLinearMatMul"}) t[op] = map_matmul;
    for (const char* op :
         {"MaxPool", "AveragePool", "LpPool", "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool"})
      t[op] = map_pool;
    for (const char* op :
         {"ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2",
          "ReduceSumSquare", "ReduceLogSum", "ReduceLogSumExp", "ArgMax", "ArgMin"})
      t[op] = map_reduce;
    // Same shape in and out, one activation operand (the others, if any, are constants:
    // BatchNorm's statistics, PRelu's slope, Clip's bounds, LayerNorm's scale).
    for (const char* op : {"Relu",
                           "LeakyRelu",
                           "PRelu",
                           "Elu",
                           "Selu",
                           "Celu",
                           "ThresholdedRelu",
                           "Sigmoid",
                           "HardSigmoid",
                           "HardSwish",
                           "Tanh",
                           "Softplus",
                           "Softsign",
                           "Gelu",
                           "Mish",
                           "Erf",
                           "Exp",
                           "Log",
                           "Sqrt",
                           "Reciprocal",
                           "Neg",
                           "Abs",
                           "Floor",
                           "Ceil",
                           "Round",
                           "Sign",
                           "Sin",
                           "Cos",
                           "Tan",
                           "Asin",
                           "Acos",
                           "Atan",
                           "Sinh",
                           "Cosh",
                           "Asinh",
                           "Acosh",
                           "Atanh",
                           "Shrink",
                           "Clip",
                           "Softmax",
                           "LogSoftmax",
                           "Hardmax",
                           "BatchNormalization",
                           "InstanceNormalization",
                           "LayerNormalization",
                           "GroupNormalization",
                           "LpNormalization",
                           "LRN",
                           "QuantizeLinear",
                           "DequantizeLinear",
                           "MeanVarianceNormalization",
                           "Not",
                           "IsNaN",
                           "IsInf"})
      t[op] = map_unary;
    for (const char* op : {"Add",   "Sub",  "Mul",     "Div",         "Pow",
                           "Max",   "Min",  "Sum",     "Mean",        "Mod",
                           "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual",
                           "And",   "Or",   "Xor",     "Where",       "BitShift"})
      t[op] = map_binary;
    t["Concat"] = map_concat;
    for (const char* op :
         {"Reshape", "Flatten", "Transpose", "Squeeze", "Unsqueeze", "Slice", "Split", "Pad",
          "Expand", "Tile", "Gather", "GatherElements", "GatherND", "Cast", "CastLike",
          "DepthToSpace", "SpaceToDepth", "ReverseSequence", "Trilu"})
      t[op] = map_layout;
    for (const char* op : {"Identity", "Dropout"}) t[op] = map_passthrough;
    for (const char* op : {"Resize", "Upsample"}) t[op] = map_resample;
    return t;
  }();
  return kTable;
}

void map_unknown(OnnxContext& ctx, const onnx::NodeProto& node) {
  if (!ctx.allow_unknown())
    ctx.fail(node,
             "operator not supported by DNNExplorer; pass --allow-unknown to import it "
             "as a zero-cost layer");
  const std::vector<LayerId> ins = ctx.activation_inputs(node);
  int k = 0;
  for (const auto& out : node.output()) {
    if (out.empty()) continue;
    const std::string suffix = k++ == 0 ? "" : ":" + std::to_string(k - 1);
    std::string op = node.op_type();
    if (!node.domain().empty() && node.domain() != "ai.onnx") op = node.domain() + "." + op;
    const LayerId id =
        ctx.builder().unknown(ctx.layer_name(node, suffix), op, ins, ctx.frame(out, node));
    ctx.bind(out, id, node);
  }
}
}  // namespace

bool is_static_node(const OnnxContext& ctx, const onnx::NodeProto& node) {
  const std::string& op = node.op_type();
  if (node.domain().empty() || node.domain() == "ai.onnx") {
    if (op == "Constant" || op == "Shape" || op == "Size") return true;
  }
  for (const auto& in : node.input())
    if (!in.empty() && !ctx.is_static(in)) return false;
  return true;
}

void map_onnx_node(OnnxContext& ctx, const onnx::NodeProto& node, int index) {
  const bool onnx_domain = node.domain().empty() || node.domain() == "ai.onnx";
  if (onnx_domain) {
    auto it = mappers().find(node.op_type());
    if (it != mappers().end()) return it->second(ctx, node, index);
  }
  map_unknown(ctx, node);
}

}  // namespace dnne
