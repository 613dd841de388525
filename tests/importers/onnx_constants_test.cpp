// The constant folder for shape arithmetic: each case's values worked out by hand from the
// ONNX operator definitions.
#include "importers/onnx_constants.h"

#include <gtest/gtest.h>

#include "onnx_test_models.h"

namespace dnne {
namespace {

using testing::set_int;
using testing::set_ints;
using testing::TinyModel;

std::vector<int64_t> folded_values(const onnx::GraphProto& graph, const std::string& output) {
  for (const auto& node : graph.node())
    if (node.output(0) == output) {
      EXPECT_EQ(node.op_type(), "Constant") << output;
      if (node.attribute_size() != 1) return {};
      const auto& t = node.attribute(0).t();
      return {t.int64_data().begin(), t.int64_data().end()};
    }
  ADD_FAILURE() << "no node writes " << output;
  return {};
}

TEST(OnnxConstants, SwinPadChain) {
  // torch's F.pad(x, (0, 0, 0, r, 0, b)) export: the flat pad list is reshaped to pairs,
  // reversed, transposed and flattened into ONNX's [begins..., ends...] layout.
  TinyModel m(17);
  m.ints("flat", {0, 0, 0, 3, 0, 5, 0, 0}).ints("pairs", {-1, 2}).ints("start", {-1});
  m.ints("end", {-9223372036854775807LL}).ints("axis0", {0}).ints("step", {-1});
  m.ints("flat_shape", {-1});
  m.node("Reshape", {"flat", "pairs"}, {"p2"}, "r1");
  m.node("Slice", {"p2", "start", "end", "axis0", "step"}, {"rev"}, "slice");
  set_ints(m.node("Transpose", {"rev"}, {"t"}, "transpose"), "perm", {1, 0});
  m.node("Reshape", {"t", "flat_shape"}, {"pads"}, "r2");
  auto& graph = *m.proto().mutable_graph();
  EXPECT_EQ(fold_shape_constants(graph, {}, "m.onnx", 17), 4);
  // pairs [[0,0],[0,3],[0,5],[0,0]] reversed -> [[0,0],[0,5],[0,3],[0,0]], transposed and
  // flattened -> begins [0,0,0,0], ends [0,5,3,0].
  EXPECT_EQ(folded_values(graph, "pads"), (std::vector<int64_t>{0, 0, 0, 0, 0, 5, 3, 0}));
}

TEST(OnnxConstants, ShapeGatherDivFromKnownDims) {
  TinyModel m(13);
  m.ints("index", {2}, true).ints("three", {3}, true);
  m.node("Shape", {"x"}, {"shape"}, "shape");
  set_int(m.node("Gather", {"shape", "index"}, {"width"}, "gather"), "axis", 0);
  m.node("Div", {"width", "three"}, {"chunk"}, "div");
  auto& graph = *m.proto().mutable_graph();
  EXPECT_EQ(fold_shape_constants(graph, {{"x", {1, 10, 192}}}, "m.onnx", 17), 3);
  EXPECT_EQ(folded_values(graph, "shape"), (std::vector<int64_t>{1, 10, 192}));
  EXPECT_EQ(folded_values(graph, "chunk"), (std::vector<int64_t>{64}));
}

TEST(OnnxConstants, UnknownDimsAreLeftAlone) {
  TinyModel m(13);
  m.node("Shape", {"x"}, {"shape"}, "shape");
  auto& graph = *m.proto().mutable_graph();
  EXPECT_EQ(fold_shape_constants(graph, {{"x", {1, -1, 192}}}, "m.onnx", 17), 0);
  EXPECT_EQ(graph.node(0).op_type(), "Shape");
}

}  // namespace
}  // namespace dnne
