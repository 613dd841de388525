// Per-operator mappings of the ONNX importer on tiny hand-built models; every expected
// figure is derived by hand from the ONNX operator definitions.
#include <gtest/gtest.h>

#include "importers/onnx_importer.h"
#include "onnx_test_models.h"

namespace dnne {
namespace {

using testing::set_int;
using testing::set_ints;
using testing::set_string;
using testing::TinyModel;

Network import_ok(const TinyModel& model, const std::string& stem, LoadOptions options = {}) {
  auto net = import_onnx(model.save(stem), options);
  if (!net) ADD_FAILURE() << net.error().message;
  return net ? std::move(net).value() : Network{};
}

const Layer& named(const Network& net, const std::string& name) {
  for (const Layer& l : net.layers())
    if (l.name == name) return l;
  throw std::runtime_error("no layer " + name);
}

// One Conv over a 1x3x7x7 input with an 8x3x3x3 weight; `setup` sets its attributes.
Network conv_model(const std::string& stem, void (*setup)(onnx::NodeProto&),
                   std::vector<int64_t> weight = {8, 3, 3, 3}) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{3}, int64_t{7}, int64_t{7}}).weight("w", weight).output("y");
  setup(m.node("Conv", {"x", "w"}, {"y"}, "conv"));
  return import_ok(m, stem);
}

TEST(OnnxConv, SameUpperPadsToCeilOfInputOverStride) {
  // out = ceil(7 / 2) = 4; total pad = (4 - 1) * 2 + 3 - 7 = 2 -> 1 before, 1 after.
  const Network net = conv_model("same_upper", [](onnx::NodeProto& n) {
    set_string(n, "auto_pad", "SAME_UPPER");
    set_ints(n, "strides", {2, 2});
  });
  const Layer& conv = named(net, "conv");
  EXPECT_EQ(conv.output, (Shape{8, 4, 4}));
  EXPECT_EQ(conv.conv()->pad_top, 1);
  EXPECT_EQ(conv.conv()->pad_bottom, 1);
  EXPECT_EQ(conv.macs, 8 * 4 * 4 * 3 * 9);
  EXPECT_FALSE(conv.conv()->bias);
}

TEST(OnnxConv, SameLowerPutsTheOddPixelFirst) {
  // 2x2 kernel, stride 1: total pad 1 -> SAME_LOWER pads it at the top/left.
  const Network net =
      conv_model("same_lower", [](onnx::NodeProto& n) { set_string(n, "auto_pad", "SAME_LOWER"); },
                 {4, 3, 2, 2});
  const ConvAttrs& a = *named(net, "conv").conv();
  EXPECT_EQ(named(net, "conv").output, (Shape{4, 7, 7}));
  EXPECT_EQ(a.pad_top, 1);
  EXPECT_EQ(a.pad_bottom, 0);
  EXPECT_EQ(a.pad_left, 1);
  EXPECT_EQ(a.pad_right, 0);
}

TEST(OnnxConv, ValidMeansNoPadding) {
  const Network net =
      conv_model("valid", [](onnx::NodeProto& n) { set_string(n, "auto_pad", "VALID"); });
  EXPECT_EQ(named(net, "conv").output, (Shape{8, 5, 5}));
}

TEST(OnnxConv, AsymmetricPadsAndDilation) {
  // pads [top=0, left=1, bottom=2, right=0], dilation 2: span 5;
  // H: (7 + 0 + 2 - 5) / 1 + 1 = 5; W: (7 + 1 + 0 - 5) + 1 = 4.
  const Network net = conv_model("asym", [](onnx::NodeProto& n) {
    set_ints(n, "pads", {0, 1, 2, 0});
    set_ints(n, "dilations", {2, 2});
  });
  EXPECT_EQ(named(net, "conv").output, (Shape{8, 5, 4}));
}

TEST(OnnxConv, DepthwiseGroupsAndBias) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{6}, int64_t{8}, int64_t{8}})
      .weight("w", {6, 1, 3, 3})
      .weight("b", {6})
      .output("y");
  auto& n = m.node("Conv", {"x", "w", "b"}, {"y"}, "dw");
  set_int(n, "group", 6);
  set_ints(n, "pads", {1, 1, 1, 1});
  const Network net = import_ok(m, "depthwise");
  const Layer& dw = named(net, "dw");
  EXPECT_EQ(dw.conv()->groups, 6);
  EXPECT_EQ(dw.macs, 6 * 8 * 8 * 1 * 9);  // M * R * Q * (C / g) * Kh * Kw
  EXPECT_EQ(dw.params, 6 * 9 + 6);
}

TEST(OnnxConv, ConvTransposeStrideTwoDoubles) {
  // out = (in - 1) * s - pad_begin - pad_end + (k - 1) + output_padding + 1
  //     = (4 - 1) * 2 - 1 - 1 + 2 + 1 + 1 = 8.
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{4}, int64_t{4}, int64_t{4}})
      .weight("w", {4, 2, 3, 3})
      .output("y");
  auto& n = m.node("ConvTranspose", {"x", "w"}, {"y"}, "up");
  set_ints(n, "strides", {2, 2});
  set_ints(n, "pads", {1, 1, 1, 1});
  set_ints(n, "output_padding", {1, 1});
  const Network net = import_ok(m, "deconv");
  const Layer& up = named(net, "up");
  EXPECT_EQ(up.output, (Shape{2, 8, 8}));
  EXPECT_EQ(up.macs, 4 * 4 * 4 * 2 * 9);  // C * H * W * (M / g) * Kh * Kw
}

TEST(OnnxConv, OneDimensionalConvAndPoolRunOverAWidthMap) {
  // Conv1d 4 -> 8, k 5, stride 2, pads [1, 2] over 20 samples: (20 + 3 - 5) / 2 + 1 = 10;
  // then MaxPool1d k 2 s 2: 5; then a residual Add with the reshaped ONNX-shaped tensor.
  TinyModel m(13);
  m.input("x", {int64_t{1}, int64_t{4}, int64_t{20}}).weight("w", {8, 4, 5}).output("y");
  auto& conv = m.node("Conv", {"x", "w"}, {"c"}, "conv1d");
  set_ints(conv, "strides", {2});
  set_ints(conv, "pads", {1, 2});
  auto& pool = m.node("MaxPool", {"c"}, {"p"}, "pool1d");
  set_ints(pool, "kernel_shape", {2});
  set_ints(pool, "strides", {2});
  m.node("Add", {"p", "p"}, {"y"}, "add");
  const Network net = import_ok(m, "conv1d");
  const Layer& c = named(net, "conv1d");
  EXPECT_EQ(c.output, (Shape{8, 1, 10}));
  EXPECT_EQ(c.conv()->pad_left, 1);
  EXPECT_EQ(c.conv()->pad_right, 2);
  EXPECT_EQ(c.macs, 8 * 10 * 4 * 5);
  EXPECT_EQ(named(net, "pool1d").output, (Shape{8, 1, 5}));
  EXPECT_EQ(named(net, "add").output, (Shape{8, 5}));
}

TEST(OnnxPool, CeilModeAddsTheLastPartialWindow) {
  // 6x6, k3 s2: floor((6 - 3) / 2) + 1 = 2; ceil: ceil(3 / 2) + 1 = 3.
  for (int ceil : {0, 1}) {
    TinyModel m(11);
    m.input("x", {int64_t{1}, int64_t{2}, int64_t{6}, int64_t{6}}).output("y");
    auto& n = m.node("MaxPool", {"x"}, {"y"}, "pool");
    set_ints(n, "kernel_shape", {3, 3});
    set_ints(n, "strides", {2, 2});
    set_int(n, "ceil_mode", ceil);
    const Network net = import_ok(m, "pool_ceil" + std::to_string(ceil));
    const int64_t side = ceil ? 3 : 2;
    EXPECT_EQ(named(net, "pool").output, (Shape{2, side, side}));
    EXPECT_EQ(named(net, "pool").kind, LayerKind::kPool);
  }
}

TEST(OnnxPool, GlobalAveragePool) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{16}, int64_t{5}, int64_t{5}}).output("y");
  m.node("GlobalAveragePool", {"x"}, {"y"}, "gap");
  const Network net = import_ok(m, "gap");
  EXPECT_EQ(named(net, "gap").output, (Shape{16, 1, 1}));
  EXPECT_EQ(named(net, "gap").other_ops, 16 * 25);
}

TEST(OnnxGemm, TransBReadsOutFeaturesFromTheFirstDim) {
  for (int trans_b : {0, 1}) {
    TinyModel m(9);
    m.input("x", {int64_t{1}, int64_t{8}}).output("y");
    m.weight("w", trans_b ? std::vector<int64_t>{4, 8} : std::vector<int64_t>{8, 4});
    m.weight("b", {4});
    set_int(m.node("Gemm", {"x", "w", "b"}, {"y"}, "fc"), "transB", trans_b);
    const Network net = import_ok(m, "gemm" + std::to_string(trans_b));
    const Layer& fc = named(net, "fc");
    EXPECT_EQ(fc.kind, LayerKind::kFc);
    EXPECT_EQ(fc.output, (Shape{4}));
    EXPECT_EQ(fc.macs, 8 * 4);
    EXPECT_EQ(fc.params, 8 * 4 + 4);
    EXPECT_EQ(net.totals().fc_macs, 32);
  }
}

TEST(OnnxMatMul, TwoActivationsOfRankFourAreADenseMatmul) {
  // [1, 4, 8, 16] x [1, 4, 16, 8]: 4 heads of 8x16 by 16x8: 4 * 8 * 8 * 16 MACs.
  TinyModel m;
  m.input("q", {int64_t{1}, int64_t{4}, int64_t{8}, int64_t{16}})
      .input("k", {int64_t{1}, int64_t{4}, int64_t{16}, int64_t{8}})
      .output("s");
  m.node("MatMul", {"q", "k"}, {"s"}, "scores");
  const Network net = import_ok(m, "matmul4");
  const Layer& s = named(net, "scores");
  EXPECT_EQ(s.kind, LayerKind::kMatMul);
  EXPECT_EQ(s.output, (Shape{4, 8, 8}));
  EXPECT_EQ(s.macs, 4 * 8 * 8 * 16);
  EXPECT_EQ(net.totals().fc_macs, 4 * 8 * 8 * 16);
}

TEST(OnnxMatMul, RankThreeByWeightIsAnFcWithItsBiasAdd) {
  // nn.Linear on a [1, 10, 32] sequence exports as MatMul(x, W[32, 64]) then Add(bias[64]).
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{10}, int64_t{32}}).weight("w", {32, 64}).weight("b", {64});
  m.output("y");
  m.node("MatMul", {"x", "w"}, {"xw"}, "linear");
  m.node("Add", {"xw", "b"}, {"y"}, "linear_bias");
  const Network net = import_ok(m, "matmul3");
  ASSERT_EQ(net.size(), 2u);  // input and the fc: the bias Add is absorbed
  const Layer& fc = named(net, "linear");
  EXPECT_EQ(fc.kind, LayerKind::kFc);
  EXPECT_EQ(fc.output, (Shape{10, 64}));
  EXPECT_EQ(fc.macs, 10 * 32 * 64);
  EXPECT_EQ(fc.params, 32 * 64 + 64);
}

TEST(OnnxMatMul, ConstantOnTheLeftIsAnFcOfTheTransposedInput) {
  // W[6, 8] * x[8, 5] (x per frame): 5 columns through an 8 -> 6 fc.
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{8}, int64_t{5}}).weight("w", {6, 8}).output("y");
  m.node("MatMul", {"w", "x"}, {"y"}, "left");
  const Network net = import_ok(m, "left_weight");
  const Layer& fc = named(net, "left");
  EXPECT_EQ(fc.kind, LayerKind::kFc);
  EXPECT_EQ(fc.macs, 6 * 8 * 5);
  EXPECT_EQ(fc.params, 6 * 8);
  EXPECT_EQ(net.layers().back().output, (Shape{6, 5}));
}

TEST(OnnxMatMul, WeightWithLeadingOnesIsAMatrix) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{10}, int64_t{32}}).weight("w", {1, 32, 16}).output("y");
  m.node("MatMul", {"x", "w"}, {"y"}, "proj");
  const Network net = import_ok(m, "weight_ones");
  EXPECT_EQ(named(net, "proj").kind, LayerKind::kFc);
  EXPECT_EQ(named(net, "proj").output, (Shape{10, 16}));
  EXPECT_EQ(named(net, "proj").params, 32 * 16);
}

TEST(OnnxEinsum, AttentionScoresAreADenseMatmul) {
  // "bhid,bhjd->bhij": 4 heads, 8 queries by 10 keys, contracted over 16 features.
  TinyModel m(12);
  m.input("q", {int64_t{1}, int64_t{4}, int64_t{8}, int64_t{16}})
      .input("k", {int64_t{1}, int64_t{4}, int64_t{10}, int64_t{16}})
      .output("s");
  set_string(m.node("Einsum", {"q", "k"}, {"s"}, "scores"), "equation", "bhid,bhjd->bhij");
  const Network net = import_ok(m, "einsum");
  const Layer& s = named(net, "scores");
  EXPECT_EQ(s.kind, LayerKind::kMatMul);
  EXPECT_EQ(s.op, "Einsum");
  EXPECT_EQ(s.macs, 4 * 8 * 10 * 16);
  EXPECT_EQ(net.layers().back().output, (Shape{4, 8, 10}));
}

TEST(OnnxEltwise, BroadcastingTwoActivations) {
  TinyModel m;
  m.input("a", {int64_t{1}, int64_t{8}, int64_t{4}, int64_t{4}})
      .input("b", {int64_t{1}, int64_t{8}, int64_t{1}, int64_t{1}})
      .output("y");
  m.node("Mul", {"a", "b"}, {"y"}, "scale");
  const Network net = import_ok(m, "broadcast");
  const Layer& mul = named(net, "scale");
  EXPECT_EQ(mul.kind, LayerKind::kEltwise);
  EXPECT_EQ(mul.output, (Shape{8, 4, 4}));
}

TEST(OnnxEltwise, ActivationTimesConstantIsFusedIntoTheConv) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{3}, int64_t{4}, int64_t{4}}).weight("w", {8, 3, 1, 1});
  m.weight("s", {1, 8, 1, 1}).output("y");
  m.node("Conv", {"x", "w"}, {"c"}, "conv");
  m.node("Mul", {"c", "s"}, {"m"}, "scale");
  m.node("Relu", {"m"}, {"y"}, "relu");
  const Network net = import_ok(m, "fused");
  ASSERT_EQ(net.size(), 2u);
  EXPECT_EQ(named(net, "conv").fused_ops, (std::vector<std::string>{"Mul", "Relu"}));
}

TEST(OnnxLayout, SplitAndSliceTakeOnnxShapes) {
  TinyModel m(13);
  m.input("x", {int64_t{1}, int64_t{12}, int64_t{6}, int64_t{6}}).ints("parts", {4, 8});
  m.ints("starts", {1}).ints("ends", {5}).ints("axes", {2}).output("y");
  set_int(m.node("Split", {"x", "parts"}, {"p", "q"}, "split"), "axis", 1);
  m.node("Slice", {"q", "starts", "ends", "axes"}, {"y"}, "slice");
  const Network net = import_ok(m, "split");
  EXPECT_EQ(named(net, "split").output, (Shape{4, 6, 6}));
  EXPECT_EQ(named(net, "split:1").output, (Shape{8, 6, 6}));
  EXPECT_EQ(named(net, "slice").output, (Shape{8, 4, 6}));
  EXPECT_EQ(named(net, "slice").kind, LayerKind::kShape);
  EXPECT_EQ(named(net, "slice").inputs, (std::vector<LayerId>{named(net, "split:1").id}));
}

TEST(OnnxConcat, ChannelAxisAndAConstantOperand) {
  TinyModel m;
  m.input("a", {int64_t{1}, int64_t{3}, int64_t{4}, int64_t{4}})
      .input("b", {int64_t{1}, int64_t{5}, int64_t{4}, int64_t{4}})
      .weight("token", {1, 2, 4, 4})
      .output("y");
  set_int(m.node("Concat", {"token", "a", "b"}, {"y"}, "cat"), "axis", 1);
  const Network net = import_ok(m, "concat");
  const Layer& cat = named(net, "cat");
  EXPECT_EQ(cat.kind, LayerKind::kConcat);
  EXPECT_EQ(cat.output, (Shape{10, 4, 4}));
  EXPECT_EQ(cat.concat()->axis, 0);  // ONNX axis 1 minus the batch
  EXPECT_EQ(cat.inputs.size(), 3u);
}

TEST(OnnxResize, UpsampleByScales) {
  TinyModel m(13);
  m.input("x", {int64_t{1}, int64_t{4}, int64_t{5}, int64_t{5}}).output("y");
  auto* scales = m.proto().mutable_graph()->add_initializer();
  scales->set_name("scales");
  scales->set_data_type(onnx::TensorProto::FLOAT);
  scales->add_dims(4);
  for (float s : {1.f, 1.f, 2.f, 2.f}) scales->add_float_data(s);
  m.node("Resize", {"x", "", "scales"}, {"y"}, "up");
  // The reader drops weight data but keeps tiny float tensors such as these scales.
  auto net = import_onnx(m.save("resize"), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  EXPECT_EQ(named(*net, "up").output, (Shape{4, 10, 10}));
  EXPECT_EQ(named(*net, "up").kind, LayerKind::kResample);
}

}  // namespace
}  // namespace dnne
