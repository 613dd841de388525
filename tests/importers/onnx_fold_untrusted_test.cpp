// Shape-constant folding on hostile values (issue 14): INT64_MIN / -1 trapped with SIGFPE,
// products past int64 wrapped (undefined behaviour), an Expand or ConstantOfShape of a 220-byte
// file materialised billions of elements, a Range with a huge limit never ended, and axis
// attributes were narrowed to int unchecked. Each is now one error naming the node, or a
// tensor left unfolded (data, not a shape) without allocating it.
#include <gtest/gtest.h>

#include <climits>
#include <functional>

#include "importers/onnx_constants.h"
#include "importers/onnx_importer.h"
#include "importers/onnx_int_tensor.h"
#include "onnx_test_models.h"

namespace dnne {
namespace {

using testing::set_int;
using testing::set_ints;
using testing::TinyModel;

constexpr int64_t kMin = INT64_MIN;
constexpr int64_t kMax = INT64_MAX;

// x [1, 3, 8, 8] reshaped to the value `op` computes from the int64 tensors a and b.
std::string binary_error(const std::string& op, const std::vector<int64_t>& a,
                         const std::vector<int64_t>& b) {
  TinyModel m(13);
  m.input("x", {1, 3, 8, 8}).output("y").ints("a", a).ints("b", b);
  m.node(op, {"a", "b"}, {"t"}, "shape_op");
  m.node("Reshape", {"x", "t"}, {"y"}, "reshape");
  auto net = import_onnx_bytes(m.proto().SerializeAsString(), "m.onnx");
  return net ? "" : net.error().message;
}

TEST(OnnxFoldUntrusted, ArithmeticOverflowNamesTheNode) {
  EXPECT_EQ(binary_error("Div", {kMin}, {-1}),
            "m.onnx: node 'shape_op' (Div, opset 13): shape arithmetic overflows int64: "
            "-9223372036854775808 / -1");
  EXPECT_EQ(binary_error("Mul", {int64_t{1} << 62}, {4}),
            "m.onnx: node 'shape_op' (Mul, opset 13): shape arithmetic overflows int64: "
            "4611686018427387904 * 4");
  EXPECT_EQ(binary_error("Add", {kMax}, {1}),
            "m.onnx: node 'shape_op' (Add, opset 13): shape arithmetic overflows int64: "
            "9223372036854775807 + 1");
  EXPECT_EQ(binary_error("Sub", {kMin}, {1}),
            "m.onnx: node 'shape_op' (Sub, opset 13): shape arithmetic overflows int64: "
            "-9223372036854775808 - 1");
  EXPECT_EQ(binary_error("Div", {7}, {0}),
            "m.onnx: node 'shape_op' (Div, opset 13): shape arithmetic divides by zero: 7 / 0");
  EXPECT_EQ(binary_error("Mod", {7}, {0}),
            "m.onnx: node 'shape_op' (Mod, opset 13): shape arithmetic divides by zero: 7 % 0");
  // Broadcast: the overflow is found in the second element.
  EXPECT_EQ(binary_error("Mul", {2, int64_t{1} << 40}, {int64_t{1} << 30}),
            "m.onnx: node 'shape_op' (Mul, opset 13): shape arithmetic overflows int64: "
            "1099511627776 * 1073741824");
}

TEST(OnnxFoldUntrusted, UnaryAndReductionOverflow) {
  for (const std::string op : {"Neg", "Abs"}) {
    TinyModel m(13);
    m.input("x", {1, 3, 8, 8}).output("y").ints("a", {kMin});
    m.node(op, {"a"}, {"t"}, "u");
    m.node("Reshape", {"x", "t"}, {"y"}, "reshape");
    auto net = import_onnx_bytes(m.proto().SerializeAsString(), "m.onnx");
    ASSERT_FALSE(net.ok()) << op;
    EXPECT_EQ(net.error().message, "m.onnx: node 'u' (" + op +
                                       ", opset 13): shape arithmetic overflows int64: "
                                       "-(-9223372036854775808)");
  }
  TinyModel m(13);
  m.input("x", {1, 3, 8, 8}).output("y").ints("a", {int64_t{1} << 32, int64_t{1} << 32});
  m.node("ReduceProd", {"a"}, {"t"}, "prod");
  m.node("Reshape", {"x", "t"}, {"y"}, "reshape");
  auto net = import_onnx_bytes(m.proto().SerializeAsString(), "m.onnx");
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message,
            "m.onnx: node 'prod' (ReduceProd, opset 13): shape arithmetic overflows int64: "
            "4294967296 * 4294967296");
}

// The checked operations against values worked out by hand (ONNX Mod: fmod = 0 takes the
// divisor's sign, fmod = 1 the dividend's; 2^63 = 3 * 3074457345618258602 + 2).
TEST(OnnxFoldUntrusted, CheckedOperations) {
  EXPECT_EQ(fold_mod(-7, 3, false), 2);
  EXPECT_EQ(fold_mod(7, -3, false), -2);
  EXPECT_EQ(fold_mod(-7, 3, true), -1);
  EXPECT_EQ(fold_mod(kMin, 3, false), 1);
  EXPECT_EQ(fold_mod(kMin, 3, true), -2);
  EXPECT_EQ(fold_mod(kMin, -1, false), 0);  // traps as a plain %
  EXPECT_EQ(fold_div(-7, 2), -3);           // truncates
  EXPECT_EQ(fold_div(kMin, 1), kMin);
  EXPECT_EQ(fold_mul(int64_t{1} << 31, int64_t{1} << 31), int64_t{1} << 62);
  EXPECT_THROW(fold_mul(kMin, -1), FoldError);
  EXPECT_EQ(fold_abs(kMin + 1), kMax);
}

// A 1-element int64 tensor expanded, filled or ranged to far more than any shape: left as
// data (not folded, nothing allocated) instead of materialised.
TEST(OnnxFoldUntrusted, HugeTensorsAreNotMaterialised) {
  TinyModel m(13);
  m.ints("one", {1}).ints("big", {int64_t{1} << 20, int64_t{1} << 20, int64_t{1} << 20});
  m.ints("start", {0}, true).ints("limit", {int64_t{1} << 62}, true).ints("delta", {1}, true);
  m.ints("past", {kMax}, true);
  m.node("Expand", {"one", "big"}, {"e"}, "expand");
  auto& fill = m.node("ConstantOfShape", {"big"}, {"c"}, "fill");
  auto* value = fill.add_attribute();
  value->set_name("value");
  value->set_type(onnx::AttributeProto::TENSOR);
  value->mutable_t()->set_data_type(onnx::TensorProto::INT64);
  value->mutable_t()->add_dims(1);
  value->mutable_t()->add_int64_data(7);
  m.node("Range", {"start", "limit", "delta"}, {"r"}, "range");
  m.node("Range", {"start", "past", "delta"}, {"r2"}, "range_to_max");
  auto& graph = *m.proto().mutable_graph();
  EXPECT_EQ(fold_shape_constants(graph, {}, "m.onnx", 13), 0);
  for (const auto& node : graph.node()) EXPECT_NE(node.op_type(), "Constant") << node.name();
}

// Range over the whole int64 line in four steps: every value fits, the step past the last
// is never taken (it overflowed before).
TEST(OnnxFoldUntrusted, RangeNearTheLimits) {
  TinyModel m(13);
  m.ints("start", {kMin}, true).ints("limit", {kMax}, true);
  m.ints("delta", {int64_t{1} << 62}, true);
  m.node("Range", {"start", "limit", "delta"}, {"r"}, "range");
  auto& graph = *m.proto().mutable_graph();
  ASSERT_EQ(fold_shape_constants(graph, {}, "m.onnx", 13), 1);
  const auto& t = graph.node(0).attribute(0).t();
  EXPECT_EQ(std::vector<int64_t>(t.int64_data().begin(), t.int64_data().end()),
            (std::vector<int64_t>{kMin, kMin + (int64_t{1} << 62), 0, int64_t{1} << 62}));

  TinyModel zero(13);
  zero.ints("start", {0}, true).ints("limit", {5}, true).ints("delta", {0}, true);
  zero.node("Range", {"start", "limit", "delta"}, {"r"}, "range");
  try {
    fold_shape_constants(*zero.proto().mutable_graph(), {}, "m.onnx", 13);
    ADD_FAILURE() << "delta 0 accepted";
  } catch (const std::exception& e) {
    EXPECT_STREQ(e.what(),
                 "m.onnx: node 'range' (Range, opset 13): Range with delta 0 never reaches its "
                 "limit");
  }
}

std::string fold_error(TinyModel& m) {
  try {
    fold_shape_constants(*m.proto().mutable_graph(), {}, "m.onnx", 13);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

TEST(OnnxFoldUntrusted, InvalidOperandsNameTheNode) {
  TinyModel expand(13);
  expand.ints("one", {1}).ints("target", {2, -3});
  expand.node("Expand", {"one", "target"}, {"e"}, "expand");
  EXPECT_EQ(fold_error(expand),
            "m.onnx: node 'expand' (Expand, opset 13): target shape has dimension -3 "
            "(dimensions are >= 0)");

  TinyModel reshape(13);
  reshape.ints("six", {1, 2, 3, 4, 5, 6}).ints("target", {-2, -3});
  reshape.node("Reshape", {"six", "target"}, {"r"}, "reshape");
  EXPECT_EQ(fold_error(reshape),
            "m.onnx: node 'reshape' (Reshape, opset 13): Reshape target dimension -2 is not a "
            "size, 0 (copy) or -1 (infer)");

  TinyModel transpose(13);
  transpose.ints("v", {1, 2, 3, 4});
  transpose.ints("shape", {2, 2});
  transpose.node("Reshape", {"v", "shape"}, {"m2"}, "to2d");
  set_ints(transpose.node("Transpose", {"m2"}, {"t"}, "transpose"), "perm", {1, 1});
  EXPECT_EQ(fold_error(transpose),
            "m.onnx: node 'transpose' (Transpose, opset 13): perm is not a permutation of the "
            "input's 2 axes");
}

// Operands the old folder read out of bounds (ASan: heap-buffer-overflow) or misfolded: they
// are now left for ONNX's inference (and check_onnx_axes) to judge.
TEST(OnnxFoldUntrusted, InvalidAxesAreNotFolded) {
  TinyModel m(11);
  m.ints("v", {4, 5}).ints("unit", {7});
  set_ints(m.node("Unsqueeze", {"v"}, {"u"}, "unsqueeze_twice"), "axes", {0, 0});
  set_ints(m.node("Squeeze", {"v"}, {"s"}, "squeeze_non_unit"), "axes", {0});
  set_int(m.node("Flatten", {"v"}, {"f"}, "flatten_past_rank"), "axis", 9);
  set_int(m.node("Concat", {"v", "unit"}, {"c"}, "concat_axis_3"), "axis", 3);
  set_int(m.node("Gather", {"v", "unit"}, {"g"}, "gather_out_of_range"), "axis", 0);
  auto& graph = *m.proto().mutable_graph();
  EXPECT_EQ(fold_shape_constants(graph, {}, "m.onnx", 11), 0);
  for (const auto& node : graph.node()) EXPECT_NE(node.op_type(), "Constant") << node.name();
}

// A Slice step near INT64_MAX takes one element (the next index overflowed before).
TEST(OnnxFoldUntrusted, SliceWithAHugeStep) {
  TinyModel m(13);
  m.ints("v", {10, 20, 30, 40, 50}).ints("starts", {1}).ints("ends", {5}).ints("axes", {0});
  m.ints("steps", {kMax});
  m.node("Slice", {"v", "starts", "ends", "axes", "steps"}, {"s"}, "slice");
  auto& graph = *m.proto().mutable_graph();
  ASSERT_EQ(fold_shape_constants(graph, {}, "m.onnx", 13), 1);
  const auto& t = graph.node(0).attribute(0).t();
  EXPECT_EQ(std::vector<int64_t>(t.int64_data().begin(), t.int64_data().end()),
            (std::vector<int64_t>{20}));
}

// Negative dims in a file's tensor (one value for dims [-1, -1]) are not a tensor at all.
TEST(OnnxFoldUntrusted, NegativeTensorDimsAreNotRead) {
  onnx::TensorProto t;
  t.set_data_type(onnx::TensorProto::INT64);
  t.add_dims(-1);
  t.add_dims(-1);
  t.add_int64_data(3);
  EXPECT_FALSE(from_proto(t).has_value());
  EXPECT_FALSE(foldable_elements({int64_t{1} << 20, 0, int64_t{1} << 20}).has_value());
  EXPECT_EQ(foldable_elements({4, 0, 8}), 0);
}

// Axis attributes against the rank ONNX inferred (check_onnx_axes) and an axes input
// (map_reduce): out of range, or past int (2^32 + 1 narrowed to 1), is one line naming the node.
std::string axis_error(const std::string& op, const std::function<void(onnx::NodeProto&)>& edit,
                       int64_t opset = 13, const std::vector<std::string>& extra_inputs = {}) {
  TinyModel m(opset);
  m.input("x", {1, 3, 8, 8}).output("y").ints("idx", {0}).ints("axes", {int64_t{1} << 32 | 2});
  std::vector<std::string> ins = {"x"};
  ins.insert(ins.end(), extra_inputs.begin(), extra_inputs.end());
  edit(m.node(op, ins, {"y"}, "n"));
  auto net = import_onnx_bytes(m.proto().SerializeAsString(), "m.onnx");
  return net ? "" : net.error().message;
}

TEST(OnnxFoldUntrusted, AxesAreCheckedAgainstTheRank) {
  EXPECT_EQ(
      axis_error("Concat", [](onnx::NodeProto& n) { set_int(n, "axis", (int64_t{1} << 32) + 1); }),
      "m.onnx: node 'n' (Concat, opset 13): axis 4294967297 is outside [-4, 3] (input 'x' "
      "has rank 4)");
  EXPECT_EQ(axis_error("Softmax", [](onnx::NodeProto& n) { set_int(n, "axis", 4); }),
            "m.onnx: node 'n' (Softmax, opset 13): axis 4 is outside [-4, 3] (input 'x' has rank "
            "4)");
  EXPECT_EQ(axis_error("Gather", [](onnx::NodeProto& n) { set_int(n, "axis", -5); }, 13, {"idx"}),
            "m.onnx: node 'n' (Gather, opset 13): axis -5 is outside [-4, 3] (input 'x' has rank "
            "4)");
  EXPECT_EQ(axis_error("Flatten", [](onnx::NodeProto& n) { set_int(n, "axis", 5); }),
            "m.onnx: node 'n' (Flatten, opset 13): axis 5 is outside [-4, 4] (input 'x' has rank "
            "4)");
  EXPECT_EQ(axis_error("ReduceMean",
                       [](onnx::NodeProto& n) {
                         set_ints(n, "axes", {2, -2});
                       }),
            "m.onnx: node 'n' (ReduceMean, opset 13): axes lists axis -2 twice (input 'x' has "
            "rank 4)");
  EXPECT_EQ(axis_error(
                "Unsqueeze",
                [](onnx::NodeProto& n) {
                  set_ints(n, "axes", {0, 6});
                },
                11),
            "m.onnx: node 'n' (Unsqueeze, opset 11): axes 6 is outside [-6, 5] (input 'x' has "
            "rank 4)");
  EXPECT_EQ(axis_error("Transpose",
                       [](onnx::NodeProto& n) {
                         set_ints(n, "perm", {0, 1, 1, 2});
                       }),
            "m.onnx: node 'n' (Transpose, opset 13): perm is not a permutation of 0..3 (input 'x' "
            "has rank 4)");
  EXPECT_EQ(axis_error("Split", [](onnx::NodeProto& n) { set_int(n, "axis", 4); }),
            "m.onnx: node 'n' (Split, opset 13): axis 4 is outside [-4, 3] (input 'x' has rank "
            "4)");
  // ReduceSum's axes are an input from opset 13: checked before being narrowed to int.
  EXPECT_EQ(axis_error("ReduceSum", [](onnx::NodeProto&) {}, 13, {"axes"}),
            "m.onnx: node 'n' (ReduceSum, opset 13): axes 4294967298 is outside [-4, 3] (input "
            "'x' has rank 4)");
}

}  // namespace
}  // namespace dnne
