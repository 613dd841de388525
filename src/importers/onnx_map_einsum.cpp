// Einsum with two operands, the dense products attention code writes as einsum
// ("bhid,bhjd->bhij"). Each index letter is a batch letter (in both operands and the
// output), a row letter (first operand and output), a column letter (second operand and
// output) or a contracted letter (both operands, not the output). The operands are regrouped
// (zero-cost Transpose/Reshape layers) to [batch, rows, K] and [batch, K, columns], so the
// product is an ordinary matmul layer: MACs = batch * rows * columns * K (ONNX Einsum
// definition: every output element sums over the contracted letters).
#include <algorithm>

#include "importers/onnx_attrs.h"
#include "importers/onnx_einsum.h"
#include "importers/onnx_mappers.h"

namespace dnne {

namespace {
bool has(const std::string& s, char c) {
  return s.find(c) != std::string::npos;
}
}  // namespace

void map_einsum(OnnxContext& ctx, const onnx::NodeProto& node, int) {
  if (node.input_size() != 2) ctx.fail(node, "only two-operand Einsum is supported");
  const auto parsed = parse_einsum(attr_string(node, "equation", ""));
  if (!parsed)
    ctx.fail(node,
             "only two-operand equations with an explicit output and no ellipsis are "
             "supported, got '" +
                 attr_string(node, "equation", "") + "'");
  const EinsumEquation& eq = *parsed;
  const auto da = ctx.dims(node.input(0), node), db = ctx.dims(node.input(1), node);
  if (da.size() != eq.a.size() || db.size() != eq.b.size())
    ctx.fail(node, "equation ranks do not match the operands");
  int64_t batch = 1, rows = 1, columns = 1, k = 1;
  for (size_t i = 0; i < eq.a.size(); ++i) {
    const char c = eq.a[i];
    if (has(eq.b, c) && has(eq.out, c))
      batch *= da[i];
    else if (has(eq.out, c))
      rows *= da[i];
    else if (has(eq.b, c))
      k *= da[i];
    else
      ctx.fail(node, std::string("letter '") + c + "' is summed within one operand");
  }
  for (size_t i = 0; i < eq.b.size(); ++i) {
    const char c = eq.b[i];
    if (!has(eq.a, c)) {
      if (!has(eq.out, c))
        ctx.fail(node, std::string("letter '") + c + "' is summed within one operand");
      columns *= db[i];
    }
  }
  auto regroup = [&](const std::string& tensor, const Shape& shape, const std::string& suffix) {
    const LayerId in =
        ctx.is_static(tensor) ? ctx.constant_layer(tensor, node) : ctx.layer_as_onnx(tensor, node);
    return ctx.builder().shape_op(ctx.layer_name(node, suffix), "Reshape", {in}, shape);
  };
  const LayerId lhs = regroup(node.input(0), {batch, rows, k}, "/lhs");
  const LayerId rhs = regroup(node.input(1), {batch, k, columns}, "/rhs");
  const LayerId product = ctx.builder().matmul(ctx.layer_name(node), lhs, rhs, "Einsum");
  const LayerId out = ctx.builder().shape_op(ctx.layer_name(node, "/reshape"), "Reshape", {product},
                                             ctx.frame(node.output(0), node));
  ctx.bind(node.output(0), out, node);
}

}  // namespace dnne
