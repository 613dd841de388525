// Malformed ONNX nodes are refused before ONNX's shape inference sees them (issue 14: a Conv
// with stride 0, inconsistent pads, a pooling node without outputs or a Scan crashed inside
// libonnx with SIGFPE/SIGSEGV), and the graph rules ONNX's checker enforces hold.
#include <gtest/gtest.h>

#include <functional>

#include "importers/onnx_importer.h"
#include "onnx_test_models.h"

namespace dnne {
namespace {

using testing::set_int;
using testing::set_ints;
using testing::TinyModel;

// A 3x8x8 input into one conv; `edit` breaks it.
std::string conv_error(const std::function<void(TinyModel&, onnx::NodeProto&)>& edit,
                       const std::string& op = "Conv") {
  TinyModel m(13);
  m.input("x", {1, 3, 8, 8}).weight("w", {4, 3, 3, 3}).output("y");
  onnx::NodeProto& node = m.node(op, {"x", "w"}, {"y"}, "c1");
  edit(m, node);
  auto net = import_onnx_bytes(m.proto().SerializeAsString(), "m.onnx");
  return net ? "" : net.error().message;
}

TEST(OnnxUntrusted, WindowAttributesAreRangeChecked) {
  EXPECT_EQ(conv_error([](TinyModel&, onnx::NodeProto& n) {
              set_ints(n, "strides", {0, 1});
            }),
            "m.onnx: node 'c1' (Conv, opset 13): strides 0 is outside [1, 1048576]");
  EXPECT_EQ(conv_error([](TinyModel&, onnx::NodeProto& n) {
              set_ints(n, "pads", {int64_t{1} << 62, 0, 0, 0});
            }),
            "m.onnx: node 'c1' (Conv, opset 13): pads 4611686018427387904 is outside [0, 1048576]");
  EXPECT_EQ(conv_error([](TinyModel&, onnx::NodeProto& n) {
              set_ints(n, "pads", {1, 1, 1});
            }),
            "m.onnx: node 'c1' (Conv, opset 13): pads has 3 values, expected 2 per spatial axis");
  EXPECT_EQ(
      conv_error([](TinyModel&, onnx::NodeProto& n) {
        set_ints(n, "kernel_shape", {3, 3});
        set_ints(n, "dilations", {1, 1, 1});
      }),
      "m.onnx: node 'c1' (Conv, opset 13): dilations has 3 values, expected 2 (one per spatial "
      "axis)");
  EXPECT_EQ(conv_error([](TinyModel&, onnx::NodeProto& n) { set_int(n, "group", 0); }),
            "m.onnx: node 'c1' (Conv, opset 13): group 0 is outside [1, 1048576]");
  EXPECT_EQ(
      conv_error(
          [](TinyModel&, onnx::NodeProto& n) {
            set_ints(n, "kernel_shape", {3, 3});
            set_ints(n, "output_padding", {1, 1, 1});
          },
          "ConvTranspose"),
      "m.onnx: node 'c1' (ConvTranspose, opset 13): output_padding has 3 values, expected 2 (one "
      "per spatial axis)");
  // Without kernel_shape nothing in the node gives the rank: caught against X's inferred rank
  // before libonnx's inference indexes with it (onnx_inference_guard.h).
  EXPECT_EQ(conv_error(
                [](TinyModel& m, onnx::NodeProto& n) {
                  m.proto().mutable_graph()->mutable_initializer(0)->set_dims(0, 3);
                  set_ints(n, "output_padding", {1, 1, 1});
                },
                "ConvTranspose"),
            "m.onnx: node 'c1' (ConvTranspose, opset 13): output_padding has 3 values, expected 2 "
            "(X has rank 4: one per spatial axis)");
  EXPECT_EQ(conv_error(
                [](TinyModel&, onnx::NodeProto& n) {
                  n.clear_input();
                  n.add_input("x");
                  set_ints(n, "kernel_shape", {0, 3});
                },
                "MaxPool"),
            "m.onnx: node 'c1' (MaxPool, opset 13): kernel_shape 0 is outside [1, 1048576]");
}

TEST(OnnxUntrusted, NodesAreVerifiedAgainstTheirSchema) {
  // A Conv with one input: libonnx's inference reads the missing weight.
  const std::string one_input = conv_error([](TinyModel&, onnx::NodeProto& n) {
    n.clear_input();
    n.add_input("x");
  });
  EXPECT_EQ(one_input.rfind(
                "m.onnx: node 'c1' (Conv, opset 13): not a valid Conv node (ONNX checker: ", 0),
            0u)
      << one_input;
  // A MaxPool with no outputs reached an unchecked output(0).
  EXPECT_EQ(
      conv_error(
          [](TinyModel&, onnx::NodeProto& n) {
            n.clear_input();
            n.add_input("x");
            n.clear_output();
            set_ints(n, "kernel_shape", {2, 2});
          },
          "MaxPool"),
      "m.onnx: node 'c1' (MaxPool, opset 13): writes no tensor (a node needs at least one output)");
}

TEST(OnnxUntrusted, ControlFlowIsRefusedBeforeInference) {
  const std::string scan = conv_error([](TinyModel&, onnx::NodeProto& n) {
    n.set_op_type("Scan");
    set_int(n, "num_scan_inputs", 5);
    auto* body = n.add_attribute();
    body->set_name("body");
    body->set_type(onnx::AttributeProto::GRAPH);
    body->mutable_g()->set_name("body");
  });
  EXPECT_EQ(scan,
            "m.onnx: node 'c1' (Scan, opset 13): holds a subgraph (attribute 'body'); control flow "
            "(If, Loop, Scan) is not supported");
}

TEST(OnnxUntrusted, GraphRulesOfTheOnnxChecker) {
  TinyModel dup(13);
  dup.input("x", {1, 3, 8, 8}).output("z");
  dup.node("Relu", {"x"}, {"y"}, "same");
  dup.node("Relu", {"y"}, {"z"}, "same");
  auto a = import_onnx_bytes(dup.proto().SerializeAsString(), "m.onnx");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(
      a.error().message,
      "m.onnx: node 'same' (Relu, opset 13): another node has the same name (ONNX requires unique "
      "node names)");

  TinyModel orphan(13);
  orphan.input("x", {1, 3, 8, 8}).output("y").output("nowhere");
  orphan.node("Relu", {"x"}, {"y"}, "r");
  auto b = import_onnx_bytes(orphan.proto().SerializeAsString(), "m.onnx");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().message,
            "m.onnx: graph output 'nowhere' is produced by no node, initializer or input");
}

TEST(OnnxUntrusted, NodeNamesMustBeUtf8) {
  TinyModel m(13);
  m.input("x", {1, 3, 8, 8}).output("y");
  m.node("Relu", {"x"}, {"y"}, "relu\xFF");
  auto net = import_onnx_bytes(m.proto().SerializeAsString(), "m.onnx");
  ASSERT_FALSE(net.ok());
  EXPECT_NE(net.error().message.find("name is not valid UTF-8"), std::string::npos)
      << net.error().message;
}

// Weight dims past int64 when multiplied: refused by their element count, never multiplied
// past int64.
TEST(OnnxUntrusted, HugeWeightDimsDoNotOverflow) {
  TinyModel m(13);
  m.input("x", {1, 3, 8, 8}).weight("w", {int64_t{1} << 40, int64_t{1} << 40, 3, 3}).output("y");
  m.node("Conv", {"x", "w"}, {"y"}, "c1");
  auto net = import_onnx_bytes(m.proto().SerializeAsString(), "m.onnx");
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message,
            "m.onnx: node 'c1' (Conv, opset 13): tensor 'w' (1099511627776x1099511627776x3x3) has "
            "more than 2^53 elements");
}

// A batch-3 model reshaped to INT64_MAX elements: deciding whether the batch can be
// re-batched to 1 multiplied those dims past int64 (fuzz finding, UBSan); now the count is
// checked and the tensor refused by its size.
TEST(OnnxUntrusted, InferredDimsPastInt64AreRefusedBySize) {
  TinyModel m(13);
  m.input("x", {3, 5, 7}).ints("shape", {3, 5, INT64_MAX}).output("y");
  m.node("Reshape", {"x", "shape"}, {"r"}, "r1");
  m.node("Relu", {"r"}, {"y"}, "relu");
  auto net = import_onnx_bytes(m.proto().SerializeAsString(), "m.onnx");
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message,
            "m.onnx: node 'r1' (Reshape, opset 13): tensor 'r' (3x5x9223372036854775807) has more "
            "than 2^53 elements");
}

}  // namespace
}  // namespace dnne
